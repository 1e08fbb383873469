/**
 * Per-call options.
 *
 * @example
 * ```ts
 * import type { CallOptions } from 'jumio-kyx';
 * const options: CallOptions = { signal: AbortSignal.timeout(60_000), timeout: 10_000, deadline: 30_000 };
 * ```
 */
export interface CallOptions {
  /** Cancels the call (and any retry wait). */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms for this call. */
  timeout?: number;
  /**
   * Milliseconds the whole call may take: every attempt, the waits for a rate-limit slot, the
   * token request and the retry delays together (default: none; each attempt has its `timeout`).
   * Past it the call fails with `KyxTimeoutError`, whose `mayHaveCreated` is `true` only when an
   * account request had been sent. For `waitForResult` it is the whole wait (see its options).
   */
  deadline?: number;
  /**
   * `'background'`: the call waits in the client's rate-limit queue behind every call without it
   * (`createResults` sends its retrieval calls so, so they never delay the application's own).
   */
  priority?: 'background';
}
