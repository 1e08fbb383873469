import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkflowDetailsSchema } from '../../src/schemas.js';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';
import { createMinHeap } from '../../src/simulator/min-heap.js';
import { manualClock, UA } from '../support/simulator.js';
import { BASE, session } from '../support/simulator-flow.js';

// The simulator moves executions on by a due-time queue instead of a scan of every execution:
// these prove it moves the same executions at the same simulated times, in the same order.

const open: Simulator[] = [];
function simulator(options: SimulatorOptions = {}) {
  const sim = createSimulator({ rateLimits: false, ...options });
  open.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** Callbacks in the order they were sent: execution id and status. */
function recorder() {
  const sent: { id: string; status: string }[] = [];
  const callbackFetch = async (request: Request) => {
    const body = (await request.json()) as { workflowExecution: { id: string; status: string } };
    sent.push({ id: body.workflowExecution.id, status: body.workflowExecution.status });
    return new Response(null, { status: 200 });
  };
  return { sent, callbackFetch };
}

const MINUTE = 60_000;

describe('min-heap', () => {
  it('gives its items back smallest first, whatever order they went in, and keeps what retain accepts', () => {
    const heap = createMinHeap<number>((a, b) => a < b);
    // a fixed permutation of 0..999 (997 is prime: i * 389 mod 997 visits each residue once)
    const input = [...Array.from({ length: 997 }, (_, i) => (i * 389) % 997), 999, 998, 997];
    for (const n of input) heap.push(n);
    expect(heap.size).toBe(1000);
    expect(heap.peek()).toBe(0);
    const firstHalf = Array.from({ length: 500 }, () => heap.pop());
    expect(firstHalf).toEqual(Array.from({ length: 500 }, (_, i) => i));
    heap.retain((n) => n % 3 === 0);
    const rest: number[] = [];
    for (let n = heap.pop(); n !== undefined; n = heap.pop()) rest.push(n);
    expect(rest).toEqual(Array.from({ length: 1000 }, (_, i) => i).filter((n) => n >= 500 && n % 3 === 0));
    expect(heap.size).toBe(0);
    expect(heap.pop()).toBeUndefined();
  });
});

describe('the due-time queue of executions (injected clock)', () => {
  it('moves executions due together in creation order, each completed at its own due time', async () => {
    const clock = manualClock();
    const start = clock.now();
    const { sent, callbackFetch } = recorder();
    const sim = simulator({ now: clock.now, processingDelayMs: 2 * MINUTE, callbackFetch });
    const s = await session(sim);
    type Created = Awaited<ReturnType<typeof s.created>>;
    const callbackUrl = 'http://127.0.0.1:9/jumio/callback';
    // due in the reverse of creation order: 15, 10, 5 minutes, then one processed at 2 minutes
    const created: Created[] = [];
    for (const [ref, tokenLifetime] of [
      ['late', '15m'],
      ['middle', '10m'],
      ['early', '5m'],
    ] as const) {
      created.push(
        await s.created({
          customerInternalReference: ref,
          callbackUrl,
          tokenLifetime,
          workflowDefinition: { key: 10011 },
        }),
      );
    }
    const processed = await s.created({
      customerInternalReference: 'processed',
      callbackUrl,
      workflowDefinition: { key: 10011 },
    });
    await s.acquire(processed);
    clock.advance(20 * MINUTE);
    await sim.tick();
    const ids = [...created, processed].map((a) => String(a.workflowExecution.id));
    expect(sent).toEqual([
      { id: ids[0], status: 'TOKEN_EXPIRED' },
      { id: ids[1], status: 'TOKEN_EXPIRED' },
      { id: ids[2], status: 'TOKEN_EXPIRED' },
      { id: ids[3], status: 'PROCESSED' },
    ]);
    const completedAt = async (account: Created) =>
      v.parse(WorkflowDetailsSchema, await (await s.get(s.executionUrl(account))).json()).completedAt;
    const at = (minutes: number) => new Date(start + minutes * MINUTE).toISOString();
    expect(await Promise.all([...created, processed].map(completedAt))).toEqual([at(15), at(10), at(5), at(2)]);
  });

  it('never expires a finalized execution at its old token lifetime, nor moves a deleted one', async () => {
    const clock = manualClock();
    const { sent, callbackFetch } = recorder();
    const sim = simulator({ now: clock.now, processingDelayMs: 10 * MINUTE, callbackFetch });
    const s = await session(sim);
    const body = (ref: string) => ({
      customerInternalReference: ref,
      callbackUrl: 'http://127.0.0.1:9/jumio/callback',
      tokenLifetime: '5m',
      workflowDefinition: { key: 10011 },
    });
    const finalized = await s.created(body('finalized'));
    await s.acquire(finalized);
    const deleted = await s.created(body('deleted'));
    const removed = await sim.fetch(`${BASE}/api/v1/accounts/${deleted.account.id}`, {
      method: 'DELETE',
      headers: { ...UA, authorization: `Bearer ${s.token}` },
    });
    expect(removed.status).toBe(200);
    clock.advance(5 * MINUTE);
    await sim.tick();
    expect(sim.stats().executions).toEqual({ ACQUIRED: 1 });
    expect(sent).toEqual([]);
    clock.advance(5 * MINUTE);
    await sim.tick();
    expect(sim.stats().executions).toEqual({ PROCESSED: 1 });
    expect(sent).toEqual([{ id: String(finalized.workflowExecution.id), status: 'PROCESSED' }]);
  });

  it('moves each of hundreds of executions at its minute, with accounts created and deleted in between', async () => {
    const clock = manualClock();
    const sim = simulator({ now: clock.now });
    const s = await session(sim);
    const lifetimes: number[] = [];
    for (let i = 0; i < 150; i++) {
      const minutes = ((i * 7) % 30) + 5;
      const account = await s.created({
        customerInternalReference: `held-${i}`,
        tokenLifetime: `${minutes}m`,
        workflowDefinition: { key: 10011 },
      });
      // every third account is deleted, and two more are created and deleted each time (churn
      // that leaves stale entries behind, more than there are live ones)
      const churn: Awaited<ReturnType<typeof s.created>>[] = [];
      for (const n of [1, 2]) {
        churn.push(
          await s.created({ customerInternalReference: `churn-${i}-${n}`, workflowDefinition: { key: 10011 } }),
        );
      }
      for (const doomed of i % 3 === 0 ? [account, ...churn] : churn) {
        const removed = await sim.fetch(`${BASE}/api/v1/accounts/${doomed.account.id}`, {
          method: 'DELETE',
          headers: { ...UA, authorization: `Bearer ${s.token}` },
        });
        expect(removed.status).toBe(200);
      }
      if (i % 3 !== 0) lifetimes.push(minutes);
    }
    expect(sim.stats().accounts).toBe(100);
    for (let minute = 0; minute <= 35; minute++) {
      await sim.tick();
      const expired = lifetimes.filter((m) => m <= minute).length;
      expect(sim.stats().executions, `minute ${minute}`).toEqual({
        ...(expired > 0 ? { TOKEN_EXPIRED: expired } : {}),
        ...(expired < lifetimes.length ? { INITIATED: lifetimes.length - expired } : {}),
      });
      clock.advance(MINUTE);
    }
  });
});
