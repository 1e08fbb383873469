import ky, { isHTTPError, isTimeoutError, type KyInstance } from 'ky';
import type * as v from 'valibot';
import {
  httpError,
  isKyxError,
  KyxNetworkError,
  KyxRedirectError,
  KyxResponseError,
  KyxTimeoutError,
  KyxValidationError,
  RedactedError,
  scrub,
} from '../errors/index.js';
import { parseWith } from '../model/parse.js';
import { PROBLEM_BYTES, type ResolvedResponseLimits, readCapped } from '../shared/body.js';
import { sleep } from '../shared/sleep.js';
import { emit, type KyxHooks, type KyxRequestEvent } from './hooks.js';
import { networkErrorKind, systemErrorCode } from './network.js';
import { timeoutIssues } from './options.js';
import type { Limits } from './rate-limits.js';
import { type Operation, RETRY_POLICIES, type ResolvedRetrySettings } from './retry-policy.js';

/** Where a request's `Authorization` comes from. */
export type Auth =
  | { kind: 'none' }
  | { kind: 'basic'; credentials: string }
  /** The transaction-scoped `api.token`: cannot be refreshed, so a 401 is final. */
  | { kind: 'bearer'; token: string }
  /** The tenant OAuth2 token: a 401 invalidates it and replays the request once. */
  | { kind: 'tenant'; tokens: TokenSource };

/** The tenant token cache, as the transport sees it. */
export interface TokenSource {
  get(): Promise<string>;
  invalidate(token: string): void;
}

/** One logical call; retries of it are attempts. */
export interface CallSpec {
  operation: Operation;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  auth: Auth;
  json?: unknown;
  body?: FormData | string;
  contentType?: string;
  accept?: string;
  signal?: AbortSignal | undefined;
  timeout?: number | undefined;
  /** `'background'`: waits behind the other calls in the rate-limit queue. */
  priority?: 'background' | undefined;
  /** Awaited before every attempt (the account rate limiter). */
  beforeAttempt?: (() => Promise<void>) | undefined;
  /** Called as an attempt leaves (after every wait): from then on the server may have seen it. */
  onSend?: (() => void) | undefined;
}

/** Transport settings, fixed per client. */
export interface TransportConfig {
  fetch: ((input: Request, init?: RequestInit) => Promise<Response>) | undefined;
  userAgent: string;
  timeout: number;
  retry: ResolvedRetrySettings;
  hooks: KyxHooks;
  /** Secrets to scrub from any text that comes back from the server. */
  secrets: () => readonly string[];
  /** The tenant rate limits: every attempt waits its turn; a retry waits at least one refill. */
  limits?: Pick<Limits, 'acquire' | 'refillMs'> | undefined;
  /** Bounds of the bodies read. */
  responseLimits: ResolvedResponseLimits;
}

/** Sends calls through ky with the retry table, auth, hooks and error mapping. */
export interface Transport {
  /** The successful response, or a thrown `KyxError`. */
  call(spec: CallSpec): Promise<Response>;
  /** `call` + JSON body validated with `schema`; a mismatch throws `KyxResponseError`. */
  json<S extends v.GenericSchema>(spec: CallSpec, schema: S): Promise<v.InferOutput<S>>;
  /** `call` + the whole body as bytes, bounded by `limits.image` and the attempt's deadline. */
  bytes(spec: CallSpec): Promise<{ response: Response; data: Uint8Array }>;
}

/** A backoff delay from the user's function, made finite and within [0, limit]. */
function boundedDelay(delay: number, limit: number): number {
  return Number.isFinite(delay) ? Math.min(Math.max(0, delay), limit) : limit;
}

function jitter(enabled: boolean, minimum: number): ((delay: number) => number) | undefined {
  if (!enabled) return minimum > 0 ? (delay) => Math.max(minimum, delay) : undefined;
  return (delay) => Math.max(minimum, delay * (0.5 + Math.random() * 0.5));
}

function retryReason(error: unknown): string {
  if (isHTTPError(error)) return `status ${error.response.status}`;
  if (isTimeoutError(error)) return 'timeout';
  return `network ${systemErrorCode(error) ?? 'error'}`;
}

/**
 * Maps a failed call to its `KyxError`. Only account create/update (operation `account`) can
 * create an execution, so only its errors may say `mayHaveCreated`; earlier attempts of the call
 * were retried only when they provably were not processed, so the last attempt decides.
 */
