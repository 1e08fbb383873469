import * as v from 'valibot';
import type { CallOptions } from '../client/call-options.js';
import type { KyxClient } from '../client/client.js';
import { type ExecutionReference, executionIds } from '../client/execution.js';
import { storeOf } from '../client/store-of.js';
import { JUMIO_RETRIEVAL_SCHEDULE } from '../client/wait.js';
import { KyxNotFoundError, KyxResultsError, KyxStoreError } from '../errors/index.js';
import { TERMINAL_STATUSES } from '../model/limits.js';
import { checkOptionsWith, numberIn, optionsObject, positive } from '../model/option-schema.js';
import type { CallbackPayload, WorkflowDetails, WorkflowStatus, WorkflowStatusResponse } from '../model/response.js';
import { sleep } from '../shared/sleep.js';
import { type KeptLease, keepLease } from '../store/lease.js';
import type { KyxWorkQueue, QueueItem, QueueSettlement } from '../store/types.js';

/**
 * What `onResult` and `onStatus` are told besides Jumio's answer: the execution, the status Jumio
 * reported (never the callback's claim), and how the work came.
 *
 * @example
 * ```ts
 * import type { ResultEvent } from 'jumio-kyx';
 * const line = (e: ResultEvent) => `${e.workflowExecutionId} ${e.status} via ${e.source} (run ${e.run})`;
 * ```
 */
export interface ResultEvent {
  /** The account. */
  readonly accountId: string;
  /** The execution. */
  readonly workflowExecutionId: string;
  /** The status Jumio reported for it (verified with a status or details call). */
  readonly status: WorkflowStatus;
  /** `callback`: checked after a callback; `poll`: a tracked execution checked on the schedule. */
  readonly source: 'callback' | 'poll';
  /** The last callback recorded for the execution, as received (untrusted; bounded). */
  readonly callback?: CallbackPayload;
  /** Runs of this execution so far, this one included (more than 1 after a failure, a lost lease or a crash). */
  readonly run: number;
  /** Jumio had wiped the execution's data (`wipedOutAt`): the details are all that is left. */
  readonly wipedOut?: boolean;
}

/**
 * Where a failure reported to {@link ResultsOptions.onError} happened.
 *
 * @example
 * ```ts
 * import type { ResultsErrorContext } from 'jumio-kyx';
 * const describe = (c: ResultsErrorContext) => `${c.stage} ${c.workflowExecutionId ?? ''}`;
 * ```
 */
export interface ResultsErrorContext {
  /**
   * `status` / `details`: a retrieval call failed (retried on the schedule); `onResult` /
   * `onStatus`: your function threw (run again on the schedule); `lease`: `onResult` outlasted
   * `leaseMs` (the work may be taken over); `unknown`: a tracked execution Jumio does not know;
   * `unavailable`: a terminal execution whose details are gone (404) — it ends here; `gave-up`:
   * retrieval kept failing past the schedule and a week of daily attempts; `store`: the store failed.
   */
  readonly stage:
    | 'status'
    | 'details'
    | 'onResult'
    | 'onStatus'
    | 'lease'
    | 'unknown'
    | 'unavailable'
    | 'gave-up'
    | 'store';
  /** The execution, when one was being worked on. */
  readonly workflowExecutionId?: string;
  /** Its account. */
  readonly accountId?: string;
}

/**
 * Counters of one processor (this process only), for logs and metrics.
 *
 * @example
 * ```ts
 * import type { ResultsStats } from 'jumio-kyx';
 * const line = (s: ResultsStats) => `delivered ${s.delivered}, dropped ${s.dropped}, in flight ${s.inFlight}`;
 * ```
 */
