import { KyxError } from './kyx-error.js';

/**
 * Machine-readable kind of an HTTP failure, one per status family the Jumio API documents.
 */
export type KyxHttpErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'HTTP_ERROR';

/**
 * What a {@link KyxHttpError} knows about the failed exchange. Never holds headers, tokens or bodies.
 */
export interface KyxHttpErrorInit {
  /** HTTP status code. */
  status: number;
  /** Request method. */
  method: string;
  /** Request path (no host, no query string). */
  path: string;
  /** Problem-details `title`, when the body had one. */
  title?: string | undefined;
  /** Problem-details `detail`, when the body had one (scrubbed of anything token-like). */
  detail?: string | undefined;
  /** Seconds from a `Retry-After` header (429), when present. */
  retryAfter?: number | undefined;
  /** Whether the request may have created an account or execution (a 5xx after an account create/update); default `false`. */
  mayHaveCreated?: boolean | undefined;
  /** A sentence appended to the message that says what to do (subclasses such as {@link KyxForbiddenError} set one). */
  hint?: string | undefined;
}

function describe(init: KyxHttpErrorInit): string {
  const problem = [init.title, init.detail].filter((s) => s !== undefined && s !== '').join(': ');
  return `${init.method} ${init.path} failed with HTTP ${init.status}${problem ? ` (${problem})` : ''}${init.hint ? `. ${init.hint}` : ''}`;
}

/**
 * The Jumio API answered with an error status. Carries the status, the problem-details `title` /
 * `detail`, and the request method and path — never headers, tokens or the request body.
 * Subclasses exist per status: {@link KyxBadRequestError} (400), {@link KyxAuthenticationError}
 * (401), {@link KyxForbiddenError} (403), {@link KyxNotFoundError} (404),
 * {@link KyxRateLimitError} (429), {@link KyxServerError} (5xx).
 *
 * @example
 * ```ts
 * import { KyxHttpError, account, createClient } from 'jumio-kyx';
 * const client = createClient({
 *   region: 'amer-1',
 *   credentials: { clientId: 'id', clientSecret: 'secret' },
 *   userAgent: 'Acme Onboarding/1.0',
 * });
 * try {
 *   await client.send(account().ref('x').workflow(10011));
 * } catch (error) {
 *   if (error instanceof KyxHttpError) console.error(error.status, error.title, error.detail);
 * }
 * ```
 */
export class KyxHttpError extends KyxError {
  override name = 'KyxHttpError';
  /** HTTP status code. */
  readonly status: number;
  /** Kind of failure, by status. */
  readonly code: KyxHttpErrorCode;
  /** Problem-details `title`, if any. */
  readonly title: string | undefined;
  /** Problem-details `detail`, if any. */
  readonly detail: string | undefined;
  /** Request method. */
  readonly method: string;
  /** Request path (no host, no query). */
  readonly path: string;

  constructor(init: KyxHttpErrorInit) {
    super(describe(init), { mayHaveCreated: init.mayHaveCreated });
    this.status = init.status;
    this.code = kindOf(init.status).code;
    this.title = init.title;
    this.detail = init.detail;
    this.method = init.method;
    this.path = init.path;
  }
}

/**
 * HTTP 400: Jumio rejected the request as malformed.
 *
 * @example
 * ```ts
 * import { KyxBadRequestError } from 'jumio-kyx';
 * const error = new KyxBadRequestError({ status: 400, method: 'POST', path: '/api/v1/accounts' });
 * error.code; // 'BAD_REQUEST'
 * ```
 */
export class KyxBadRequestError extends KyxHttpError {
  override name = 'KyxBadRequestError';
}

/**
 * HTTP 401: the credentials or token were rejected (after one token refresh and replay for
 * tenant calls; an `api.token` cannot be refreshed, so its transaction has expired).
 *
 * @example
 * ```ts
 * import { KyxAuthenticationError } from 'jumio-kyx';
 * const error = new KyxAuthenticationError({ status: 401, method: 'POST', path: '/oauth2/token' });
 * error.code; // 'UNAUTHORIZED'
 * ```
 */
export class KyxAuthenticationError extends KyxHttpError {
  override name = 'KyxAuthenticationError';
}

