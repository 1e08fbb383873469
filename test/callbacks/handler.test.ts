import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  type CallbackErrorContext,
  type CallbackHandlerOptions,
  type CallbackOutcomeEvent,
  type CallbackPayload,
  createCallbackHandler,
  createClient,
  isKyxError,
  KyxNotFoundError,
  KyxValidationError,
  memoryStore,
  type WorkflowDetails,
} from '../../src/index.js';
import { harness, JUMIO_AMER_IP, post, variant } from '../support/callback-harness.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((f) => f()));
});

function setup(...args: Parameters<typeof harness>) {
  const h = harness(...args);
  cleanup.push(() => h.simulator.close());
  return h;
}

/** A handler on `client` that records every onResult / onStatus / onError / onOutcome. */
function recording(
  client: CallbackHandlerOptions['client'],
  options: Partial<CallbackHandlerOptions> & { fail?: number } = {},
) {
  const results: [WorkflowDetails, CallbackPayload][] = [];
  const statuses: CallbackPayload[] = [];
  const errors: [unknown, CallbackErrorContext][] = [];
  const outcomes: CallbackOutcomeEvent[] = [];
  let failuresLeft = options.fail ?? 0;
  const handler = createCallbackHandler({
    client,
    onResult: (details, callback) => {
      expectTypeOf(details).toEqualTypeOf<WorkflowDetails>();
      expectTypeOf(callback).toEqualTypeOf<CallbackPayload>();
      if (failuresLeft-- > 0) throw new Error('database down');
      results.push([details, callback]);
    },
    onStatus: (callback) => void statuses.push(callback),
    onError: (error, context) => void errors.push([error, context]),
    onOutcome: (event) => void outcomes.push(event),
    ...options,
  });
  return { handler, results, statuses, errors, outcomes };
}

const body = async (response: Response) =>
  (await response.json()) as { outcome: string; stage?: string; issues?: { path: string }[] };
const LOCAL = { remoteAddress: '127.0.0.1' };

