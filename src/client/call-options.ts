/**
 * Per-call options.
 *
 * @example
 * ```ts
 * import type { CallOptions } from 'jumio-kyx';
 * const options: CallOptions = { signal: AbortSignal.timeout(60_000), timeout: 10_000 };
 * ```
 */
export interface CallOptions {
  /** Cancels the call (and any retry wait). */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms for this call. */
  timeout?: number;
  /**
   * `'background'`: the call waits in the client's rate-limit queue behind every call without it
   * (`createResults` sends its retrieval calls so, so they never delay the application's own).
   */
  priority?: 'background';
}
