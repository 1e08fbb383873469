/**
 * The kinds of call the client makes; each has its own retry policy.
 */
export type Operation = 'token' | 'account' | 'upload' | 'finalize' | 'retrieval' | 'deletion' | 'health';

/**
 * When one operation is retried. Which errors are safe to retry follows the API's semantics, not
 * the HTTP verb.
 *
 * @example
 * ```ts
 * import { RETRY_POLICIES } from 'jumio-kyx';
 * RETRY_POLICIES.account.statusCodes; // [429]
 * ```
 */
export interface RetryPolicy {
  /** Statuses that prove nothing was processed or that are transient for a read. */
  readonly statusCodes: readonly number[];
  /** Whether an attempt that timed out may be repeated. */
  readonly timeouts: boolean;
  /**
   * Which transport failures may be repeated: `'never-sent'` only connection refused / DNS
   * failures, `'any'` also resets and other socket errors.
   */
  readonly network: 'never-sent' | 'any';
  /** Why, in one line. */
  readonly reason: string;
}

const TRANSIENT = [429, 500, 502, 503, 504] as const;

/**
 * The retry table. Account POST/PUT start a billable transaction, so only what provably was not
 * processed (429, connection refused) is repeated — never a reset, a timeout or a 5xx.
 *
 * @example
 * ```ts
 * import { RETRY_POLICIES } from 'jumio-kyx';
 * RETRY_POLICIES.retrieval.timeouts; // true
 * RETRY_POLICIES.account.timeouts; // false
 * ```
 */
export const RETRY_POLICIES: Readonly<Record<Operation, RetryPolicy>> = {
  token: { statusCodes: TRANSIENT, timeouts: true, network: 'any', reason: 'idempotent; Jumio caches the token' },
  account: {
    statusCodes: [429],
    timeouts: false,
    network: 'never-sent',
    reason: 'billable: repeat only what was provably not processed',
  },
  upload: { statusCodes: [429], timeouts: false, network: 'never-sent', reason: 'repeat behaviour undocumented' },
  finalize: { statusCodes: [429], timeouts: false, network: 'never-sent', reason: 'repeat behaviour undocumented' },
  retrieval: { statusCodes: TRANSIENT, timeouts: true, network: 'any', reason: 'read-only' },
  deletion: {
    statusCodes: [429],
    timeouts: false,
    network: 'never-sent',
    reason: 'a repeated delete of done work answers 404',
  },
  health: { statusCodes: TRANSIENT, timeouts: true, network: 'any', reason: 'read-only' },
};

/**
 * Numbers of the retry behaviour (which errors are retried comes from {@link RETRY_POLICIES}).
 *
 * @example
 * ```ts
 * import { createClient } from 'jumio-kyx';
 * createClient({
 *   region: 'amer-1',
 *   credentials: { clientId: 'id', clientSecret: 'secret' },
 *   userAgent: 'Acme Onboarding/1.0',
 *   retry: { limit: 4, backoffLimit: 10_000 },
 * });
 * ```
 */
export interface RetrySettings {
  /** Retries after the first attempt (default 2; 0 disables retries). */
  limit?: number;
  /** Delay before retry `n` (from 1) in ms, before jitter (default `300 · 2^(n−1)`). */
  delay?: (attempt: number) => number;
  /** Upper bound of a backoff delay in ms (default 5,000). */
  backoffLimit?: number;
  /** Upper bound of a `Retry-After` wait in ms (default 60,000). */
  maxRetryAfter?: number;
  /** Randomise each backoff delay: `true` (default) picks 50–100 % of it; `false` turns it off. */
  jitter?: boolean;
}

/** {@link RetrySettings} with every default filled in. */
export interface ResolvedRetrySettings {
  limit: number;
  delay: (attempt: number) => number;
  backoffLimit: number;
  maxRetryAfter: number;
  jitter: boolean;
}

/** Fills in the defaults. */
export function resolveRetrySettings(settings: RetrySettings | undefined): ResolvedRetrySettings {
  return {
    limit: Math.max(0, Math.floor(settings?.limit ?? 2)),
    delay: settings?.delay ?? ((attempt) => 300 * 2 ** (attempt - 1)),
    backoffLimit: settings?.backoffLimit ?? 5_000,
    maxRetryAfter: settings?.maxRetryAfter ?? 60_000,
    jitter: settings?.jitter ?? true,
  };
}
