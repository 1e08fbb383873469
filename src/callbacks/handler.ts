import { readCapped } from '../client/body.js';
import type { KyxClient } from '../client/client.js';
import { storeOf } from '../client/store-of.js';
import { KyxError, type KyxIssue, KyxValidationError } from '../errors.js';
import type { CallbackPayload, WorkflowDetails } from '../model/response.js';
import { memoryStore } from '../store/memory.js';
import type { KyxStore } from '../store/types.js';
import { parseCallback } from './parse.js';
import { isLoopbackAddress, JUMIO_CALLBACK_IPS, normalizeAddress, senderAddress, type TrustProxy } from './sources.js';

/**
 * What the handler did with one request; the answer's JSON body is `{ outcome }` and
 * {@link CallbackHandlerOptions.onOutcome} receives it.
 *
 * | outcome | HTTP | meaning |
 * |---|---|---|
 * | `handled` | 200 | a terminal status: details re-fetched, `onResult` ran |
 * | `acknowledged` | 200 | a non-terminal status (`onStatus` ran, if given) |
 * | `duplicate` | 200 | this execution and status were handled already |
 * | `stale` | 200 | older (`callbackSentAt`) than what was handled for this execution: dropped |
 * | `in-progress` | 503 | being handled (here past the deadline, or by another process): repeat later |
 * | `failed` | 500 / 502 / 503 | `onResult`/`onStatus` threw (500), the re-fetch failed (502), the store or Jumio not ready (503) |
 * | `refused` | 403 | the sender is not allowed; nothing was read or fetched |
 * | `invalid` | 400 | not a callback (not JSON, empty, fields missing); `issues` name the fields |
 * | `too-large` | 413 | the body is over `maxBodyBytes` |
 * | `timeout` | 408 | the body did not arrive within the deadline |
 * | `method-not-allowed` | 405 | not a POST |
 *
 * @example
 * ```ts
 * import type { CallbackOutcome } from 'jumio-kyx';
 * const retried: CallbackOutcome[] = ['in-progress', 'failed']; // non-2xx: Jumio repeats them
 * ```
 */
export type CallbackOutcome =
  | 'handled'
  | 'acknowledged'
  | 'duplicate'
  | 'stale'
  | 'in-progress'
  | 'failed'
  | 'refused'
  | 'invalid'
  | 'too-large'
  | 'timeout'
  | 'method-not-allowed';

/**
 * Where a failure reported to {@link CallbackHandlerOptions.onError} happened.
 *
 * @example
 * ```ts
 * import type { CallbackErrorContext } from 'jumio-kyx';
 * const describe = (c: CallbackErrorContext) => `${c.stage} ${c.callback?.workflowExecution.id ?? ''}`;
 * ```
 */
export interface CallbackErrorContext {
  /** `details` (the re-fetch), `onResult`, `onStatus`, or `store` (the store failed). */
  readonly stage: 'details' | 'onResult' | 'onStatus' | 'store';
  /** The callback being handled. */
  readonly callback: CallbackPayload;
  /** Whether the answer had already gone out (the deadline passed) when it failed. */
  readonly afterAnswer: boolean;
}

/**
 * One handled request, for logs: no headers, no body, no secrets.
 *
 * @example
 * ```ts
 * import type { CallbackOutcomeEvent } from 'jumio-kyx';
 * const line = (e: CallbackOutcomeEvent) => `callback ${e.outcome} ${e.httpStatus} ${e.workflowExecutionId ?? '-'} ${e.ms}ms`;
 * ```
 */
export interface CallbackOutcomeEvent {
  /** What was done. */
  readonly outcome: CallbackOutcome;
  /** The HTTP status answered. */
  readonly httpStatus: number;
  /** The sender as checked (after `trustProxy`); absent when unknown. */
  readonly sender?: string;
  /** The execution, when the body was a callback. */
  readonly workflowExecutionId?: string;
  /** The account, when the body was a callback. */
  readonly accountId?: string;
  /** The status the callback announced. */
  readonly workflowStatus?: string;
  /** Time to the answer in milliseconds (whole). */
  readonly ms: number;
}

