import { type KyxIssue, KyxValidationError } from '../errors/index.js';
import { MAX_RESPONSE_BYTES, type ResponseLimits } from '../shared/body.js';
import { type KyxStore, STORE_OPERATIONS } from '../store/types.js';
import type { KyxHooks } from './hooks.js';
import { type IdempotencyOptions, idempotencyIssues } from './idempotency.js';
import { type RateLimits, rateLimitIssues } from './rate-limits.js';
import { REGIONS, type Region } from './regions.js';
import type { RetrySettings } from './retry-policy.js';

/**
 * A fetch-compatible function (the global `fetch`, undici's, a test double). ky calls it with a
 * `Request`.
 */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/**
 * OAuth2 client credentials (Portal: Settings > API credentials > OAuth2 Clients). Server-side only.
 */
export interface ClientCredentials {
  /** OAuth2 client id. */
  clientId: string;
  /** OAuth2 client secret. Never appears in errors, hook events or `inspect` output. */
  clientSecret: string;
}

/**
 * Two OAuth2 clients of one tenant, each limited to one permission (the Portal offers clients
 * that may initiate transactions, or retrieve and delete them, or both). Each call uses the
 * token of the client its permission needs: `initiate` for `send` and `sendAll` (account create
 * and update); `retrieval` for `status`, `details`, `steps`, `waitForResult`, `partImage` and
 * both deletions (and the callback handler's re-fetch). Uploads and finalize use the
 * transaction's own `api.token`, health no token. Both clients share the tenant's rate limits
 * and idempotency keys (named after the `initiate` client). Secrets of both never appear in
 * errors, hook events or `inspect` output.
 *
 * @example
 * ```ts
 * import { createClient, type SplitCredentials } from 'jumio-kyx';
 * const credentials: SplitCredentials = {
 *   initiate: { clientId: 'onboarding-id', clientSecret: 'onboarding-secret' },
 *   retrieval: { clientId: 'back-office-id', clientSecret: 'back-office-secret' },
 * };
 * createClient({ region: 'amer-1', credentials, userAgent: 'Acme Onboarding/1.0' });
 * ```
 */
export interface SplitCredentials {
  /** The client allowed to initiate transactions (account create and update). */
  initiate: ClientCredentials;
  /** The client allowed to retrieve and delete transactions. */
  retrieval: ClientCredentials;
}

/**
 * Options of {@link createClient}.
 *
 * @example
 * ```ts
 * import type { ClientOptions } from 'jumio-kyx';
 * const options: ClientOptions = {
 *   region: 'emea-1',
 *   credentials: { clientId: 'id', clientSecret: 'secret' },
 *   userAgent: 'Acme Onboarding/1.0',
 *   timeout: 20_000,
 * };
 * ```
 */
export interface ClientOptions {
  /** Data center: `amer-1` (US), `emea-1` (EU), `apac-1` (SG). */
  region: Region;
  /**
   * OAuth2 client credentials: one client with both permissions, or `{ initiate, retrieval }`,
   * two clients each limited to one ({@link SplitCredentials}).
   */
  credentials: ClientCredentials | SplitCredentials;
  /** Identifies your business and app (`Company App/1.0`); Jumio answers 403 without one. */
  userAgent: string;
  /** Replaces the transport's fetch (default: the global `fetch`). */
  fetch?: FetchLike;
  /**
   * One origin for every Jumio host (the local simulator). `https:`, or `http:` on loopback only.
   */
  baseUrl?: string;
  /** Per-attempt timeout in ms (default 30,000). */
  timeout?: number;
  /** Retry numbers (which errors are retried follows `RETRY_POLICIES`); `false` disables retries. */
  retry?: RetrySettings | false;
  /** Observability hooks, called for every attempt with redacted events. */
  hooks?: KyxHooks;
  /**
   * The tenant limits every call waits its turn under (default: Jumio's documented ones,
   * {@link DEFAULT_RATE_LIMITS}); `false` turns all off, `{ account: false }` one.
   */
  rateLimits?: RateLimits | false;
  /**
   * Where limits and idempotency keys are kept (default: a {@link memoryStore} of this client).
   * Give every client of one tenant the same store (`redisStore` from `jumio-kyx/redis` for
   * several processes) so that together they keep to the tenant's limits.
   */
  store?: KyxStore;
  /** How idempotency keys are kept. */
  idempotency?: IdempotencyOptions;
  /**
   * Bounds of the answer bodies read, in bytes (default: JSON 1 MiB, part images 16 MiB). A
   * larger body is refused as it streams with a `KyxResponseError`.
   */
  maxResponseBytes?: ResponseLimits;
}

const nonEmpty = (value: unknown) => typeof value === 'string' && value.trim().length > 0;

/** What a header value may hold: visible ASCII and inner spaces (RFC 9110 field-value, no obs-text). */
const HEADER_VALUE = /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/;

/** Largest per-attempt timeout (10 minutes), of the client and of one call, and retry wait bound (1 hour) an option may set. */
const MAX_TIMEOUT_MS = 600_000;
const MAX_WAIT_MS = 3_600_000;

