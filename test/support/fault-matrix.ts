import { inspect } from 'node:util';
import { vi } from 'vitest';
import type { CellResult, Expectation } from '../../scripts/lib/reliability-records.js';
import {
  type AccountResponse,
  account,
  createClient,
  isKyxError,
  type KyxClient,
  type Operation,
  RETRY_POLICIES,
} from '../../src/index.js';
import {
  createSimulator,
  SIMULATOR_ROUTES,
  type Simulator,
  type SimulatorFault,
  type SimulatorRoute,
  startSimulator,
} from '../../src/simulator/index.js';
import type { Exposure } from './exposure.js';

// The fault matrix: every simulator route × every fault, generated from the two lists. Each cell
// runs one client call against a fresh simulator whose route plays the fault once, and records
// the outcome, the attempts the simulator saw and the accounts it created. What each cell must
// end in is derived from RETRY_POLICIES (expectedOutcome below), not written per cell.

/** One kind of fault, as scripted on the simulator. */
export interface FaultCase {
  readonly name: string;
  readonly kind: 'status' | 'redirect' | 'network' | 'timeout' | 'body' | 'expired';
  /** The simulator fault script of the route under test (empty: the clock is moved instead). */
  readonly script: readonly SimulatorFault[];
  readonly status?: number;
  readonly body?: 'malformed' | 'truncated' | 'empty' | 'oversized' | 'stalled';
  /** Whether the simulator handles the request despite the fault (its effect happens). */
  readonly processed: boolean;
  /** The status is played on every attempt the client may make, so retries run out. */
  readonly exhausts?: boolean;
}

/** The per-attempt timeout of matrix clients, and the delay of the `timeout` fault (ms). */
export const MATRIX_TIMEOUT_MS = 5_000;
const RETRY_AFTER_S = 1;
const BACKOFF_MS = 100;

export const FAULTS: readonly FaultCase[] = [
  { name: '400', kind: 'status', status: 400, script: [{ status: 400 }], processed: false },
  { name: '429', kind: 'status', status: 429, script: [{ status: 429 }], processed: false },
  {
    name: '429 × 3',
    kind: 'status',
    status: 429,
    script: [{ status: 429 }, { status: 429 }, { status: 429 }],
    processed: false,
    exhausts: true,
  },
  {
    name: '429 + Retry-After',
    kind: 'status',
    status: 429,
    script: [{ status: 429, headers: { 'retry-after': String(RETRY_AFTER_S) } }],
    processed: false,
  },
  ...[500, 502, 503].map((status) => ({
    name: String(status),
    kind: 'status' as const,
    status,
    script: [{ status }],
    processed: false,
  })),
  {
    name: 'redirect 302',
    kind: 'redirect',
    status: 302,
    script: [{ status: 302, headers: { location: 'https://elsewhere.example/next?token=x' } }],
    processed: false,
  },
  { name: 'reset before', kind: 'network', script: [{ reset: 'before' }], processed: false },
  { name: 'reset after', kind: 'network', script: [{ reset: 'after' }], processed: true },
  { name: 'timeout', kind: 'timeout', script: [{ delayMs: MATRIX_TIMEOUT_MS * 12 }], processed: true },
  ...(['malformed', 'truncated', 'empty', 'oversized', 'stalled'] as const).map((body) => ({
    name: {
      malformed: 'malformed JSON',
      truncated: 'truncated body',
      empty: 'empty body',
      oversized: 'oversized body',
      stalled: 'stalled body',
    }[body],
    kind: 'body' as const,
    body,
    script: [{ body }],
    processed: true,
  })),
  { name: 'expired token', kind: 'expired', script: [], processed: false },
];

/** What a cell's setup left behind for its call. */
interface Prepared {
  created?: AccountResponse;
  /** The call under test. */
  call: (client: KyxClient) => Promise<unknown>;
}

