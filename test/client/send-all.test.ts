import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { account, type CompleteAccountRequest, KyxBadRequestError, KyxValidationError } from '../../src/index.js';
import {
  caught,
  checkEachTestShowsNoSecret,
  expectNoLeaks,
  type Handler,
  json,
  jumio,
  problem,
  record,
  SEED_RESPONSE,
  setup,
} from '../support/client-harness.js';
import { advanceUntilSettled } from '../support/fake-time.js';

checkEachTestShowsNoSecret(); // every test: nothing it showed holds a secret

const idFor = (ref: string) => `00000000-0000-4000-8000-${ref.replace(/\D/g, '').padStart(12, '0')}`;

/** Jumio that answers each account request with an account id derived from its reference and notes when it arrived. */
function timedJumio(arrivals: { ref: string; at: number }[], special: Record<string, () => Response> = {}): Handler {
  const base = jumio();
  const seen = new Set<string>();
  return (call, request) => {
    if (call.path !== '/api/v1/accounts') return base(call, request);
    const ref = (JSON.parse(call.body) as { customerInternalReference: string }).customerInternalReference;
    arrivals.push({ ref, at: Date.now() });
    const reply = special[ref];
    if (reply && !seen.has(ref)) {
      seen.add(ref);
      return reply();
    }
    return json({ ...SEED_RESPONSE, account: { id: idFor(ref) } });
  };
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] as number));

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('sendAll', () => {
  it('keeps to the account limit by default (a burst, then 1 s apart), keeps input order, one outcome each, nothing sent twice', async () => {
    const arrivals: { ref: string; at: number }[] = [];
    const { client } = setup(timedJumio(arrivals, { r4: () => problem(400, 'Bad Request', 'rejected') }));
    const requests: CompleteAccountRequest[] = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((ref) =>
      account().ref(ref).workflow(10011),
    );
    requests[2] = account()
      .ref('bad/ref' as string)
      .workflow(10011); // invalid: rejected without being sent
    const pending = client.sendAll(requests, { concurrency: 3 });
    const outcomes = await advanceUntilSettled(pending);

    expect(outcomes.map((o) => o.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') expect(outcome.value.account.id).toBe(idFor(`r${outcome.index}`));
      else record(outcome.reason);
    }
    expect(outcomes[2]?.status === 'rejected' && outcomes[2].reason).toBeInstanceOf(KyxValidationError);
    expect(outcomes[4]?.status === 'rejected' && outcomes[4].reason).toBeInstanceOf(KyxBadRequestError);

    const refs = arrivals.map((a) => a.ref);
    expect([...refs].sort()).toEqual(['r0', 'r1', 'r3', 'r4', 'r5', 'r6']); // each valid item exactly once
    // Jumio's burst of 5, less the one the limiter keeps in reserve, then 1/s
    expect(gaps(arrivals.map((a) => a.at))).toEqual([0, 0, 0, 1000, 1000]);
  });

  it('ratePerSecond caps the batch on top of the account limit (4/s → 250 ms), whatever the concurrency', async () => {
    const arrivals: { ref: string; at: number }[] = [];
    const { client } = setup(timedJumio(arrivals), { rateLimits: { account: { perSecond: 100 } } });
    const requests = Array.from({ length: 9 }, (_, i) => account().ref(`r${i}`).workflow(10011));
    const pending = client.sendAll(requests, { concurrency: 9, ratePerSecond: 4 });
    const outcomes = await advanceUntilSettled(pending);
    expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
    expect(new Set(arrivals.map((a) => a.ref)).size).toBe(9);
    expect(arrivals).toHaveLength(9);
    expect(gaps(arrivals.map((a) => a.at))).toEqual(Array(8).fill(250));
  });

  it('a 429 retry also waits for the limiter', async () => {
    const arrivals: { ref: string; at: number }[] = [];
    const { client } = setup(timedJumio(arrivals, { r1: () => problem(429, 'Too Many Requests', '') }));
    const requests = ['r0', 'r1', 'r2'].map((ref) => account().ref(ref).workflow(10011));
    const pending = client.sendAll(requests, { concurrency: 3 });
    const outcomes = await advanceUntilSettled(pending);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(arrivals.map((a) => a.ref).sort()).toEqual(['r0', 'r1', 'r1', 'r2']);
    const r1 = arrivals.filter((a) => a.ref === 'r1').map((a) => a.at);
    expect(gaps(r1)[0]).toBeGreaterThanOrEqual(1000); // no sooner than one slot refills
  });

  it('an empty batch resolves to no outcomes; bad options are a typed error naming the field', async () => {
    const { client, calls } = setup();
    expect(await client.sendAll([])).toEqual([]);
    const error = await caught(client.sendAll([account().ref('x').workflow(10011)], { ratePerSecond: 0 }));
    expect((error as KyxValidationError).issues).toEqual([
      { path: 'ratePerSecond', message: 'must be a positive number' },
    ]);
    expect(calls).toEqual([]);
  });

  it('an aborted batch rejects what was not yet sent', async () => {
    const arrivals: { ref: string; at: number }[] = [];
    const { client } = setup(timedJumio(arrivals));
    const controller = new AbortController();
    const requests = ['r0', 'r1', 'r2', 'r3'].map((ref) => account().ref(ref).workflow(10011));
    const pending = client.sendAll(requests, { concurrency: 1, ratePerSecond: 1, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(1500); // r0 at 0 ms, r1 at 1000 ms
    controller.abort(new Error('stop'));
    const outcomes = await advanceUntilSettled(pending);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
    expect(arrivals.map((a) => a.ref)).toEqual(['r0', 'r1']);
  });
});

describe('sendAll: redaction', () => {
  it('leaked no secret or token in this file', () => {
    expectNoLeaks(10);
  });
});
