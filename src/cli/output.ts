import type { CliIo } from './io.js';

/** Writes a value as JSON on stdout: pretty on a terminal, one line when piped. */
export function printJson(value: unknown, io: CliIo): void {
  io.stdout(io.stdoutIsTTY ? JSON.stringify(value, null, 2) : JSON.stringify(value));
}