/**
 * HTTP 403: usually a missing or unrecognisable `User-Agent`, or an OAuth2 client without the
 * permission (initiate vs retrieve/delete) this call needs.
 *
 * @example
 * ```ts
 * import { KyxForbiddenError } from 'jumio-kyx';
 * const error = new KyxForbiddenError({ status: 403, method: 'POST', path: '/api/v1/accounts' });
 * error.message.includes('User-Agent'); // true
 * ```
 */
export class KyxForbiddenError extends KyxHttpError {
  override name = 'KyxForbiddenError';

  constructor(init: KyxHttpErrorInit) {
    super({
      ...init,
      hint: 'Jumio answers 403 when the User-Agent header is missing or suspicious, or the OAuth2 client lacks the permission for this call',
    });
  }
}

/**
 * HTTP 404: unknown account or execution, data not (yet or any longer) available.
 *
 * @example
 * ```ts
 * import { KyxNotFoundError } from 'jumio-kyx';
 * const error = new KyxNotFoundError({ status: 404, method: 'GET', path: '/api/v1/accounts/x' });
 * error.code; // 'NOT_FOUND'
 * ```
 */
export class KyxNotFoundError extends KyxHttpError {
  override name = 'KyxNotFoundError';
}

/**
 * HTTP 429: the tenant's rate limit was exceeded (after the retries the policy allows).
 *
 * @example
 * ```ts
 * import { KyxRateLimitError } from 'jumio-kyx';
 * const error = new KyxRateLimitError({ status: 429, method: 'POST', path: '/api/v1/accounts', retryAfter: 2 });
 * error.retryAfter; // 2
 * ```
 */
export class KyxRateLimitError extends KyxHttpError {
  override name = 'KyxRateLimitError';
  /** Seconds the server asked to wait (`Retry-After`), if it said. */
  readonly retryAfter: number | undefined;

  constructor(init: KyxHttpErrorInit) {
    super(init);
    this.retryAfter = init.retryAfter;
  }
}

/**
 * HTTP 5xx: a server-side failure. On account create/update the transaction may or may not
 * exist (`mayHaveCreated` is `true`): check by `customerInternalReference` before sending again.
 *
 * @example
 * ```ts
 * import { KyxServerError } from 'jumio-kyx';
 * const error = new KyxServerError({ status: 503, method: 'GET', path: '/api/v1/accounts/x' });
 * error.code; // 'SERVER_ERROR'
 * ```
 */
export class KyxServerError extends KyxHttpError {
  override name = 'KyxServerError';
}

/** The code and the class of an HTTP failure. */
interface StatusKind {
  code: KyxHttpErrorCode;
  error: new (init: KyxHttpErrorInit) => KyxHttpError;
}

/** Status → code and class: the one table both `KyxHttpError.code` and {@link httpError} read. */
const BY_STATUS: Readonly<Record<number, StatusKind>> = {
  400: { code: 'BAD_REQUEST', error: KyxBadRequestError },
  401: { code: 'UNAUTHORIZED', error: KyxAuthenticationError },
  403: { code: 'FORBIDDEN', error: KyxForbiddenError },
  404: { code: 'NOT_FOUND', error: KyxNotFoundError },
  429: { code: 'RATE_LIMITED', error: KyxRateLimitError },
};
const SERVER: StatusKind = { code: 'SERVER_ERROR', error: KyxServerError };
const OTHER: StatusKind = { code: 'HTTP_ERROR', error: KyxHttpError };

/** The kind of `status`: its table entry, else any 5xx is a server error, else a plain HTTP error. */
function kindOf(status: number): StatusKind {
  return BY_STATUS[status] ?? (status >= 500 ? SERVER : OTHER);
}

/**
 * Builds the {@link KyxHttpError} subclass that matches `init.status`.
 *
 * @example
 * ```ts
 * import { KyxNotFoundError, httpError } from 'jumio-kyx';
 * httpError({ status: 404, method: 'GET', path: '/' }) instanceof KyxNotFoundError; // true
 * ```
 */
export function httpError(init: KyxHttpErrorInit): KyxHttpError {
  return new (kindOf(init.status).error)(init);
}
