/**
 * `jumio-kyx/redis`: the client's store on a real Redis, so that a fleet of processes keeps to
 * one tenant's limits and shares its idempotency keys. Needs the `redis` package (node-redis),
 * an optional peer dependency: `npm install redis`.
 *
 * @packageDocumentation
 * @module jumio-kyx/redis
 */

import * as v from 'valibot';
import { KyxStoreError } from '../errors/index.js';
import { checkOptionsWith, optionsObject, positive } from '../model/option-schema.js';
import type { KyxStore, KyxWorkQueue, StoreRateLimit } from '../store/types.js';
import { redisQueue } from './queue.js';

/**
 * The part of a node-redis client (`createClient()` from `redis`, connected) that the store
 * uses: raw commands only, so it works with any node-redis version from 4 on.
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
  /**
   * Milliseconds a command may take before it fails (default 5,000): a stalled Redis (frozen,
   * a network partition) fails the call with `KyxStoreError` instead of holding it forever.
   * Whatever the bound, a call's `signal` releases the caller at once while it waits for the store.
   */
  commandTimeoutMs?: number;
  /**
   * Called once, on the first connection, with what would make the server lose keys (see
   * {@link RedisStore.checkPersistence}); nothing is called when there is no risk. Default: one
   * `process.emitWarning` (type `KyxRedisPersistenceWarning`). Pass your logger, or `false` to
   * skip the check.
   */
  onPersistenceRisk?: ((risks: readonly string[]) => void) | false;
}

/** What both forms of {@link RedisStoreOptions} check. */
const COMMON_ENTRIES = {
  prefix: v.optional(v.string('must be a string')),
  commandTimeoutMs: v.optional(positive('must be a positive number of milliseconds')),
  onPersistenceRisk: v.optional(
    v.custom<false | ((risks: readonly string[]) => void)>(
      (report) => report === false || typeof report === 'function',
      'must be a function (risks) => void, or false',
    ),
  ),
};
/** {@link RedisStoreOptions} with a `url` (the store connects). */
const UrlOptionsSchema = optionsObject({
  url: v.string('must be a redis:// or rediss:// URL, or give a connected node-redis client as client'),
  ...COMMON_ENTRIES,
});
/** {@link RedisStoreOptions} with a connected `client` of yours. */
const ClientOptionsSchema = optionsObject({
  client: v.custom<RedisCommandClient>(
    (client) => typeof (client as Partial<RedisCommandClient> | null)?.sendCommand === 'function',
    'must be a connected node-redis client (with sendCommand)',
  ),
  ...COMMON_ENTRIES,
});

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
  /**
   * Asks the server (`CONFIG GET`) whether it would lose keys on a restart or under memory
   * pressure, and resolves with each risk found in a sentence (empty: none): `appendonly no`
   * (with or without RDB snapshots), `appendfsync no`, a `maxmemory-policy` that evicts. A
   * server that refuses `CONFIG` (some managed services) resolves with one sentence saying the
   * check could not run. Idempotency keys promise nothing beyond what the server keeps.
   */
  checkPersistence(): Promise<string[]>;
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

const REDIS_MISSING =
  "redisStore: the optional peer dependency 'redis' is not installed: install redis (npm install redis), or pass a connected node-redis client as `client`";

const isModuleNotFound = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND';

const redisMissing = (cause: unknown) => new KyxStoreError({ operation: 'connect', cause, hint: REDIS_MISSING });

/**
 * Fails at construction, not at the first `send`, when `redis` cannot be found (where the runtime
 * resolves modules synchronously; elsewhere the first connection fails with the same message).
 */
function assertRedisInstalled(): void {
  if (typeof import.meta.resolve !== 'function') return;
  try {
    import.meta.resolve('redis');
  } catch (error) {
    if (isModuleNotFound(error)) throw redisMissing(error);
  }
}

/** Marks a key or value stored as its UTF-16 code units in hex (see {@link lossless}). */
const CODE_UNITS = '\u0000u16:';