/** How the client exercises one route. */
export interface RouteScenario {
  /** The client operation whose retry policy applies on this route. */
  readonly operation: Operation;
  /** What the route authenticates with. */
  readonly auth: 'none' | 'client' | 'tenant' | 'credential';
  /** How the client consumes the answer body. */
  readonly reads: 'json' | 'bytes' | 'discarded';
  /** The call, written from the outside (public client API). */
  readonly call: string;
  /** Accounts and executions the setup creates (before the call). */
  readonly setupCreates: number;
  /** Whether the call under test runs on a fresh client (so it must fetch a token). */
  readonly freshClient?: boolean;
  prepare(client: KyxClient, ref: string): Promise<Prepared>;
}

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const create = (client: KyxClient, ref: string) => client.send(account().ref(ref).workflow(10011));

/** One scenario per simulator route: the type makes a missing route a compile error. */
export const ROUTE_SCENARIOS: Readonly<Record<SimulatorRoute, RouteScenario>> = {
  health: {
    operation: 'health',
    auth: 'none',
    reads: 'json',
    call: 'health()',
    setupCreates: 0,
    prepare: async () => ({ call: (c) => c.health() }),
  },
  token: {
    operation: 'token',
    auth: 'client',
    reads: 'json',
    call: 'status() on a new client',
    setupCreates: 1,
    freshClient: true,
    prepare: async (client, ref) => {
      const created = await create(client, ref);
      return { created, call: (c) => c.status(created) };
    },
  },
  createAccount: {
    operation: 'account',
    auth: 'tenant',
    reads: 'json',
    call: 'send(account())',
    setupCreates: 1, // an earlier account, so the client holds a token that can expire
    prepare: async (client, ref) => {
      const created = await create(client, `${ref}-earlier`);
      return { created, call: (c) => create(c, ref) };
    },
  },
  updateAccount: {
    operation: 'account',
    auth: 'tenant',
    reads: 'json',
    call: 'send(account(id))',
    setupCreates: 1,
    prepare: async (client, ref) => {
      const created = await create(client, ref);
      return { created, call: (c) => c.send(account(created.account.id).ref(`${ref}-u`).workflow(10011)) };
    },
  },
  uploadPart: {
    operation: 'upload',
    auth: 'credential',
    reads: 'json',
    call: "upload(response, 'front', jpeg)",
    setupCreates: 1,
    prepare: async (client, ref) => {
      const created = await create(client, ref);
      return { created, call: (c) => c.upload(created, 'front', JPEG) };
    },
  },
  finalize: {
    operation: 'finalize',
    auth: 'credential',
    reads: 'json',
    call: 'finalize(response)',
    setupCreates: 1,
    prepare: async (client, ref) => {
      const created = await create(client, ref);
      await client.upload(created, 'front', JPEG);
      await client.upload(created, 'face', PNG);
      return { created, call: (c) => c.finalize(created) };
    },
  },
  details: {
    operation: 'retrieval',
    auth: 'tenant',
    reads: 'json',
    call: 'details(response)',
    setupCreates: 1,
    prepare: async (client, ref) => {
      const created = await create(client, ref);
      return { created, call: (c) => c.details(created) };
    },
  },
  status: {
    operation: 'retrieval',
    auth: 'tenant',
    reads: 'json',
    call: 'status(response)',
    setupCreates: 1,
    prepare: async (client, ref) => {
      const created = await create(client, ref);
      return { created, call: (c) => c.status(created) };
    },
  },
  steps: {
    operation: 'retrieval',
    auth: 'tenant',
    reads: 'json',
    call: 'steps(response)',
    setupCreates: 1,
    prepare: async (client, ref) => {
      const created = await create(client, ref);
      return { created, call: (c) => c.steps(created) };
    },
  },
  partImage: {
    operation: 'retrieval',
    auth: 'tenant',
    reads: 'bytes',
    call: "partImage(response, 'FRONT')",
    setupCreates: 1,
    prepare: async (client, ref) => {
      const created = await create(client, ref);
      await client.upload(created, 'front', JPEG);
      return { created, call: (c) => c.partImage(created, 'FRONT') };
    },
  },
  deleteAccount: {
    operation: 'deletion',
    auth: 'tenant',
    reads: 'discarded',
    call: 'deleteAccount(response)',
    setupCreates: 1,
    prepare: async (client, ref) => {
      const created = await create(client, ref);
      return { created, call: (c) => c.deleteAccount(created) };
    },
  },
  deleteExecution: {
    operation: 'deletion',
    auth: 'tenant',
    reads: 'discarded',
    call: 'deleteExecution(response)',
    setupCreates: 1,
    prepare: async (client, ref) => {
      const created = await create(client, ref);
      return { created, call: (c) => c.deleteExecution(created) };
    },
  },
};

