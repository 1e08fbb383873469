import type { KyxIssue } from './issues.js';
import type { KyxErrorOptions } from './kyx-error.js';
import { KyxValidationError } from './validation.js';

/** What a {@link KyxResponseError} knows: the call and what is wrong with its answer. */
export interface KyxResponseErrorInit extends KyxErrorOptions {
  /** Request method. */
  method: string;
  /** Request path (no host, no query). */
  path: string;
  /** What is wrong with the answer, each with the path of its field. */
  issues: readonly KyxIssue[];
}

/**
 * A response did not match the contract (not JSON, or missing the ids/URLs the client relies on).
 * A {@link KyxValidationError} whose `issues` name the fields; for account create/update the
 * transaction was probably created (`mayHaveCreated` is `true`).
 *
 * @example
 * ```ts
 * import { KyxResponseError } from 'jumio-kyx';
 * const error = new KyxResponseError({ method: 'POST', path: '/api/v1/accounts', issues: [{ path: 'account.id', message: 'must be a UUID' }] });
 * error.issues[0]?.path; // 'account.id'
 * ```
 */
export class KyxResponseError extends KyxValidationError {
  override name = 'KyxResponseError';
  /** Request method. */
  readonly method: string;
  /** Request path (no host, no query). */
  readonly path: string;

  constructor(init: KyxResponseErrorInit) {
    super({ ...init, subject: `response to ${init.method} ${init.path}` });
    this.method = init.method;
    this.path = init.path;
  }
}
