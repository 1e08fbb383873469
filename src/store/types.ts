/**
 * A rate limit as the store sees it: one request every `intervalMs`, up to `burst` at once.
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
  /**
   * The work queue `createResults` keeps its inbox, leases and tracked executions in (both
   * built-in stores have one; a store without it cannot hold results).
   */
  readonly queue?: KyxWorkQueue;
}

/** The operation names of {@link KyxStore}, for the options check. */
export const STORE_OPERATIONS = ['reserve', 'setIfAbsent', 'get', 'replace', 'delete'] as const;

/**
 * One item a {@link KyxWorkQueue} handed out: held by the caller (its `token`) until the lease
 * ends, it is renewed, or the item is settled.
 *
 * @example
 * ```ts
 * import type { QueueItem } from 'jumio-kyx';
 * const describe = (item: QueueItem) => `${item.id} ${item.fields['accountId'] ?? ''}`;
 * ```
 */
export interface QueueItem {
  /** The item's id (for `createResults`, the workflow execution id). */
  readonly id: string;
  /** This claim's lease token: only it may renew or settle the item. */
  readonly token: string;
  /** How many times the item was claimed, this claim included (a lost lease or a crash counts). */
  readonly claims: number;
  /** The item's fields (opaque strings). */
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * How {@link KyxWorkQueue.settle} ends a claim: due again after `delayMs` (with `fields` merged),
 * `done` (removed from the queue; a later `offer` of the id answers `'done'` for `keepMs`), or
 * `drop` (forgotten).
 */
export type QueueSettlement =
  | { readonly delayMs: number; readonly fields?: Readonly<Record<string, string>> }
  | { readonly done: true; readonly keepMs: number }
  | { readonly drop: true };

/**
 * A delayed work queue with leases, shared by every process on the store: the inbox, leases and
 * tracked executions of `createResults`. Items are due at a time; `claim` hands out due items
 * atomically, each to one caller, for `leaseMs`; an item whose lease ends (its holder crashed or
 * hung) is due again and handed to the next `claim`. The memory store keeps it in the process
 * (lost with it); `redisStore` keeps it in Redis sorted sets claimed by Lua scripts.
 *
 * @example
 * ```ts
 * import { memoryStore } from 'jumio-kyx';
 * const queue = memoryStore().queue;
 * await queue.offer('jobs', 'job-1', { fields: { n: '1' }, delayMs: 0, max: 100 });
 * const [item] = await queue.claim('jobs', 1, 30_000);
 * if (item) await queue.settle('jobs', item.id, item.token, { done: true, keepMs: 60_000 });
 * ```
 */
export interface KyxWorkQueue {
  /**
   * Adds item `id` (or updates it): `fields` are written, `fieldsIfAbsent` only where absent; it is
   * due after `delayMs` unless it is due sooner. An item being worked on (leased) stays with its
   * holder and, when `delayMs` is 0, is due again as soon as it is settled with a delay. Answers
   * `'done'` (nothing changed) for an item settled `done` and still kept, `'full'` (nothing
   * changed) for a new item when `max` items are pending.
   */
  offer(
    queue: string,
    id: string,
    update: {
      readonly fields?: Readonly<Record<string, string>>;
      readonly fieldsIfAbsent?: Readonly<Record<string, string>>;
      readonly delayMs: number;
      readonly max: number;
    },
  ): Promise<'queued' | 'done' | 'full'>;
  /** Leases up to `count` due items for `leaseMs` each (earliest first). */
  claim(queue: string, count: number, leaseMs: number): Promise<QueueItem[]>;
  /** Extends a lease held with `token` to `leaseMs` from now; false when it was lost. */
  renew(queue: string, id: string, token: string, leaseMs: number): Promise<boolean>;
  /** Ends the claim held with `token` (see {@link QueueSettlement}); false when the lease was lost. */
  settle(queue: string, id: string, token: string, how: QueueSettlement): Promise<boolean>;
  /** Milliseconds until the earliest pending item is due (0: now); `undefined` when none is pending. */
  nextDueMs(queue: string): Promise<number | undefined>;
  /** Items pending (due later, due now, or leased). */
  size(queue: string): Promise<number>;
}