/** Whether `text` has no lone surrogate (so UTF-8 can carry it). */
function wellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/**
 * A key or value as sent to Redis, lossless: Redis gets UTF-8, which has no form for a lone
 * surrogate (two keys differing only in one would meet as U+FFFD). Well-formed text is sent as
 * it is; any other (and any that starts with the marker) as the marker and its UTF-16 code
 * units, so the memory store and this one tell the same keys apart.
 */
function lossless(text: string): string {
  if (!text.startsWith(CODE_UNITS) && wellFormed(text)) return text;
  let hex = CODE_UNITS;
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return hex;
}

/** The text {@link lossless} was given. */
function restored(text: string): string {
  if (!text.startsWith(CODE_UNITS)) return text;
  const hex = text.slice(CODE_UNITS.length);
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return out;
}

/** The risks in a server's `CONFIG GET` answers (a flat or map reply). */
function persistenceRisks(config: Map<string, string>): string[] {
  const risks: string[] = [];
  const save = (config.get('save') ?? '').trim();
  if (config.get('appendonly') === 'no') {
    risks.push(
      save === ''
        ? 'appendonly is no and no RDB save is configured: a restart loses every key (turn on appendonly yes with appendfsync everysec)'
        : `appendonly is no (RDB save "${save}" only): a restart loses the keys written since the last snapshot (turn on appendonly yes with appendfsync everysec)`,
    );
  } else if (config.get('appendfsync') === 'no') {
    risks.push(
      'appendfsync is no: a crash loses the keys the OS had not flushed yet (use appendfsync everysec or always)',
    );
  }
  const policy = config.get('maxmemory-policy');
  if (policy !== undefined && policy !== 'noeviction') {
    risks.push(
      `maxmemory-policy is ${policy}: under memory pressure Redis evicts keys, idempotency keys included (use noeviction)`,
    );
  }
  return risks;
}

/** A `CONFIG GET` reply (RESP2 flat array, or RESP3 map) as a map. */
function configMap(reply: unknown): Map<string, string> {
  if (Array.isArray(reply)) {
    const map = new Map<string, string>();
    for (let i = 0; i + 1 < reply.length; i += 2) map.set(String(reply[i]), String(reply[i + 1]));
    return map;
  }
  if (reply instanceof Map) return new Map([...reply].map(([k, v]) => [String(k), String(v)]));
  if (typeof reply === 'object' && reply !== null) {
    return new Map(Object.entries(reply).map(([k, v]) => [k, String(v)]));
  }
  return new Map();
}

function defaultRiskReport(risks: readonly string[]): void {
  const emit = (globalThis as { process?: { emitWarning?: (message: string, type: string) => void } }).process
    ?.emitWarning;
  const message = `jumio-kyx/redis: this Redis may lose idempotency keys, and a lost key lets a request be sent again: ${risks.join('; ')}. See the "Running at scale" guide.`;
  if (emit) emit(message, 'KyxRedisPersistenceWarning');
}

