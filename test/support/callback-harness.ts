import {
  account,
  type CallbackPayload,
  type ClientOptions,
  createClient,
  createResults,
  parseCallback,
  type ResultEvent,
  type ResultsErrorContext,
  type ResultsOptions,
  type WorkflowDetails,
  type WorkflowStatusResponse,
} from '../../src/index.js';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';
import { manualClock } from './simulator.js';

export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
/** Where the simulator is told to send callbacks; with `callbackFetch` nothing listens there. */
export const CALLBACK_URL = 'http://127.0.0.1:9/jumio/callback';
export const JUMIO_AMER_IP = '34.202.241.227';

/**
 * A simulator (test clock, no rate limits) with a client on it. `loopback` picks the client's
 * baseUrl: loopback (as when it talks to the simulator) or a non-loopback name (as production).
 * Callbacks the simulator sends are captured (answered 200) unless `deliver` is replaced.
 */
export function harness(
  options: { loopback?: boolean; simulator?: SimulatorOptions; client?: Partial<ClientOptions> } = {},
) {
  const clock = manualClock();
  const captured: CallbackPayload[] = [];
  const state = {
    deliver: async (request: Request): Promise<Response> => {
      captured.push(parseCallback(await request.text()));
      return new Response(null, { status: 200 });
    },
  };
  const simulator: Simulator = createSimulator({
    now: clock.now,
    rateLimits: false,
    processingDelayMs: 0,
    callbackRetryDelayMs: 0,
    seed: 7,
    callbackFetch: (request) => state.deliver(request),
    ...options.simulator,
  });
  const clientOptions: ClientOptions = {
    region: 'amer-1',
    credentials: { clientId: 'acme', clientSecret: 'acme-secret' },
    userAgent: 'Acme Callbacks tests/1.0',
    baseUrl: (options.loopback ?? true) ? 'http://127.0.0.1:4010' : 'https://jumio.test',
    fetch: simulator.fetch,
    retry: { delay: () => 0, jitter: false },
    rateLimits: false, // the simulator's limits are off too; the load check sends 700 accounts
    ...options.client,
  };
  const client = createClient(clientOptions);
  /** Another client on the same simulator with some options changed (a wrapped fetch, a failing store). */
  const clientWith = (changes: Partial<ClientOptions>) => createClient({ ...clientOptions, ...changes });
  /** Starts a 10011 execution, uploads, finalizes and lets it be processed: its callback. */
  async function processed(reference: string, callbackUrl = CALLBACK_URL): Promise<CallbackPayload> {
    const response = await client.send(account().ref(reference).workflow(10011).callback(callbackUrl));
    await client.upload(response, 'front', JPEG);
    await client.upload(response, 'face', PNG);
    await client.finalize(response);
    const before = captured.length;
    await simulator.tick();
    const callback = captured[before];
    if (!callback) throw new Error('the simulator sent no callback');
    return callback;
  }
  /** Starts an execution nobody finishes; after the clock passes its lifetime it is TOKEN_EXPIRED. */
  async function started(reference: string, callbackUrl = CALLBACK_URL) {
    return client.send(account().ref(reference).workflow(10011).callback(callbackUrl).tokenLifetime('5m'));
  }
  const detailsFetched = () => simulator.stats().requests.details ?? 0;
  return { clock, captured, state, simulator, client, clientWith, processed, started, detailsFetched };
}

/** A callback POST as a server receives it. */
export function post(body: string | object, headers: Record<string, string> = {}): Request {
  return new Request('http://app.example/jumio/callback', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A callback with another status or time, as Jumio would send it for the same execution. */
export function variant(callback: CallbackPayload, change: { status?: string; sentAt?: number }): CallbackPayload {
  return {
    ...callback,
    callbackSentAt: change.sentAt === undefined ? callback.callbackSentAt : new Date(change.sentAt).toISOString(),
    workflowExecution: { ...callback.workflowExecution, status: change.status ?? callback.workflowExecution.status },
  };
}

/** A processor on `client` (not started) that records what it delivers and reports. */
export function recordingResults(
  client: ResultsOptions['client'],
  options: Partial<ResultsOptions> & { failResult?: number } = {},
) {
  const results: [WorkflowDetails, ResultEvent][] = [];
  const statuses: [WorkflowStatusResponse, ResultEvent][] = [];
  const errors: [unknown, ResultsErrorContext][] = [];
  let failuresLeft = options.failResult ?? 0;
  const processor = createResults({
    client,
    onResult: (details, event) => {
      if (failuresLeft-- > 0) throw new Error('database down');
      results.push([details, event]);
    },
    onStatus: (status, event) => void statuses.push([status, event]),
    onError: (error, context) => void errors.push([error, context]),
    retrySchedule: [20, 40, 60, 80, 100],
    pollAfterMs: 20,
    leaseMs: 2_000,
    checkEveryMs: 20,
    ...options,
  });
  return { processor, results, statuses, errors };
}

/** A callback for an execution nobody created (random ids), as a forger would send it. */
export function forged(status = 'PROCESSED', extra: Record<string, unknown> = {}): object {
  const id = globalThis.crypto.randomUUID();
  const account = globalThis.crypto.randomUUID();
  return {
    callbackSentAt: '2026-01-01T00:00:00.000Z',
    workflowExecution: {
      id,
      href: `https://retrieval.amer-1.jumio.ai/api/v1/accounts/${account}/workflow-executions/${id}`,
      definitionKey: '10011',
      status,
    },
    account: { id: account, href: `https://retrieval.amer-1.jumio.ai/api/v1/accounts/${account}` },
    ...extra,
  };
}
