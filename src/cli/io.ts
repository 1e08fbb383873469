/** Where a command writes and what stops it: the process in the bin, buffers in tests. */
export interface CliIo {
  /** Writes one line to standard output. */
  readonly stdout: (line: string) => void;
  /** Writes one line to standard error. */
  readonly stderr: (line: string) => void;
  /**
   * Reads standard input as text (for `kyx validate -`, `kyx send -`, …): at most `maxBytes`, or
   * rejects with {@link InputTooLargeError} as soon as more arrives (and reads no further).
   */
  readonly readStdin: (maxBytes: number) => Promise<string>;
  /** Aborts when a long-running command (simulate, wait) should stop, e.g. on SIGINT/SIGTERM. */
  readonly signal: AbortSignal;
  /** Environment variables (`JUMIO_CLIENT_ID`, …); the bin passes `process.env`. Default: none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal: JSON is then pretty-printed, else one line. */
  readonly stdoutIsTTY?: boolean;
}

/** Standard input was larger than the bound a command reads. */
export class InputTooLargeError extends Error {
  override name = 'InputTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`standard input is larger than ${maxBytes} bytes`);
  }
}

/**
 * Reads a stream of chunks as UTF-8 text, at most `maxBytes`: the bin's standard input. Throws
 * {@link InputTooLargeError} as soon as the bound is passed, having kept at most `maxBytes`.
 */
export async function readBounded(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  maxBytes: number,
): Promise<string> {
  const kept: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.length;
    if (total > maxBytes) throw new InputTooLargeError(maxBytes);
    kept.push(bytes);
  }
  return new TextDecoder().decode(Buffer.concat(kept, total));
}