export interface ResultsStats {
  /** Callbacks recorded through {@link Results.record}. */
  readonly recorded: number;
  /** Callbacks for executions whose result was delivered already (nothing recorded). */
  readonly duplicates: number;
  /** Callbacks refused because the inbox was full (answered 503). */
  readonly full: number;
  /** Runs started (claims of an execution). */
  readonly runs: number;
  /** Status calls answered by Jumio. */
  readonly verified: number;
  /** Executions Jumio does not know (404 on status): forged or mistaken callbacks, dropped. */
  readonly dropped: number;
  /** Callbacks that claimed a terminal status Jumio did not report (yet). */
  readonly unconfirmed: number;
  /** `onResult` calls that returned. */
  readonly delivered: number;
  /** `onStatus` calls that returned. */
  readonly statuses: number;
  /** Failures reported to `onError` (retried unless the stage ends the execution). */
  readonly failures: number;
  /** Leases lost: `onResult` outlasted `leaseMs`, or a renewal found the work taken over. */
  readonly leasesLost: number;
  /** Executions ended without a delivery: details gone (404) or retrieval given up. */
  readonly ended: number;
  /** Runs in flight now. */
  readonly inFlight: number;
}

/**
 * Options of {@link createResults}.
 *
 * @example
 * ```ts
 * import { createClient, JUMIO_RETRIEVAL_SCHEDULE, type ResultsOptions } from 'jumio-kyx';
 * const client = createClient({
 *   region: 'amer-1',
 *   credentials: { clientId: 'id', clientSecret: 'secret' },
 *   userAgent: 'Acme Onboarding/1.0',
 * });
 * const options: ResultsOptions = {
 *   client,
 *   onResult: async (details, event) => console.log(event.workflowExecutionId, details.decision?.type),
 *   retrySchedule: JUMIO_RETRIEVAL_SCHEDULE,
 *   concurrency: 4,
 * };
 * ```
 */
export interface ResultsOptions {
  /** The client that verifies and retrieves; its store holds the inbox, the leases and the tracked executions. */
  readonly client: KyxClient;
  /**
   * Each execution's terminal result (`PROCESSED`, `SESSION_EXPIRED`, `TOKEN_EXPIRED`), with the
   * details retrieved from Jumio: at least once per execution, in one process of the fleet. When
   * it throws, it runs again on the schedule; make it idempotent (keyed by the execution id).
   */
  readonly onResult: (details: WorkflowDetails, event: ResultEvent) => unknown;
  /** Intermediate statuses (e.g. `ACQUIRED`) as Jumio reported them, once per execution and status. */
  readonly onStatus?: (status: WorkflowStatusResponse, event: ResultEvent) => unknown;
  /** Told of every failure; errors never carry secrets. */
  readonly onError?: (error: unknown, context: ResultsErrorContext) => void;
  /** Executions worked on at once by this processor, so retrieval calls in flight (default 4). */
  readonly concurrency?: number;
  /**
   * When to retry after a callback (ms after it; default {@link JUMIO_RETRIEVAL_SCHEDULE}, Jumio's
   * retry policy for retrieval); tracked executions are polled on it too. Past its end: once a day.
   */
  readonly retrySchedule?: readonly number[];
  /** A tracked execution without a terminal callback is polled this long after tracking (default 15 min). */
  readonly pollAfterMs?: number;
  /** How long one run holds an execution before another may take it over (default 60 s); `onResult` gets this long. */
  readonly leaseMs?: number;
  /** Most executions pending in the inbox; callbacks past it are answered 503 (default 10,000). */
  readonly maxPending?: number;
  /** How long a delivered execution is remembered, so that repeats are dropped (default 7 days). */
  readonly rememberMs?: number;
  /** How often an idle processor looks for work other processes recorded (default 1,000 ms). */
  readonly checkEveryMs?: number;
}

/**
 * The results processor of {@link createResults}.
 *
 * @example
 * ```ts
 * import type { Results } from 'jumio-kyx';
 * declare const results: Results;
 * results.start();
 * process.on('SIGTERM', () => void results.stop());
 * ```
 */
export interface Results {
  /**
   * Records a callback in the store's inbox (the handler calls it before answering): `recorded`,
   * `duplicate` (the execution's result was delivered already) or `full` (too many pending).
   * Rejects with a `KyxStoreError` when the store fails.
   */
  record(callback: CallbackPayload): Promise<'recorded' | 'duplicate' | 'full'>;
  /** Keeps `execution` until its terminal result is delivered: polled after `pollAfterMs` if no terminal callback comes. */
  track(execution: ExecutionReference): Promise<void>;
  /** Starts taking work from the store (in every process that should do the work). */
  start(): void;
  /** Stops taking work and waits for the runs in flight (at most `leaseMs`: a hung one has lost its lease by then). */
  stop(): Promise<void>;
  /** Works until nothing is due now and nothing is in flight here (retries due later stay queued). */
  drain(): Promise<void>;
  /** This processor's counters. */
  stats(): ResultsStats;
}

