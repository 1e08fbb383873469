import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createCallbackHandler,
  createClient,
  createResults,
  JUMIO_RETRIEVAL_SCHEDULE,
  KyxResultsError,
  KyxStoreError,
  KyxValidationError,
  memoryStore,
  type ResultsOptions,
} from '../../src/index.js';
import { forged, harness, post, recordingResults, variant } from '../support/callback-harness.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function setup(...args: Parameters<typeof harness>) {
  const h = harness(...args);
  cleanup.push(() => h.simulator.close());
  return h;
}
const LOCAL = { remoteAddress: '127.0.0.1' };
const until = (check: () => void, timeout = 10_000) => vi.waitFor(check, { timeout, interval: 10 });

describe('createResults: nothing in a callback is trusted before Jumio confirms it', () => {
  it('attack: a forged intermediate callback dated 2099 does not suppress the genuine PROCESSED result', async () => {
    const h = setup();
    const genuine = await h.processed('forged-2099');
    const r = recordingResults(h.client);
    const handler = createCallbackHandler({ results: r.processor });
    const forgery = variant(genuine, { status: 'ACQUIRED', sentAt: Date.UTC(2099, 0, 1) });
    expect((await handler(post(forgery), LOCAL)).status).toBe(200);
    await r.processor.drain();
    expect((await handler(post(genuine), LOCAL)).status).toBe(200);
    await r.processor.drain();
    expect(r.results.map(([d, e]) => [d.workflow.id, d.workflow.status, e.status])).toEqual([
      [genuine.workflowExecution.id, 'PROCESSED', 'PROCESSED'],
    ]);
    expect(r.statuses).toEqual([]); // Jumio never said ACQUIRED: no onStatus for the forgery's claim
  });

  it('a forged or early terminal callback for an execution still in progress delivers nothing until Jumio says so, then delivers without another callback', async () => {
    const h = setup();
    const response = await h.started('early-terminal');
    const r = recordingResults(h.client);
    const handler = createCallbackHandler({ results: r.processor });
    const early = {
      callbackSentAt: new Date(h.clock.now()).toISOString(),
      workflowExecution: { id: response.workflowExecution.id, href: 'x', definitionKey: '10011', status: 'PROCESSED' },
      account: { id: response.account.id, href: 'y' },
    };
    expect((await handler(post(early), LOCAL)).status).toBe(200);
    r.processor.start();
    cleanup.push(() => r.processor.stop());
    await until(() => expect(r.processor.stats().unconfirmed).toBeGreaterThanOrEqual(1));
    expect(r.results).toEqual([]);
    expect(r.statuses.map(([s]) => s.workflowExecution.status)).toEqual(['INITIATED']); // verified, once
    h.clock.advance(5 * 60_000); // Jumio ends it: TOKEN_EXPIRED
    await h.simulator.tick();
    await until(() => expect(r.results).toHaveLength(1));
    expect(r.results[0]?.[0].workflow.status).toBe('TOKEN_EXPIRED');
  });

  it('executions Jumio does not know are dropped and counted, one status call each, nothing delivered', async () => {
    const h = setup();
    const r = recordingResults(h.client);
    const handler = createCallbackHandler({ results: r.processor });
    for (let i = 0; i < 20; i++) expect((await handler(post(forged()), LOCAL)).status).toBe(200);
    await r.processor.drain();
    expect(r.processor.stats()).toMatchObject({ recorded: 20, dropped: 20, delivered: 0 });
    expect(h.simulator.stats().requests.status).toBe(20);
    expect(h.detailsFetched()).toBe(0);
    expect(r.results).toEqual([]);
  });

  it('attack: 150 forged terminal callbacks do not starve the application: client.status() is served ahead of them', async () => {
    const h = setup({ client: { rateLimits: { retrieval: { perSecond: 5, burst: 1 } } } });
    const genuine = await h.processed('starve');
    const concurrency = 4;
    const r = recordingResults(h.client, { concurrency });
    const handler = createCallbackHandler({ results: r.processor });
    for (let i = 0; i < 150; i++) expect((await handler(post(forged()), LOCAL)).status).toBe(200);
    r.processor.start();
    cleanup.push(() => r.processor.stop());
    await until(() => expect(r.processor.stats().inFlight).toBe(concurrency));
    const before = h.simulator.stats().requests.status ?? 0;
    const status = await h.client.status(genuine);
    const servedMeanwhile = (h.simulator.stats().requests.status ?? 0) - before - 1;
    expect(status.workflowExecution.status).toBe('PROCESSED');
    // at most the processor's calls already in flight went first; the other ~146 wait behind
    expect(servedMeanwhile).toBeLessThanOrEqual(concurrency);
    expect(r.processor.stats().inFlight).toBeLessThanOrEqual(concurrency);
  });

  it('its retrieval calls in flight never exceed concurrency', async () => {
    const h = setup();
    let now = 0;
    let most = 0;
    const client = h.clientWith({
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const retrieval = String(input instanceof Request ? input.url : input).includes('workflow-executions');
        if (retrieval) most = Math.max(most, ++now);
        try {
          await new Promise((resolve) => setTimeout(resolve, 2));
          return await h.simulator.fetch(input, init);
        } finally {
          if (retrieval) now--;
        }
      },
    });
    const r = recordingResults(client, { concurrency: 3 });
    const handler = createCallbackHandler({ results: r.processor });
    for (let i = 0; i < 30; i++) await handler(post(forged()), LOCAL);
    await r.processor.drain();
    expect(r.processor.stats().dropped).toBe(30);
    expect(most).toBe(3);
  });
});

