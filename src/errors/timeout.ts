import { KyxError, type KyxErrorOptions } from './kyx-error.js';

/** What a {@link KyxTimeoutError} knows: the call and the time it was given. */
export interface KyxTimeoutErrorInit extends KyxErrorOptions {
  /** Request method. */
  method: string;
  /** Request path (no host, no query). */
  path: string;
  /** The per-attempt timeout in milliseconds (or the call's `deadline`). */
  timeout: number;
  /** Whether `timeout` is the call's `deadline` (all attempts together) rather than one attempt's; default `false`. */
  deadline?: boolean | undefined;
}

/**
 * An attempt took longer than the configured `timeout`. On account create/update this is
 * ambiguous (the transaction may exist, `mayHaveCreated` is `true`), so it is never retried there.
 *
 * @example
 * ```ts
 * import { KyxTimeoutError } from 'jumio-kyx';
 * const error = new KyxTimeoutError({ method: 'GET', path: '/api/v1/accounts/x', timeout: 30_000 });
 * error.timeout; // 30000
 * ```
 */
export class KyxTimeoutError extends KyxError {
  override name = 'KyxTimeoutError';
  /** Request method. */
  readonly method: string;
  /** Request path (no host, no query). */
  readonly path: string;
  /** The per-attempt timeout in milliseconds (the call's `deadline` when that is what ran out). */
  readonly timeout: number;

  constructor(init: KyxTimeoutErrorInit) {
    super(
      init.deadline
        ? `${init.method} ${init.path} did not complete within its deadline of ${init.timeout} ms (all attempts together)`
        : `${init.method} ${init.path} timed out after ${init.timeout} ms`,
      init,
    );
    this.method = init.method;
    this.path = init.path;
    this.timeout = init.timeout;
  }
}
