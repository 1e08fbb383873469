/** Where a command writes and what stops it: the process in the bin, buffers in tests. */
export interface CliIo {
  /** Writes one line to standard output. */
  readonly stdout: (line: string) => void;
  /** Writes one line to standard error. */
  readonly stderr: (line: string) => void;
  /** Reads all of standard input (for `kyx validate -` and `kyx send -`). */
  readonly readStdin: () => Promise<string>;
  /** Aborts when a long-running command (simulate, wait) should stop, e.g. on SIGINT/SIGTERM. */
  readonly signal: AbortSignal;
  /** Environment variables (`JUMIO_CLIENT_ID`, …); the bin passes `process.env`. Default: none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal: JSON is then pretty-printed, else one line. */
  readonly stdoutIsTTY?: boolean;
}
