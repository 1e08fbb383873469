import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  account,
  createClient,
  KyxBadRequestError,
  type KyxClient,
  KyxIdempotencyError,
  KyxNetworkError,
  type KyxStore,
  KyxStoreError,
  KyxValidationError,
  memoryStore,
} from '../../src/index.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import {
  caught,
  checkEachTestShowsNoSecret,
  expectNoLeaks,
  type Handler,
  hang,
  json,
  jumio,
  problem,
  type Recorded,
  SEED_RESPONSE,
  setup,
} from '../support/client-harness.js';

checkEachTestShowsNoSecret(); // every test: nothing it showed holds a secret

// Idempotency keys: at most one account request per key is ever sent by the clients of a store.

const create = (ref = 'signup-42') => account().ref(ref).workflow(10011);
const accountCalls = (calls: Recorded[]) => calls.filter((c) => c.path === '/api/v1/accounts');
const noLimits = { rateLimits: false } as const;

/** Jumio whose account requests answer with the scripted replies in turn (then the seed response). */
function scripted(replies: ((request: Request) => Response | Promise<Response>)[]): Handler {
  const base = jumio();
  let n = 0;
  return (call, request) => {
    if (call.path !== '/api/v1/accounts') return base(call, request);
    const reply = replies[n++];
    return reply ? reply(request) : json(SEED_RESPONSE);
  };
}