const QUEUE = 'results';
const DAY_MS = 86_400_000;
/** Daily attempts past the schedule before a failing retrieval is given up. */
const DAILY_ATTEMPTS = 7;
const DEFAULTS = {
  concurrency: 4,
  pollAfterMs: 15 * 60_000,
  leaseMs: 60_000,
  maxPending: 10_000,
  rememberMs: 7 * DAY_MS,
  checkEveryMs: 1_000,
};

/** The client each processor works with (for the handler's allow-list); not a property, so never shown. */
const clients = new WeakMap<Results, KyxClient>();

/** The client a {@link Results} was made with. */
export function clientOf(results: Results): KyxClient | undefined {
  return clients.get(results);
}

const FUNCTION = 'must be a function';
const POSITIVE_INTEGER = numberIn(1, Number.POSITIVE_INFINITY, 'must be a positive integer', true);
const POSITIVE_MS = positive('must be a positive number of ms');

/** The schema of {@link ResultsOptions}. */
const ResultsOptionsSchema = optionsObject({
  client: v.pipe(
    v.custom<KyxClient>(
      (client) => typeof (client as Partial<KyxClient> | null)?.status === 'function',
      'must be a client from createClient',
    ),
    v.check(
      (client) => storeOf(client)?.queue !== undefined,
      'its store has no work queue (use memoryStore() or redisStore())',
    ),
  ),
  onResult: v.function(FUNCTION),
  onStatus: v.optional(v.function(FUNCTION)),
  onError: v.optional(v.function(FUNCTION)),
  concurrency: v.optional(POSITIVE_INTEGER),
  maxPending: v.optional(POSITIVE_INTEGER),
  pollAfterMs: v.optional(POSITIVE_MS),
  leaseMs: v.optional(POSITIVE_MS),
  rememberMs: v.optional(POSITIVE_MS),
  checkEveryMs: v.optional(POSITIVE_MS),
  retrySchedule: v.optional(
    v.custom<readonly number[]>(
      (times) =>
        Array.isArray(times) &&
        times.length > 0 &&
        times.every(
          (t, i) => typeof t === 'number' && Number.isFinite(t) && t >= 0 && (i === 0 || t >= (times[i - 1] as number)),
        ),
      'must list non-decreasing times in ms (at least one)',
    ),
  ),
});

/** The part of a stored callback kept in the inbox (ids are UUIDs; the handler bounds the rest). */
function storedCallback(callback: CallbackPayload): string {
  const { callbackSentAt, userReference, workflowExecution: w, account: a } = callback;
  return JSON.stringify({
    callbackSentAt,
    ...(userReference === undefined ? {} : { userReference }),
    workflowExecution: { id: w.id, href: w.href, definitionKey: w.definitionKey, status: w.status },
    account: { id: a.id, href: a.href },
  });
}

function parseStored(text: string | undefined): CallbackPayload | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as CallbackPayload;
  } catch {
    return undefined;
  }
}

/**
 * Creates the results processor: it takes callbacks the handler recorded and executions you
 * track from the store, verifies each with a status call before trusting anything (executions
 * Jumio does not know are dropped and counted; the order of statuses is Jumio's), retrieves the
 * details of terminal ones on Jumio's retry policy until they are available, and hands them to
 * `onResult` — at least once per execution and terminal status, in one process of the fleet.
 * Each run holds a lease in the store (renewed while it retrieves; `onResult` gets `leaseMs`): a
 * crash or a hung `onResult` leaves the work to another run. Its retrieval calls, at most
 * `concurrency` at once, wait behind the application's own in the client's rate-limit queue.
 * With the memory store it works within one process; with `redisStore` across a fleet.
 *
 * @example
 * ```ts
 * import { createCallbackHandler, createClient, createResults } from 'jumio-kyx';
 *
 * const client = createClient({
 *   region: 'amer-1',
 *   credentials: { clientId: 'id', clientSecret: 'secret' },
 *   userAgent: 'Acme Onboarding/1.0',
 * });
 * const results = createResults({
 *   client,
 *   onResult: async (details, event) => {
 *     console.log(event.workflowExecutionId, details.workflow.status, details.decision?.type);
 *   },
 * });
 * const handler = createCallbackHandler({ results });
 * results.start();
 * ```
 */
