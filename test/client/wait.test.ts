import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type AccountResponse,
  account,
  createClient,
  JUMIO_RETRIEVAL_SCHEDULE,
  KyxResultPendingError,
  KyxValidationError,
  type Operation,
  type WaitProgress,
} from '../../src/index.js';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';
import { JPEG, manualClock, PNG } from '../support/simulator.js';

// waitForResult against the in-process simulator on its test clock: the injected `sleep` moves
// the clock and lets the simulator catch up, so Jumio's 15-minute schedule runs in milliseconds.
const open: Simulator[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(open.splice(0).map((s) => s.close()));
});

function setup(options: SimulatorOptions = {}) {
  const clock = manualClock();
  const sim = createSimulator({ now: clock.now, rateLimits: false, ...options });
  open.push(sim);
  const operations: Operation[] = [];
  const client = createClient({
    region: 'amer-1',
    credentials: { clientId: 'acme', clientSecret: 'secret' },
    userAgent: 'Acme Onboarding/1.0',
    baseUrl: 'https://jumio.test',
    fetch: sim.fetch,
    retry: false,
    hooks: { onRequest: (event) => operations.push(event.operation) },
  });
  const slept: number[] = [];
  /** The test clock: each wait moves the simulator's time and lets it process what became due. */
  const sleep = async (ms: number) => {
    slept.push(ms);
    clock.advance(ms);
    await sim.tick();
  };
  const statusCalls = () => sim.stats().requests.status ?? 0;
  const detailsCalls = () => sim.stats().requests.details ?? 0;
  return { sim, client, clock, sleep, slept, operations, statusCalls, detailsCalls };
}

async function acquired(client: ReturnType<typeof setup>['client'], ref: string) {
  const created = await client.send(account().ref(ref).workflow(10011));
  await client.upload(created, 'front', new Uint8Array(JPEG));
  await client.upload(created, 'face', new Uint8Array(PNG));
  await client.finalize(created);
  return created;
}

