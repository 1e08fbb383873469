import { KyxHttpError, type KyxHttpErrorInit } from './http.js';

/** What a {@link KyxRedirectError} knows: the exchange and the origin the answer pointed to. */
export interface KyxRedirectErrorInit extends KyxHttpErrorInit {
  /** The origin of the `Location` header, if it had a valid one (never its path or query). */
  location?: string | undefined;
}

/**
 * The server answered with a redirect (3xx). The client never follows one: an account request,
 * a token or an ID image must not go to wherever an answer points. Carries the status and the
 * origin the `Location` header named (never its path or query, which may hold tokens).
 *
 * @example
 * ```ts
 * import { KyxRedirectError } from 'jumio-kyx';
 * const error = new KyxRedirectError({ status: 302, method: 'POST', path: '/api/v1/accounts', location: 'https://elsewhere.example' });
 * error.location; // 'https://elsewhere.example'
 * error.message; // 'POST /api/v1/accounts failed with HTTP 302. Redirect to https://elsewhere.example not followed …'
 * ```
 */
export class KyxRedirectError extends KyxHttpError {
  override name = 'KyxRedirectError';
  /** The origin of the `Location` header, if it had a valid one. */
  readonly location: string | undefined;

  constructor(init: KyxRedirectErrorInit) {
    super({
      ...init,
      hint: `Redirect to ${init.location ?? 'an unnamed location'} not followed (the client follows no redirects; check baseUrl and the network path)`,
    });
    this.location = init.location;
  }
}