/**
 * The client's store on Redis: rate limits as a Lua token bucket (GCRA) on the server's clock,
 * idempotency keys with `SET NX PX` leases and compare-and-set scripts; every operation is one
 * atomic command or script. Give it to every client of the tenant:
 * `createClient({ …, store: redisStore({ url }) })`. It holds account responses with their
 * tokens (secrets) for the token lifetime: use a Redis only your services can reach, with a
 * password (and TLS, `rediss://`, across hosts).
 *
 * Idempotency keys are only as durable as the server: a Redis that restarts without its data,
 * fails over to a replica that had not seen a key, or evicts keys under memory pressure forgets
 * them, and a repeat is then sent again. Run it with `appendonly yes` and `appendfsync everysec`
 * (or `always`) and `maxmemory-policy noeviction`. On its first connection the store checks
 * this (`CONFIG GET`) and reports what it finds through `onPersistenceRisk` (by default one
 * process warning). Every command fails after `commandTimeoutMs`, so a stalled server never
 * holds a call forever. Keys and values are stored losslessly, lone surrogates included.
 * Bad options throw a `KyxValidationError` (from `jumio-kyx`) whose `issues` name every field.
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
  const withClient = (options as RedisStoreOptions | undefined)?.client !== undefined;
  checkOptionsWith(withClient ? ClientOptionsSchema : UrlOptionsSchema, options, 'redisStore options');
  const prefix = options.prefix ?? 'kyx:';
  if (!withClient) assertRedisInstalled();
  const timeoutMs = options.commandTimeoutMs ?? 5_000;
  const onRisk = options.onPersistenceRisk === undefined ? defaultRiskReport : options.onPersistenceRisk;
  let checked = false;
  let owned: { close(): Promise<unknown> } | undefined;
  let connecting: Promise<RedisCommandClient> | undefined;
  const shas = new Map<keyof typeof SCRIPTS, string>();

  function connection(): Promise<RedisCommandClient> {
    if (options.client !== undefined) return Promise.resolve(options.client);
    connecting ??= (async () => {
      const { createClient } = await import('redis').catch((error: unknown) => {
        throw isModuleNotFound(error) ? redisMissing(error) : error;
      });
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

  /** One command, failed after `commandTimeoutMs` (node-redis itself waits forever for a stalled server). */
  function bounded(client: RedisCommandClient, args: string[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Redis did not answer ${args[0]} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      client.sendCommand(args).then(
        (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  async function checkPersistence(client: RedisCommandClient): Promise<string[]> {
    const config = new Map<string, string>();
    try {
      for (const name of ['appendonly', 'appendfsync', 'save', 'maxmemory-policy']) {
        for (const [k, v] of configMap(await bounded(client, ['CONFIG', 'GET', name]))) config.set(k, v);
      }
    } catch {
      return [
        'the server refused CONFIG GET, so its persistence could not be checked: make sure it keeps keys (see the "Running at scale" guide)',
      ];
    }
    return persistenceRisks(config);
  }

  /** The connection; the first one also runs the persistence check (in the background). */
  async function ready(): Promise<RedisCommandClient> {
    const client = await connection();
    if (!checked && onRisk !== false) {
      checked = true;
      void checkPersistence(client).then(
        (risks) => {
          if (risks.length > 0) onRisk(risks);
        },
        () => undefined,
      );
    }
    return client;
  }

  async function command(args: string[]): Promise<unknown> {
    return bounded(await ready(), args);
  }

  async function script(name: keyof typeof SCRIPTS, key: string, args: string[]): Promise<unknown> {
    const client = await ready();
    for (let attempt = 0; ; attempt++) {
      let sha = shas.get(name);
      if (sha === undefined) {
        sha = String(await bounded(client, ['SCRIPT', 'LOAD', SCRIPTS[name]]));
        shas.set(name, sha);
      }
      try {
        return await bounded(client, ['EVALSHA', sha, '1', prefix + lossless(key), ...args]);
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
      return (await command(['SET', prefix + lossless(key), lossless(value), 'NX', 'PX', ttl(ttlMs)])) === 'OK';
    },
    async get(key) {
      const value = await command(['GET', prefix + lossless(key)]);
      return value === null || value === undefined ? undefined : restored(String(value));
    },
    async replace(key, expected, value, ttlMs) {
      return Number(await script('replace', key, [lossless(expected), lossless(value), ttl(ttlMs)])) === 1;
    },
    async delete(key, expected) {
      const deleted =
        expected === undefined
          ? await command(['DEL', prefix + lossless(key)])
          : await script('deleteIf', key, [lossless(expected)]);
      return Number(deleted) > 0;
    },
    async checkPersistence() {
      return checkPersistence(await connection());
    },
    async close() {
      const client = owned;
      owned = undefined;
      connecting = undefined;
      await client?.close();
    },
  };
}
