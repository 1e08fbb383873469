import * as v from 'valibot';
import type { KyxClient } from '../client/client.js';
import { type KyxIssue, KyxValidationError } from '../errors/index.js';
import { checkOptionsWith, numberIn, optionsObject, positive } from '../model/option-schema.js';
import type { CallbackPayload, WorkflowDetails } from '../model/response.js';
import { readCapped } from '../shared/body.js';
import { parseCallback } from './parse.js';
import { clientOf, createResults, type ResultEvent, type Results, type ResultsErrorContext } from './results.js';
import { isLoopbackAddress, JUMIO_CALLBACK_IPS, normalizeAddress, senderAddress, type TrustProxy } from './sources.js';

/**
 * What the handler did with one request; the answer's JSON body is `{ outcome }` and
 * {@link CallbackReceiverOptions.onOutcome} receives it.
 *
 * | outcome | HTTP | meaning |
 * |---|---|---|
 * | `recorded` | 200 | stored in the inbox: the processor verifies it with Jumio and delivers the result |
 * | `duplicate` | 200 | the execution's result was delivered already: nothing stored |
 * | `full` | 503 | the inbox holds `maxPending` executions: nothing stored |
 * | `failed` | 503 | the store failed (or did not answer within the deadline): nothing stored |
 * | `refused` | 403 | the sender is not allowed; nothing was read |
 * | `invalid` | 400 | not a callback (not JSON, fields missing, too long or not well-formed text); `issues` name the fields |
 * | `too-large` | 413 | the body is over `maxBodyBytes` |
 * | `timeout` | 408 | the body did not arrive within the deadline |
 * | `method-not-allowed` | 405 | not a POST |
 *
 * @example
 * ```ts
 * import type { CallbackOutcome } from 'jumio-kyx';
 * const stored: CallbackOutcome[] = ['recorded', 'duplicate']; // 200: nothing more is needed from Jumio
 * ```
 */
export type CallbackOutcome =
  | 'recorded'
  | 'duplicate'
  | 'full'
  | 'failed'
  | 'refused'
  | 'invalid'
  | 'too-large'
  | 'timeout'
  | 'method-not-allowed';

/**
 * Where a failure reported to `onError` happened (the processor's {@link ResultsErrorContext}).
 *
 * @example
 * ```ts
 * import type { CallbackErrorContext } from 'jumio-kyx';
 * const describe = (c: CallbackErrorContext) => `${c.stage} ${c.workflowExecutionId ?? ''}`;
 * ```
 */
export type CallbackErrorContext = ResultsErrorContext;

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
  /** The status the callback announced (untrusted). */
  readonly workflowStatus?: string;
  /** Time to the answer in milliseconds (whole). */
  readonly ms: number;
}

/**
 * What both forms of {@link CallbackHandlerOptions} accept: the sender check, the body bounds and
 * the answer.
 *
 * @example
 * ```ts
 * import type { CallbackReceiverOptions } from 'jumio-kyx';
 * const receiver: CallbackReceiverOptions = { trustProxy: 1, maxBodyBytes: 16_384, deadlineMs: 4_000 };
 * ```
 */
export interface CallbackReceiverOptions {
  /** Told of every answer, for logs and metrics. */
  readonly onOutcome?: (event: CallbackOutcomeEvent) => void;
  /**
   * The senders accepted: addresses (replacing the region's `JUMIO_CALLBACK_IPS`) or a function;
   * when given, it is the only rule. Without it, loopback is accepted when the client talks to a
   * loopback `baseUrl` (the simulator).
   */
  readonly allow?: readonly string[] | ((address: string) => boolean);
  /** Proxies allowed to name the sender in `X-Forwarded-For` (default: none, the header is ignored). */
  readonly trustProxy?: TrustProxy;
  /** Largest body read, in bytes (default 65,536; Jumio's callbacks are under 1 kB). */
  readonly maxBodyBytes?: number;
  /** The bound on reading and recording, in ms (default 5,000): past it, 408 (body) or 503 (store). */
  readonly deadlineMs?: number;
  /**
   * Serverless hosts (Vercel, Cloudflare Workers, …): given the work left after the answer (the
   * processor draining what is due), keeps the invocation alive until it settles — pass the
   * platform's `waitUntil` (`ctx.waitUntil.bind(ctx)`).
   */
  readonly waitUntil?: (work: Promise<unknown>) => void;
}