/**
 * Options of {@link createCallbackHandler}.
 *
 * @example
 * ```ts
 * import { type CallbackHandlerOptions, createClient } from 'jumio-kyx';
 * const client = createClient({
 *   region: 'amer-1',
 *   credentials: { clientId: 'id', clientSecret: 'secret' },
 *   userAgent: 'Acme Onboarding/1.0',
 * });
 * const options: CallbackHandlerOptions = {
 *   client,
 *   onResult: async (details) => console.log(details.workflow.id, details.decision?.type),
 *   trustProxy: 1, // one load balancer in front
 *   deadlineMs: 4_000,
 * };
 * ```
 */
export interface CallbackHandlerOptions {
  /** The client the details are re-fetched with (its region picks the default allow-list). */
  readonly client: KyxClient;
  /**
   * Called once per execution and terminal status (`PROCESSED`, `SESSION_EXPIRED`,
   * `TOKEN_EXPIRED`) with the details re-fetched from Jumio. When it throws, the answer is
   * non-2xx and nothing is marked handled: the next repeat runs it again.
   */
  readonly onResult: (details: WorkflowDetails, callback: CallbackPayload) => unknown;
  /** Called once per execution and non-terminal status (e.g. `ACQUIRED`); nothing is fetched. */
  readonly onStatus?: (callback: CallbackPayload) => unknown;
  /** Told of every failure (re-fetch, `onResult`, `onStatus`, store); errors never carry secrets. */
  readonly onError?: (error: unknown, context: CallbackErrorContext) => void;
  /** Told of every answer, for logs and metrics. */
  readonly onOutcome?: (event: CallbackOutcomeEvent) => void;
  /**
   * The senders accepted: addresses (replacing the region's `JUMIO_CALLBACK_IPS`) or a function.
   * Loopback is accepted besides when the client talks to a loopback `baseUrl` (the simulator).
   */
  readonly allow?: readonly string[] | ((address: string) => boolean);
  /** Proxies allowed to name the sender in `X-Forwarded-For` (default: none, the header is ignored). */
  readonly trustProxy?: TrustProxy;
  /**
   * Where handled executions are remembered (default: the client's store — `memoryStore()`
   * unless `createClient` was given one, such as `redisStore` shared by a fleet).
   */
  readonly store?: KyxStore;
  /** Largest body read, in bytes (default 65,536; Jumio's callbacks are under 1 kB). */
  readonly maxBodyBytes?: number;
  /**
   * The bound on the answer in ms (default 5,000). Past it the handler answers 503 so that Jumio
   * repeats the callback; the work goes on, and the repeat is answered from its outcome.
   */
  readonly deadlineMs?: number;
  /** How long one run holds an execution before another may take it over, in ms (default 300,000). */
  readonly leaseMs?: number;
  /** How long a handled execution and status is remembered, in ms (default 7 days). */
  readonly rememberMs?: number;
  /** Prefix of the store's keys (default `kyx:callback:`). */
  readonly keyPrefix?: string;
}

/**
 * What the server knows about the request beyond the `Request` itself.
 *
 * @example
 * ```ts
 * import type { CallbackRequestInfo } from 'jumio-kyx';
 * const info: CallbackRequestInfo = { remoteAddress: '::ffff:34.202.241.227' };
 * ```
 */
export interface CallbackRequestInfo {
  /** The peer address of the connection (`req.socket.remoteAddress`, Deno's `info.remoteAddr.hostname`, …). */
  readonly remoteAddress?: string | undefined;
}

