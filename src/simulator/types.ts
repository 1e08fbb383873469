import type { CallbackPayload } from '../model/response.js';
import type { WorkflowSpec } from '../workflows/define.js';

/**
 * The routes the simulator serves, by name: the keys of per-route fault scripts and statistics.
 *
 * @example
 * ```ts
 * import { SIMULATOR_ROUTES } from 'jumio-kyx/simulator';
 * SIMULATOR_ROUTES.includes('createAccount'); // true: POST /api/v1/accounts
 * ```
 */
export const SIMULATOR_ROUTES = [
  'health',
  'token',
  'createAccount',
  'updateAccount',
  'uploadPart',
  'finalize',
  'details',
  'status',
  'steps',
  'partImage',
  'deleteAccount',
  'deleteExecution',
] as const;

/**
 * One of {@link SIMULATOR_ROUTES}.
 *
 * @example
 * ```ts
 * import type { SimulatorRoute } from 'jumio-kyx/simulator';
 * const route: SimulatorRoute = 'finalize'; // PUT /api/v1/accounts/{a}/workflow-executions/{w}
 * ```
 */
export type SimulatorRoute = (typeof SIMULATOR_ROUTES)[number];

/**
 * A rate limit as a token bucket: `burst` requests at once, refilled at `perSecond`.
 */
export interface RateLimit {
  /** Sustained requests per second. */
  readonly perSecond: number;
  /** Requests allowed at once (default: `perSecond`). */
  readonly burst?: number;
}

/**
 * Per-tenant rate limits. Jumio's defaults: token 10/s, account 1/s (burst 5), retrieval 15/s.
 * `false` turns one limit off.
 */
export interface SimulatorRateLimits {
  /** `POST /oauth2/token`. */
  readonly token?: RateLimit | false;
  /** Account create and update (each starts a transaction). */
  readonly account?: RateLimit | false;
  /** Retrieval and deletion. */
  readonly retrieval?: RateLimit | false;
}

/**
 * One scripted fault. Each request to a route consumes the next fault of its script; `{}` lets a
 * request through untouched. `status` answers with a problem body without handling the request
 * (nothing is created); `reset: 'before'` drops the connection before handling, `'after'` after
 * handling (the request took effect, the answer is lost); `body` handles the request and then
 * sends invalid JSON (`'malformed'`), drops the connection midway (`'truncated'`), sends the
 * status and headers with no body at all (`'empty'`), pads the body with 1.5 MiB of whitespace
 * (`'oversized'`) or sends half of it and then stalls forever (`'stalled'`). `reset: 'before'`
 * wins over `status`, which wins over handling; a dropped connection takes no `headers` or
 * `body`. In process, a dropped connection is a rejected fetch: a `TypeError` whose
 * `cause.code` is `'ECONNRESET'`.
 */