/** Error class per status the matrix plays. */
const STATUS_ERRORS: Readonly<Record<number, string>> = { 400: 'KyxBadRequestError', 429: 'KyxRateLimitError' };

/** {@link expectedEnd} with the `mayHaveCreated` the error must carry. */
export function expectedOutcome(route: SimulatorRoute, fault: FaultCase): Expectation {
  const end = expectedEnd(route, fault);
  if (end.outcome === 'ok') return end;
  const account = ROUTE_SCENARIOS[route].operation === 'account';
  const ambiguous =
    fault.kind === 'network' ||
    fault.kind === 'timeout' ||
    fault.kind === 'body' ||
    (fault.kind === 'status' && (fault.status as number) >= 500);
  return { ...end, mayHaveCreated: account && ambiguous };
}

/** The expected end of a cell, from the route's operation, RETRY_POLICIES and the fault. */
function expectedEnd(route: SimulatorRoute, fault: FaultCase): Expectation {
  const scenario = ROUTE_SCENARIOS[route];
  const policy = RETRY_POLICIES[scenario.operation];
  const op = scenario.operation;
  switch (fault.kind) {
    case 'status': {
      const status = fault.status as number;
      const error = STATUS_ERRORS[status] ?? 'KyxServerError';
      if (policy.statusCodes.includes(status)) {
        return fault.exhausts
          ? { outcome: error, attempts: 3, rule: `${op}: ${status} retried until the limit` }
          : { outcome: 'ok', attempts: 2, rule: `${op}: ${status} retried` };
      }
      return { outcome: error, attempts: 1, rule: `${op}: ${status} not retried` };
    }
    case 'redirect':
      return { outcome: 'KyxRedirectError', attempts: 1, rule: '3xx: never followed, not retried' };
    case 'network':
      return policy.network === 'any'
        ? { outcome: 'ok', attempts: 2, rule: `${op}: reset retried (network: any)` }
        : { outcome: 'KyxNetworkError', attempts: 1, rule: `${op}: reset not retried (network: never-sent)` };
    case 'timeout':
      return policy.timeouts
        ? { outcome: 'ok', attempts: 2, rule: `${op}: timeout retried` }
        : { outcome: 'KyxTimeoutError', attempts: 1, rule: `${op}: timeout not retried` };
    case 'body': {
      if (scenario.reads === 'discarded') return { outcome: 'ok', attempts: 1, rule: 'body not read' };
      if (fault.body === 'truncated') {
        return policy.network === 'any'
          ? { outcome: 'ok', attempts: 2, rule: `${op}: a body cut off is read again (network: any)` }
          : { outcome: 'KyxNetworkError', attempts: 1, rule: 'connection lost while reading the body' };
      }
      if (fault.body === 'stalled') {
        return policy.timeouts
          ? { outcome: 'ok', attempts: 2, rule: `${op}: a stalled body is read again (timeouts retried)` }
          : { outcome: 'KyxTimeoutError', attempts: 1, rule: "the attempt's deadline ends a stalled body" };
      }
      if (fault.body === 'oversized') {
        return scenario.reads === 'bytes'
          ? { outcome: 'ok', attempts: 1, rule: '1.5 MiB is within the 16 MiB image bound' }
          : { outcome: 'KyxResponseError', attempts: 1, rule: 'past the 1 MiB JSON bound' };
      }
      if (scenario.reads === 'bytes') return { outcome: 'ok', attempts: 1, rule: 'bytes are not JSON-checked' };
      return { outcome: 'KyxResponseError', attempts: 1, rule: 'body is not JSON' };
    }
    case 'expired':
      if (scenario.auth === 'tenant')
        return { outcome: 'ok', attempts: 2, rule: '401: token refreshed, replayed once' };
      if (scenario.auth === 'credential') {
        return { outcome: 'KyxAuthenticationError', attempts: 1, rule: '401: api.token cannot be refreshed' };
      }
      return { outcome: 'ok', attempts: 1, rule: `no token on this route (${scenario.auth})` };
  }
}