/**
 * A web-standard request handler: give it the `Request` of a callback POST, get the `Response`
 * to send. It never throws.
 *
 * @example
 * ```ts
 * import type { CallbackHandler } from 'jumio-kyx';
 * declare const handler: CallbackHandler;
 * const response = await handler(new Request('http://localhost/jumio', { method: 'POST', body: '{}' }));
 * response.status; // 400 here: not a callback
 * ```
 */
export type CallbackHandler = (request: Request, info?: CallbackRequestInfo) => Promise<Response>;

const TERMINAL = new Set(['PROCESSED', 'SESSION_EXPIRED', 'TOKEN_EXPIRED']);
const DEFAULTS = {
  maxBodyBytes: 65_536,
  deadlineMs: 5_000,
  leaseMs: 300_000,
  rememberMs: 7 * 24 * 3600 * 1000,
  keyPrefix: 'kyx:callback:',
};

/** The end of a run: what to answer and, for a failure, where. */
interface RunEnd {
  readonly outcome: CallbackOutcome;
  readonly httpStatus: number;
  readonly stage?: CallbackErrorContext['stage'];
}

const HTTP: Partial<Record<CallbackOutcome, number>> = {
  handled: 200,
  acknowledged: 200,
  duplicate: 200,
  stale: 200,
  'in-progress': 503,
  refused: 403,
  invalid: 400,
  'too-large': 413,
  timeout: 408,
  'method-not-allowed': 405,
};
const end = (outcome: CallbackOutcome, httpStatus = HTTP[outcome] ?? 500, stage?: RunEnd['stage']): RunEnd =>
  stage === undefined ? { outcome, httpStatus } : { outcome, httpStatus, stage };

function checkHandlerOptions(options: CallbackHandlerOptions): void {
  const issues: KyxIssue[] = [];
  const o = (options ?? {}) as Partial<CallbackHandlerOptions>;
  if (typeof o.client?.details !== 'function')
    issues.push({ path: 'client', message: 'must be a client from createClient' });
  if (typeof o.onResult !== 'function') issues.push({ path: 'onResult', message: 'must be a function' });
  for (const name of ['onStatus', 'onError', 'onOutcome'] as const) {
    if (o[name] !== undefined && typeof o[name] !== 'function')
      issues.push({ path: name, message: 'must be a function' });
  }
  for (const name of ['maxBodyBytes', 'deadlineMs', 'leaseMs', 'rememberMs'] as const) {
    const value = o[name];
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
      issues.push({ path: name, message: 'must be a positive number' });
    }
  }
  if (o.deadlineMs !== undefined && o.leaseMs !== undefined && o.leaseMs <= o.deadlineMs) {
    issues.push({ path: 'leaseMs', message: 'must be longer than deadlineMs' });
  }
  const allow = o.allow as unknown;
  if (
    allow !== undefined &&
    typeof allow !== 'function' &&
    !(Array.isArray(allow) && allow.every((a) => typeof a === 'string'))
  ) {
    issues.push({ path: 'allow', message: 'must be a list of addresses or a function' });
  }
  const trust = o.trustProxy as unknown;
  if (
    trust !== undefined &&
    !(typeof trust === 'number' && Number.isInteger(trust) && trust >= 0) &&
    !(Array.isArray(trust) && trust.every((a) => typeof a === 'string'))
  ) {
    issues.push({ path: 'trustProxy', message: 'must be a number of hops (0 or more) or a list of proxy addresses' });
  }
  const store = o.store as Partial<KyxStore> | undefined;
  if (
    store !== undefined &&
    !(['get', 'setIfAbsent', 'replace', 'delete'] as const).every((m) => typeof store?.[m] === 'function')
  ) {
    issues.push({ path: 'store', message: 'must have get, setIfAbsent, replace and delete' });
  }
  if (issues.length > 0) throw new KyxValidationError(issues, 'callback handler options');
}

/** A promise that resolves after `ms`, the same as an abort signal, and a way to stop its timer. */
function deadline(ms: number): { readonly passed: Promise<'deadline'>; readonly signal: AbortSignal; stop(): void } {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const passed = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('deadline');
    }, ms);
  });
  return { passed, signal: controller.signal, stop: () => clearTimeout(timer) };
}

