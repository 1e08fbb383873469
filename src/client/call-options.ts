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
}
