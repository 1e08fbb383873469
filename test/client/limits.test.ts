import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  account,
  createClient,
  DEFAULT_RATE_LIMITS,
  type KyxClient,
  KyxRateLimitError,
  KyxValidationError,
  memoryStore,
} from '../../src/index.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import {
  caught,
  checkEachTestShowsNoSecret,
  expectNoLeaks,
  type Handler,
  json,
  jumio,
  problem,
  SEED_RESPONSE,
  setup,
} from '../support/client-harness.js';
import { advanceUntilSettled } from '../support/fake-time.js';

checkEachTestShowsNoSecret(); // every test: nothing it showed holds a secret

// Limits that queue: every call waits its turn under the tenant's limits, in call order.

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] as number));
const create = (ref: string) => account().ref(ref).workflow(10011);

/** A fake Jumio that notes when each account request arrived (by reference). */
function arrivalsJumio(arrivals: { ref: string; at: number }[], first?: Record<string, () => Response>): Handler {
  const base = jumio();
  const seen = new Set<string>();
  return (call, request) => {
    if (call.path !== '/api/v1/accounts') return base(call, request);
    const ref = (JSON.parse(call.body) as { customerInternalReference: string }).customerInternalReference;
    arrivals.push({ ref, at: Date.now() });
    const reply = first?.[ref];
    if (reply && !seen.has(ref)) {
      seen.add(ref);
      return reply();
    }
    return json(SEED_RESPONSE);
  };
}