async function toKyxError(
  error: unknown,
  spec: CallSpec,
  path: string,
  config: TransportConfig,
  readProblem: (response: Response) => Promise<Uint8Array>,
): Promise<unknown> {
  if (isKyxError(error)) return error; // e.g. the token request failed: the account request was never sent
  const creates = spec.operation === 'account';
  if (spec.signal?.aborted) return spec.signal.reason;
  if (isHTTPError(error)) {
    const { response } = error;
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      return new KyxRedirectError({
        status: response.status,
        method: spec.method,
        path,
        location: locationOrigin(response.headers.get('location'), spec.url),
      });
    }
    let title: string | undefined;
    let detail: string | undefined;
    try {
      const problem: unknown = JSON.parse(new TextDecoder().decode(await readProblem(response)));
      if (typeof problem === 'object' && problem !== null) {
        const p = problem as { title?: unknown; detail?: unknown };
        if (typeof p.title === 'string') title = scrub(p.title, config.secrets());
        if (typeof p.detail === 'string') detail = scrub(p.detail, config.secrets());
      }
    } catch {
      // not problem-details: status alone
    }
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    return httpError({
      status: response.status,
      method: spec.method,
      path,
      title,
      detail,
      retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined,
      mayHaveCreated: creates && response.status >= 500,
    });
  }
  if (isTimeoutError(error)) {
    return new KyxTimeoutError({
      method: spec.method,
      path,
      timeout: spec.timeout ?? config.timeout,
      mayHaveCreated: creates,
    });
  }
  if (error instanceof Error && error.name === 'AbortError') return error;
  const mayHaveCreated = creates && networkErrorKind(error) !== 'never-sent';
  return new KyxNetworkError({
    method: spec.method,
    path,
    code: systemErrorCode(error),
    cause: RedactedError.from(error, config.secrets()),
    mayHaveCreated,
  });
}

/** The origin a `Location` header points at (never its path or query: they may carry tokens). */
function locationOrigin(location: string | null, base: string): string | undefined {
  if (location === null || !URL.canParse(location, base)) return undefined;
  return new URL(location, base).origin;
}

