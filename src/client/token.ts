import type { TokenResponse } from '../model/response.js';
import { TokenResponseSchema } from '../model/response-schemas.js';
import { RecentSet } from './recent.js';
import type { TokenSource, Transport } from './transport.js';

/** UTF-8 aware base64 (btoa alone takes only Latin-1). */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Client-credentials settings of the token cache. */
export interface TokenManagerOptions {
  transport: Transport;
  /** Token endpoint URL. */
  url: string;
  clientId: string;
  clientSecret: string;
  /** Refresh this many seconds before `expires_in` runs out (at most half the lifetime). */
  skewSeconds?: number;
}

/**
 * OAuth2 client-credentials token cache: one token for all callers until shortly before it
 * expires, one token request in flight at a time, `invalidate` after a 401.
 */
export class TokenManager implements TokenSource {
  readonly #options: TokenManagerOptions;
  readonly #basic: string;
  #cached: { token: string; refreshAt: number } | undefined;
  #pending: Promise<string> | undefined;
  /** The most recent tokens this manager obtained, for scrubbing. */
  readonly #issued = new RecentSet(16);

  constructor(options: TokenManagerOptions) {
    this.#options = options;
    this.#basic = base64(`${options.clientId}:${options.clientSecret}`);
  }

  /** The cached token, or a fresh one (shared by concurrent callers). */
  get(): Promise<string> {
    const cached = this.#cached;
    if (cached !== undefined && Date.now() < cached.refreshAt) return Promise.resolve(cached.token);
    this.#pending ??= this.#request().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  /** Drops `token` if it is still the cached one (a 401 said it is no longer valid). */
  invalidate(token: string): void {
    if (this.#cached?.token === token) this.#cached = undefined;
  }

  /** Secrets this manager knows: client secret, Basic credentials and tokens issued. */
  secrets(): string[] {
    return [this.#options.clientSecret, this.#basic, ...this.#issued.values()];
  }

  /**
   * Requests a fresh token now, whatever is cached, and caches it: Jumio's answer (`kyx token`
   * prints it). The token is a secret; this manager's transport scrubs it from errors.
   */
  async issue(signal?: AbortSignal): Promise<TokenResponse> {
    const answer = await this.#options.transport.json(
      {
        operation: 'token',
        method: 'POST',
        url: this.#options.url,
        auth: { kind: 'basic', credentials: this.#basic },
        body: 'grant_type=client_credentials',
        contentType: 'application/x-www-form-urlencoded',
        signal,
      },
      TokenResponseSchema,
    );
    const lifetime = answer.expires_in;
    const skew = Math.min(this.#options.skewSeconds ?? 60, lifetime / 2);
    this.#issued.add(answer.access_token);
    this.#cached = { token: answer.access_token, refreshAt: Date.now() + (lifetime - skew) * 1000 };
    return answer;
  }

  async #request(): Promise<string> {
    return (await this.issue()).access_token;
  }
}

/** The token manager of each client (of its initiate credentials), for `kyx token`; never a property of the client. */
const managers = new WeakMap<object, TokenManager>();

/** Records the token manager of `client`. */
export function registerTokens(client: object, manager: TokenManager): void {
  managers.set(client, manager);
}

/** The token manager `client` was made with, if it was made by `createClient`. */
export function tokensOf(client: object): TokenManager | undefined {
  return managers.get(client);
}
