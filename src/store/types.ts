/**
 * A rate limit as the store sees it: one request every `intervalMs`, up to `burst` at once.
 *
 * @example
 * ```ts
 * import type { StoreRateLimit } from 'jumio-kyx';
 * const account: StoreRateLimit = { intervalMs: 1000, burst: 4 };
 * ```
 */
export interface StoreRateLimit {
  /** Milliseconds between two requests at the steady rate (`1000 / perSecond`). */
  readonly intervalMs: number;
  /** Requests that may start at once after a quiet period (≥ 1). */
  readonly burst: number;
}

/**
 * Where a client keeps what must be shared by every process that talks to one Jumio tenant: the
 * rate limits and the idempotency keys (and, for a callback handler, the ids it has seen).
 * {@link memoryStore} (the default) shares within one process; `redisStore` from
 * `jumio-kyx/redis` shares across a fleet. Every operation must be atomic across all clients
 * of the store; values are opaque strings; a TTL is in milliseconds and always given.
 *
 * Values written by the idempotency keys include account responses, whose `api.token`,
 * `sdk.token` and `web.href` are secrets: keep the store as private as the client credentials.
 *
 * @example
 * ```ts
 * import { type KyxStore, memoryStore } from 'jumio-kyx';
 * const store: KyxStore = memoryStore();
 * // a callback handler's dedupe: true only for the first delivery of an event
 * const first = await store.setIfAbsent('callback:execution-1:PROCESSED', '1', 86_400_000);
 * ```
 */
export interface KyxStore {
  /**
   * Reserves the next request slot of the rate-limit bucket `key` and resolves with the
   * milliseconds the caller must wait before using it (0: now). Slots are handed out in call
   * order, `limit.burst` at once and then one per `limit.intervalMs`, on the store's clock.
   */
  reserve(key: string, limit: StoreRateLimit): Promise<number>;
  /** Sets `key` to `value` for `ttlMs` unless it exists; true when this call set it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** The value of `key`, or `undefined` when it is absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** Sets `key` to `value` for `ttlMs` only if it now holds `expected`; true when replaced. */
  replace(key: string, expected: string, value: string, ttlMs: number): Promise<boolean>;
  /** Deletes `key` (only if it holds `expected`, when given); true when something was deleted. */
  delete(key: string, expected?: string): Promise<boolean>;
}

/** The operation names of {@link KyxStore}, for the options check. */
export const STORE_OPERATIONS = ['reserve', 'setIfAbsent', 'get', 'replace', 'delete'] as const;