/** Drops a body the caller does not need: the answer's status already said it worked, so a body cut off midway does not fail the call. */
export async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** Builds the transport. No globals are touched: `fetch` defaults to the global one at call time. */
export function createTransport(config: TransportConfig): Transport {
  const instance: KyInstance = ky.create({
    throwHttpErrors: true,
    ...(config.fetch ? { fetch: config.fetch as typeof fetch } : {}),
  });

  /** When each returned answer's attempt started, for the deadline of its body. */
  const startedAt = new WeakMap<Response, number>();

  /** Retries of one logical call, shared by its attempts and by the repeats after a cut body. */
  interface Budget {
    retries: number;
    /** Attempts made by earlier rounds (for the attempt numbers of the hooks). */
    attempts: number;
  }

  async function call(spec: CallSpec, budget: Budget = { retries: 0, attempts: 0 }): Promise<Response> {
    const timeout = spec.timeout ?? config.timeout;
    const invalid = timeoutIssues(timeout);
    if (invalid.length > 0) throw new KyxValidationError({ issues: invalid, subject: 'call options' });
    const target = new URL(spec.url);
    const base: Omit<KyxRequestEvent, 'attempt'> = {
      operation: spec.operation,
      method: spec.method,
      origin: target.origin,
      path: target.pathname,
    };
    const policy = RETRY_POLICIES[spec.operation];
    const { retry } = config;
    // a 429 without Retry-After is retried no sooner than one slot of the limit refills
    const refill = config.limits?.refillMs(spec.operation) ?? 0;
    // `replaying`: the retry ky is about to make is the replay after a 401 (a fresh token, no delay)
    const state = { replayed: false, replaying: false, startedAt: 0, token: '' };
    const spread = jitter(retry.jitter, refill);
    const round = budget.attempts;
    const headers: Record<string, string> = {
      Accept: spec.accept ?? 'application/json',
      'User-Agent': config.userAgent,
    };
    if (spec.contentType !== undefined) headers['Content-Type'] = spec.contentType;
    try {
      const response = await instance(spec.url, {
        method: spec.method,
        headers,
        // a 3xx is answered as an error (KyxRedirectError), never followed: a token or an ID image
        // must not go to wherever another origin points
        redirect: 'manual',
        ...(spec.json !== undefined ? { json: spec.json } : {}),
        ...(spec.body !== undefined ? { body: spec.body } : {}),
        ...(spec.signal ? { signal: spec.signal } : {}),
        timeout,
        retry: {
          // one extra slot for the replay after a token refresh (a forced retry counts against it)
          limit: retry.limit + (spec.auth.kind === 'tenant' ? 1 : 0),
          methods: [spec.method.toLowerCase() as 'get'],
          statusCodes: [...policy.statusCodes],
          afterStatusCodes: policy.statusCodes.filter((s) => s === 429 || s === 503),
          maxRetryAfter: retry.maxRetryAfter,
          backoffLimit: retry.backoffLimit,
          delay: (attempt) =>
            state.replaying ? 0 : Math.max(refill, boundedDelay(retry.delay(attempt), retry.backoffLimit)),
          jitter: spread && ((delay) => (state.replaying ? 0 : spread(delay))),
          retryOnTimeout: policy.timeouts,
          shouldRetry: ({ error }) => {
            // a 401 to the tenant token: drop the token and replay once with a fresh one (not
            // counted against the retries; the limit above has a slot for it)
            if (spec.auth.kind === 'tenant' && !state.replayed && isHTTPError(error) && error.response.status === 401) {
              state.replayed = true;
              state.replaying = true;
              spec.auth.tokens.invalidate(state.token);
              void discardBody(error.response);
              return true;
            }
            if (budget.retries >= retry.limit) return false;
            if (isHTTPError(error) || isTimeoutError(error)) return undefined; // the table above decides
            const kind = networkErrorKind(error);
            if (kind === 'never-sent') return true;
            return kind === 'ambiguous' && policy.network === 'any';
          },
        },
        hooks: {
          beforeRequest: [
            async (request, _options, { retryCount }) => {
              await spec.beforeAttempt?.();
              // the token first: a slot taken while a slow token request runs would be spent late,
              // together with the slots taken after it (a burst Jumio answers with 429s)
              if (spec.auth.kind === 'tenant') await spec.auth.tokens.get();
              await config.limits?.acquire(spec.operation, spec.signal, spec.priority); // its turn under the tenant's limits
              spec.signal?.throwIfAborted(); // the caller gave up while this attempt waited
              if (spec.auth.kind === 'tenant') {
                state.token = await spec.auth.tokens.get(); // cached (renewed if the wait outlived it)
                request.headers.set('Authorization', `Bearer ${state.token}`);
              } else if (spec.auth.kind === 'bearer') {
                request.headers.set('Authorization', `Bearer ${spec.auth.token}`);
              } else if (spec.auth.kind === 'basic') {
                request.headers.set('Authorization', `Basic ${spec.auth.credentials}`);
              }
              state.startedAt = Date.now();
              spec.onSend?.();
              budget.attempts = round + retryCount + 1;
              emit(config.hooks.onRequest, { ...base, attempt: round + retryCount + 1 });
            },
          ],
          // ky hands every `afterResponse` hook a clone of the answer (a tee of its body stream):
          // only a client with an `onResponse` hook pays for it
          afterResponse: config.hooks.onResponse
            ? [
                (_request, _options, response, { retryCount }) => {
                  emit(config.hooks.onResponse, {
                    ...base,
                    attempt: round + retryCount + 1,
                    status: response.status,
                    elapsedMs: Date.now() - state.startedAt,
                  });
                },
              ]
            : [],
          beforeRetry: [
            ({ error, retryCount }) => {
              const replay = state.replaying;
              state.replaying = false;
              if (!replay) budget.retries += 1;
              emit(config.hooks.onRetry, {
                ...base,
                attempt: round + retryCount + 1,
                reason: replay ? 'token refreshed' : retryReason(error),
              });
            },
          ],
        },
      });
      startedAt.set(response, state.startedAt);
      return response;
    } catch (error) {
      throw await toKyxError(error, spec, base.path, config, (answer) =>
        read(spec, base.path, answer, PROBLEM_BYTES, 'the problem-details bound'),
      );
    }
  }

  /**
   * The whole body of an answer `call` returned, within `maxBytes` (a `Content-Length` past it is
   * refused unread, unless the body is compressed: it is then counted as it expands) and the
   * attempt's deadline. Past the bound `KyxResponseError`, past the deadline `KyxTimeoutError`,
   * an abort its reason, and a connection lost midway a `KyxNetworkError` with `stage: 'body'`;
   * `mayHaveCreated` is set on each (the answer of an account create/update arrived).
   */
  function read(
    spec: CallSpec,
    path: string,
    response: Response,
    maxBytes: number,
    option: string,
    mayHaveCreated = false,
  ): Promise<Uint8Array> {
    const timeout = spec.timeout ?? config.timeout;
    const { method } = spec;
    const answered = { mayHaveCreated };
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    return readCapped(response.body, {
      maxBytes,
      declared: Number.isFinite(length) && !response.headers.has('content-encoding') ? length : undefined,
      signal: spec.signal,
      deadline: (startedAt.get(response) ?? Date.now()) + timeout,
      tooLarge: (what) =>
        new KyxResponseError({
          method,
          path,
          issues: [
            { path: '', message: `is larger than ${maxBytes} bytes (${what}; raise ${option} if it is expected)` },
          ],
          ...answered,
        }),
      late: () => new KyxTimeoutError({ method, path, timeout, ...answered }),
      lost: (error) =>
        new KyxNetworkError({
          method,
          path,
          code: systemErrorCode(error),
          cause: RedactedError.from(error, config.secrets()),
          stage: 'body',
          ...answered,
        }),
    });
  }

  /**
   * `call` and the read of its body, repeated when the body is cut off (the connection lost, or
   * the attempt's deadline passed while it streamed) for operations whose policy repeats that
   * failure (read-only ones: `network: 'any'`, `timeouts`), within the same retry limit.
   */
  async function answer(
    spec: CallSpec,
    limit: number,
    option: string,
  ): Promise<{ response: Response; data: Uint8Array }> {
    const policy = RETRY_POLICIES[spec.operation];
    const budget: Budget = { retries: 0, attempts: 0 };
    const creates = spec.operation === 'account'; // a 2xx answer arrived: processed, whatever its body says
    const path = new URL(spec.url).pathname;
    for (;;) {
      const response = await call(spec, budget);
      try {
        return { response, data: await read(spec, path, response, limit, option, creates) };
      } catch (error) {
        const cut =
          (error instanceof KyxNetworkError && error.stage === 'body' && policy.network === 'any') ||
          (error instanceof KyxTimeoutError && policy.timeouts);
        if (!cut || spec.signal?.aborted || budget.retries >= config.retry.limit) throw error;
        budget.retries += 1;
        emit(config.hooks.onRetry, {
          operation: spec.operation,
          method: spec.method,
          origin: new URL(spec.url).origin,
          path,
          attempt: budget.attempts + 1,
          reason: error instanceof KyxTimeoutError ? 'body timeout' : 'body cut off',
        });
        const { retry } = config;
        await sleep(boundedDelay(retry.delay(budget.retries), retry.backoffLimit), { signal: spec.signal });
      }
    }
  }

  function bytes(spec: CallSpec): Promise<{ response: Response; data: Uint8Array }> {
    return answer(spec, config.responseLimits.image, 'maxResponseBytes.image');
  }

  async function json<S extends v.GenericSchema>(spec: CallSpec, schema: S): Promise<v.InferOutput<S>> {
    const path = new URL(spec.url).pathname;
    // a 2xx answer arrived: an account create/update was processed, whatever its body says
    const answered = { mayHaveCreated: spec.operation === 'account' };
    const text = new TextDecoder().decode(
      (await answer(spec, config.responseLimits.json, 'maxResponseBytes.json')).data,
    );
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new KyxResponseError({
        method: spec.method,
        path,
        issues: [{ path: '', message: 'must be a JSON body' }],
        ...answered,
      });
    }
    const parsed = parseWith(schema, body, { quoteValues: false });
    if (!parsed.success) {
      // issue messages may quote the offending value: scrub them like any server text
      // and their paths may hold a key the server chose (`details.Bearer <token>`)
      const secrets = config.secrets();
      const issues = parsed.issues.map((i) => ({ path: scrub(i.path, secrets), message: scrub(i.message, secrets) }));
      throw new KyxResponseError({ method: spec.method, path, issues, ...answered });
    }
    return parsed.output;
  }

  return { call, json, bytes };
}