/** Thrown (to `onError`) when Jumio's details do not confirm the terminal status a callback announced. */
class NotFinalError extends KyxError {
  override name = 'KyxCallbackNotFinalError';
}

/**
 * Creates the receiver of Jumio's callbacks as a web-standard handler
 * (`(request, info?) => Promise<Response>`: Hono, Next.js route handlers, Bun.serve, Deno.serve;
 * `toNodeListener` for node:http and Express). Per request it: refuses (403) a sender outside
 * the allow-list before reading anything; reads a size-capped body and parses it leniently
 * (anything that is not a callback gets a 4xx, never a 500); drops duplicates and stale repeats
 * per execution and status; for a terminal status re-fetches the details with the client and
 * calls `onResult(details, callback)`, for any other status `onStatus(callback)`. A failure is
 * reported to `onError`, answered non-2xx and not marked handled, so Jumio's next repeat runs it
 * again. The answer comes within `deadlineMs`: past it, 503 (Jumio repeats) while the run goes
 * on holding the execution, and the repeat is answered from its outcome.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createCallbackHandler, createClient, toNodeListener } from 'jumio-kyx';
 *
 * const client = createClient({
 *   region: 'amer-1',
 *   credentials: { clientId: 'id', clientSecret: 'secret' },
 *   userAgent: 'Acme Onboarding/1.0',
 * });
 * const handler = createCallbackHandler({
 *   client,
 *   onResult: async (details, callback) => {
 *     console.log(callback.workflowExecution.id, details.workflow.status, details.decision?.type);
 *   },
 * });
 * createServer(toNodeListener(handler)).listen(8080);
 * ```
 */
