import { memoryQueue } from './memory-queue.js';
import type { KyxStore, KyxWorkQueue, StoreRateLimit } from './types.js';

/**
 * A {@link KyxStore} in this process's memory: the default of `createClient`. Clients share
 * limits and idempotency keys only when they are given the same memory store; processes never
 * do (use `redisStore` from `jumio-kyx/redis` for a fleet). Expired entries are dropped when
 * they are read and by a sweep every 1,000 writes; nothing runs in the background.
 *
 * @example
 * ```ts
 * import { createClient, memoryStore } from 'jumio-kyx';
 * const store = memoryStore();
 * const options = { credentials: { clientId: 'id', clientSecret: 'secret' }, userAgent: 'Acme Onboarding/1.0', store } as const;
 * const us = createClient({ region: 'amer-1', ...options });
 * const again = createClient({ region: 'amer-1', ...options }); // shares the tenant's limits with `us`
 * ```
 */
export function memoryStore(): KyxStore & { readonly queue: KyxWorkQueue } {
  const values = new Map<string, { value: string; expiresAt: number }>();
  let writes = 0;

  function live(key: string): string | undefined {
    const entry = values.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= Date.now()) {
      values.delete(key);
      return undefined;
    }
    return entry.value;
  }

  function write(key: string, value: string, ttlMs: number): void {
    values.set(key, { value, expiresAt: Date.now() + ttlMs });
    if (++writes % 1000 === 0) {
      const now = Date.now();
      for (const [k, entry] of values) if (entry.expiresAt <= now) values.delete(k);
    }
  }

  return {
    queue: memoryQueue(),
    async reserve(key: string, limit: StoreRateLimit) {
      // GCRA: the stored value is the theoretical arrival time of the next request.
      const now = Date.now();
      const tat = Math.max(Number(live(key) ?? 0), now);
      const wait = Math.max(0, tat - (limit.burst - 1) * limit.intervalMs - now);
      const next = tat + limit.intervalMs;
      write(key, String(next), next - now + 1000);
      return Math.max(0, Math.ceil(wait - 0.01)); // sums of 1000 / perSecond at epoch magnitudes land a hair past a slot
    },
    async setIfAbsent(key, value, ttlMs) {
      if (live(key) !== undefined) return false;
      write(key, value, ttlMs);
      return true;
    },
    async get(key) {
      return live(key);
    },
    async replace(key, expected, value, ttlMs) {
      if (live(key) !== expected) return false;
      write(key, value, ttlMs);
      return true;
    },
    async delete(key, expected) {
      const current = live(key);
      if (current === undefined || (expected !== undefined && current !== expected)) return false;
      values.delete(key);
      return true;
    },
  };
}
