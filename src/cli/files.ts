import { open } from 'node:fs/promises';
import { MAX_UPLOAD_BYTES } from '../model/limits.js';
import { CliError, EXIT, usageError } from './exit.js';
import { type CliIo, InputTooLargeError } from './io.js';
import { jsonErrorPlace } from './json-error.js';

/** The most `kyx` reads of a JSON input (a request body, a saved response, prepared data, workflows). */
export const MAX_JSON_BYTES = 1024 * 1024;
/** The most `kyx upload` reads of a part file: Jumio's 15 MB limit, and the client's. */
export const MAX_FILE_BYTES = MAX_UPLOAD_BYTES;

const CHUNK = 64 * 1024;
const sourceName = (source: string) => (source === '-' ? '(stdin)' : source);
const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

/** The size error: what was read, the bound, what to do. */
const tooLarge = (source: string, max: number) =>
  new CliError(
    EXIT.invalid,
    `${sourceName(source)}: larger than ${mib(max)}, the most kyx reads there: name the right file`,
  );

/**
 * The bytes of a file, or of standard input for `-`, reading at most `max` bytes (a device such as
 * /dev/zero, a pipe or a growing file included: the size is counted while reading, never trusted
 * from `stat`). A missing or unreadable file is a usage error; a larger one is invalid input.
 */
export async function readBytes(source: string, io: CliIo, max: number): Promise<Uint8Array> {
  if (source === '-') {
    try {
      return new TextEncoder().encode(await io.readStdin(max));
    } catch (error) {
      if (error instanceof InputTooLargeError) throw tooLarge(source, max);
      throw error;
    }
  }
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(source, 'r');
  } catch (error) {
    throw openError(source, error);
  }
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buffer = new Uint8Array(Math.min(CHUNK, max + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > max) throw tooLarge(source, max);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw openError(source, error);
  } finally {
    await handle.close();
  }
}

function openError(source: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  const name = sourceName(source);
  if (code === 'ENOENT') return usageError(`${name}: no such file: check the path`);
  if (code === 'EISDIR') return usageError(`${name}: is a directory: name a file`);
  if (code === 'EACCES') return usageError(`${name}: permission denied: check the file's permissions`);
  return usageError(`${name}: cannot be read (${code ?? 'error'})`);
}

/** The text of a JSON input (a file, or standard input for `-`), at most {@link MAX_JSON_BYTES}. */
export async function readSource(source: string, io: CliIo): Promise<string> {
  if (source === '-') {
    try {
      return await io.readStdin(MAX_JSON_BYTES);
    } catch (error) {
      if (error instanceof InputTooLargeError) throw tooLarge(source, MAX_JSON_BYTES);
      throw error;
    }
  }
  return new TextDecoder().decode(await readBytes(source, io, MAX_JSON_BYTES));
}

/**
 * Parses JSON text; unreadable JSON is invalid input (exit code 1), named with its source and the
 * line and column where it stops being JSON. Never any of the text itself: the file may be a secret.
 */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const place = jsonErrorPlace(text);
    const where =
      place === undefined
        ? 'nested too deeply'
        : `at line ${place.line}, column ${place.column}: expected ${place.expected}`;
    throw new CliError(EXIT.invalid, `${sourceName(source)}: not readable JSON (${where}): fix the file`);
  }
}

/** Reads and parses a JSON file (or `-`). */
export async function readJson(source: string, io: CliIo): Promise<unknown> {
  return parseJson(await readSource(source, io), source);
}