/**
 * {@link createCallbackHandler} on a processor from {@link createResults}: the handler records,
 * the processor (started in every process that should do the work) verifies and delivers.
 *
 * @example
 * ```ts
 * import { type CallbackHandlerResultsOptions, createClient, createResults } from 'jumio-kyx';
 * const client = createClient({
 *   region: 'amer-1',
 *   credentials: { clientId: 'id', clientSecret: 'secret' },
 *   userAgent: 'Acme Onboarding/1.0',
 * });
 * const results = createResults({ client, onResult: (details) => console.log(details.workflow.id) });
 * const options: CallbackHandlerResultsOptions = { results, trustProxy: 1 };
 * ```
 */
export interface CallbackHandlerResultsOptions extends CallbackReceiverOptions {
  /** The processor whose inbox the callbacks are recorded in. */
  readonly results: Results;
}

/**
 * {@link createCallbackHandler} the 0.2 way: the handler creates and starts an in-process
 * {@link createResults} on the client's store with these functions.
 *
 * @example
 * ```ts
 * import { type CallbackHandlerClientOptions, createClient } from 'jumio-kyx';
 * const client = createClient({
 *   region: 'amer-1',
 *   credentials: { clientId: 'id', clientSecret: 'secret' },
 *   userAgent: 'Acme Onboarding/1.0',
 * });
 * const options: CallbackHandlerClientOptions = {
 *   client,
 *   onResult: async (details) => console.log(details.workflow.id, details.decision?.type),
 * };
 * ```
 */
export interface CallbackHandlerClientOptions extends CallbackReceiverOptions {
  /** The client that verifies and retrieves (its store holds the inbox). */
  readonly client: KyxClient;
  /**
   * Each execution's terminal result, retrieved from Jumio after its callback was verified: at
   * least once per execution (it runs again on Jumio's retry schedule when it throws).
   */
  readonly onResult: (details: WorkflowDetails, callback: CallbackPayload) => unknown;
  /** Intermediate statuses verified with Jumio, once per execution and status. */
  readonly onStatus?: (callback: CallbackPayload) => unknown;
  /** Told of every failure of the processor; errors never carry secrets. */
  readonly onError?: (error: unknown, context: CallbackErrorContext) => void;
  /** How long one run holds an execution before another may take it over, in ms (default 60,000). */
  readonly leaseMs?: number;
  /** How long a delivered execution is remembered, in ms (default 7 days). */
  readonly rememberMs?: number;
}

/**
 * Options of {@link createCallbackHandler}: a processor (`results`) or, the 0.2 way, a client and
 * `onResult`.
 *
 * @example
 * ```ts
 * import { type CallbackHandlerOptions, createClient } from 'jumio-kyx';
 * const client = createClient({
 *   region: 'amer-1',
 *   credentials: { clientId: 'id', clientSecret: 'secret' },
 *   userAgent: 'Acme Onboarding/1.0',
 * });
 * const options: CallbackHandlerOptions = { client, onResult: (details) => console.log(details.workflow.id) };
 * ```
 */
export type CallbackHandlerOptions = CallbackHandlerResultsOptions | CallbackHandlerClientOptions;

/**
 * What the server knows about the request beyond the `Request` itself.
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

const DEFAULTS = { maxBodyBytes: 65_536, deadlineMs: 5_000 };

/** The longest text the inbox keeps per field: far above anything Jumio sends, far below an attack. */
const FIELD_LIMITS: readonly (readonly [path: string, max: number])[] = [
  ['callbackSentAt', 40],
  ['userReference', 256],
  ['workflowExecution.href', 2048],
  ['workflowExecution.definitionKey', 64],
  ['workflowExecution.status', 64],
  ['account.href', 2048],
];
/** A lone UTF-16 surrogate: text no store or JSON peer can keep as it is. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The bounds a callback must keep to be stored (lenient otherwise: unknown fields and statuses pass, and are not stored). */
function boundIssues(callback: CallbackPayload): KyxIssue[] {
  const issues: KyxIssue[] = [];
  for (const [path, max] of FIELD_LIMITS) {
    const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], callback);
    if (typeof value !== 'string') continue;
    if (value.length > max) issues.push({ path, message: `must be at most ${max} characters` });
    else if (LONE_SURROGATE.test(value)) issues.push({ path, message: 'must be well-formed text (a lone surrogate)' });
  }
  return issues;
}

/** The end of a request: what to answer. */
interface End {
  readonly outcome: CallbackOutcome;
  readonly httpStatus: number;
}

const HTTP: Record<CallbackOutcome, number> = {
  recorded: 200,
  duplicate: 200,
  full: 503,
  failed: 503,
  refused: 403,
  invalid: 400,
  'too-large': 413,
  timeout: 408,
  'method-not-allowed': 405,
};
const end = (outcome: CallbackOutcome): End => ({ outcome, httpStatus: HTTP[outcome] });

