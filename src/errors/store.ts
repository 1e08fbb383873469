import { KyxError } from './kyx-error.js';

/** What a {@link KyxStoreError} knows: the store operation and the store's own error. */
export interface KyxStoreErrorInit {
  /** The store operation that failed (`reserve`, `claim`, `record`, `connect`, …). */
  operation: string;
  /** The store's own error. */
  cause: unknown;
  /** A sentence appended to the message that says what to do, when known. */
  hint?: string | undefined;
}

/**
 * A {@link KyxStore} operation failed (the Redis server is down, a connection was lost, the
 * `redis` package is not installed, …). A call that was waiting for a rate-limit slot or an
 * idempotency key was not sent. `cause` holds the store's own error. When the store fails
 * *after* an account request was sent, the request's own error is thrown instead (its
 * `mayHaveCreated` says whether the account may exist), with this error as its `cause`.
 *
 * @example
 * ```ts
 * import { KyxStoreError } from 'jumio-kyx';
 * const error = new KyxStoreError({ operation: 'reserve', cause: new Error('connection lost') });
 * error.operation; // 'reserve'
 * ```
 */
export class KyxStoreError extends KyxError {
  override name = 'KyxStoreError';
  /** The store operation that failed. */
  readonly operation: string;

  constructor(init: KyxStoreErrorInit) {
    super(`The client's store failed (${init.operation})${init.hint ? `: ${init.hint}` : ''}`, { cause: init.cause });
    this.operation = init.operation;
  }
}
