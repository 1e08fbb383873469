import { KyxError, type KyxErrorOptions } from './kyx-error.js';

/** What a {@link KyxNetworkError} knows about the exchange that got no complete answer. */
export interface KyxNetworkErrorInit extends KyxErrorOptions {
  /** Request method. */
  method: string;
  /** Request path (no host, no query). */
  path: string;
  /** System error code, if known (`ECONNREFUSED`, `ECONNRESET`, `UND_ERR_SOCKET`, …). */
  code?: string | undefined;
  /** Whether the connection failed before the answer (`request`, the default) or while its body was read (`body`). */
  stage?: 'request' | 'body' | undefined;
}

/**
 * The request never got a complete HTTP answer: connection refused, reset, DNS failure, TLS
 * error, or the connection dropped while the body was read (`stage: 'body'`: the server did
 * answer, so on account create/update the transaction probably exists). `code` is the system
 * error code when one is known (`ECONNREFUSED`, `ECONNRESET`, `UND_ERR_SOCKET`, …). On account
 * create/update `mayHaveCreated` is `false` only when the request provably never reached a
 * server (connection refused, host not found).
 *
 * @example
 * ```ts
 * import { KyxNetworkError } from 'jumio-kyx';
 * const error = new KyxNetworkError({ method: 'POST', path: '/api/v1/accounts', code: 'ECONNRESET' });
 * error.code; // 'ECONNRESET'
 * ```
 */
export class KyxNetworkError extends KyxError {
  override name = 'KyxNetworkError';
  /** Request method. */
  readonly method: string;
  /** Request path (no host, no query). */
  readonly path: string;
  /** System error code, if known. */
  readonly code: string | undefined;
  /** Whether the connection failed before the answer (`request`) or while its body was read (`body`). */
  readonly stage: 'request' | 'body';

  constructor(init: KyxNetworkErrorInit) {
    const what =
      init.stage === 'body' ? 'lost the connection while reading the answer' : 'failed before an HTTP answer';
    super(`${init.method} ${init.path} ${what}${init.code ? ` (${init.code})` : ''}`, init);
    this.method = init.method;
    this.path = init.path;
    this.code = init.code;
    this.stage = init.stage ?? 'request';
  }
}