const FUNCTION = 'must be a function';
const BESIDE_RESULTS = v.optional(v.never('is given to createResults, not beside results'));
const ALLOW = 'must be a list of addresses or a function';
const TRUST_PROXY = 'must be a number of hops (0 or more) or a list of proxy addresses';
/** What both forms of {@link CallbackHandlerOptions} check (after their own fields). */
const RECEIVER_ENTRIES = {
  onOutcome: v.optional(v.function(FUNCTION)),
  waitUntil: v.optional(v.function(FUNCTION)),
  maxBodyBytes: v.optional(positive('must be a positive number')),
  deadlineMs: v.optional(positive('must be a positive number')),
  allow: v.optional(v.union([v.function(ALLOW), v.array(v.string(ALLOW), ALLOW)], ALLOW)),
  trustProxy: v.optional(
    v.union(
      [numberIn(0, Number.POSITIVE_INFINITY, TRUST_PROXY, true), v.array(v.string(TRUST_PROXY), TRUST_PROXY)],
      TRUST_PROXY,
    ),
  ),
};
/** {@link CallbackHandlerResultsOptions}: a processor from `createResults`, and nothing it takes itself. */
const WithResultsSchema = optionsObject({
  results: v.custom<Results>((results) => clientOf(results as Results) !== undefined, 'must be made by createResults'),
  client: BESIDE_RESULTS,
  onResult: BESIDE_RESULTS,
  onStatus: BESIDE_RESULTS,
  onError: BESIDE_RESULTS,
  ...RECEIVER_ENTRIES,
});
/** {@link CallbackHandlerClientOptions}: a client and `onResult`. */
const WithClientSchema = optionsObject({
  client: v.custom<KyxClient>(
    (client) => typeof (client as Partial<KyxClient> | null)?.details === 'function',
    'must be a client from createClient (or give results)',
  ),
  onResult: v.function(FUNCTION),
  onStatus: v.optional(v.function(FUNCTION)),
  onError: v.optional(v.function(FUNCTION)),
  ...RECEIVER_ENTRIES,
});

function checkHandlerOptions(options: CallbackHandlerOptions): void {
  const withResults = (options as Partial<CallbackHandlerResultsOptions> | undefined)?.results !== undefined;
  checkOptionsWith(withResults ? WithResultsSchema : WithClientSchema, options, 'callback handler options');
}

/** A stand-in callback for a result that came by polling (0.2's `onResult` takes one). */
function callbackOf(details: WorkflowDetails, event: ResultEvent): CallbackPayload {
  return (
    event.callback ?? {
      callbackSentAt: new Date().toISOString(),
      workflowExecution: {
        id: details.workflow.id,
        href: '',
        definitionKey: String(details.workflow.definitionKey),
        status: event.status,
      },
      account: { id: details.account.id, href: '' },
    }
  );
}

/** The processor of the 0.2 form: created and started on the client's store. */
function inProcessResults(o: CallbackHandlerClientOptions): Results {
  const { onResult, onStatus } = o;
  const results = createResults({
    client: o.client,
    onResult: (details, event) => onResult(details, callbackOf(details, event)),
    ...(onStatus === undefined
      ? {}
      : {
          onStatus: (status, event) =>
            onStatus(
              event.callback ?? {
                callbackSentAt: new Date().toISOString(),
                workflowExecution: { href: '', ...status.workflowExecution },
                account: { href: '', ...status.account },
              },
            ),
        }),
    ...(o.onError === undefined ? {} : { onError: o.onError }),
    ...(o.leaseMs === undefined ? {} : { leaseMs: o.leaseMs }),
    ...(o.rememberMs === undefined ? {} : { rememberMs: o.rememberMs }),
  });
  results.start();
  return results;
}

/**
 * Creates the receiver of Jumio's callbacks as a web-standard handler
 * (`(request, info?) => Promise<Response>`: Hono, Next.js route handlers, Bun.serve, Deno.serve;
 * `toNodeListener` for node:http and Express). It does what Jumio documents — "save it, answer
 * 200, then retrieve": it refuses (403) a sender outside the allow-list before reading anything,
 * reads a size-capped body, parses it leniently (anything that is not a callback gets a 4xx,
 * never a 500), records it in the store's inbox and answers 200. Only a store that fails (or an
 * inbox past `maxPending`) answers 503. Nothing after the answer depends on Jumio sending
 * anything again: the processor ({@link createResults}) verifies each callback with Jumio and
 * delivers the result. Given `{ client, onResult }` (the 0.2 form) it creates and starts an
 * in-process processor on the client's store.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createCallbackHandler, createClient, createResults, toNodeListener } from 'jumio-kyx';
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
 * results.start();
 * createServer(toNodeListener(createCallbackHandler({ results }))).listen(8080);
 * ```
 */