export function createResults(options: ResultsOptions): Results {
  checkOptionsWith(ResultsOptionsSchema, options, 'createResults options');
  const { client, onResult, onStatus, onError } = options;
  const queue = storeOf(client)?.queue as KyxWorkQueue;
  const concurrency = options.concurrency ?? DEFAULTS.concurrency;
  const schedule = options.retrySchedule ?? JUMIO_RETRIEVAL_SCHEDULE;
  const offsets = [0, ...schedule];
  const pollAfterMs = options.pollAfterMs ?? DEFAULTS.pollAfterMs;
  const leaseMs = options.leaseMs ?? DEFAULTS.leaseMs;
  const maxPending = options.maxPending ?? DEFAULTS.maxPending;
  const rememberMs = options.rememberMs ?? DEFAULTS.rememberMs;
  const checkEveryMs = options.checkEveryMs ?? DEFAULTS.checkEveryMs;
  const counters = {
    recorded: 0,
    duplicates: 0,
    full: 0,
    runs: 0,
    verified: 0,
    dropped: 0,
    unconfirmed: 0,
    delivered: 0,
    statuses: 0,
    failures: 0,
    leasesLost: 0,
    ended: 0,
  };
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let loop: Promise<void> | undefined;
  /** Wakes the loop (a callback recorded here, a run ended, stop); a poke while it works is kept for its next wait. */
  let wake: (() => void) | undefined;
  let poked = false;
  const poke = () => {
    poked = true;
    wake?.();
  };

  function report(error: unknown, context: ResultsErrorContext): void {
    counters.failures++;
    try {
      onError?.(error, context);
    } catch {
      // a failing onError must not stop the work
    }
  }

  /** Ms from now until `anchor + offsets[attempt]`, or a day past the schedule. */
  const delayOf = (anchor: number, attempt: number) =>
    attempt < offsets.length ? Math.max(0, anchor + (offsets[attempt] as number) - Date.now()) : DAY_MS;

  /** The work on one execution: what to do with it afterwards. */
  async function work(item: QueueItem, lease: KeptLease): Promise<QueueSettlement> {
    const f = item.fields;
    const ids = { accountId: f['accountId'] ?? '', workflowExecutionId: item.id };
    const where = { workflowExecutionId: item.id, accountId: ids.accountId };
    const attempt = Number(f['attempt'] ?? 0);
    const failures = Number(f['failures'] ?? 0);
    const anchor = Number(f['anchor'] ?? Date.now());
    const mode = f['mode'] === 'poll' ? 'poll' : 'callback';
    const run = item.claims;
    const call: CallOptions = { priority: 'background', signal: lease.signal };
    const retry = (error: unknown, stage: ResultsErrorContext['stage']): QueueSettlement => {
      if (error !== undefined) report(error, { stage, ...where });
      if (failures + 1 > schedule.length + DAILY_ATTEMPTS) {
        counters.ended++;
        report(new KyxResultsError({ code: 'GAVE_UP', workflowExecutionId: item.id, attempts: failures + 1 }), {
          stage: 'gave-up',
          ...where,
        });
        return { drop: true };
      }
      return {
        delayMs: delayOf(anchor, attempt + 1),
        fields: { attempt: String(attempt + 1), failures: String(failures + 1) },
      };
    };

    let status: WorkflowStatusResponse;
    try {
      status = await client.status(ids, call);
    } catch (error) {
      if (error instanceof KyxNotFoundError) {
        counters.dropped++;
        if (f['tracked'] === '1') report(error, { stage: 'unknown', ...where });
        return { drop: true };
      }
      return retry(error, 'status');
    }
    counters.verified++;
    const verified = status.workflowExecution.status;
    const event = (s: WorkflowStatus, extra: Partial<ResultEvent> = {}): ResultEvent => {
      const callback = parseStored(f['callback']);
      return {
        ...ids,
        status: s,
        source: mode,
        ...(callback === undefined ? {} : { callback }),
        run,
        ...extra,
      };
    };

    if (TERMINAL_STATUSES.has(String(verified))) {
      let details: WorkflowDetails;
      try {
        details = await client.details(ids, call);
      } catch (error) {
        if (error instanceof KyxNotFoundError) {
          counters.ended++;
          report(error, { stage: 'unavailable', ...where }); // wiped or gone: nothing left to retrieve
          return { done: true, keepMs: rememberMs };
        }
        return retry(error, 'details');
      }
      if (!TERMINAL_STATUSES.has(String(details.workflow.status))) return retry(undefined, 'details'); // not final there yet
      // onResult gets leaseMs from now, no renewal: hung, it loses the lease
      lease.handOver(() =>
        report(new KyxResultsError({ code: 'LEASE_OVERRUN', workflowExecutionId: item.id, leaseMs }), {
          stage: 'lease',
          ...where,
        }),
      );
      try {
        await onResult(
          details,
          event(details.workflow.status, details.wipedOutAt === undefined ? {} : { wipedOut: true }),
        );
      } catch (error) {
        return retry(error, 'onResult');
      }
      counters.delivered++;
      return { done: true, keepMs: rememberMs };
    }

    const seen = (f['statuses'] ?? '').split(',').filter((s) => s !== '');
    if (onStatus && !seen.includes(String(verified))) {
      try {
        await onStatus(status, event(verified));
      } catch (error) {
        return retry(error, 'onStatus');
      }
      counters.statuses++;
      seen.push(String(verified).slice(0, 40));
    }
    const statuses = seen.slice(-8).join(',');
    if (mode === 'callback' && TERMINAL_STATUSES.has(String(f['hint'])) && attempt + 1 < offsets.length) {
      // the callback said it was over and Jumio does not say so (yet): ask again on the schedule
      counters.unconfirmed++;
      return { delayMs: delayOf(anchor, attempt + 1), fields: { statuses, attempt: String(attempt + 1) } };
    }
    if (mode === 'poll') {
      return { delayMs: delayOf(anchor, attempt + 1), fields: { statuses, attempt: String(attempt + 1) } };
    }
    // a genuine execution not finished yet: tracked from here on, polled if its terminal callback never comes
    return {
      delayMs: pollAfterMs,
      fields: {
        statuses,
        mode: 'poll',
        anchor: String(Date.now() + pollAfterMs),
        attempt: '0',
        failures: '0',
      },
    };
  }

  /** Holds the lease on `item` while it is worked on: renewed through the queue; lost, its signal aborts the calls. */
  function holdLease(item: QueueItem): KeptLease {
    return keepLease({
      ms: leaseMs,
      renew: () => queue.renew(QUEUE, item.id, item.token, leaseMs),
      onRenewError: (error) =>
        report(new KyxStoreError({ operation: 'renew', cause: error }), {
          stage: 'store',
          workflowExecutionId: item.id,
        }),
      onLost: () => counters.leasesLost++,
      lostReason: () => new KyxResultsError({ code: 'LEASE_LOST', workflowExecutionId: item.id }),
    });
  }

  async function runOne(item: QueueItem): Promise<void> {
    counters.runs++;
    const lease = holdLease(item);
    let how: QueueSettlement;
    try {
      how = await work(item, lease);
    } catch (error) {
      // not reached by design (work catches its own failures): retry soon
      report(error, { stage: 'store', workflowExecutionId: item.id });
      how = { delayMs: schedule[0] ?? 0 };
    } finally {
      lease.stop();
    }
    try {
      if (!(await queue.settle(QUEUE, item.id, item.token, how)) && !lease.lost()) counters.leasesLost++;
    } catch (error) {
      // the lease ends by itself: the work is done again by the next run
      report(new KyxStoreError({ operation: 'settle', cause: error }), {
        stage: 'store',
        workflowExecutionId: item.id,
      });
    }
  }

  function spawn(item: QueueItem): void {
    const promise: Promise<void> = runOne(item).finally(() => {
      inFlight.delete(promise);
      poke();
    });
    inFlight.add(promise);
  }

  /** Claims what is due into the free slots; the number claimed. */
  async function fill(): Promise<number> {
    const free = concurrency - inFlight.size;
    if (free <= 0) return 0;
    const items = await queue.claim(QUEUE, free, leaseMs);
    for (const item of items) spawn(item);
    return items.length;
  }

  /** Waits `ms` or until woken; the timer does not keep the process alive by itself (a server does). */
  async function idle(ms: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (poked) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
      (timer as { unref?: () => void }).unref?.();
    });
    clearTimeout(timer);
    wake = undefined;
  }

  async function mainLoop(): Promise<void> {
    while (running) {
      poked = false;
      let claimed = 0;
      let waitMs = checkEveryMs;
      try {
        claimed = await fill();
        if (claimed === 0 && inFlight.size < concurrency) {
          const next = await queue.nextDueMs(QUEUE);
          if (next !== undefined) waitMs = Math.min(waitMs, Math.max(next, 5));
        }
      } catch (error) {
        report(new KyxStoreError({ operation: 'claim', cause: error }), { stage: 'store' });
      }
      if (!running) break;
      if (claimed > 0 && inFlight.size < concurrency) continue;
      await idle(waitMs);
    }
  }

  const results: Results = {
    async record(callback) {
      const now = Date.now();
      let answer: Awaited<ReturnType<KyxWorkQueue['offer']>>;
      try {
        answer = await queue.offer(QUEUE, callback.workflowExecution.id.toLowerCase(), {
          fields: {
            accountId: callback.account.id,
            hint: String(callback.workflowExecution.status),
            callback: storedCallback(callback),
            mode: 'callback',
            anchor: String(now),
            attempt: '0',
            failures: '0',
          },
          delayMs: 0,
          max: maxPending,
        });
      } catch (error) {
        throw new KyxStoreError({ operation: 'record', cause: error });
      }
      if (answer === 'done') {
        counters.duplicates++;
        return 'duplicate';
      }
      if (answer === 'full') {
        counters.full++;
        return 'full';
      }
      counters.recorded++;
      poke();
      return 'recorded';
    },
    async track(execution) {
      const ids = executionIds(execution);
      const answer = await queue
        .offer(QUEUE, ids.workflowExecutionId.toLowerCase(), {
          fields: { tracked: '1' },
          fieldsIfAbsent: {
            accountId: ids.accountId,
            mode: 'poll',
            anchor: String(Date.now() + pollAfterMs),
            attempt: '0',
            failures: '0',
          },
          delayMs: pollAfterMs,
          max: maxPending,
        })
        .catch((error: unknown) => {
          throw new KyxStoreError({ operation: 'track', cause: error });
        });
      if (answer === 'full') {
        throw new KyxResultsError({ code: 'INBOX_FULL', maxPending });
      }
    },
    start() {
      if (running) return;
      running = true;
      loop = mainLoop();
    },
    async stop() {
      running = false;
      poke();
      await loop;
      loop = undefined;
      // the runs in flight, for at most a lease: a hung onResult has lost its lease by then
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.all([...inFlight]),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, leaseMs);
        }),
      ]);
      clearTimeout(timer);
    },
    async drain() {
      for (;;) {
        let claimed = 0;
        try {
          claimed = await fill();
        } catch (error) {
          report(new KyxStoreError({ operation: 'claim', cause: error }), { stage: 'store' });
          return;
        }
        if (claimed === 0 && inFlight.size === 0) {
          const next = await queue.nextDueMs(QUEUE).catch(() => undefined);
          if (next === undefined || next > 0) return;
          await sleep(5); // due now by the store's clock: claim again after a turn
        }
        if (inFlight.size > 0) await Promise.race([...inFlight]);
      }
    },
    stats() {
      return { ...counters, inFlight: inFlight.size };
    },
  };
  clients.set(results, client);
  return results;
}
