import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type CallbackHandlerOptions,
  type CallbackOutcomeEvent,
  type CallbackPayload,
  createCallbackHandler,
  createResults,
  type KyxStore,
  KyxValidationError,
  memoryStore,
  type WorkflowDetails,
} from '../../src/index.js';
import { forged, harness, JUMIO_AMER_IP, post, recordingResults, variant } from '../support/callback-harness.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((f) => f()));
});

function setup(...args: Parameters<typeof harness>) {
  const h = harness(...args);
  cleanup.push(() => h.simulator.close());
  return h;
}

/** A handler on a processor that is not started (the test drains it), recording the answers. */
function receiving(h: ReturnType<typeof setup>, options: Partial<CallbackHandlerOptions> = {}) {
  const r = recordingResults(h.client);
  const outcomes: CallbackOutcomeEvent[] = [];
  const handler = createCallbackHandler({
    results: r.processor,
    onOutcome: (event) => void outcomes.push(event),
    ...options,
  } as CallbackHandlerOptions);
  return { ...r, handler, outcomes };
}

const body = async (response: Response) =>
  (await response.json()) as { outcome: string; issues?: { path: string; message: string }[] };
const LOCAL = { remoteAddress: '127.0.0.1' };

describe('createCallbackHandler: store, answer, then verify and deliver', () => {
  it('records a callback and answers 200 before anything is fetched; the processor then delivers it once', async () => {
    const h = setup();
    const callback = await h.processed('cb-accept');
    const r = receiving(h);
    const response = await r.handler(post(callback), LOCAL);
    expect([response.status, await body(response)]).toEqual([200, { outcome: 'recorded' }]);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(h.simulator.stats().requests.status ?? 0).toBe(0); // answered before asking Jumio anything
    expect(h.detailsFetched()).toBe(0);
    expect(r.outcomes).toEqual([
      expect.objectContaining({
        outcome: 'recorded',
        httpStatus: 200,
        sender: '127.0.0.1',
        workflowExecutionId: callback.workflowExecution.id,
        accountId: callback.account.id,
        workflowStatus: 'PROCESSED',
      }),
    ]);
    await r.processor.drain();
    expect(r.results).toHaveLength(1);
    const [details, event] = r.results[0] as [WorkflowDetails, (typeof r.results)[0][1]];
    expect(details.workflow.id).toBe(callback.workflowExecution.id);
    expect(details.decision?.type).toBe('PASSED');
    expect(event).toMatchObject({
      workflowExecutionId: callback.workflowExecution.id,
      accountId: callback.account.id,
      status: 'PROCESSED',
      source: 'callback',
      run: 1,
    });
    expect(event.callback).toEqual(callback);
    expect(h.simulator.stats().requests.status).toBe(1); // verified with one status call
  });

  it('ten copies at once: all 200, one delivery; a repeat after delivery is a 200 duplicate', async () => {
    const h = setup();
    const callback = await h.processed('cb-burst');
    const r = receiving(h);
    const responses = await Promise.all(Array.from({ length: 10 }, () => r.handler(post(callback), LOCAL)));
    expect(responses.map((x) => x.status)).toEqual(Array(10).fill(200));
    await r.processor.drain();
    expect(r.results).toHaveLength(1);
    const again = await r.handler(post(variant(callback, { sentAt: Date.now() })), LOCAL);
    expect([again.status, await body(again)]).toEqual([200, { outcome: 'duplicate' }]);
    await r.processor.drain();
    expect(r.results).toHaveLength(1);
    expect(h.detailsFetched()).toBe(1);
  });

  it('a retrieval outage right after the callback does not change the answer: 200, then delivered on the retry schedule', async () => {
    const h = setup();
    const callback = await h.processed('cb-outage');
    h.simulator.setFaults('details', [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }]);
    const r = receiving(h);
    expect((await r.handler(post(callback), LOCAL)).status).toBe(200);
    r.processor.start();
    cleanup.push(() => r.processor.stop());
    await vi.waitFor(() => expect(r.results).toHaveLength(1), { timeout: 10_000, interval: 10 });
    expect(r.errors.filter(([, c]) => c.stage === 'details').length).toBeGreaterThanOrEqual(1);
    expect(r.results[0]?.[1].run).toBeGreaterThan(1);
  });

  it('only a failing store answers 503 (and an inbox past maxPending); onError and onOutcome throwing change nothing', async () => {
    const h = setup();
    const callback = await h.processed('cb-store');
    const base = memoryStore();
    const broken: KyxStore = {
      ...base,
      queue: { ...base.queue, offer: () => Promise.reject(new Error('redis down')) },
    };
    const client = h.clientWith({ store: broken });
    const results = createResults({ client, onResult: () => undefined });
    const handler = createCallbackHandler({
      results,
      onOutcome: () => {
        throw new Error('logger down');
      },
    });
    const answer = await handler(post(callback), LOCAL);
    expect([answer.status, answer.headers.get('retry-after'), await body(answer)]).toEqual([
      503,
      '5',
      { outcome: 'failed' },
    ]);
  });

  it('waitUntil (serverless): receives the work left after the answer; once it settles the result is delivered', async () => {
    const h = setup();
    const callback = await h.processed('cb-wait-until');
    const kept: Promise<unknown>[] = [];
    const r = receiving(h, { waitUntil: (work) => void kept.push(work) });
    expect((await r.handler(post(callback), LOCAL)).status).toBe(200);
    expect(kept).toHaveLength(1);
    await Promise.all(kept);
    expect(r.results.map(([d]) => d.workflow.id)).toEqual([callback.workflowExecution.id]);
  });

  it('the 0.2 form { client, onResult } records and delivers through an in-process processor it starts', async () => {
    const h = setup();
    const callback = await h.processed('cb-compat');
    const delivered: [WorkflowDetails, CallbackPayload][] = [];
    const handler = createCallbackHandler({
      client: h.client,
      onResult: (details, received) => void delivered.push([details, received]),
    });
    const response = await handler(post(callback), LOCAL);
    expect([response.status, await body(response)]).toEqual([200, { outcome: 'recorded' }]);
    await vi.waitFor(() => expect(delivered).toHaveLength(1), { timeout: 5_000, interval: 10 });
    expect(delivered[0]?.[0].workflow.status).toBe('PROCESSED');
    expect(delivered[0]?.[1]).toEqual(callback);
  });
});