describe('createResults: leases, failures and delivery', () => {
  it('attack: a hung onResult loses its lease after leaseMs and another processor takes the work over', async () => {
    const h = setup();
    const callback = await h.processed('hung');
    let release: () => void = () => undefined;
    const hung = new Promise<void>((resolve) => {
      release = resolve;
    });
    const stagesA: [string, unknown][] = [];
    const a = createResults({
      client: h.client,
      onResult: () => hung,
      onError: (error, context) =>
        void stagesA.push([context.stage, error instanceof KyxResultsError ? error.code : error]),
      concurrency: 1,
      leaseMs: 600, // renewed every 200 ms: a loaded machine must not lose it before onResult
      checkEveryMs: 20,
    });
    const b = recordingResults(h.client, { leaseMs: 600 });
    expect((await createCallbackHandler({ results: a })(post(callback), LOCAL)).status).toBe(200);
    a.start();
    cleanup.push(() => a.stop());
    cleanup.push(() => release()); // before a.stop (cleanup runs in reverse)
    await until(() => expect(a.stats().inFlight).toBe(1));
    b.processor.start();
    cleanup.push(() => b.processor.stop());
    await until(() => expect(b.results).toHaveLength(1));
    expect(b.results[0]?.[1].run).toBe(2);
    expect(a.stats().leasesLost).toBe(1);
    expect(stagesA).toEqual([['lease', 'LEASE_OVERRUN']]); // a KyxResultsError that says which
    release(); // the hung run ends late: it cannot settle what B finished
    await until(() => expect(a.stats().inFlight).toBe(0));
    expect(a.stats().delivered).toBe(1); // its onResult did return, late
    expect(b.processor.stats().delivered).toBe(1);
  });

  it('a throwing onResult runs again on the schedule until it returns; failures are reported', async () => {
    const h = setup();
    const callback = await h.processed('throws');
    const r = recordingResults(h.client, { failResult: 3 });
    await createCallbackHandler({ results: r.processor })(post(callback), LOCAL);
    r.processor.start();
    cleanup.push(() => r.processor.stop());
    await until(() => expect(r.results).toHaveLength(1));
    expect(r.errors.map(([, c]) => c.stage)).toEqual(['onResult', 'onResult', 'onResult']);
    expect(r.results[0]?.[1].run).toBe(4);
  });
});

describe('createResults: tracking', () => {
  it('a tracked execution without any callback is polled after pollAfterMs and delivered', async () => {
    const h = setup();
    const r = recordingResults(h.client);
    r.processor.start();
    cleanup.push(() => r.processor.stop());
    const response = await h.started('tracked-no-callback', 'http://127.0.0.1:9/never');
    h.state.deliver = async () => new Response(null, { status: 200 }); // nobody records it
    await r.processor.track(response);
    await until(() => expect(r.statuses.length).toBeGreaterThanOrEqual(1)); // polled: INITIATED
    h.clock.advance(5 * 60_000);
    await h.simulator.tick();
    await until(() => expect(r.results).toHaveLength(1));
    expect(r.results[0]?.[1]).toMatchObject({ source: 'poll', status: 'TOKEN_EXPIRED' });
    const requests = h.simulator.stats().requests.status;
    await r.processor.track(response); // delivered already: nothing more to do
    await r.processor.drain();
    expect(h.simulator.stats().requests.status).toBe(requests);
  });

  it('wiped data ends the execution: wipedOutAt is delivered as what Jumio has; a 404 on details is reported, never retried', async () => {
    const h = setup();
    const wipedDetails = (body: Record<string, unknown>) => ({ ...body, wipedOutAt: '2026-01-02T00:00:00.000Z' });
    const client = h.clientWith({
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const response = await h.simulator.fetch(input, init);
        const url = String(input instanceof Request ? input.url : input);
        if (!/workflow-executions\/[^/]+$/.test(url) || !response.ok) return response;
        return Response.json(wipedDetails((await response.json()) as Record<string, unknown>));
      },
    });
    const wiped = await h.processed('wiped');
    const r = recordingResults(client);
    await r.processor.track(wiped);
    const gone = await h.processed('gone');
    await r.processor.drain(); // nothing due yet (pollAfterMs)
    r.processor.start();
    cleanup.push(() => r.processor.stop());
    await until(() => expect(r.results).toHaveLength(1));
    expect(r.results[0]?.[1]).toMatchObject({ workflowExecutionId: wiped.workflowExecution.id, wipedOut: true });

    h.simulator.setFaults('details', Array(20).fill({ status: 404 }));
    await createCallbackHandler({ results: r.processor })(post(gone), LOCAL);
    await until(() => expect(r.processor.stats().ended).toBe(1));
    const details = h.detailsFetched();
    expect(r.errors.map(([, c]) => [c.stage, c.workflowExecutionId])).toEqual([
      ['unavailable', gone.workflowExecution.id],
    ]);
    await r.processor.drain();
    expect(h.detailsFetched()).toBe(details); // not retried
    expect(r.results).toHaveLength(1);
  });
});

