/**
 * Where a callback handler remembers what it has handled: a key-value store with expiry and
 * atomic conditional writes, as a memory map, Redis or a database table provides. Values are
 * short strings; a TTL is in milliseconds and always given. Shared by every process that receives
 * callbacks for one tenant, it makes them handle each execution once.
 *
 * @example
 * ```ts
 * import type { CallbackStore } from 'jumio-kyx';
 * const entries = new Map<string, string>(); // one process, no expiry: a sketch, not a store to use
 * const store: CallbackStore = {
 *   get: async (key) => entries.get(key),
 *   setIfAbsent: async (key, value) => !entries.has(key) && Boolean(entries.set(key, value)),
 *   replace: async (key, expected, value) => entries.get(key) === expected && Boolean(entries.set(key, value)),
 *   delete: async (key, expected) =>
 *     (expected === undefined || entries.get(key) === expected) && entries.delete(key),
 * };
 * ```
 */
export interface CallbackStore {
  /** The value of `key`, or `undefined` when it is absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** Sets `key` to `value` for `ttlMs` unless it exists (atomically); true when this call set it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Sets `key` to `value` for `ttlMs` only if it now holds `expected` (atomically); true when replaced. */
  replace(key: string, expected: string, value: string, ttlMs: number): Promise<boolean>;
  /** Deletes `key` (only if it holds `expected`, when given); true when something was deleted. */
  delete(key: string, expected?: string): Promise<boolean>;
}

/** How many writes between two sweeps of expired entries in the memory store. */
const SWEEP_EVERY = 1_024;

/** Options of {@link memoryCallbackStore}. */
export interface MemoryCallbackStoreOptions {
  /** The clock (default `Date.now`). */
  readonly now?: () => number;
  /** Entries kept at most (default 100,000: about 50,000 executions); the oldest go first. */
  readonly maxEntries?: number;
}

/**
 * A store in this process's memory: right for one process (and tests); a fleet needs a shared
 * store. Expired entries are dropped on read and swept every so many writes; no timer runs. Past
 * `maxEntries` the oldest entries are dropped, so memory stays bounded (a repeat of an execution
 * that old would be handled again).
 */
export function memoryCallbackStore(options: MemoryCallbackStoreOptions = {}): CallbackStore {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 100_000;
  const entries = new Map<string, { value: string; expiresAt: number }>();
  let writes = 0;
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const write = (key: string, value: string, ttlMs: number) => {
    entries.delete(key); // re-inserted last: the Map's order is the age order
    entries.set(key, { value, expiresAt: now() + ttlMs });
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    if (++writes % SWEEP_EVERY === 0) {
      const t = now();
      for (const [k, e] of entries) if (e.expiresAt <= t) entries.delete(k);
    }
  };
  return {
    async get(key) {
      return live(key)?.value;
    },
    async setIfAbsent(key, value, ttlMs) {
      if (live(key) !== undefined) return false;
      write(key, value, ttlMs);
      return true;
    },
    async replace(key, expected, value, ttlMs) {
      if (live(key)?.value !== expected) return false;
      write(key, value, ttlMs);
      return true;
    },
    async delete(key, expected) {
      const current = live(key);
      if (current === undefined || (expected !== undefined && current.value !== expected)) return false;
      entries.delete(key);
      return true;
    },
  };
}