function simulatorClient(simulator: Simulator, store: KyxStore): KyxClient {
  return createClient({
    region: 'amer-1',
    credentials: { clientId: 'id', clientSecret: 'secret' },
    userAgent: 'Acme Onboarding/1.0',
    baseUrl: 'http://127.0.0.1:9',
    fetch: (request) => simulator.fetch(request),
    store,
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('idempotency keys', () => {
  it('a repeat returns the first response without sending anything', async () => {
    const { client, calls } = setup(jumio(), noLimits);
    const first = await client.send(create(), { idempotencyKey: 'signup-42' });
    const again = await client.send(create(), { idempotencyKey: 'signup-42' });
    expect(again).toEqual(first);
    expect(accountCalls(calls)).toHaveLength(1);
    await client.send(create(), { idempotencyKey: 'signup-43' }); // another key is another request
    expect(accountCalls(calls)).toHaveLength(2);
  });

  it('a concurrent repeat (another client on the same store) waits for the first and gets its response', async () => {
    const store = memoryStore();
    let answer: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const slow = scripted([
      async () => {
        await gate;
        return json(SEED_RESPONSE);
      },
    ]);
    const one = setup(slow, { ...noLimits, store });
    const two = setup(slow, { ...noLimits, store }); // same fake Jumio: one script for both
    const a = one.client.send(create(), { idempotencyKey: 'k' });
    await vi.waitFor(() => expect(accountCalls(one.calls)).toHaveLength(1));
    const b = two.client.send(create(), { idempotencyKey: 'k' });
    await new Promise((r) => setTimeout(r, 100)); // b is waiting, not sending
    expect(accountCalls(two.calls)).toHaveLength(0);
    answer();
    const [ra, rb] = await Promise.all([a, b]);
    expect(rb).toEqual(ra);
    expect(accountCalls(one.calls).length + accountCalls(two.calls).length).toBe(1);
  });

  it('a safe failure (4xx, 429 exhausted, refused) frees the key: the next send is sent', async () => {
    const { client, calls } = setup(
      scripted([
        () => problem(400, 'Bad Request', 'rejected'),
        () => problem(429, 'Too Many Requests', ''),
        () => problem(429, 'Too Many Requests', ''),
      ]),
      { ...noLimits, retry: { limit: 1, delay: () => 0, jitter: false } },
    );
    expect(await caught(client.send(create(), { idempotencyKey: 'k' }))).toBeInstanceOf(KyxBadRequestError);
    expect((await caught(client.send(create(), { idempotencyKey: 'k' }))).name).toBe('KyxRateLimitError');
    const response = await client.send(create(), { idempotencyKey: 'k' });
    expect(response.account.id).toBe(SEED_RESPONSE.account.id);
    expect(accountCalls(calls)).toHaveLength(4);
  });

  it('an ambiguous failure (reset after Jumio created it) blocks the key; release frees it explicitly', async () => {
    const simulator = createSimulator({ processingDelayMs: 0 });
    const store = memoryStore();
    const client = simulatorClient(simulator, store);
    simulator.setFaults('createAccount', [{ reset: 'after' }]); // created, but the answer is lost
    expect(await caught(client.send(create(), { idempotencyKey: 'k' }))).toBeInstanceOf(KyxNetworkError);

    for (const c of [client, simulatorClient(simulator, store)]) {
      const error = await caught(c.send(create(), { idempotencyKey: 'k' }));
      expect(error).toBeInstanceOf(KyxIdempotencyError);
      const blocked = error as KyxIdempotencyError;
      expect(blocked).toMatchObject({ key: 'k', reason: 'ambiguous', mayHaveCreated: true });
      expect(blocked.message).toContain('releaseIdempotencyKey');
      expect(blocked.message).toContain('Nothing was sent');
    }
    expect(simulator.stats().requests.createAccount).toBe(1); // never re-sent
    expect(simulator.stats().executionsCreated).toBe(1);

    await client.releaseIdempotencyKey('k'); // the user looked it up and decided to send again
    await client.send(create(), { idempotencyKey: 'k' });
    expect(simulator.stats().requests.createAccount).toBe(2);
    await simulator.close();
  });

  it('the store fails after the exchange: the exchange’s error wins (mayHaveCreated from what was sent), the store’s failure is its cause', async () => {
    const simulator = createSimulator({ processingDelayMs: 0 });
    const inner = memoryStore();
    let down = false;
    const dies = (name: string) => {
      if (down) throw new Error(`redis is gone (${name})`);
    };
    // a store that dies while the account request is on the wire
    const store: KyxStore = {
      reserve: (k, l) => inner.reserve(k, l),
      setIfAbsent: (k, v, t) => inner.setIfAbsent(k, v, t),
      get: (k) => inner.get(k),
      replace: async (k, e, v, t) => {
        dies('replace');
        return inner.replace(k, e, v, t);
      },
      delete: async (k, e) => {
        dies('delete');
        return inner.delete(k, e);
      },
    };
    const client = createClient({
      region: 'amer-1',
      credentials: { clientId: 'id', clientSecret: 'secret' },
      userAgent: 'Acme Onboarding/1.0',
      baseUrl: 'http://127.0.0.1:9',
      fetch: (request) => {
        if (new URL(request.url).pathname === '/api/v1/accounts') down = true;
        return simulator.fetch(request);
      },
      store,
    });

    simulator.setFaults('createAccount', [{ reset: 'after' }]); // created, the answer is lost, and the store is down
    const reset = await caught(client.send(create('ambiguous-1'), { idempotencyKey: 'k1' }));
    expect(reset).toBeInstanceOf(KyxNetworkError);
    expect(reset).toMatchObject({ mayHaveCreated: true });
    expect(reset.cause).toBeInstanceOf(KyxStoreError);
    expect(reset.cause).toMatchObject({ operation: 'replace', cause: new Error('redis is gone (replace)') });
    expect(simulator.stats().executionsCreated).toBe(1);

    down = false;
    simulator.setFaults('createAccount', [{ status: 400 }]); // provably not created, and the store is down
    const rejected = await caught(client.send(create('rejected-1'), { idempotencyKey: 'k2' }));
    expect(rejected).toBeInstanceOf(KyxBadRequestError);
    expect(rejected).toMatchObject({ mayHaveCreated: false, cause: { operation: 'delete' } });
    await simulator.close();
  });

  it('a 5xx or a timeout after sending blocks the key too', async () => {
    const { client, calls } = setup(
      scripted([() => problem(503, 'Service Unavailable', ''), (request) => hang(request)]),
      { ...noLimits, timeout: 50 },
    );
    await caught(client.send(create('a'), { idempotencyKey: 'five' }));
    await caught(client.send(create('b'), { idempotencyKey: 'slow' }));
    for (const key of ['five', 'slow']) {
      const error = await caught(client.send(create(key === 'five' ? 'a' : 'b'), { idempotencyKey: key }));
      expect(error).toMatchObject({ name: 'KyxIdempotencyError', reason: 'ambiguous', key });
    }
    expect(accountCalls(calls)).toHaveLength(2);
  });

  it('a holder that died (its lease expired without an outcome) blocks the key for the others', async () => {
    const shared = memoryStore();
    let dead = false;
    // the holder's view of the store: once it "dies", none of its writes (lease renewals) land
    const holderStore: KyxStore = {
      reserve: (key, limit) => shared.reserve(key, limit),
      setIfAbsent: (key, value, ttl) => shared.setIfAbsent(key, value, ttl),
      get: (key) => shared.get(key),
      replace: async (key, expected, value, ttl) => (dead ? false : shared.replace(key, expected, value, ttl)),
      delete: async (key, expected) => (dead ? false : shared.delete(key, expected)),
    };
    const controller = new AbortController();
    const holder = setup(scripted([(request) => hang(request)]), {
      ...noLimits,
      store: holderStore,
      timeout: 60_000,
      idempotency: { leaseMs: 200 },
    });
    const held = holder.client
      .send(create(), { idempotencyKey: 'k', signal: controller.signal })
      .catch(() => undefined);
    await vi.waitFor(() => expect(accountCalls(holder.calls)).toHaveLength(1));
    dead = true;

    const other = setup(jumio(), { ...noLimits, store: shared, idempotency: { leaseMs: 200 } });
    const error = await caught(other.client.send(create(), { idempotencyKey: 'k' })); // waits out the lease
    expect(error).toMatchObject({ name: 'KyxIdempotencyError', reason: 'holder-lost', mayHaveCreated: true });
    expect(accountCalls(other.calls)).toHaveLength(0);
    controller.abort();
    await held;
  });

  it('the stored response expires with the token lifetime; then a repeat names the execution', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const { client, calls } = setup(jumio(), noLimits);
    const request = account().ref('signup-42').workflow(10011).tokenLifetime('5m');
    await client.send(request, { idempotencyKey: 'k' });
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect((await client.send(request, { idempotencyKey: 'k' })).account.id).toBe(SEED_RESPONSE.account.id);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    const error = await caught(client.send(request, { idempotencyKey: 'k' }));
    expect(error).toMatchObject({
      name: 'KyxIdempotencyError',
      reason: 'expired',
      accountId: SEED_RESPONSE.account.id,
      workflowExecutionId: SEED_RESPONSE.workflowExecution.id,
    });
    expect(accountCalls(calls)).toHaveLength(1);
  });

  it('a key used with a different request, or a bad key, is a KyxValidationError naming idempotencyKey', async () => {
    const { client, calls } = setup(jumio(), noLimits);
    await client.send(create('one'), { idempotencyKey: 'k' });
    const conflict = await caught(client.send(create('two'), { idempotencyKey: 'k' }));
    expect(conflict).toBeInstanceOf(KyxValidationError);
    expect((conflict as KyxValidationError).issues[0]?.path).toBe('idempotencyKey');
    for (const bad of ['', 'x'.repeat(201), 'a\nb']) {
      const error = await caught(client.send(create('one'), { idempotencyKey: bad }));
      expect((error as KyxValidationError).issues[0]?.path).toBe('idempotencyKey');
    }
    expect(accountCalls(calls)).toHaveLength(1);
  });
});

/** A memory store that keeps every value written under a key record (`idem:<scope>:rec:<key>`). */
function recordingStore(): { store: KyxStore; shared: KyxStore; records: () => { key: string; value: unknown }[] } {
  const shared = memoryStore();
  const writes: { key: string; value: string }[] = [];
  const note = (key: string, value: string) => {
    if (key.includes(':rec:')) writes.push({ key, value });
  };
  const store: KyxStore = {
    reserve: (key, limit) => shared.reserve(key, limit),
    setIfAbsent: async (key, value, ttl) => {
      const set = await shared.setIfAbsent(key, value, ttl);
      if (set) note(key, value);
      return set;
    },
    get: (key) => shared.get(key),
    replace: async (key, expected, value, ttl) => {
      const replaced = await shared.replace(key, expected, value, ttl);
      if (replaced) note(key, value);
      return replaced;
    },
    delete: (key, expected) => shared.delete(key, expected),
  };
  return { store, shared, records: () => writes.map(({ key, value }) => ({ key, value: JSON.parse(value) })) };
}

describe('idempotency: the stored key record', () => {
  it('names its fields: pending (fingerprint, owner), then done (the transaction ids), read back by a repeat', async () => {
    const { store, records } = recordingStore();
    const first = setup(jumio(), { ...noLimits, store });
    await first.client.send(create(), { idempotencyKey: 'k' });
    const [pending, done, ...more] = records();
    expect(more).toEqual([]);
    expect(pending?.key).toMatch(/^idem:[0-9a-f]{16}:rec:k$/);
    expect(done?.key).toBe(pending?.key);
    expect(pending?.value).toEqual({
      state: 'pending',
      fingerprint: expect.stringMatching(/^[0-9a-f]{28}$/),
      owner: expect.stringMatching(/^[0-9a-f]{24}$/),
    });
    const { fingerprint, owner } = (pending?.value ?? {}) as { fingerprint: string; owner: string };
    expect(done?.value).toEqual({
      state: 'done',
      fingerprint,
      owner,
      accountId: SEED_RESPONSE.account.id,
      workflowExecutionId: SEED_RESPONSE.workflowExecution.id,
    });
    const again = setup(jumio(), { ...noLimits, store });
    expect((await again.client.send(create(), { idempotencyKey: 'k' })).account.id).toBe(SEED_RESPONSE.account.id);
    expect(accountCalls(again.calls)).toHaveLength(0);
  });

  it('an ambiguous failure is recorded as blocked with the first error', async () => {
    const { store, records } = recordingStore();
    const { client } = setup(scripted([() => problem(502, 'Bad Gateway', 'upstream')]), {
      ...noLimits,
      store,
      retry: false,
    });
    await caught(client.send(create(), { idempotencyKey: 'k' }));
    expect(records().at(-1)?.value).toEqual({
      state: 'blocked',
      fingerprint: expect.stringMatching(/^[0-9a-f]{28}$/),
      error: expect.stringMatching(/^Kyx\w+Error: /),
    });
  });

  it('still reads the one-letter records 0.2 wrote ({ s, f, o, a, w } / { s, f, e }) during a rolling deploy', async () => {
    const { store, shared, records } = recordingStore();
    await setup(jumio(), { ...noLimits, store }).client.send(create(), { idempotencyKey: 'k' });
    const done = records().at(-1) as { key: string; value: { fingerprint: string; owner: string } };
    const { key } = done;
    const { fingerprint: f, owner: o } = done.value;
    const write = async (record: object) => {
      await shared.delete(key);
      expect(await shared.setIfAbsent(key, JSON.stringify(record), 60_000)).toBe(true);
    };
    const later = setup(jumio(), { ...noLimits, store: shared, idempotency: { leaseMs: 100 } });

    // done by a 0.2 process: the repeat gets its stored response, or names its execution
    await write({ s: 'done', f, o, a: SEED_RESPONSE.account.id, w: SEED_RESPONSE.workflowExecution.id });
    expect((await later.client.send(create(), { idempotencyKey: 'k' })).account.id).toBe(SEED_RESPONSE.account.id);
    await write({ s: 'done', f, o: 'gone', a: 'acc-0.2', w: 'exec-0.2' });
    expect(await caught(later.client.send(create(), { idempotencyKey: 'k' }))).toMatchObject({
      name: 'KyxIdempotencyError',
      reason: 'expired',
      accountId: 'acc-0.2',
      workflowExecutionId: 'exec-0.2',
    });
    // blocked by a 0.2 process
    await write({ s: 'blocked', f, e: 'KyxNetworkError: socket hang up' });
    expect(await caught(later.client.send(create(), { idempotencyKey: 'k' }))).toMatchObject({
      name: 'KyxIdempotencyError',
      reason: 'ambiguous',
      firstError: 'KyxNetworkError: socket hang up',
    });
    // pending under a 0.2 process that died (no lease left)
    await write({ s: 'pending', f, o: 'dead-0.2' });
    expect(await caught(later.client.send(create(), { idempotencyKey: 'k' }))).toMatchObject({
      name: 'KyxIdempotencyError',
      reason: 'holder-lost',
    });
    // used by a 0.2 process with another request
    await write({ s: 'done', f: 'another-request', o, a: 'a', w: 'w' });
    const conflict = await caught(later.client.send(create(), { idempotencyKey: 'k' }));
    expect((conflict as KyxValidationError).issues[0]?.path).toBe('idempotencyKey');
    expect(accountCalls(later.calls)).toHaveLength(0); // nothing was sent again
  });
});

describe('idempotency: redaction', () => {
  it('leaked no secret or token in this file', () => {
    expectNoLeaks(10);
  });
});