function simulatorClient(simulator: Simulator, extra: Partial<Parameters<typeof createClient>[0]> = {}): KyxClient {
  return createClient({
    region: 'amer-1',
    credentials: { clientId: 'id', clientSecret: 'secret' },
    userAgent: 'Acme Onboarding/1.0',
    baseUrl: 'http://127.0.0.1:9',
    fetch: (request) => simulator.fetch(request),
    ...extra,
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('limits that queue: against the default simulator (Jumio’s documented limits)', () => {
  it('ten sequential sends all succeed; none is surfaced as a 429', { timeout: 30_000 }, async () => {
    const simulator = createSimulator({ processingDelayMs: 0 });
    const client = simulatorClient(simulator);
    for (let i = 0; i < 10; i++) {
      const response = await client.send(create(`seq-${i}`));
      expect(response.account.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const stats = simulator.stats();
    expect(stats.executionsCreated).toBe(10);
    expect(stats.rateLimited.createAccount ?? 0).toBeLessThanOrEqual(2); // timer jitter, retried
    await simulator.close();
  });

  it('ten concurrent sends all succeed; none is surfaced as a 429', { timeout: 30_000 }, async () => {
    const simulator = createSimulator({ processingDelayMs: 0 });
    const client = simulatorClient(simulator);
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => client.send(create(`par-${i}`))));
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    const stats = simulator.stats();
    expect(stats.executionsCreated).toBe(10);
    expect(stats.rateLimited.createAccount ?? 0).toBeLessThanOrEqual(2);
    await simulator.close();
  });

  it('without limits (rateLimits: false) the same burst meets the simulator’s 429s', { timeout: 30_000 }, async () => {
    const simulator = createSimulator({ processingDelayMs: 0 });
    const client = simulatorClient(simulator, { rateLimits: false, retry: false });
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => client.send(create(`raw-${i}`))));
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(rejected.length).toBe(3); // Jumio's burst of 5, then 429
    for (const r of rejected) expect(r.reason).toBeInstanceOf(KyxRateLimitError);
    await simulator.close();
  });
});

describe('limits that queue: spacing (fake timers)', () => {
  it('account requests: a burst (Jumio’s 5 less one in reserve), then 1 s apart, in call order', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const arrivals: { ref: string; at: number }[] = [];
    const { client } = setup(arrivalsJumio(arrivals));
    const refs = Array.from({ length: 8 }, (_, i) => `r${i}`);
    const pending = Promise.all(refs.map((ref) => client.send(create(ref))));
    await advanceUntilSettled(pending);
    expect(arrivals.map((a) => a.ref)).toEqual(refs);
    expect(gaps(arrivals.map((a) => a.at))).toEqual([0, 0, 0, 1000, 1000, 1000, 1000]);
    expect(DEFAULT_RATE_LIMITS.account).toEqual({ perSecond: 1, burst: 5 });
  });

  it('a configured limit is kept to; rateLimits.account: false sends at once', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const arrivals: { ref: string; at: number }[] = [];
    const { client } = setup(arrivalsJumio(arrivals), { rateLimits: { account: { perSecond: 4, burst: 1 } } });
    const pending = Promise.all(['a', 'b', 'c', 'd'].map((ref) => client.send(create(ref))));
    await advanceUntilSettled(pending);
    expect(gaps(arrivals.map((a) => a.at))).toEqual([250, 250, 250]);

    const free: { ref: string; at: number }[] = [];
    const { client: unlimited } = setup(arrivalsJumio(free), { rateLimits: { account: false } });
    const all = Promise.all(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((ref) => unlimited.send(create(ref))));
    await advanceUntilSettled(all);
    expect(gaps(free.map((a) => a.at))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('retrieval calls wait their turn too (15/s: a burst of 14, then 1/15 s apart)', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const times: number[] = [];
    const base = jumio();
    const { client } = setup((call, request) => {
      if (!call.path.endsWith('/status')) return base(call, request);
      times.push(Date.now());
      return json({
        account: { id: SEED_RESPONSE.account.id },
        workflowExecution: { id: SEED_RESPONSE.workflowExecution.id, definitionKey: '10011', status: 'PROCESSED' },
      });
    });
    const pending = Promise.all(Array.from({ length: 17 }, () => client.status(SEED_RESPONSE)));
    await advanceUntilSettled(pending);
    const spacing = gaps(times);
    expect(spacing.slice(0, 13)).toEqual(Array(13).fill(0));
    for (const gap of spacing.slice(13)) expect(gap).toBeGreaterThanOrEqual(66);
  });

  it('a slow first token: slots are taken once the token is in hand, so the queue never bursts past the limit', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const arrivals: { ref: string; at: number }[] = [];
    const base = arrivalsJumio(arrivals);
    let tokenCalls = 0;
    const { client } = setup(async (call, request) => {
      if (call.path !== '/oauth2/token') return base(call, request);
      tokenCalls += 1;
      await new Promise((resolve) => setTimeout(resolve, 8_000)); // an 8 s token answer
      return base(call, request);
    });
    const refs = Array.from({ length: 12 }, (_, i) => `slow-${i}`);
    const pending = Promise.all(refs.map((ref) => client.send(create(ref))));
    await advanceUntilSettled(pending);
    expect(tokenCalls).toBe(1);
    // after the token: the burst of 4, then one a second, as if the token had been instant
    expect(gaps(arrivals.map((a) => a.at))).toEqual([0, 0, 0, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000]);
  });

  it('clients sharing one store share the tenant’s bucket', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const arrivals: { ref: string; at: number }[] = [];
    const store = memoryStore();
    const one = setup(arrivalsJumio(arrivals), { store }).client;
    const two = setup(arrivalsJumio(arrivals), { store }).client;
    const pending = Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((ref, i) => (i % 2 ? one : two).send(create(ref))));
    await advanceUntilSettled(pending);
    expect(gaps(arrivals.map((a) => a.at))).toEqual([0, 0, 0, 1000, 1000]);
  });

  it('a call aborted while queued rejects with the signal’s reason, is never sent, and hands its slot on', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const arrivals: { ref: string; at: number }[] = [];
    const { client } = setup(arrivalsJumio(arrivals));
    const controller = new AbortController();
    const sends = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((ref) =>
      client.send(create(ref), ref === 'r4' ? { signal: controller.signal } : {}),
    );
    const settled = Promise.allSettled(sends);
    await vi.advanceTimersByTimeAsync(100); // r0..r3 sent, r4 queued
    controller.abort(new Error('user left'));
    const outcomes = await advanceUntilSettled(settled);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect((outcomes[4] as PromiseRejectedResult).reason).toEqual(new Error('user left'));
    expect(arrivals.map((a) => a.ref)).toEqual(['r0', 'r1', 'r2', 'r3', 'r5', 'r6']);
    expect(arrivals.map((a) => a.at - (arrivals[0] as { at: number }).at)).toEqual([0, 0, 0, 0, 1000, 2000]);
  });

  it('a 429 that still comes is retried no sooner than one refill, or after Retry-After', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const arrivals: { ref: string; at: number }[] = [];
    const { client } = setup(
      arrivalsJumio(arrivals, {
        plain: () => problem(429, 'Too Many Requests', 'Request limit exceeded'),
        told: () => problem(429, 'Too Many Requests', 'Request limit exceeded', { 'retry-after': '3' }),
      }),
    );
    const pending = Promise.all([client.send(create('plain')), client.send(create('told'))]);
    await advanceUntilSettled(pending);
    const at = (ref: string) => arrivals.filter((a) => a.ref === ref).map((a) => a.at);
    expect(gaps(at('plain'))[0]).toBeGreaterThanOrEqual(1000);
    expect(gaps(at('told'))[0]).toBeGreaterThanOrEqual(3000);
  });

  it('bad limits, store or idempotency options are typed errors naming the field', async () => {
    const error = await caught(
      Promise.resolve().then(() =>
        setup(jumio(), {
          rateLimits: { account: { perSecond: 0 }, retrieval: { perSecond: 2, burst: 1.5 }, bogus: false } as never,
          store: {} as never,
          idempotency: { leaseMs: 5 },
        }),
      ),
    );
    expect(error).toBeInstanceOf(KyxValidationError);
    expect((error as KyxValidationError).issues.map((i) => i.path)).toEqual([
      'rateLimits.account.perSecond',
      'rateLimits.retrieval.burst',
      'rateLimits.bogus',
      'idempotency.leaseMs',
      'store',
    ]);
  });
});

describe('limits: redaction', () => {
  it('leaked no secret or token in this file', () => {
    expectNoLeaks(5);
  });
});

describe("limits: 'background' calls wait behind the others", () => {
  it('a background waiter queued first is served after every later non-background one', async () => {
    const { createLimits } = await import('../../src/client/rate-limits.js');
    const { memoryStore } = await import('../../src/index.js');
    const limits = createLimits(memoryStore(), 'priority', { retrieval: { perSecond: 50, burst: 1 } });
    const order: string[] = [];
    const take = (name: string, priority?: 'background') =>
      limits.acquire('retrieval', undefined, priority).then(() => void order.push(name));
    await take('first'); // uses the burst
    await Promise.all([
      take('bg-1', 'background'),
      take('bg-2', 'background'),
      take('app-1'),
      take('bg-3', 'background'),
      take('app-2'),
    ]);
    expect(order).toEqual(['first', 'app-1', 'app-2', 'bg-1', 'bg-2', 'bg-3']);
  });
});