export function createCallbackHandler(options: CallbackHandlerOptions): CallbackHandler {
  checkHandlerOptions(options);
  const { client, onResult, onStatus, onError, onOutcome, trustProxy } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const deadlineMs = options.deadlineMs ?? DEFAULTS.deadlineMs;
  const leaseMs = options.leaseMs ?? Math.max(DEFAULTS.leaseMs, deadlineMs * 2);
  const rememberMs = options.rememberMs ?? DEFAULTS.rememberMs;
  const prefix = options.keyPrefix ?? DEFAULTS.keyPrefix;
  const store = options.store ?? storeOf(client) ?? memoryStore();
  const allowList = Array.isArray(options.allow)
    ? new Set((options.allow as readonly string[]).map(normalizeAddress))
    : undefined;
  const allowFn = typeof options.allow === 'function' ? options.allow : undefined;
  const defaults = new Set(JUMIO_CALLBACK_IPS[client.region] ?? []);
  /** Runs of this process by lease key: a repeat that arrives meanwhile waits for its outcome. */
  const running = new Map<string, Promise<RunEnd>>();

  function allowed(sender: string | undefined): boolean {
    if (client.loopback && (sender === undefined || isLoopbackAddress(sender))) return true; // the simulator
    if (sender === undefined) return false;
    if (allowFn) return allowFn(sender) === true;
    return (allowList ?? defaults).has(sender);
  }

  function report(error: unknown, context: CallbackErrorContext): void {
    try {
      onError?.(error, context);
    } catch {
      // a failing onError must not change the answer
    }
  }

  /** Re-fetches the details: the one place the client's retrieval API is called. */
  function fetchDetails(callback: CallbackPayload): Promise<WorkflowDetails> {
    return client.details(callback, { signal: AbortSignal.timeout(leaseMs) }); // a callback names its execution
  }

  /** Does the work for one execution and status while holding its lease. */
  /** Records `sentAt` as the execution's latest handled time unless a later one is there (compare-and-set). */
  async function raiseLatest(key: string, sentAt: number): Promise<void> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const current = await store.get(key);
      if (current !== undefined && Number(current) >= sentAt) return;
      const done =
        current === undefined
          ? await store.setIfAbsent(key, String(sentAt), rememberMs)
          : await store.replace(key, current, String(sentAt), rememberMs);
      if (done) return;
    }
  }

  async function run(
    callback: CallbackPayload,
    keys: Keys,
    lease: string,
    sentAt: number,
    answered: () => boolean,
  ): Promise<RunEnd> {
    const status = String(callback.workflowExecution.status);
    const fail = (error: unknown, stage: CallbackErrorContext['stage'], httpStatus: number) => {
      report(error, { stage, callback, afterAnswer: answered() });
      return end('failed', httpStatus, stage);
    };
    try {
      if (TERMINAL.has(status)) {
        let details: WorkflowDetails;
        try {
          details = await fetchDetails(callback);
        } catch (error) {
          return fail(error, 'details', 502);
        }
        if (!TERMINAL.has(String(details.workflow.status))) {
          const error = new NotFinalError(
            `The callback announced ${status} for execution ${callback.workflowExecution.id}, but Jumio's details say ${details.workflow.status}: not handled yet`,
          );
          return fail(error, 'details', 503);
        }
        try {
          await onResult(details, callback);
        } catch (error) {
          return fail(error, 'onResult', 500);
        }
      } else if (onStatus) {
        try {
          await onStatus(callback);
        } catch (error) {
          return fail(error, 'onStatus', 500);
        }
      }
      try {
        await store.setIfAbsent(keys.done, String(sentAt), rememberMs);
        await raiseLatest(keys.latest, sentAt);
      } catch (error) {
        return fail(error, 'store', 503);
      }
      return end(TERMINAL.has(status) ? 'handled' : 'acknowledged');
    } finally {
      await store
        .delete(keys.lease, lease)
        .catch((error: unknown) => report(error, { stage: 'store', callback, afterAnswer: answered() }));
    }
  }

  /** Drops a stale or handled callback, or takes the lease and runs it. */
  async function claimAndRun(callback: CallbackPayload, keys: Keys, sentAt: number, answered: () => boolean) {
    const lease = `${sentAt}:${globalThis.crypto.randomUUID()}`; // this run's token: only it releases the lease
    try {
      const latest = await store.get(keys.latest);
      if (latest !== undefined && sentAt < Number(latest)) return end('stale');
      if ((await store.get(keys.done)) !== undefined) return end('duplicate');
      if (!(await store.setIfAbsent(keys.lease, lease, leaseMs))) return end('in-progress');
      if ((await store.get(keys.done)) !== undefined) {
        await store.delete(keys.lease, lease); // another process finished between the check and the lease
        return end('duplicate');
      }
    } catch (error) {
      report(error, { stage: 'store', callback, afterAnswer: answered() });
      return end('failed', 503, 'store');
    }
    return run(callback, keys, lease, sentAt, answered);
  }

  /**
   * Handles a parsed callback once per execution and status in this process: a repeat that
   * arrives while the first is running waits for it (registered before any await, so two
   * concurrent arrivals never both reach the store).
   */
  function dispatch(callback: CallbackPayload, answered: () => boolean): Promise<RunEnd> {
    const status = String(callback.workflowExecution.status);
    const keys = keysOf(prefix, callback.workflowExecution.id.toLowerCase(), status);
    const local = running.get(keys.lease);
    if (local) {
      return local.then((first) => {
        if (first.httpStatus !== 200) return end('in-progress'); // the first failed: let the sender repeat
        return first.outcome === 'handled' || first.outcome === 'acknowledged' ? end('duplicate') : end(first.outcome);
      });
    }
    const work = claimAndRun(callback, keys, Date.parse(callback.callbackSentAt), answered);
    running.set(keys.lease, work);
    void work.then(() => running.delete(keys.lease));
    return work;
  }

  return async function handleCallback(request: Request, info?: CallbackRequestInfo): Promise<Response> {
    const started = Date.now();
    let sender: string | undefined;
    let callback: CallbackPayload | undefined;
    const answer = (result: RunEnd, issues?: readonly KyxIssue[]): Response => {
      const event: CallbackOutcomeEvent = {
        outcome: result.outcome,
        httpStatus: result.httpStatus,
        ...(sender === undefined ? {} : { sender }),
        ...(callback === undefined
          ? {}
          : {
              workflowExecutionId: callback.workflowExecution.id,
              accountId: callback.account.id,
              workflowStatus: String(callback.workflowExecution.status),
            }),
        ms: Math.round(Date.now() - started),
      };
      try {
        onOutcome?.(event);
      } catch {
        // a failing onOutcome must not change the answer
      }
      return respond(result, deadlineMs, issues);
    };

    try {
      if (request.method !== 'POST') {
        await request.body?.cancel().catch(() => {});
        return answer(end('method-not-allowed'));
      }
      sender = senderAddress(info?.remoteAddress, request.headers.get('x-forwarded-for'), trustProxy);
      if (!allowed(sender)) {
        await request.body?.cancel().catch(() => {});
        return answer(end('refused'));
      }
      const timer = deadline(deadlineMs);
      let answered = false;
      try {
        // the bytes, 'too-large' (by Content-Length or as it streams: the reader throws it), or
        // 'unreadable' (the stream failed or the deadline passed first)
        const body = await readCapped(request.body, {
          maxBytes: maxBodyBytes,
          declared: Number(request.headers.get('content-length') ?? Number.NaN),
          signal: timer.signal,
          tooLarge: () => 'too-large',
        }).catch((error: unknown) => (error === 'too-large' ? error : 'unreadable'));
        if (body === 'too-large') return answer(end('too-large'));
        if (body === 'unreadable') {
          if (timer.signal.aborted) return answer(end('timeout'));
          return answer(end('invalid'), [{ path: '', message: 'could not be read' }]);
        }
        try {
          callback = parseCallback(body);
        } catch (error) {
          const issues =
            error instanceof KyxValidationError ? error.issues : [{ path: '', message: 'is not a callback' }];
          return answer(end('invalid'), issues);
        }
        const result = await Promise.race([dispatch(callback, () => answered), timer.passed]);
        return answer(result === 'deadline' ? end('in-progress') : result);
      } finally {
        answered = true;
        timer.stop();
      }
    } catch {
      // not reached by design (every step above catches its own failures); never throw at a server
      return answer(end('failed', 500));
    }
  };
}