/** Accounts (create) or executions (update) the simulator must have made in a cell: never two for one call. */
export function expectedCreated(route: SimulatorRoute, fault: FaultCase, outcome: string) {
  const scenario = ROUTE_SCENARIOS[route];
  const took = outcome === 'ok' || fault.processed ? 1 : 0;
  return {
    accounts: scenario.setupCreates + (route === 'createAccount' ? took : 0),
    executions: scenario.setupCreates + (route === 'createAccount' || route === 'updateAccount' ? took : 0),
  };
}

/** Where a matrix runs: in process on fake timers, or over loopback on real ones. */
export type MatrixMode = 'in-process' | 'loopback';

/** Faults that need the clock to pass the per-attempt timeout (real waiting over loopback). */
const waits = (fault: FaultCase) => fault.kind === 'timeout' || fault.body === 'stalled';

/** The cells of a mode: every route × every fault (loopback skips timeouts and stalls, which need real waiting). */
export function cells(mode: MatrixMode): { route: SimulatorRoute; fault: FaultCase }[] {
  return SIMULATOR_ROUTES.flatMap((route) =>
    FAULTS.filter((fault) => mode === 'in-process' || !waits(fault)).map((fault) => ({ route, fault })),
  );
}

const CLIENT_SECRET = 'matrix-SECRET-cs-7f3a91';
const HOUR = 3_600_000;

/** Drives fake timers until `promise` settles (in process), or just awaits it (loopback). */
async function settle<T>(promise: Promise<T>, fake: boolean) {
  let done = false;
  const result = promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  void result.finally(() => {
    done = true;
  });
  if (fake) for (let i = 0; !done && i < 10_000; i++) await vi.advanceTimersToNextTimerAsync();
  return result;
}

