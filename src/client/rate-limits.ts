import * as v from 'valibot';
import { KyxStoreError } from '../errors/index.js';
import { JUMIO_TENANT_LIMITS } from '../model/limits.js';
import { falseOr, numberIn, optionsObject, positive } from '../model/option-schema.js';
import { sleep } from '../shared/sleep.js';
import type { KyxStore, StoreRateLimit } from '../store/types.js';
import type { Operation } from './retry-policy.js';

/**
 * One tenant limit as a token bucket: `burst` requests at once, refilled at `perSecond`.
 */
export interface RateLimit {
  /** Requests per second at the steady rate. */
  perSecond: number;
  /** Requests at once after a quiet period (default: `perSecond`, at least 1). */
  burst?: number;
}

/**
 * The tenant limits the client keeps to (`false` turns one off). Defaults are Jumio's documented
 * ones ({@link DEFAULT_RATE_LIMITS}); ask Jumio support for yours if they were raised.
 */
export interface RateLimits {
  /** OAuth2 token requests (default 10/s). */
  token?: RateLimit | false;
  /** Account create/update: the requests that start a transaction (default 1/s, burst 5). */
  account?: RateLimit | false;
  /** Retrieval (status, details, steps, part images) and deletion (default 15/s). */
  retrieval?: RateLimit | false;
  /** Uploads and finalize with a transaction's `api.token` (Jumio documents no limit: off by default). */
  upload?: RateLimit | false;
}

/**
 * Jumio's documented tenant limits, which the client keeps to by default (the simulator
 * enforces the same numbers).
 *
 * @example
 * ```ts
 * import { DEFAULT_RATE_LIMITS } from 'jumio-kyx';
 * DEFAULT_RATE_LIMITS.account; // { perSecond: 1, burst: 5 }
 * ```
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<keyof RateLimits, Readonly<RateLimit> | false>> = {
  ...JUMIO_TENANT_LIMITS,
  upload: false,
};

type LimitName = keyof RateLimits;
const LIMIT_NAMES = Object.keys(DEFAULT_RATE_LIMITS) as LimitName[];

/** Which limit an operation counts against (`health` counts against none). */
const LIMIT_OF: Record<Operation, LimitName | undefined> = {
  token: 'token',
  account: 'account',
  upload: 'upload',
  finalize: 'upload',
  retrieval: 'retrieval',
  deletion: 'retrieval',
  health: undefined,
};

const LIMIT_MESSAGE = 'must be { perSecond, burst? } or false';
const LIMITS_MESSAGE = 'must be an object of limits or false';
/** One limit of a `rateLimits` option (or `false`). */
const LimitSchema = v.optional(
  falseOr(
    optionsObject(
      {
        perSecond: positive('must be a positive number'),
        burst: v.optional(numberIn(1, Number.POSITIVE_INFINITY, 'must be an integer ≥ 1', true)),
      },
      LIMIT_MESSAGE,
    ),
  ),
);

/** The schema of a `rateLimits` option (each issue names the field and the rule). */
export const RateLimitsSchema = falseOr(
  v.pipe(
    v.custom<object>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), LIMITS_MESSAGE),
    v.objectWithRest(
      { token: LimitSchema, account: LimitSchema, retrieval: LimitSchema, upload: LimitSchema },
      v.never(`is not a limit (${LIMIT_NAMES.join(', ')})`),
      LIMITS_MESSAGE,
    ),
  ),
);

/** The bucket the store keeps for one limit: one slot of the burst is held back (see below). */
function storeLimit(limit: RateLimit): StoreRateLimit {
  const burst = Math.max(1, Math.floor(limit.burst ?? limit.perSecond));
  // One request of the burst is kept in reserve: our clock and Jumio's see each request at
  // slightly different times, and without the reserve every request that reaches Jumio a
  // little sooner than the first one did would find its bucket empty (HTTP 429).
  return { intervalMs: 1000 / limit.perSecond, burst: Math.max(1, burst - 1) };
}

interface Waiter {
  background: boolean;
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/** One limit's local FIFO queue: the head reserves a slot in the store, sleeps, and starts. */
function createQueue(store: KyxStore, key: string, limit: StoreRateLimit) {
  const waiters: Waiter[] = [];
  let pumping = false;

  async function pump(): Promise<void> {
    pumping = true;
    try {
      while (waiters.length > 0) {
        let wait: number;
        try {
          wait = await store.reserve(key, limit);
        } catch (error) {
          const head = waiters.shift();
          head?.signal?.removeEventListener('abort', head.onAbort);
          head?.reject(new KyxStoreError({ operation: 'reserve', cause: error }));
          continue;
        }
        if (wait > 0) await sleep(wait);
        // the slot goes to whoever is first now: a waiter that gave up left the queue already
        const head = waiters.shift();
        head?.signal?.removeEventListener('abort', head.onAbort);
        head?.resolve();
      }
    } finally {
      pumping = false;
    }
  }

  return (signal: AbortSignal | undefined, priority?: 'background'): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const waiter: Waiter = {
        background: priority === 'background',
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) waiters.splice(index, 1);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      // a background waiter queues last; any other queues behind the other non-background ones
      const at = waiter.background ? -1 : waiters.findIndex((w) => w.background);
      if (at < 0) waiters.push(waiter);
      else waiters.splice(at, 0, waiter);
      if (!pumping) void pump();
    });
}

/** The client's limits: every attempt of an operation waits its turn. */
export interface Limits {
  /**
   * Resolves when an attempt of `operation` may start; rejects with the signal's reason on abort.
   * A `'background'` attempt waits behind every other one.
   */
  acquire(operation: Operation, signal?: AbortSignal, priority?: 'background'): Promise<void>;
  /** Milliseconds one slot of the operation's limit takes to refill (0 when unlimited). */
  refillMs(operation: Operation): number;
}

/**
 * Builds the limits of one client over `store`; `scope` names the tenant (bucket keys are
 * `limit:<scope>:<name>`, so clients of one tenant that share a store share its buckets).
 */
export function createLimits(store: KyxStore, scope: string, config: RateLimits | false | undefined): Limits {
  const queues = new Map<LimitName, ReturnType<typeof createQueue>>();
  const refill = new Map<LimitName, number>();
  for (const name of LIMIT_NAMES) {
    const limit = config === false ? false : config?.[name] === undefined ? DEFAULT_RATE_LIMITS[name] : config[name];
    if (limit === false || limit === undefined) continue;
    const bucket = storeLimit(limit);
    refill.set(name, bucket.intervalMs);
    queues.set(name, createQueue(store, `limit:${scope}:${name}`, bucket));
  }
  return {
    acquire(operation, signal, priority) {
      const name = LIMIT_OF[operation];
      const queue = name && queues.get(name);
      return queue ? queue(signal, priority) : Promise.resolve();
    },
    refillMs(operation) {
      const name = LIMIT_OF[operation];
      return (name && refill.get(name)) || 0;
    },
  };
}
