// The one printer of everything `kyx` shows: no byte that a terminal reads as a control reaches it.
import type { CliIo } from './io.js';

/**
 * C0 controls but the line feed (ESC starts CSI/OSC sequences, BEL ends OSC, CR rewrites a line),
 * DEL, C1 controls (U+009B is a one-character CSI), and the bidirectional and line-separator
 * characters that reorder or split what a reader sees.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this regex's job
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const asEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `text` with every control character written as `\uXXXX` (line feeds kept: a command's help has
 * several lines). Inside a JSON string `\uXXXX` is the same character, so JSON output stays JSON.
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, asEscape);
}

/** A value quoted for a one-line message: JSON quoting (line feeds escaped too), then {@link terminalSafe}. */
export function quoted(value: string): string {
  return terminalSafe(JSON.stringify(value));
}

/** `io` whose stdout and stderr go through {@link terminalSafe}: what `main` hands every command. */
export function safeIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (line) => io.stdout(terminalSafe(line)),
    stderr: (line) => io.stderr(terminalSafe(line)),
  };
}
