import { readFile } from 'node:fs/promises';
import { CliError, EXIT, usageError } from './exit.js';
import type { CliIo } from './io.js';

/** The text of a file, or of standard input for `-`; a missing or unreadable file is a usage error. */
export async function readSource(source: string, io: CliIo): Promise<string> {
  if (source === '-') return io.readStdin();
  try {
    return await readFile(source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw usageError(`${source}: no such file: check the path`);
    if (code === 'EISDIR') throw usageError(`${source}: is a directory: name a JSON file`);
    if (code === 'EACCES') throw usageError(`${source}: permission denied: check the file's permissions`);
    throw usageError(`${source}: cannot be read (${code ?? 'error'})`);
  }
}

/** Parses JSON text; unreadable JSON is invalid input (exit code 1), named with its source. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const name = source === '-' ? '(stdin)' : source;
    throw new CliError(EXIT.invalid, `${name}: not readable JSON (${(error as Error).message}): fix the file`);
  }
}

/** Reads and parses a JSON file (or `-`). */
export async function readJson(source: string, io: CliIo): Promise<unknown> {
  return parseJson(await readSource(source, io), source);
}