export function createCallbackHandler(options: CallbackHandlerOptions): CallbackHandler {
  checkHandlerOptions(options);
  const { onOutcome, trustProxy, waitUntil } = options;
  const results =
    'results' in options && options.results !== undefined
      ? options.results
      : inProcessResults(options as CallbackHandlerClientOptions);
  const client = clientOf(results) as KyxClient;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const deadlineMs = options.deadlineMs ?? DEFAULTS.deadlineMs;
  const allowList = Array.isArray(options.allow)
    ? new Set((options.allow as readonly string[]).map(normalizeAddress))
    : undefined;
  const allowFn = typeof options.allow === 'function' ? options.allow : undefined;
  const defaults = new Set(JUMIO_CALLBACK_IPS[client.region] ?? []);

  function allowed(sender: string | undefined): boolean {
    if (allowFn) return sender !== undefined && allowFn(sender) === true;
    if (allowList) return sender !== undefined && allowList.has(sender); // an explicit list is the only rule
    if (client.loopback && (sender === undefined || isLoopbackAddress(sender))) return true; // the simulator
    return sender !== undefined && defaults.has(sender);
  }

  return async function handleCallback(request: Request, info?: CallbackRequestInfo): Promise<Response> {
    const started = Date.now();
    let sender: string | undefined;
    let callback: CallbackPayload | undefined;
    const answer = (result: End, issues?: readonly KyxIssue[]): Response => {
      const event: CallbackOutcomeEvent = {
        outcome: result.outcome,
        httpStatus: result.httpStatus,
        ...(sender === undefined ? {} : { sender }),
        ...(callback === undefined
          ? {}
          : {
              workflowExecutionId: callback.workflowExecution.id,
              accountId: callback.account.id,
              workflowStatus: String(callback.workflowExecution.status).slice(0, 64),
            }),
        ms: Math.round(Date.now() - started),
      };
      try {
        onOutcome?.(event);
      } catch {
        // a failing onOutcome must not change the answer
      }
      return respond(result, issues);
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
      const signal = AbortSignal.timeout(deadlineMs);
      // the bytes, 'too-large' (by Content-Length or as it streams: the reader throws it), or
      // 'unreadable' (the stream failed or the deadline passed first)
      const body = await readCapped(request.body, {
        maxBytes: maxBodyBytes,
        declared: Number(request.headers.get('content-length') ?? Number.NaN),
        signal,
        tooLarge: () => 'too-large',
      }).catch((error: unknown) => (error === 'too-large' ? error : 'unreadable'));
      if (body === 'too-large') return answer(end('too-large'));
      if (body === 'unreadable') {
        if (signal.aborted) return answer(end('timeout'));
        return answer(end('invalid'), [{ path: '', message: 'could not be read' }]);
      }
      let parsed: CallbackPayload;
      try {
        parsed = parseCallback(body);
      } catch (error) {
        const issues =
          error instanceof KyxValidationError ? error.issues : [{ path: '', message: 'is not a callback' }];
        return answer(end('invalid'), issues);
      }
      const bounds = boundIssues(parsed);
      if (bounds.length > 0) return answer(end('invalid'), bounds);
      callback = parsed;
      const recorded = await Promise.race([
        results.record(parsed).catch(() => 'failed' as const),
        new Promise<'failed'>((resolve) => signal.addEventListener('abort', () => resolve('failed'), { once: true })),
      ]);
      if (recorded === 'recorded' && waitUntil !== undefined) {
        try {
          waitUntil(results.drain());
        } catch {
          // the platform refused: the processor (or the next invocation) picks it up
        }
      }
      return answer(end(recorded));
    } catch {
      // not reached by design (every step above catches its own failures); never throw at a server
      return answer(end('failed'));
    }
  };
}

/** The answer: `{ outcome }` (plus `issues` for an invalid body) as JSON, with the status. */
function respond(result: End, issues?: readonly KyxIssue[]): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store' };
  if (result.outcome === 'method-not-allowed') headers['allow'] = 'POST';
  if (result.httpStatus === 503) headers['retry-after'] = '5';
  const body: Record<string, unknown> = { outcome: result.outcome };
  if (issues !== undefined) body['issues'] = issues.map((i) => ({ path: i.path, message: i.message }));
  return new Response(JSON.stringify(body), { status: result.httpStatus, headers });
}