describe('createCallbackHandler: re-fetch and hand over', () => {
  it('accepts a loopback callback, re-fetches the details once and hands them over typed', async () => {
    const h = setup();
    const callback = await h.processed('cb-accept');
    const r = recording(h.client);
    const response = await r.handler(post(callback), LOCAL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await body(response)).toEqual({ outcome: 'handled' });
    expect(h.detailsFetched()).toBe(1);
    expect(r.results).toHaveLength(1);
    const [details, handed] = r.results[0] as [WorkflowDetails, CallbackPayload];
    expect(details.workflow.id).toBe(callback.workflowExecution.id);
    expect(details.account.id).toBe(callback.account.id);
    expect(details.workflow.status).toBe('PROCESSED');
    expect(details.workflow.customerInternalReference).toBe('cb-accept');
    expect(details.decision?.type).toBe('PASSED');
    expect(handed).toEqual(callback);
    expect(r.outcomes).toEqual([
      expect.objectContaining({
        outcome: 'handled',
        httpStatus: 200,
        sender: '127.0.0.1',
        workflowExecutionId: callback.workflowExecution.id,
        accountId: callback.account.id,
        workflowStatus: 'PROCESSED',
      }),
    ]);
  });

  it('acknowledges a duplicate with 200 and does not run onResult or fetch again', async () => {
    const h = setup();
    const callback = await h.processed('cb-dup');
    const r = recording(h.client);
    expect((await r.handler(post(callback), LOCAL)).status).toBe(200);
    const again = await r.handler(post(callback), LOCAL);
    expect(again.status).toBe(200);
    expect(await body(again)).toEqual({ outcome: 'duplicate' });
    // Jumio's repeat carries a later callbackSentAt: still the same execution and status
    const later = await r.handler(
      post(variant(callback, { sentAt: Date.parse(callback.callbackSentAt) + 60_000 })),
      LOCAL,
    );
    expect(await body(later)).toEqual({ outcome: 'duplicate' });
    expect(r.results).toHaveLength(1);
    expect(h.detailsFetched()).toBe(1);
  });

  it('runs onResult once for ten copies arriving at the same time', async () => {
    const h = setup();
    const callback = await h.processed('cb-burst');
    const r = recording(h.client);
    const responses = await Promise.all(Array.from({ length: 10 }, () => r.handler(post(callback), LOCAL)));
    expect(responses.map((x) => x.status)).toEqual(Array(10).fill(200));
    const outcomes = await Promise.all(responses.map(body));
    expect(outcomes.filter((o) => o.outcome === 'handled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'duplicate')).toHaveLength(9);
    expect(r.results).toHaveLength(1);
    expect(h.detailsFetched()).toBe(1);
  });

  it('hands over TOKEN_EXPIRED executions too (terminal: the details say how it ended)', async () => {
    const h = setup();
    const response = await h.started('cb-expired');
    h.clock.advance(5 * 60_000);
    await h.simulator.tick();
    const callback = h.captured.at(-1) as CallbackPayload;
    expect(callback.workflowExecution.status).toBe('TOKEN_EXPIRED');
    const r = recording(h.client);
    expect(await body(await r.handler(post(callback), LOCAL))).toEqual({ outcome: 'handled' });
    expect(r.results[0]?.[0].workflow).toMatchObject({ id: response.workflowExecution.id, status: 'TOKEN_EXPIRED' });
  });

  it('passes non-terminal statuses to onStatus once, fetching nothing', async () => {
    const h = setup();
    const callback = variant(await h.processed('cb-status'), { status: 'ACQUIRED', sentAt: Date.now() - 60_000 });
    const r = recording(h.client);
    const first = await r.handler(post(callback), LOCAL);
    expect([first.status, await body(first)]).toEqual([200, { outcome: 'acknowledged' }]);
    expect(await body(await r.handler(post(callback), LOCAL))).toEqual({ outcome: 'duplicate' });
    expect(r.statuses).toEqual([callback]);
    expect(r.results).toEqual([]);
    expect(h.detailsFetched()).toBe(0);
    // without onStatus they are acknowledged all the same
    const bare = createCallbackHandler({ client: h.client, onResult: () => undefined });
    expect(await body(await bare(post(variant(callback, { status: 'INITIATED' })), LOCAL))).toEqual({
      outcome: 'acknowledged',
    });
  });

  it('drops a repeat older than what was handled (by callbackSentAt)', async () => {
    const h = setup();
    const callback = await h.processed('cb-stale');
    const sentAt = Date.parse(callback.callbackSentAt);
    const r = recording(h.client);
    expect(await body(await r.handler(post(callback), LOCAL))).toEqual({ outcome: 'handled' });
    // an ACQUIRED callback sent before the PROCESSED one arrives late
    const late = await r.handler(post(variant(callback, { status: 'ACQUIRED', sentAt: sentAt - 1_000 })), LOCAL);
    expect([late.status, await body(late)]).toEqual([200, { outcome: 'stale' }]);
    expect(r.statuses).toEqual([]);
    // a newer one still goes through
    const newer = await r.handler(post(variant(callback, { status: 'ACQUIRED', sentAt: sentAt + 1_000 })), LOCAL);
    expect(await body(newer)).toEqual({ outcome: 'acknowledged' });
  });
});

describe('createCallbackHandler: the sender check', () => {
  it('refuses a sender outside the allow-list with 403, reading and fetching nothing', async () => {
    const h = setup({ loopback: false });
    const callback = await h.processed('cb-refused');
    const r = recording(h.client);
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
    // loopback is not trusted when the client talks to a real (non-loopback) Jumio base
    expect((await r.handler(post(callback), LOCAL)).status).toBe(403);
    // nor is a sender nobody can name
    expect((await r.handler(post(callback))).status).toBe(403);
    expect(h.detailsFetched()).toBe(0);
    expect(r.results).toEqual([]);
    expect(r.outcomes.map((o) => [o.outcome, o.httpStatus, o.sender])).toEqual([
      ['refused', 403, '203.0.113.7'],
      ['refused', 403, '127.0.0.1'],
      ['refused', 403, undefined],
    ]);
  });

  it("accepts the region's documented Jumio addresses (also as IPv4-mapped IPv6), not other regions'", async () => {
    const h = setup({ loopback: false });
    const callback = await h.processed('cb-jumio-ip');
    const r = recording(h.client);
    expect((await r.handler(post(callback), { remoteAddress: '34.253.41.236' })).status).toBe(403); // emea-1
    const response = await r.handler(post(callback), { remoteAddress: `::ffff:${JUMIO_AMER_IP}` });
    expect([response.status, await body(response)]).toEqual([200, { outcome: 'handled' }]);
    expect(r.results).toHaveLength(1);
  });

  it('takes its own allow-list (replacing the documented one) or a function', async () => {
    const h = setup({ loopback: false });
    const callback = await h.processed('cb-allow');
    const listed = recording(h.client, { allow: ['198.51.100.7'] });
    expect((await listed.handler(post(callback), { remoteAddress: JUMIO_AMER_IP })).status).toBe(403);
    expect((await listed.handler(post(callback), { remoteAddress: '198.51.100.7' })).status).toBe(200);
    const seen: string[] = [];
    const decided = recording(h.client, { allow: (address) => seen.push(address) > 0 && address.startsWith('10.') });
    expect((await decided.handler(post(callback), { remoteAddress: '10.1.2.3' })).status).toBe(200);
    expect((await decided.handler(post(callback), { remoteAddress: '11.1.2.3' })).status).toBe(403);
    expect(seen).toEqual(['10.1.2.3', '11.1.2.3']);
  });

  it('honours X-Forwarded-For only with trustProxy', async () => {
    const h = setup({ loopback: false });
    const callback = await h.processed('cb-xff');
    const viaProxy = (xff: string, ...peer: [string?]) =>
      [
        post(callback, { 'x-forwarded-for': xff }),
        { remoteAddress: peer.length === 0 ? '10.0.0.2' : peer[0] },
      ] as const;
    const plain = recording(h.client);
    expect((await plain.handler(...viaProxy(JUMIO_AMER_IP))).status).toBe(403); // anyone can send the header
    const hops = recording(h.client, { trustProxy: 1 });
    expect((await hops.handler(...viaProxy(JUMIO_AMER_IP))).status).toBe(200);
    expect(hops.outcomes[0]?.sender).toBe(JUMIO_AMER_IP);
    // a forged entry in front of what the proxy appended is not read
    expect((await hops.handler(...viaProxy(`${JUMIO_AMER_IP}, 203.0.113.7`))).status).toBe(403);
    // two proxies: the entry the outer one appended
    const two = recording(h.client, { trustProxy: 2 });
    expect((await two.handler(...viaProxy(`203.0.113.7, ${JUMIO_AMER_IP}, 10.0.0.1`))).status).toBe(200);
    // by address: only when the peer is one of them
    const listed = recording(h.client, { trustProxy: ['10.0.0.2'] });
    expect((await listed.handler(...viaProxy(JUMIO_AMER_IP))).status).toBe(200);
    expect((await listed.handler(...viaProxy(JUMIO_AMER_IP, '10.0.0.9'))).status).toBe(403);
    // no socket address (a platform such as Next.js): a hop count reads the platform's entry
    expect((await two.handler(...viaProxy(`${JUMIO_AMER_IP}, 10.0.0.1`, undefined))).status).toBe(200);
    expect((await listed.handler(...viaProxy(JUMIO_AMER_IP, undefined))).status).toBe(403);
    // one execution: handed over once, whichever handler (all on one client, so one store) saw it first
    expect([plain, hops, two, listed].reduce((n, r) => n + r.results.length, 0)).toBe(1);
  });
});

describe('createCallbackHandler: bodies that are not callbacks', () => {
  const junk: [string, string, number][] = [
    ['a test message', '{"message":"Test callback"}', 400],
    ['not JSON', 'hello=world', 400],
    ['empty', '', 400],
    ['partial JSON', '{"callbackSentAt":"2023-03-15T19:14:51Z","workflowExecution":{"id":"41f7', 400],
    ['JSON null', 'null', 400],
    ['a list', '[1,2]', 400],
    ['a callback without its account', '{"callbackSentAt":"2023-03-15T19:14:51Z"}', 400],
  ];
  for (const [name, text, status] of junk) {
    it(`answers ${status} (never 500) to ${name}, fetching nothing`, async () => {
      const h = setup();
      const r = recording(h.client);
      const response = await r.handler(post(text), LOCAL);
      expect(response.status).toBe(status);
      const answer = await body(response);
      expect(answer.outcome).toBe('invalid');
      expect(answer.issues?.length).toBeGreaterThan(0);
      expect(h.detailsFetched()).toBe(0);
      expect(r.errors).toEqual([]);
    });
  }

  it('names the missing fields of a partial callback', async () => {
    const h = setup();
    const callback = await h.processed('cb-partial');
    const { account: _dropped, ...partial } = callback;
    const answer = await body(await recording(h.client).handler(post(partial), LOCAL));
    expect(answer.issues?.map((i) => i.path)).toEqual(['account']);
  });

  it('answers 413 to a body over maxBodyBytes (declared or streamed) and 405 to other methods', async () => {
    const h = setup();
    const r = recording(h.client, { maxBodyBytes: 100 });
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
    expect([(await r.handler(streamed, LOCAL)).status]).toEqual([413]);
    const get = await r.handler(new Request('http://app.example/cb'), LOCAL);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
  });

  it('answers 408 to a body that does not arrive within the deadline', async () => {
    const h = setup();
    const r = recording(h.client, { deadlineMs: 30 });
    const stalled = new Request('http://app.example/cb', {
      method: 'POST',
      body: new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"callback')) }),
      duplex: 'half',
    } as RequestInit);
    const response = await r.handler(stalled, LOCAL);
    expect([response.status, await body(response)]).toEqual([408, { outcome: 'timeout' }]);
  });

  it('answers 400 to a body whose stream fails midway', async () => {
    const h = setup();
    const r = recording(h.client);
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
    const response = await r.handler(broken, LOCAL);
    expect([response.status, await body(response)]).toEqual([
      400,
      { outcome: 'invalid', issues: [{ path: '', message: 'could not be read' }] },
    ]);
  });
});

describe('createCallbackHandler: failures are reported, not lost', () => {
  it('answers 500 when onResult throws, reports it, and runs it again on the repeat', async () => {
    const h = setup();
    const callback = await h.processed('cb-fail');
    const r = recording(h.client, { fail: 1 });
    const first = await r.handler(post(callback), LOCAL);
    expect([first.status, await body(first)]).toEqual([500, { outcome: 'failed', stage: 'onResult' }]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.[0]).toEqual(new Error('database down'));
    expect(r.errors[0]?.[1]).toEqual({ stage: 'onResult', callback, afterAnswer: false });
    expect(r.results).toEqual([]);
    const repeat = await r.handler(post(callback), LOCAL);
    expect([repeat.status, await body(repeat)]).toEqual([200, { outcome: 'handled' }]);
    expect(r.results).toHaveLength(1);
    expect(await body(await r.handler(post(callback), LOCAL))).toEqual({ outcome: 'duplicate' });
    expect(h.detailsFetched()).toBe(2);
  });

  it('answers 502 when the re-fetch fails (e.g. unknown ids) and tries again on the repeat', async () => {
    const h = setup();
    const callback = await h.processed('cb-refetch');
    const r = recording(h.client);
    h.simulator.setFaults('details', [{ status: 404 }]);
    const first = await r.handler(post(callback), LOCAL);
    expect([first.status, await body(first)]).toEqual([502, { outcome: 'failed', stage: 'details' }]);
    expect(r.errors[0]?.[0]).toBeInstanceOf(KyxNotFoundError);
    expect(await body(await r.handler(post(callback), LOCAL))).toEqual({ outcome: 'handled' });
  });

  it('does not hand over an execution whose details do not confirm the announced status', async () => {
    const h = setup();
    const response = await h.started('cb-forged');
    const forged: CallbackPayload = {
      callbackSentAt: new Date(h.clock.now()).toISOString(),
      workflowExecution: { id: response.workflowExecution.id, href: '', definitionKey: '10011', status: 'PROCESSED' },
      account: { id: response.account.id, href: '' },
    };
    const r = recording(h.client);
    const answer = await r.handler(post(forged), LOCAL);
    expect([answer.status, await body(answer)]).toEqual([503, { outcome: 'failed', stage: 'details' }]);
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(r.results).toEqual([]);
    expect(isKyxError(r.errors[0]?.[0])).toBe(true);
    expect(String(r.errors[0]?.[0])).toMatch(/details say INITIATED/);
  });

  it('answers 503 within the deadline when the re-fetch is slow; the run finishes once and repeats are answered from it', async () => {
    const h = setup();
    const callback = await h.processed('cb-slow');
    const r = recording(h.client, { deadlineMs: 40 });
    h.simulator.setFaults('details', [{ delayMs: 400 }]);
    const first = await r.handler(post(callback), LOCAL);
    expect([first.status, await body(first), first.headers.get('retry-after')]).toEqual([
      503,
      { outcome: 'in-progress' },
      '1',
    ]);
    expect(r.results).toEqual([]); // still running
    const during = await r.handler(post(callback), LOCAL); // a repeat while it runs
    expect(during.status).toBe(503);
    await expect.poll(() => r.results.length, { timeout: 3_000 }).toBe(1);
    const after = await r.handler(post(callback), LOCAL);
    expect([after.status, await body(after)]).toEqual([200, { outcome: 'duplicate' }]);
    expect(r.results).toHaveLength(1);
    expect(h.detailsFetched()).toBe(1);
  });

  it('shares what was handled through the store: one handler per process, each execution once', async () => {
    const h = setup();
    const callback = await h.processed('cb-fleet');
    const store = memoryStore();
    const a = recording(h.client, { store, deadlineMs: 40 });
    const b = recording(h.client, { store });
    h.simulator.setFaults('details', [{ delayMs: 300 }]);
    expect((await a.handler(post(callback), LOCAL)).status).toBe(503); // a is still running
    expect(await body(await b.handler(post(callback), LOCAL))).toEqual({ outcome: 'in-progress' }); // held by a
    await expect.poll(() => a.results.length, { timeout: 3_000 }).toBe(1);
    expect(await body(await b.handler(post(callback), LOCAL))).toEqual({ outcome: 'duplicate' });
    expect(b.results).toEqual([]);
  });

  it("uses the client's store by default: handlers of clients that share a store handle each execution once", async () => {
    const store = memoryStore();
    const h = setup({ client: { store } });
    const callback = await h.processed('cb-client-store');
    const first = recording(h.client);
    expect(await body(await first.handler(post(callback), LOCAL))).toEqual({ outcome: 'handled' });
    // another process's client on the same store (here: the same memory store)
    const clientOn = (own: ReturnType<typeof memoryStore>) =>
      createClient({
        region: 'amer-1',
        credentials: { clientId: 'acme', clientSecret: 'acme-secret' },
        userAgent: 'Acme Callbacks tests/1.0',
        baseUrl: 'http://127.0.0.1:4010',
        fetch: h.simulator.fetch,
        store: own,
      });
    const second = recording(clientOn(store)); // another process's client on the same store
    expect(await body(await second.handler(post(callback), LOCAL))).toEqual({ outcome: 'duplicate' });
    // a client with a store of its own does not see it
    const separate = recording(clientOn(memoryStore()));
    expect(await body(await separate.handler(post(callback), LOCAL))).toEqual({ outcome: 'handled' });
    expect(second.results).toEqual([]);
    expect(h.detailsFetched()).toBe(2);
  });

  it('keeps its answer when onError or onOutcome throw; a failing store is a 503', async () => {
    const h = setup();
    const callback = await h.processed('cb-hooks');
    const handler = createCallbackHandler({
      client: h.client,
      onResult: () => {
        throw new Error('x');
      },
      onError: () => {
        throw new Error('onError broke');
      },
      onOutcome: () => {
        throw new Error('onOutcome broke');
      },
    });
    expect((await handler(post(callback), LOCAL)).status).toBe(500);
    const broken = recording(h.client, {
      store: {
        get: async () => {
          throw new Error('store down');
        },
        reserve: async () => 0,
        setIfAbsent: async () => true,
        replace: async () => true,
        delete: async () => true,
      },
    });
    const answer = await broken.handler(post(callback), LOCAL);
    expect([answer.status, await body(answer)]).toEqual([503, { outcome: 'failed', stage: 'store' }]);
    expect(broken.errors[0]?.[1].stage).toBe('store');
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
    const error = attempt({
      client: {},
      onResult: 1,
      deadlineMs: -1,
      allow: '1.2.3.4',
      trustProxy: 'yes',
      store: new Map(),
    }) as KyxValidationError;
    expect(error).toBeInstanceOf(KyxValidationError);
    expect(error.issues.map((i) => i.path)).toEqual([
      'client',
      'onResult',
      'deadlineMs',
      'allow',
      'trustProxy',
      'store',
    ]);
    const lease = attempt({ client: h.client, onResult: () => 1, deadlineMs: 1_000, leaseMs: 500 });
    expect((lease as KyxValidationError).issues).toEqual([
      { path: 'leaseMs', message: 'must be longer than deadlineMs' },
    ]);
  });
});
