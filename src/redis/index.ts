/**
 * `jumio-kyx/redis`: the client's store on a real Redis, so that a fleet of processes keeps to
 * one tenant's limits and shares its idempotency keys. Needs the `redis` package (node-redis),
 * an optional peer dependency: `npm install redis`.
 *
 * @packageDocumentation
 * @module jumio-kyx/redis
 */
import type { KyxStore, KyxWorkQueue, StoreRateLimit } from '../store/types.js';
import { redisQueue } from './queue.js';

/**
 * The part of a node-redis client (`createClient()` from `redis`, connected) that the store
 * uses: raw commands only, so it works with any node-redis version from 4 on.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import type { RedisCommandClient } from 'jumio-kyx/redis';
 * const client: RedisCommandClient = await createClient({ url: 'redis://127.0.0.1:6379' }).connect();
 * ```
 */
export interface RedisCommandClient {
  /** Sends one command (`['GET', 'key']`) and resolves with its reply. */
  sendCommand(args: string[]): Promise<unknown>;
}

/**
 * Options of {@link redisStore}: a `url` (the store connects and owns the connection) or a
 * connected `client` of yours.
 *
 * @example
 * ```ts
 * import type { RedisStoreOptions } from 'jumio-kyx/redis';
 * const options: RedisStoreOptions = { url: 'redis://127.0.0.1:6379', prefix: 'acme:kyx:' };
 * ```
 */
export interface RedisStoreOptions {
  /** `redis://[[user]:password@]host:port[/db]` or `rediss://…`; the store connects on first use. */
  url?: string;
  /** A connected node-redis client to use instead (the store never closes it). */
  client?: RedisCommandClient;
  /** Prefix of every key the store writes (default `kyx:`). */
  prefix?: string;
}

/**
 * A {@link KyxStore} on Redis, plus `close()` for a connection it opened itself.
 *
 * @example
 * ```ts
 * import { redisStore, type RedisStore } from 'jumio-kyx/redis';
 * const store: RedisStore = redisStore({ url: 'redis://127.0.0.1:6379' });
 * await store.close();
 * ```
 */
export interface RedisStore extends KyxStore {
  /** Closes the connection the store opened from `url` (a `client` you passed stays open). */
  close(): Promise<void>;
  /** The inbox, leases and tracked executions of `createResults`, in Redis sorted sets (shared by the fleet). */
  readonly queue: KyxWorkQueue;
}

/** GCRA on the server's clock: the value is the theoretical arrival time of the next request. */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat - (burst - 1) * interval - now
if wait < 0 then wait = 0 end
local nexttat = tat + interval
redis.call('SET', KEYS[1], string.format('%.3f', nexttat), 'PX', math.ceil(nexttat - now) + 1000)
local slot = math.ceil(wait - 0.01)
if slot < 0 then slot = 0 end
return slot`;

const REPLACE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0`;

const DELETE_IF = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const SCRIPTS = { reserve: RESERVE, replace: REPLACE, deleteIf: DELETE_IF } as const;

const ttl = (ms: number) => String(Math.max(1, Math.ceil(ms)));

/**
 * The client's store on Redis: rate limits as a Lua token bucket (GCRA) on the server's clock,
 * idempotency keys with `SET NX PX` leases and compare-and-set scripts; every operation is one
 * atomic command or script. Give it to every client of the tenant:
 * `createClient({ …, store: redisStore({ url }) })`. It holds account responses with their
 * tokens (secrets) for the token lifetime: use a Redis only your services can reach, with a
 * password (and TLS, `rediss://`, across hosts).
 *
 * @example
 * ```ts
 * import { createClient } from 'jumio-kyx';
 * import { redisStore } from 'jumio-kyx/redis';
 * const store = redisStore({ url: 'redis://127.0.0.1:6379', prefix: 'acme:kyx:' });
 * const client = createClient({
 *   region: 'amer-1',
 *   credentials: { clientId: 'id', clientSecret: 'secret' },
 *   userAgent: 'Acme Onboarding/1.0',
 *   store,
 * });
 * // … on shutdown:
 * await store.close();
 * ```
 */
export function redisStore(options: RedisStoreOptions): RedisStore {
  const prefix = options.prefix ?? 'kyx:';
  if (typeof prefix !== 'string') throw new TypeError('redisStore: prefix must be a string');
  if (options.client === undefined && typeof options.url !== 'string') {
    throw new TypeError('redisStore: give a url or a connected node-redis client');
  }
  let owned: { close(): Promise<unknown> } | undefined;
  let connecting: Promise<RedisCommandClient> | undefined;
  const shas = new Map<keyof typeof SCRIPTS, string>();

  function connection(): Promise<RedisCommandClient> {
    if (options.client !== undefined) return Promise.resolve(options.client);
    connecting ??= (async () => {
      const { createClient } = await import('redis');
      let connected = false;
      const client = createClient({
        url: options.url as string,
        disableOfflineQueue: true,
        socket: {
          connectTimeout: 5_000,
          // a first connection that fails fails the operation (the next one tries again);
          // a connection that was up is re-established with a backoff
          reconnectStrategy: (retries: number, cause: Error) =>
            connected ? Math.min(100 * 2 ** retries, 2_000) : cause,
        },
      });
      // node-redis reports connection trouble as 'error' events (and reconnects); without a
      // listener they would crash the process. Commands fail on their own meanwhile.
      client.on('error', () => undefined);
      await client.connect();
      connected = true;
      owned = client;
      return client as unknown as RedisCommandClient;
    })().catch((error: unknown) => {
      connecting = undefined;
      throw error;
    });
    return connecting;
  }

  async function command(args: string[]): Promise<unknown> {
    return (await connection()).sendCommand(args);
  }

  async function script(name: keyof typeof SCRIPTS, key: string, args: string[]): Promise<unknown> {
    const client = await connection();
    for (let attempt = 0; ; attempt++) {
      let sha = shas.get(name);
      if (sha === undefined) {
        sha = String(await client.sendCommand(['SCRIPT', 'LOAD', SCRIPTS[name]]));
        shas.set(name, sha);
      }
      try {
        return await client.sendCommand(['EVALSHA', sha, '1', prefix + key, ...args]);
      } catch (error) {
        // the server lost its script cache (restart, SCRIPT FLUSH, failover): load it again once
        if (attempt > 0 || !String((error as Error)?.message).startsWith('NOSCRIPT')) throw error;
        shas.delete(name);
      }
    }
  }

  return {
    queue: redisQueue(command, prefix),
    async reserve(key: string, limit: StoreRateLimit) {
      return Number(await script('reserve', key, [String(limit.intervalMs), String(limit.burst)]));
    },
    async setIfAbsent(key, value, ttlMs) {
      return (await command(['SET', prefix + key, value, 'NX', 'PX', ttl(ttlMs)])) === 'OK';
    },
    async get(key) {
      const value = await command(['GET', prefix + key]);
      return value === null || value === undefined ? undefined : String(value);
    },
    async replace(key, expected, value, ttlMs) {
      return Number(await script('replace', key, [expected, value, ttl(ttlMs)])) === 1;
    },
    async delete(key, expected) {
      const deleted =
        expected === undefined ? await command(['DEL', prefix + key]) : await script('deleteIf', key, [expected]);
      return Number(deleted) > 0;
    },
    async close() {
      const client = owned;
      owned = undefined;
      connecting = undefined;
      await client?.close();
    },
  };
}
