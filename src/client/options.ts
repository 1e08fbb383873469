import * as v from 'valibot';
import type { KyxIssue } from '../errors/index.js';
import { checkOptionsWith, falseOr, numberIn, optionsObject, positive } from '../model/option-schema.js';
import { parseWith } from '../model/parse.js';
import { MAX_RESPONSE_BYTES, type ResponseLimits } from '../shared/body.js';
import { type KyxStore, STORE_OPERATIONS } from '../store/types.js';
import type { KyxHooks } from './hooks.js';
import { type IdempotencyOptions, IdempotencyOptionsSchema } from './idempotency.js';
import { type RateLimits, RateLimitsSchema } from './rate-limits.js';
import { REGIONS, type Region, safeUrlProblem } from './regions.js';
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

/** What a header value may hold: visible ASCII and inner spaces (RFC 9110 field-value, no obs-text). */
const HEADER_VALUE = /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/;

/** Largest per-attempt timeout (10 minutes), of the client and of one call, and retry wait bound (1 hour) an option may set. */
const MAX_TIMEOUT_MS = 600_000;
const MAX_WAIT_MS = 3_600_000;
/** Most retries an option may ask for. */
const MAX_RETRIES = 10;

/** A `timeout` (the client's or a call's): a positive number of ms up to 10 minutes. */
const TimeoutSchema = v.pipe(
  positive(`must be a positive number of milliseconds, at most ${MAX_TIMEOUT_MS}`),
  v.maxValue(MAX_TIMEOUT_MS, `must be a positive number of milliseconds, at most ${MAX_TIMEOUT_MS}`),
);
const CallTimeoutSchema = v.object({ timeout: TimeoutSchema });

/** The issue of a `timeout` (the client's or a call's) that is not a positive number of ms up to 10 minutes. */
export function timeoutIssues(timeout: unknown): readonly KyxIssue[] {
  if (v.is(TimeoutSchema, timeout)) return []; // every call asks: the good case stays cheap
  const result = parseWith(CallTimeoutSchema, { timeout }, { quoteValues: false });
  return result.success ? [] : result.issues;
}

const NON_EMPTY = 'must not be empty';
const NonEmptySchema = v.pipe(
  v.string(NON_EMPTY),
  v.check((s) => s.trim().length > 0, NON_EMPTY),
);
const PairSchema = optionsObject({ clientId: NonEmptySchema, clientSecret: NonEmptySchema });
/** A pair not given: both its fields are named. */
const NO_PAIR = { clientId: '', clientSecret: '' };
const SplitSchema = optionsObject({
  initiate: v.optional(PairSchema, NO_PAIR),
  retrieval: v.optional(PairSchema, NO_PAIR),
});

const USER_AGENT_REQUIRED = 'is required: Jumio answers 403 without one (e.g. "Acme Onboarding/1.0")';
const USER_AGENT_HEADER =
  'must be a valid header value: at most 256 visible ASCII characters and spaces, no control characters';
const bytes = numberIn(1, MAX_RESPONSE_BYTES, `must be a whole number of bytes from 1 to ${MAX_RESPONSE_BYTES}`, true);
const waitMs = numberIn(0, MAX_WAIT_MS, `must be a number of milliseconds from 0 to ${MAX_WAIT_MS}`);

/** The schema of {@link ClientOptions}; every message names the field and never echoes its value. */
const ClientOptionsSchema = optionsObject({
  region: v.picklist(REGIONS, `must be one of ${REGIONS.join(', ')}`),
  // one client's pair, or `{ initiate, retrieval }` (chosen by those keys); a missing pair names its two fields
  credentials: v.optional(
    v.lazy((c) =>
      c !== null && typeof c === 'object' && ('initiate' in c || 'retrieval' in c) ? SplitSchema : PairSchema,
    ),
    NO_PAIR,
  ),
  userAgent: v.pipe(
    v.string(USER_AGENT_REQUIRED),
    v.check((s) => s.trim().length > 0, USER_AGENT_REQUIRED),
    v.check((s) => !/[\r\n]/.test(s), 'must not contain line breaks'),
    v.regex(HEADER_VALUE, USER_AGENT_HEADER),
    v.maxLength(256, USER_AGENT_HEADER),
  ),
  fetch: v.optional(v.function('must be a function')),
  baseUrl: v.optional(
    v.custom<string>(
      (url) => typeof url === 'string' && safeUrlProblem(url) === undefined,
      (issue) => (typeof issue.input === 'string' && safeUrlProblem(issue.input)) || 'must be an absolute URL',
    ),
  ),
  timeout: v.optional(TimeoutSchema),
  rateLimits: v.optional(RateLimitsSchema),
  idempotency: v.optional(IdempotencyOptionsSchema),
  store: v.optional(
    v.custom<KyxStore>(
      (store) => STORE_OPERATIONS.every((op) => typeof (store as Record<string, unknown> | null)?.[op] === 'function'),
      `must be a KyxStore (${STORE_OPERATIONS.join(', ')})`,
    ),
  ),
  retry: v.optional(
    falseOr(
      optionsObject(
        {
          limit: v.optional(
            numberIn(0, MAX_RETRIES, `must be a whole number of retries from 0 to ${MAX_RETRIES}`, true),
          ),
          backoffLimit: v.optional(waitMs),
          maxRetryAfter: v.optional(waitMs),
          delay: v.optional(v.function('must be a function (attempt) => milliseconds')),
          jitter: v.optional(v.boolean('must be true or false')),
        },
        'must be retry settings or false',
      ),
    ),
  ),
  maxResponseBytes: v.optional(
    optionsObject({ json: v.optional(bytes), image: v.optional(bytes) }, 'must be an object { json?, image? }'),
  ),
});

/** Checks the options (all issues at once); every message names the field and never echoes its value. */
export function checkOptions(options: ClientOptions): void {
  checkOptionsWith(ClientOptionsSchema, options, 'client options');
}