/** The issue of a `timeout` (the client's or a call's) that is not a positive number of ms up to 10 minutes. */
export function timeoutIssues(timeout: unknown): KyxIssue[] {
  return typeof timeout === 'number' && timeout > 0 && timeout <= MAX_TIMEOUT_MS
    ? []
    : [{ path: 'timeout', message: `must be a positive number of milliseconds, at most ${MAX_TIMEOUT_MS}` }];
}
/** Most retries an option may ask for. */
const MAX_RETRIES = 10;

/** A number option: finite, within [min, max] (and whole when `integer`); the issue, or nothing. */
function checkNumber(
  issues: KyxIssue[],
  path: string,
  value: unknown,
  min: number,
  max: number,
  unit: string,
  integer = false,
): void {
  if (value === undefined) return;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isInteger(value));
  if (!ok)
    issues.push({ path, message: `must be a ${integer ? 'whole ' : ''}number of ${unit} from ${min} to ${max}` });
}

function checkRetry(issues: KyxIssue[], retry: unknown): void {
  if (retry === undefined || retry === false) return;
  if (typeof retry !== 'object' || retry === null) {
    issues.push({ path: 'retry', message: 'must be retry settings or false' });
    return;
  }
  const r = retry as Record<string, unknown>;
  checkNumber(issues, 'retry.limit', r['limit'], 0, MAX_RETRIES, 'retries', true);
  checkNumber(issues, 'retry.backoffLimit', r['backoffLimit'], 0, MAX_WAIT_MS, 'milliseconds');
  checkNumber(issues, 'retry.maxRetryAfter', r['maxRetryAfter'], 0, MAX_WAIT_MS, 'milliseconds');
  if (r['delay'] !== undefined && typeof r['delay'] !== 'function') {
    issues.push({ path: 'retry.delay', message: 'must be a function (attempt) => milliseconds' });
  }
  if (r['jitter'] !== undefined && typeof r['jitter'] !== 'boolean') {
    issues.push({ path: 'retry.jitter', message: 'must be true or false' });
  }
}

function checkLimits(issues: KyxIssue[], limits: unknown): void {
  if (limits === undefined) return;
  if (typeof limits !== 'object' || limits === null) {
    issues.push({ path: 'maxResponseBytes', message: 'must be an object { json?, image? }' });
    return;
  }
  const l = limits as Record<string, unknown>;
  checkNumber(issues, 'maxResponseBytes.json', l['json'], 1, MAX_RESPONSE_BYTES, 'bytes', true);
  checkNumber(issues, 'maxResponseBytes.image', l['image'], 1, MAX_RESPONSE_BYTES, 'bytes', true);
}

/** Checks the options; every message names the field and never echoes its value. */
export function checkOptions(options: ClientOptions): void {
  const issues: KyxIssue[] = [];
  const o = (options ?? {}) as Partial<ClientOptions>;
  if (!(REGIONS as readonly unknown[]).includes(o.region)) {
    issues.push({ path: 'region', message: `must be one of ${REGIONS.join(', ')}` });
  }
  const credentials = o.credentials as Partial<ClientCredentials & SplitCredentials> | undefined;
  const pairs: [string, Partial<ClientCredentials> | undefined][] =
    credentials !== null && typeof credentials === 'object' && ('initiate' in credentials || 'retrieval' in credentials)
      ? [
          ['credentials.initiate', credentials.initiate],
          ['credentials.retrieval', credentials.retrieval],
        ]
      : [['credentials', credentials]];
  for (const [path, pair] of pairs) {
    if (!nonEmpty(pair?.clientId)) issues.push({ path: `${path}.clientId`, message: 'must not be empty' });
    if (!nonEmpty(pair?.clientSecret)) issues.push({ path: `${path}.clientSecret`, message: 'must not be empty' });
  }
  if (!nonEmpty(o.userAgent)) {
    issues.push({
      path: 'userAgent',
      message: 'is required: Jumio answers 403 without one (e.g. "Acme Onboarding/1.0")',
    });
  } else if (/[\r\n]/.test(o.userAgent as string)) {
    issues.push({ path: 'userAgent', message: 'must not contain line breaks' });
  } else if (!HEADER_VALUE.test(o.userAgent as string) || (o.userAgent as string).length > 256) {
    issues.push({
      path: 'userAgent',
      message: 'must be a valid header value: at most 256 visible ASCII characters and spaces, no control characters',
    });
  }
  if (o.fetch !== undefined && typeof o.fetch !== 'function')
    issues.push({ path: 'fetch', message: 'must be a function' });
  if (o.timeout !== undefined) issues.push(...timeoutIssues(o.timeout));
  issues.push(...rateLimitIssues(o.rateLimits), ...idempotencyIssues(o.idempotency));
  if (
    o.store !== undefined &&
    !STORE_OPERATIONS.every((op) => typeof (o.store as unknown as Record<string, unknown>)?.[op] === 'function')
  ) {
    issues.push({ path: 'store', message: `must be a KyxStore (${STORE_OPERATIONS.join(', ')})` });
  }
  checkRetry(issues, o.retry);
  checkLimits(issues, o.maxResponseBytes);
  if (issues.length > 0) throw new KyxValidationError({ issues, subject: 'client options' });
}