describe('createCallbackHandler: the sender check', () => {
  it('refuses a sender outside the allow-list with 403, reading and recording nothing', async () => {
    const h = setup({ loopback: false });
    const callback = await h.processed('cb-refused');
    const r = receiving(h);
    let pulled = false;
    const stream = new ReadableStream({
      pull(controller) {
        pulled = true;
        controller.enqueue(new TextEncoder().encode(JSON.stringify(callback)));
        controller.close();
      },
    });
    const request = new Request('http://app.example/jumio/callback', {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const response = await r.handler(request, { remoteAddress: '203.0.113.7' });
    expect([response.status, await body(response)]).toEqual([403, { outcome: 'refused' }]);
    expect(pulled).toBe(false);
    expect((await r.handler(post(callback), LOCAL)).status).toBe(403); // not loopback-trusting against real Jumio
    expect((await r.handler(post(callback))).status).toBe(403); // nor a sender nobody can name
    expect(r.processor.stats().recorded).toBe(0);
  });

  it("accepts the region's documented Jumio addresses (also as IPv4-mapped IPv6), not other regions'", async () => {
    const h = setup({ loopback: false });
    const callback = await h.processed('cb-jumio-ip');
    const r = receiving(h);
    expect((await r.handler(post(callback), { remoteAddress: '34.253.41.236' })).status).toBe(403); // emea-1
    const response = await r.handler(post(callback), { remoteAddress: `::ffff:${JUMIO_AMER_IP}` });
    expect([response.status, await body(response)]).toEqual([200, { outcome: 'recorded' }]);
  });

  it('takes its own allow-list (replacing the documented one) or a function', async () => {
    const h = setup({ loopback: false });
    const callback = await h.processed('cb-allow');
    const listed = receiving(h, { allow: ['198.51.100.7'] });
    expect((await listed.handler(post(callback), { remoteAddress: JUMIO_AMER_IP })).status).toBe(403);
    expect((await listed.handler(post(callback), { remoteAddress: '198.51.100.7' })).status).toBe(200);
    const seen: string[] = [];
    const decided = receiving(h, { allow: (address) => seen.push(address) > 0 && address.startsWith('10.') });
    expect((await decided.handler(post(callback), { remoteAddress: '10.1.2.3' })).status).toBe(200);
    expect((await decided.handler(post(callback), { remoteAddress: '11.1.2.3' })).status).toBe(403);
    expect(seen).toEqual(['10.1.2.3', '11.1.2.3']);
  });

  it('attack: with a loopback baseUrl, an explicit allow list is honoured (loopback is not let in beside it)', async () => {
    const h = setup({ loopback: true });
    const callback = await h.processed('cb-loopback-allow');
    const listed = receiving(h, { allow: ['198.51.100.7'] });
    expect((await listed.handler(post(callback), LOCAL)).status).toBe(403);
    expect((await listed.handler(post(callback), { remoteAddress: '::1' })).status).toBe(403);
    expect((await listed.handler(post(callback))).status).toBe(403);
    expect((await listed.handler(post(callback), { remoteAddress: '198.51.100.7' })).status).toBe(200);
    const decided = receiving(h, { allow: () => false });
    expect((await decided.handler(post(callback), LOCAL)).status).toBe(403);
    // without `allow`, the simulator's loopback is accepted
    expect((await receiving(h).handler(post(callback), LOCAL)).status).toBe(200);
  });

  it('honours X-Forwarded-For only with trustProxy', async () => {
    const h = setup({ loopback: false });
    const callback = await h.processed('cb-xff');
    const viaProxy = (xff: string, ...peer: [string?]) =>
      [
        post(callback, { 'x-forwarded-for': xff }),
        { remoteAddress: peer.length === 0 ? '10.0.0.2' : peer[0] },
      ] as const;
    expect((await receiving(h).handler(...viaProxy(JUMIO_AMER_IP))).status).toBe(403); // anyone can send the header
    const hops = receiving(h, { trustProxy: 1 });
    expect((await hops.handler(...viaProxy(JUMIO_AMER_IP))).status).toBe(200);
    expect(hops.outcomes[0]?.sender).toBe(JUMIO_AMER_IP);
    expect((await hops.handler(...viaProxy(`${JUMIO_AMER_IP}, 203.0.113.7`))).status).toBe(403);
    const two = receiving(h, { trustProxy: 2 });
    expect((await two.handler(...viaProxy(`203.0.113.7, ${JUMIO_AMER_IP}, 10.0.0.1`))).status).toBe(200);
    const listed = receiving(h, { trustProxy: ['10.0.0.2'] });
    expect((await listed.handler(...viaProxy(JUMIO_AMER_IP))).status).toBe(200);
    expect((await listed.handler(...viaProxy(JUMIO_AMER_IP, '10.0.0.9'))).status).toBe(403);
    expect((await two.handler(...viaProxy(`${JUMIO_AMER_IP}, 10.0.0.1`, undefined))).status).toBe(200);
    expect((await listed.handler(...viaProxy(JUMIO_AMER_IP, undefined))).status).toBe(403);
  });
});

describe('createCallbackHandler: bodies that are not callbacks, and bounds', () => {
  const junk: [string, string][] = [
    ['a test message', '{"message":"Test callback"}'],
    ['not JSON', 'hello=world'],
    ['empty', ''],
    ['partial JSON', '{"callbackSentAt":"2023-03-15T19:14:51Z","workflowExecution":{"id":"41f7'],
    ['JSON null', 'null'],
    ['a list', '[1,2]'],
    ['a callback without its account', '{"callbackSentAt":"2023-03-15T19:14:51Z"}'],
  ];
  for (const [name, text] of junk) {
    it(`answers 400 (never 500) to ${name}, recording nothing`, async () => {
      const h = setup();
      const r = receiving(h);
      const response = await r.handler(post(text), LOCAL);
      expect(response.status).toBe(400);
      const answer = await body(response);
      expect(answer.outcome).toBe('invalid');
      expect(answer.issues?.length).toBeGreaterThan(0);
      expect(r.processor.stats().recorded).toBe(0);
    });
  }

  it('attack: a status with a lone surrogate gets 400 naming the field, not 500', async () => {
    const h = setup();
    const callback = await h.processed('cb-surrogate');
    const r = receiving(h);
    const text = JSON.stringify(variant(callback, { status: 'PROCESSED\uD800' }));
    const response = await r.handler(post(text), LOCAL);
    expect(response.status).toBe(400);
    expect((await body(response)).issues).toEqual([
      { path: 'workflowExecution.status', message: 'must be well-formed text (a lone surrogate)' },
    ]);
    // escaped in the JSON text too
    const escaped = JSON.stringify(callback).replace('"PROCESSED"', '"\\udc00PROCESSED"');
    expect((await r.handler(post(escaped), LOCAL)).status).toBe(400);
    expect(r.processor.stats().recorded).toBe(0);
  });

  it('attack: 300 forged 60 kB callbacks stay bounded — an over-long status is refused, unknown fields are not stored, the inbox holds at most maxPending', async () => {
    const h = setup();
    const r = recordingResults(h.client, { maxPending: 100 });
    const handler = createCallbackHandler({ results: r.processor });
    const big = 'X'.repeat(60_000);
    const longStatus = await Promise.all(
      Array.from({ length: 300 }, () => handler(post(forged(big)), LOCAL).then((x) => x.status)),
    );
    expect(new Set(longStatus)).toEqual(new Set([400]));
    const padded = [];
    for (let i = 0; i < 300; i++)
      padded.push((await handler(post(forged('PROCESSED', { padding: big })), LOCAL)).status);
    expect(padded.filter((s) => s === 200)).toHaveLength(100);
    expect(padded.filter((s) => s === 503)).toHaveLength(200); // past maxPending: nothing stored
    const queue = h.client && (await import('../../src/client/store-of.js')).storeOf(h.client)?.queue;
    expect(await queue?.size('results')).toBe(100);
    const stored = await queue?.claim('results', 1_000, 60_000);
    const bytes = (stored ?? []).reduce((n, item) => n + JSON.stringify(item.fields).length, 0);
    expect(stored).toHaveLength(100);
    expect(bytes).toBeLessThan(100 * 1_000); // < 1 kB each: the 60 kB never reached the store
    expect(r.processor.stats().full).toBe(200);
  });

  it('answers 413 to a body over maxBodyBytes (declared or streamed) and 405 to other methods', async () => {
    const h = setup();
    const r = receiving(h, { maxBodyBytes: 100 });
    expect((await r.handler(post('x'.repeat(101)), LOCAL)).status).toBe(413);
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(20)));
        controller.close();
      },
    });
    const streamed = new Request('http://app.example/cb', {
      method: 'POST',
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect((await r.handler(streamed, LOCAL)).status).toBe(413);
    const get = await r.handler(new Request('http://app.example/cb'), LOCAL);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
  });

  it('answers 408 to a body that does not arrive within the deadline, 400 to one whose stream fails', async () => {
    const h = setup();
    const r = receiving(h, { deadlineMs: 30 });
    const stalled = new Request('http://app.example/cb', {
      method: 'POST',
      body: new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"callback')) }),
      duplex: 'half',
    } as RequestInit);
    const response = await r.handler(stalled, LOCAL);
    expect([response.status, await body(response)]).toEqual([408, { outcome: 'timeout' }]);
    const broken = new Request('http://app.example/cb', {
      method: 'POST',
      body: new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode('{"callback'));
          c.error(new Error('connection reset'));
        },
      }),
      duplex: 'half',
    } as RequestInit);
    const answer = await receiving(h).handler(broken, LOCAL);
    expect([answer.status, await body(answer)]).toEqual([
      400,
      { outcome: 'invalid', issues: [{ path: '', message: 'could not be read' }] },
    ]);
  });
});

describe('createCallbackHandler: options', () => {
  it('rejects bad options with a KyxValidationError naming each field', () => {
    const h = setup();
    const attempt = (options: object) => {
      try {
        createCallbackHandler(options as CallbackHandlerOptions);
      } catch (error) {
        return error;
      }
    };
    const error = attempt({ client: {}, onResult: 1, deadlineMs: -1, allow: '1.2.3.4', trustProxy: 'yes' });
    expect(error).toBeInstanceOf(KyxValidationError);
    expect((error as KyxValidationError).issues.map((i) => i.path)).toEqual([
      'client',
      'onResult',
      'deadlineMs',
      'allow',
      'trustProxy',
    ]);
    const results = recordingResults(h.client).processor;
    const mixed = attempt({ results, onResult: () => 1, waitUntil: 'later' }) as KyxValidationError;
    expect(mixed.issues).toEqual([
      { path: 'onResult', message: 'is given to createResults, not beside results' },
      { path: 'waitUntil', message: 'must be a function' },
    ]);
    expect((attempt({ results: {} }) as KyxValidationError).issues[0]?.path).toBe('results');
  });
});