describe('createResults: options', () => {
  it('rejects bad options with a KyxValidationError naming each field', () => {
    const h = setup();
    const attempt = (options: object) => {
      try {
        createResults(options as ResultsOptions);
      } catch (error) {
        return error;
      }
    };
    const error = attempt({
      client: {},
      onResult: 'x',
      concurrency: 0,
      retrySchedule: [40, 20],
      pollAfterMs: -1,
    }) as KyxValidationError;
    expect(error).toBeInstanceOf(KyxValidationError);
    expect(error.issues.map((i) => i.path)).toEqual([
      'client',
      'onResult',
      'concurrency',
      'pollAfterMs',
      'retrySchedule',
    ]);
    expect(attempt({ client: h.client, onResult: () => 1, retrySchedule: JUMIO_RETRIEVAL_SCHEDULE })).toBeUndefined();
  });
});

describe('createResults: what fails around it is reported, never lost', () => {
  /** A client on the harness's simulator whose store's work queue fails `method` (the rest works). */
  function failingQueue(method: 'offer' | 'claim' | 'settle' | 'nextDueMs') {
    const h = setup();
    const store = memoryStore();
    const queue = {
      ...store.queue,
      [method]: () => Promise.reject(new Error(`${method}: connection lost`)),
    };
    const client = h.clientWith({ store: { ...store, queue } });
    return { h, client };
  }

  it('track: a store failure is a KyxStoreError; a full inbox (maxPending) says so; nothing is silently dropped', async () => {
    const { h, client } = failingQueue('offer');
    const failing = recordingResults(client);
    const response = await h.started('track-store-down');
    const error = await failing.processor.track(response).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KyxStoreError);
    expect((error as KyxStoreError).message).toContain('track');

    const full = recordingResults(h.client, { maxPending: 1 });
    await full.processor.track(await h.started('track-first'));
    const refused = await full.processor.track(await h.started('track-second')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KyxResultsError);
    expect([(refused as KyxResultsError).code, (refused as KyxResultsError).message]).toEqual([
      'INBOX_FULL',
      'The results inbox holds 1 executions (maxPending): execution not tracked',
    ]);
  });

  it('a store that fails to hand out work is reported (stage store) while the processor keeps running', async () => {
    const { h, client } = failingQueue('claim');
    const r = recordingResults(client);
    r.processor.start();
    cleanup.push(() => r.processor.stop());
    await r.processor.track(await h.started('claim-store-down'));
    await until(() => expect(r.errors.some(([e, c]) => c.stage === 'store' && e instanceof KyxStoreError)).toBe(true));
    expect(r.results).toEqual([]);
  });

  it('a throwing onStatus runs again on the schedule and is reported, then the result is delivered', async () => {
    const h = setup();
    let failuresLeft = 1;
    const statuses: string[] = [];
    const r = recordingResults(h.client, {
      onStatus: (status) => {
        if (failuresLeft-- > 0) throw new Error('audit log down');
        statuses.push(status.workflowExecution.status);
      },
    });
    r.processor.start();
    cleanup.push(() => r.processor.stop());
    const response = await h.started('on-status-throws');
    await r.processor.track(response);
    await until(() => expect(statuses).toEqual(['INITIATED']));
    expect(r.errors.map(([, c]) => c.stage)).toContain('onStatus');
    h.clock.advance(5 * 60_000);
    await h.simulator.tick();
    await until(() => expect(r.results).toHaveLength(1));
  });

  it('options: onStatus and onError must be functions; a store without a work queue is named', () => {
    const h = setup();
    const issues = (options: object) => {
      try {
        createResults(options as ResultsOptions);
        return [];
      } catch (error) {
        return (error as KyxValidationError).issues;
      }
    };
    expect(issues({ client: h.client, onResult: () => 1, onStatus: 1, onError: 'x' })).toEqual([
      { path: 'onStatus', message: 'must be a function' },
      { path: 'onError', message: 'must be a function' },
    ]);
    const { queue: _queue, ...noQueue } = memoryStore();
    const client = createClient({
      region: 'amer-1',
      credentials: { clientId: 'acme', clientSecret: 'acme-secret' },
      userAgent: 'Acme Callbacks tests/1.0',
      store: noQueue,
    });
    expect(issues({ client, onResult: () => 1 })).toEqual([
      { path: 'client', message: 'its store has no work queue (use memoryStore() or redisStore())' },
    ]);
  });
});