export interface SimulatorFault {
  /** Answer with this status and a problem body instead of handling the request. */
  readonly status?: number;
  /** Wait this long (ms, real time) before answering. */
  readonly delayMs?: number;
  /** Drop the connection before or after handling the request. */
  readonly reset?: 'before' | 'after';
  /** Handle the request, then send a malformed, truncated, empty, oversized or stalled body. */
  readonly body?: 'malformed' | 'truncated' | 'empty' | 'oversized' | 'stalled';
  /** Extra response headers, e.g. `{ 'retry-after': '1' }`. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Client credentials the token endpoint accepts.
 */
export interface SimulatorClient {
  /** OAuth2 client id. */
  readonly clientId: string;
  /** OAuth2 client secret. */
  readonly clientSecret: string;
  /**
   * What the client's tokens may do (default both), as Jumio's Portal offers: `initiate`
   * (account create and update) and `retrieve` (retrieval and deletion). A token used for a
   * call its client may not make is answered 403.
   */
  readonly permissions?: readonly SimulatorPermission[];
}

/**
 * A permission of an OAuth2 client: initiate transactions, or retrieve and delete them.
 *
 * @example
 * ```ts
 * import type { SimulatorClient, SimulatorPermission } from 'jumio-kyx/simulator';
 * const onlyInitiate: readonly SimulatorPermission[] = ['initiate'];
 * const client: SimulatorClient = { clientId: 'onboarding', clientSecret: 's', permissions: onlyInitiate };
 * ```
 */
export type SimulatorPermission = 'initiate' | 'retrieve';

/**
 * One handled request, for logs: never carries headers, bodies or tokens.
 *
 * @example
 * ```ts
 * import type { SimulatorRequestLog } from 'jumio-kyx/simulator';
 * const format = (e: SimulatorRequestLog) => `${e.method} ${e.path} ${e.status} ${e.ms}ms`;
 * ```
 */
export interface SimulatorRequestLog {
  /** HTTP method. */
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  /** The matched route, if any. */
  readonly route?: SimulatorRoute;
  /** Response status; 0 when the connection was reset. */
  readonly status: number;
  /** Handling time in milliseconds (whole). */
  readonly ms: number;
}

/**
 * The outcome of one callback delivery.
 *
 * @example
 * ```ts
 * import type { SimulatorCallbackLog } from 'jumio-kyx/simulator';
 * const format = (e: SimulatorCallbackLog) => `callback ${e.status} -> ${e.url}: ${e.outcome}`;
 * ```
 */
export interface SimulatorCallbackLog {
  /** The callback URL. */
  readonly url: string;
  /** The execution status announced (`PROCESSED` or `TOKEN_EXPIRED`). */
  readonly status: string;
  /**
   * `delivered` (2xx), `failed` (not 2xx, after `callbackRetries` repeats), `skipped` (host not
   * trusted) or `dropped` (the `dropCallbacks` fault: never sent, as a lost callback).
   */
  readonly outcome: 'delivered' | 'failed' | 'skipped' | 'dropped';
  /** Attempts made. */
  readonly attempts: number;
}

/**
 * Options of {@link createSimulator} (and {@link startSimulator}).
 *
 * @example
 * ```ts
 * import { createSimulator, type SimulatorOptions } from 'jumio-kyx/simulator';
 * const options: SimulatorOptions = { seed: 42, processingDelayMs: 0, rateLimits: false };
 * const simulator = createSimulator(options);
 * await simulator.close();
 * ```
 */
export interface SimulatorOptions {
  /** Accepted client credentials; by default any non-empty id and secret. */
  readonly clients?: readonly SimulatorClient[];
  /** Lifetime of OAuth2 access tokens in seconds (default 3600). */
  readonly accessTokenTtlSeconds?: number;
  /** Time from finalize to PROCESSED in ms (default 200). */
  readonly processingDelayMs?: number;
  /** Seed of ids, scores and sampled decisions (default `'jumio-kyx'`). */
  readonly seed?: string | number;
  /** Share of executions (0..1) decided REJECTED when no magic reference forces one (default 0). */
  readonly rejectRate?: number;
  /** Share of executions (0..1) decided WARNING when no magic reference forces one (default 0). */
  readonly warningRate?: number;
  /**
   * The clock in ms since the epoch (default `Date.now`). With a custom clock, no timers run:
   * call {@link Simulator.tick} after moving it.
   */
  readonly now?: () => number;
  /** Rate limits, or `false` for none (default: Jumio's). */
  readonly rateLimits?: SimulatorRateLimits | false;
  /** Tenant workflows besides the catalog (Workflow Designer keys). */
  readonly workflows?: readonly WorkflowSpec[];
  /** Callback hosts to trust besides loopback (`localhost`, `127.0.0.1`, `::1`). */
  readonly trustedCallbackHosts?: readonly string[];
  /** The fetch used to deliver callbacks (default the global `fetch`). */
  readonly callbackFetch?: (request: Request) => Promise<Response>;
  /**
   * Repeats after a failed callback delivery (default 0). Jumio documents no redelivery at all, so
   * by default each callback is sent once; set it to model a sender that does repeat.
   */
  readonly callbackRetries?: number;
  /**
   * A fault: callbacks that are never sent (logged as `dropped`), as when a delivery is lost or the
   * callback URL is wrong. A share (0..1, drawn from the seed) or a function of the callback.
   */
  readonly dropCallbacks?: number | ((callback: CallbackPayload) => boolean);
  /** Delay before the first retry in ms, doubled each time (default 200). */
  readonly callbackRetryDelayMs?: number;
  /**
   * Serve `/__admin/*` (state, faults, tick): default true, except on an exposed server
   * ({@link StartSimulatorOptions.expose}), where it must be asked for.
   */
  readonly admin?: boolean;
  /** Called after each request with a log entry. */
  readonly onRequest?: (entry: SimulatorRequestLog) => void;
  /** Called after each callback delivery settles. */
  readonly onCallback?: (entry: SimulatorCallbackLog) => void;
}

/**
 * Counters for tests and the admin state endpoint.
 *
 * @example
 * ```ts
 * import { createSimulator } from 'jumio-kyx/simulator';
 * const simulator = createSimulator();
 * const { accountsCreated, requests } = simulator.stats();
 * console.log(accountsCreated, requests.createAccount ?? 0);
 * ```
 */
export interface SimulatorStats {
  /** Accounts that exist now. */
  readonly accounts: number;
  /** Accounts created since start. */
  readonly accountsCreated: number;
  /** Workflow executions created since start (create and update). */
  readonly executionsCreated: number;
  /** Existing executions by status. */
  readonly executions: Readonly<Record<string, number>>;
  /** Access tokens issued. */
  readonly tokensIssued: number;
  /** Parts uploaded. */
  readonly uploads: number;
  /** Requests received per route (including rejected ones). */
  readonly requests: Readonly<Partial<Record<SimulatorRoute, number>>>;
  /** Requests answered 429 per route. */
  readonly rateLimited: Readonly<Partial<Record<SimulatorRoute, number>>>;
  /** Callback outcomes. */
  readonly callbacks: {
    readonly delivered: number;
    readonly failed: number;
    readonly skipped: number;
    readonly dropped: number;
  };
}

/**
 * A simulated Jumio tenant: every Jumio host's paths on one origin, served in process.
 *
 * @example
 * ```ts
 * import { createSimulator } from 'jumio-kyx/simulator';
 * const simulator = createSimulator({ rateLimits: false });
 * const response = await simulator.fetch('http://jumio.test/', { headers: { 'user-agent': 'Docs/1.0' } });
 * console.log(await response.json()); // { status: 'UP' }
 * await simulator.close();
 * ```
 */
export interface Simulator {
  /** A fetch-compatible handler: pass it as a client's `fetch`; no socket is opened. */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Advances every execution to the clock's time and waits for the callbacks this sends. */
  tick(): Promise<void>;
  /** Waits until no callback delivery is pending. */
  idle(): Promise<void>;
  /** Current counters. */
  stats(): SimulatorStats;
  /** Replaces the fault script of a route. */
  setFaults(route: SimulatorRoute, faults: readonly SimulatorFault[]): void;
  /** Clears every fault script. */
  clearFaults(): void;
  /** Stops timers and pending retries. */
  close(): Promise<void>;
}

/**
 * A simulator listening on a loopback port.
 *
 * @example
 * ```ts
 * import { startSimulator } from 'jumio-kyx/simulator';
 * const simulator = await startSimulator({ port: 0 });
 * console.log(simulator.url); // e.g. http://127.0.0.1:53123
 * await simulator.close();
 * ```
 */
export interface RunningSimulator extends Simulator {
  /** The origin it listens on, e.g. `http://127.0.0.1:4010`. */
  readonly url: string;
}

/**
 * Options of {@link startSimulator}: {@link SimulatorOptions} plus where to listen.
 *
 * @example
 * ```ts
 * import type { StartSimulatorOptions } from 'jumio-kyx/simulator';
 * const options: StartSimulatorOptions = { port: 4010, host: '127.0.0.1', processingDelayMs: 100 };
 * ```
 */
export interface StartSimulatorOptions extends SimulatorOptions {
  /** Port; 0 picks a free one (default 0). */
  readonly port?: number;
  /** Interface to bind (default `127.0.0.1`); another than loopback needs `expose: true`. */
  readonly host?: string;
  /**
   * Allow a `host` that is not loopback (`0.0.0.0`, a LAN address). Then `clients` is required
   * and `/__admin/*` is off unless `admin: true`. Default false.
   */
  readonly expose?: boolean;
  /**
   * The origin clients reach the server at (a proxy in front of an exposed simulator), used
   * for every URL in answers (`api.parts`, `web.href`). Default: {@link RunningSimulator.url}.
   * The request's `Host` header is never used.
   */
  readonly publicUrl?: string;
}
