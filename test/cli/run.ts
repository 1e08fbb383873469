// Runs `kyx` in process, with its own environment and buffers for stdout and stderr.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBounded } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** What one `kyx` run printed and returned. */
export interface KyxRun {
  code: number;
  out: string[];
  err: string[];
  /** stdout parsed as one JSON value. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read the JSON they asserted the shape of
  json: () => any;
}

/** Options of {@link kyx}. */
export interface KyxOptions {
  env?: Record<string, string | undefined>;
  stdin?: string;
  tty?: boolean;
  signal?: AbortSignal;
}

/** Runs `kyx argv…` in process. */
export async function kyx(argv: string[], options: KyxOptions = {}): Promise<KyxRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    signal: options.signal ?? new AbortController().signal,
    readStdin: (maxBytes) => readBounded([new TextEncoder().encode(options.stdin ?? '')], maxBytes),
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
  });
  return { code, out, err, json: () => JSON.parse(out.join('\n')) };
}

/** A scratch folder with a `file(name, content)` writer; `remove()` deletes it. */
export function scratch(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file(name: string, content: unknown): string {
      const path = join(dir, name);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A loopback port that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An error line as the CLI must print it: one line, no stack trace. */
export const ONE_LINE = /^kyx [a-z]+: [^\n]+$/;
