import { KyxError } from '../errors.js';

/**
 * A {@link KyxStore} operation failed (the Redis server is down, a connection was lost, …).
 * A call that was waiting for a rate-limit slot or an idempotency key was not sent. `cause`
 * holds the store's own error. When the store fails *after* an account request was sent, the
 * request's own error is thrown instead (its `mayHaveCreated` says whether the account may
 * exist), with this error as its `cause`.
 *
 * @example
 * ```ts
 * import { KyxStoreError } from 'jumio-kyx';
 * const error = new KyxStoreError('reserve', new Error('connection lost'));
 * error.operation; // 'reserve'
 * ```
 */
export class KyxStoreError extends KyxError {
  override name = 'KyxStoreError';
  /** The store operation that failed. */
  readonly operation: string;

  constructor(operation: string, cause: unknown) {
    super(`The client's store failed (${operation})`, { cause });
    this.operation = operation;
  }
}