describe('client.waitForResult', () => {
  it('deadline: a user who takes longer than Jumio’s schedule (a retry policy, not a cap) is still waited for', async () => {
    // processed 30 minutes after finalize: past the 940 s of the schedule
    const { client, sleep, slept, statusCalls, detailsCalls } = setup({ processingDelayMs: 30 * 60_000 });
    const created = await acquired(client, 'wait-deadline');
    const details = await client.waitForResult(created, { sleep, deadline: 60 * 60_000 });
    expect(details.workflow.status).toBe('PROCESSED');
    expect(slept.slice(0, 10)).toEqual(
      JUMIO_RETRIEVAL_SCHEDULE.map((t, i) => t - (JUMIO_RETRIEVAL_SCHEDULE[i - 1] ?? 0)),
    );
    expect(new Set(slept.slice(10))).toEqual(new Set([180_000])); // then every last interval
    expect(slept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(30 * 60_000);
    expect(statusCalls()).toBe(slept.length);
    expect(detailsCalls()).toBe(1);
    // without it, the same wait ends after the schedule with the last status
    const other = setup({ processingDelayMs: 30 * 60_000 });
    const pending = await other.client
      .waitForResult(await acquired(other.client, 'wait-no-deadline'), { sleep: other.sleep })
      .catch((e: unknown) => e);
    expect(pending).toBeInstanceOf(KyxResultPendingError);
    expect((pending as KyxResultPendingError).statusCalls).toBe(10);
    const bad = await client.waitForResult(created, { deadline: -1 }).catch((e: unknown) => e);
    expect((bad as KyxValidationError).issues).toEqual([
      { path: 'deadline', message: 'must be a non-negative number of ms' },
    ]);
  });

  it('PROCESSED: asks for the status on Jumio’s schedule, then fetches the details once', async () => {
    const { client, sleep, slept, operations, statusCalls, detailsCalls } = setup({ processingDelayMs: 90_000 });
    const created = await acquired(client, 'wait-processed');
    operations.length = 0;
    const progress: WaitProgress[] = [];
    const details = await client.waitForResult(created, { sleep, onStatus: (p) => progress.push(p) });
    expect(details.workflow).toMatchObject({ id: created.workflowExecution.id, status: 'PROCESSED' });
    expect(progress).toEqual([
      { status: 'ACQUIRED', statusCalls: 1, scheduled: 10, nextAt: 60_000 },
      { status: 'ACQUIRED', statusCalls: 2, scheduled: 10, nextAt: 100_000 },
      { status: 'PROCESSED', statusCalls: 3, scheduled: 10, nextAt: undefined },
    ]);
    expect(details.decision?.type).toBe('PASSED');
    // processed 90 s after finalize: status at 40 s (ACQUIRED), 60 s (ACQUIRED), 100 s (PROCESSED)
    expect(slept).toEqual([40_000, 20_000, 40_000]);
    expect(statusCalls()).toBe(3);
    expect(detailsCalls()).toBe(1);
    // every call went through the client (its hooks saw them, so its rate limits apply)
    expect(operations).toEqual(['retrieval', 'retrieval', 'retrieval', 'retrieval']);
  });

  it('expired: a TOKEN_EXPIRED execution resolves with its details (terminal, not an error)', async () => {
    const { client, sleep, statusCalls, detailsCalls } = setup();
    const created = await client.send(account().ref('wait-expired').workflow(10011).tokenLifetime('5m'));
    const details = await client.waitForResult(created, { sleep });
    expect(details.workflow.status).toBe('TOKEN_EXPIRED');
    // INITIATED until 300 s: status at 40, 60, 100, 160, 240 s, then TOKEN_EXPIRED at 340 s
    expect(statusCalls()).toBe(6);
    expect(detailsCalls()).toBe(1);
  });

  it('schedule exhausted: 10 status calls, then a KyxResultPendingError naming the last status', async () => {
    const { client, sleep, slept, statusCalls, detailsCalls } = setup();
    const created = await client.send(account().ref('wait-pending').workflow(10011)); // never finalized, 30 min token
    const error = await client.waitForResult(created, { sleep }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KyxResultPendingError);
    expect(error).toMatchObject({
      name: 'KyxResultPendingError',
      status: 'INITIATED',
      statusCalls: 10,
      accountId: created.account.id,
      workflowExecutionId: created.workflowExecution.id,
    });
    expect((error as Error).message).toContain('is still INITIATED after 10 status calls over 940 s');
    expect(slept.reduce((a, b) => a + b, 0)).toBe(940_000);
    expect(statusCalls()).toBe(10);
    expect(detailsCalls()).toBe(0);
  });

  it('a custom schedule sets the number of status calls (ACQUIRED stays the last status)', async () => {
    const { client, sleep, slept, statusCalls } = setup({ processingDelayMs: 3_600_000 });
    const created = await acquired(client, 'wait-custom');
    const error = await client.waitForResult(created, { sleep, schedule: [0, 5_000, 5_000, 30_000] }).catch((e) => e);
    expect(error).toMatchObject({ status: 'ACQUIRED', statusCalls: 4 });
    expect(slept).toEqual([5_000, 25_000]); // a time equal to the previous one asks again at once
    expect(statusCalls()).toBe(4);
  });

  it('abort during a wait: rejects with the signal’s reason at once, no further status call', async () => {
    const { client, sim, clock, statusCalls } = setup({ processingDelayMs: 90_000 });
    const created = await acquired(client, 'wait-abort');
    const controller = new AbortController();
    let waits = 0;
    // the second wait never ends by itself: only the abort can end it
    const sleep = async (ms: number) => {
      waits += 1;
      if (waits === 2) {
        setTimeout(() => controller.abort(new Error('user left the page')), 5);
        return new Promise<void>(() => {});
      }
      clock.advance(ms);
      await sim.tick();
    };
    const error = await client.waitForResult(created, { sleep, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toEqual(new Error('user left the page'));
    expect(statusCalls()).toBe(1);
    expect(sim.stats().requests.details).toBeUndefined();
  });

  it('an aborted signal stops it before the first call; an abort also interrupts the default timer', async () => {
    const { client, statusCalls } = setup();
    const created = await client.send(account().ref('wait-aborted').workflow(10011));
    const error = await client.waitForResult(created, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const controller = new AbortController();
    const waiting = client.waitForResult(created, { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(39_000); // inside the first 40 s wait
    controller.abort();
    expect(((await waiting) as Error).name).toBe('AbortError');
    expect(vi.getTimerCount()).toBe(0); // the timer was cleared, nothing keeps the process alive
    expect(statusCalls()).toBe(0);
  });

  it('without `sleep` it waits on real timers: Jumio’s schedule by default', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const sim = createSimulator({ rateLimits: false, processingDelayMs: 150_000 }); // its own timers, on Date.now
    open.push(sim);
    const client = createClient({
      region: 'amer-1',
      credentials: { clientId: 'acme', clientSecret: 'secret' },
      userAgent: 'Acme Onboarding/1.0',
      baseUrl: 'https://jumio.test',
      fetch: sim.fetch,
      retry: false,
    });
    const created = await acquired(client, 'wait-timers');
    const start = Date.now();
    const result = client.waitForResult(created);
    let done = false;
    void result.finally(() => {
      done = true;
    });
    for (let i = 0; !done && i < 100; i++) await vi.advanceTimersToNextTimerAsync();
    expect((await result).workflow.status).toBe('PROCESSED');
    // processed 150 s after finalize: the status call at 160 s (the fourth) is the first to see it
    expect(Date.now() - start).toBe(160_000);
    expect(sim.stats().requests.status).toBe(JUMIO_RETRIEVAL_SCHEDULE.indexOf(160_000) + 1);
  });

  it('names the execution by any reference: a callback payload, a status response, stored ids', async () => {
    const { client, sleep } = setup({ processingDelayMs: 1_000 });
    const created = await acquired(client, 'wait-refs');
    const status = await client.status(created);
    const stored = { accountId: String(created.account.id), workflowExecutionId: String(created.workflowExecution.id) };
    for (const reference of [status, stored]) {
      const details = await client.waitForResult(reference, { sleep, schedule: [1_000] });
      expect(details.workflow.id).toBe(created.workflowExecution.id);
    }
  });

  it('checks its options and the reference before calling anything', async () => {
    const { client, statusCalls } = setup();
    const created: AccountResponse = await client.send(account().ref('wait-options').workflow(10011));
    const cases: [options: object, message: string][] = [
      [{ schedule: [] }, 'must list 1 to 10 times in ms (Jumio allows at most 10 status calls)'],
      [{ schedule: Array.from({ length: 11 }, (_, i) => i * 1000) }, 'must list 1 to 10 times in ms'],
      [{ schedule: [10, 5] }, 'entry 1 must not be earlier than entry 0'],
      [{ schedule: [-1] }, 'entry 0 must be a non-negative number of ms'],
      [{ schedule: [Number.NaN] }, 'entry 0 must be a non-negative number of ms'],
    ];
    for (const [options, message] of cases) {
      const error = await client.waitForResult(created, options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KyxValidationError);
      expect((error as KyxValidationError).issues[0]?.path).toBe('schedule');
      expect((error as KyxValidationError).issues[0]?.message).toContain(message);
    }
    const bad = await client
      .waitForResult({ accountId: 'not-a-uuid', workflowExecutionId: created.workflowExecution.id })
      .catch((e: unknown) => e);
    expect((bad as KyxValidationError).issues).toEqual([{ path: 'accountId', message: 'must be a UUID' }]);
    expect(statusCalls()).toBe(0);
  });
});