/** The store keys of one execution (and status). */
interface Keys {
  /** Held while one run handles the status. */
  readonly lease: string;
  /** Present once the status was handled; its value is the handled `callbackSentAt` (ms). */
  readonly done: string;
  /** The latest `callbackSentAt` (ms) handled for the execution, any status. */
  readonly latest: string;
}

function keysOf(prefix: string, execution: string, status: string): Keys {
  const s = encodeURIComponent(status);
  return {
    lease: `${prefix}lease:${execution}:${s}`,
    done: `${prefix}done:${execution}:${s}`,
    latest: `${prefix}latest:${execution}`,
  };
}

/** The answer: `{ outcome }` (plus `issues` for an invalid body) as JSON, with the status. */
function respond(result: RunEnd, deadlineMs: number, issues?: readonly KyxIssue[]): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store' };
  if (result.outcome === 'method-not-allowed') headers['allow'] = 'POST';
  if (result.httpStatus === 503) headers['retry-after'] = String(Math.max(1, Math.ceil(deadlineMs / 1000)));
  const body: Record<string, unknown> = { outcome: result.outcome };
  if (result.stage !== undefined) body['stage'] = result.stage;
  if (issues !== undefined) body['issues'] = issues.map((i) => ({ path: i.path, message: i.message }));
  return new Response(JSON.stringify(body), { status: result.httpStatus, headers });
}
