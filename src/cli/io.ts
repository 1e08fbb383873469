/** Where a command writes and what stops it: the process in the bin, buffers in tests. */
export interface CliIo {
  /** Writes one line to standard output. */
  readonly stdout: (line: string) => void;
  /** Writes one line to standard error. */
  readonly stderr: (line: string) => void;
  /** Reads all of standard input (for `kyx validate -`). */
  readonly readStdin: () => Promise<string>;
  /** Aborts when a long-running command (simulate) should stop, e.g. on SIGINT/SIGTERM. */
  readonly signal: AbortSignal;
}
