import { KyxValidationError } from '../errors/index.js';
import { isLoopbackHost, writtenHost } from '../model/rules.js';

/**
 * The Jumio data centers: US (`amer-1`), EU (`emea-1`), SG (`apac-1`).
 *
 * @example
 * ```ts
 * import { REGIONS } from 'jumio-kyx';
 * REGIONS.includes('emea-1'); // true
 * ```
 */
export const REGIONS = ['amer-1', 'emea-1', 'apac-1'] as const;

/**
 * One of {@link REGIONS}.
 */
export type Region = (typeof REGIONS)[number];

/**
 * The origins a client talks to, one per Jumio API family.
 *
 * @example
 * ```ts
 * import { regionHosts } from 'jumio-kyx';
 * const hosts = regionHosts('emea-1');
 * hosts.account; // 'https://account.emea-1.jumio.ai'
 * ```
 */
export interface RegionHosts {
  /** OAuth2 token host (`/oauth2/token`). */
  auth: string;
  /** Account create/update host (`/api/v1/accounts`). */
  account: string;
  /** Credential upload and finalize host (the response's URLs are used verbatim). */
  api: string;
  /** Retrieval and deletion host. */
  retrieval: string;
  /** Health status host. */
  status: string;
}

/**
 * The hosts of a region, or — with `baseUrl` — that one origin for every family (the local
 * simulator serves all Jumio paths on one origin).
 *
 * @example
 * ```ts
 * import { regionHosts } from 'jumio-kyx';
 * regionHosts('amer-1', 'http://127.0.0.1:4010').retrieval; // 'http://127.0.0.1:4010'
 * ```
 */
export function regionHosts(region: Region, baseUrl?: string): RegionHosts {
  if (baseUrl !== undefined) {
    const base = assertSafeUrl(baseUrl, 'baseUrl').replace(/\/+$/, '');
    return { auth: base, account: base, api: base, retrieval: base, status: base };
  }
  const host = (family: string) => `https://${family}.${region}.jumio.ai`;
  return {
    auth: host('auth'),
    account: host('account'),
    api: host('api'),
    retrieval: host('retrieval'),
    status: host('status'),
  };
}

/**
 * Checks that a URL the client will send credentials or tokens to is absolute and `https:`
 * (plain `http:` only to a loopback host, such as the local simulator), carries no user info
 * (`https://user:pw@host`) and names its host the way the URL parser reads it (no `127.1`, no
 * `0x7f.1`, no percent-encoded or IDN spellings); `*.localhost` is not loopback. Returns it unchanged.
 *
 * @example
 * ```ts
 * import { assertSafeUrl } from 'jumio-kyx';
 * assertSafeUrl('http://127.0.0.1:4010', 'baseUrl'); // ok: loopback
 * // assertSafeUrl('http://example.com', 'baseUrl') throws KyxValidationError
 * // assertSafeUrl('http://127.1:4010', 'baseUrl') throws KyxValidationError (not canonical)
 * ```
 */
export function assertSafeUrl(url: string, field: string, subject = 'client options'): string {
  const problem = safeUrlProblem(url);
  if (problem !== undefined) throw new KyxValidationError({ issues: [{ path: field, message: problem }], subject });
  return url;
}

/** What makes `url` unsafe to send credentials or tokens to ({@link assertSafeUrl}'s rules), or `undefined`. */
export function safeUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return 'must not carry user info (user:password@): credentials go in headers, never in URLs';
  }
  if (writtenHost(url) !== parsed.hostname) {
    return `must name its host as the URL parser reads it (${parsed.hostname}), not in a shorthand or encoded form`;
  }
  const ok = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
  return ok ? undefined : 'must use https: (plain http: is allowed only for a loopback host)';
}

/**
 * Checks that a URL from a response (an upload part, finalize) is safe ({@link assertSafeUrl})
 * and on `origin`, the region's `api` host (or the `baseUrl`): the credential's `api.token` is
 * sent nowhere else. The message names the other origin, never the path or a token.
 */
export function assertApiUrl(url: string, field: string, subject: string, origin: string): string {
  assertSafeUrl(url, field, subject);
  const actual = new URL(url).origin;
  if (actual !== new URL(origin).origin) {
    throw new KyxValidationError({
      issues: [
        {
          path: field,
          message: `points at ${actual}, not ${new URL(origin).origin}: the api.token is sent only to the region's api host`,
        },
      ],
      subject,
    });
  }
  return url;
}