/** Runs one cell. In process it expects fake timers to be installed (see `runMatrix`). */
export async function runCell(
  route: SimulatorRoute,
  fault: FaultCase,
  mode: MatrixMode,
  exposure?: Exposure,
): Promise<CellResult> {
  const scenario = ROUTE_SCENARIOS[route];
  const fake = mode === 'in-process';
  let offset = 0; // the simulator's clock runs ahead of the client's by this much
  let handled = 0; // requests to a route the simulator finished handling (its log comes last)
  const options = {
    rateLimits: false as const,
    now: () => Date.now() + offset,
    onRequest: (entry: { route?: string }) => {
      if (entry.route !== undefined) handled++;
      exposure?.show(`simulator ${JSON.stringify(entry)}`);
    },
  };
  const sim: Simulator & { url?: string } =
    mode === 'in-process' ? createSimulator(options) : await startSimulator({ ...options, port: 0 });
  const baseUrl = sim.url ?? 'https://jumio.test';
  const fetch = async (request: Request) => {
    exposure?.secret(request.headers.get('authorization')?.replace(/^\w+\s+/, ''));
    const response = await sim.fetch(request);
    await exposure?.harvest(response);
    return response;
  };
  const stamps: number[] = [];
  const retries: string[] = [];
  const newClient = () =>
    createClient({
      region: 'amer-1',
      credentials: { clientId: 'matrix', clientSecret: CLIENT_SECRET },
      userAgent: 'Acme Hardening/1.0',
      baseUrl,
      fetch,
      timeout: MATRIX_TIMEOUT_MS,
      retry: { limit: 2, delay: () => (fake ? BACKOFF_MS : 0), jitter: false, maxRetryAfter: fake ? 60_000 : 10 },
      hooks: {
        onRequest: (e) => {
          exposure?.show(`onRequest ${JSON.stringify(e)}`);
          if (measuring && e.operation === scenario.operation) stamps.push(Date.now());
        },
        onResponse: (e) => exposure?.show(`onResponse ${JSON.stringify(e)}`),
        onRetry: (e) => {
          exposure?.show(`onRetry ${JSON.stringify(e)}`);
          retries.push(`${e.operation} ${e.reason}`);
        },
      },
    });
  let measuring = false;
  exposure?.secret(CLIENT_SECRET, btoa(`matrix:${CLIENT_SECRET}`));
  try {
    const setupClient = newClient();
    const prepared = await settle(scenario.prepare(setupClient, `matrix-${route}`), fake);
    if (!prepared.ok) throw new Error(`setup of ${route} failed: ${String(prepared.error)}`);
    const subject = scenario.freshClient ? newClient() : setupClient;
    exposure?.show(`inspect ${inspect(subject, { showHidden: true, depth: 10 })}`);
    const before = sim.stats();
    stamps.length = 0;
    retries.length = 0;
    if (fault.kind === 'expired') offset += 2 * HOUR; // past the access token and api.token lifetimes
    if (fault.script.length > 0) await scriptFault(sim, route, fault.script);
    measuring = true;
    const settled = await settle(prepared.value.call(subject), fake);
    // A delayed request is handled after the client gave up: let every received request finish.
    const received = () => Object.values(sim.stats().requests).reduce((a, b) => a + (b ?? 0), 0);
    for (let i = 0; handled < received() && i < 1_000; i++) {
      if (fake) await vi.runAllTimersAsync();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const after = sim.stats();
    const attempts = (after.requests[route] ?? 0) - (before.requests[route] ?? 0);
    const outcome = settled.ok ? 'ok' : errorName(settled.error);
    if (!settled.ok) exposure?.showError(settled.error);
    const created = expectedCreated(route, fault, outcome);
    return {
      route,
      fault: fault.name,
      operation: scenario.operation,
      call: scenario.call,
      expected: expectedOutcome(route, fault),
      outcome,
      attempts,
      accountsCreated: after.accountsCreated,
      executionsCreated: after.executionsCreated,
      expectedAccounts: created.accounts,
      expectedExecutions: created.executions,
      newAccounts: after.accountsCreated - before.accountsCreated,
      newExecutions: after.executionsCreated - before.executionsCreated,
      retries: [...retries],
      waitedMs: stamps.length > 1 ? (stamps.at(-1) as number) - (stamps[0] as number) : 0,
      ...(settled.ok ? {} : { message: (settled.error as Error)?.message ?? String(settled.error) }),
      typed: settled.ok || isKyxError(settled.error),
      ...(settled.ok ? {} : { mayHaveCreated: (settled.error as { mayHaveCreated?: boolean }).mayHaveCreated }),
      timeoutMs: MATRIX_TIMEOUT_MS,
    };
  } finally {
    await sim.close();
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** Scripts the fault: in process through `setFaults`, over loopback through `POST /__admin/faults`. */
async function scriptFault(
  sim: Simulator & { url?: string },
  route: SimulatorRoute,
  script: readonly SimulatorFault[],
) {
  if (sim.url === undefined) return sim.setFaults(route, script);
  const response = await globalThis.fetch(`${sim.url}/__admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ route, faults: script }),
  });
  if (response.status !== 200) throw new Error(`admin faults: ${response.status} ${await response.text()}`);
}

/** Runs every cell of a mode, in process on fake timers (setTimeout and Date only). */
export async function runMatrix(mode: MatrixMode, exposure?: Exposure): Promise<CellResult[]> {
  const results: CellResult[] = [];
  if (mode === 'in-process') vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  try {
    for (const { route, fault } of cells(mode)) results.push(await runCell(route, fault, mode, exposure));
  } finally {
    if (mode === 'in-process') vi.useRealTimers();
  }
  return results;
}
