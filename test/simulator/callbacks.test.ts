import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { CallbackPayloadSchema } from '../../src/schemas.js';
import { createSimulator, type Simulator, type SimulatorCallbackLog } from '../../src/simulator/index.js';
import { manualClock } from '../support/simulator.js';
import { session } from '../support/simulator-flow.js';

/** A local callback receiver: answers with the scripted statuses (then 200), records each body. */
async function receiver(statuses: number[] = []) {
  const received: unknown[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        contentType: req.headers['content-type'],
        method: req.method,
        path: req.url,
      });
      res.statusCode = statuses.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/jumio/callback`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((f) => f()));
});

function simulator(options: Parameters<typeof createSimulator>[0]): Simulator {
  const sim = createSimulator({ rateLimits: false, processingDelayMs: 100, callbackRetryDelayMs: 0, ...options });
  cleanup.push(() => sim.close());
  return sim;
}

describe('callbacks', () => {
  it('POSTs the documented callback JSON to callbackUrl when an execution is processed', async () => {
    const hook = await receiver();
    cleanup.push(hook.close);
    const clock = manualClock();
    const log: SimulatorCallbackLog[] = [];
    const sim = simulator({ now: clock.now, onCallback: (e) => log.push(e) });
    const s = await session(sim);
    const account = await s.created({
      customerInternalReference: 'cb-1',
      userReference: 'user-7',
      callbackUrl: hook.url,
      workflowDefinition: { key: 10011 },
    });
    await s.acquire(account);
    await sim.tick();
    expect(hook.received).toHaveLength(0); // still ACQUIRED
    clock.advance(100);
    await sim.tick();
    expect(hook.received).toHaveLength(1);
    const [delivery] = hook.received as { body: unknown; contentType: string; method: string; path: string }[];
    expect(delivery).toMatchObject({ method: 'POST', path: '/jumio/callback', contentType: 'application/json' });
    const payload = v.parse(CallbackPayloadSchema, delivery?.body);
    expect(payload).toEqual({
      callbackSentAt: new Date(clock.now()).toISOString(),
      userReference: 'user-7',
      workflowExecution: {
        id: account.workflowExecution.id,
        href: `http://jumio.test/api/v1/workflow-executions/${account.workflowExecution.id}`, // account-less, as real ones
        definitionKey: '10011',
        status: 'PROCESSED',
      },
      account: { id: account.account.id, href: `http://jumio.test/api/v1/accounts/${account.account.id}` },
    });
    expect(log).toEqual([{ url: hook.url, status: 'PROCESSED', outcome: 'delivered', attempts: 1 }]);
    expect(sim.stats().callbacks).toEqual({ delivered: 1, failed: 0, skipped: 0, dropped: 0 });
  });

  it('retries a failing receiver and gives up after callbackRetries', async () => {
    const flaky = await receiver([500, 503]);
    const dead = await receiver([500, 500, 500]);
    cleanup.push(flaky.close, dead.close);
    const clock = manualClock();
    const log: SimulatorCallbackLog[] = [];
    const sim = simulator({ now: clock.now, processingDelayMs: 0, callbackRetries: 2, onCallback: (e) => log.push(e) });
    const s = await session(sim);
    for (const [ref, url] of [
      ['flaky', flaky.url],
      ['dead', dead.url],
    ] as const) {
      const account = await s.created({
        customerInternalReference: ref,
        callbackUrl: url,
        workflowDefinition: { key: 10011 },
      });
      await s.acquire(account);
    }
    await sim.tick();
    expect(flaky.received).toHaveLength(3);
    expect(dead.received).toHaveLength(3); // 1 + 2 retries
    expect(log.map((e) => [e.url, e.outcome, e.attempts])).toEqual(
      expect.arrayContaining([
        [flaky.url, 'delivered', 3],
        [dead.url, 'failed', 3],
      ]),
    );
    expect(sim.stats().callbacks).toEqual({ delivered: 1, failed: 1, skipped: 0, dropped: 0 });
  });

  it('sends each callback once by default (Jumio documents no redelivery); dropCallbacks loses a share of them', async () => {
    const failing = await receiver([500]);
    const hook = await receiver();
    cleanup.push(failing.close, hook.close);
    const clock = manualClock();
    const once: SimulatorCallbackLog[] = [];
    const sim = simulator({ now: clock.now, processingDelayMs: 0, onCallback: (e) => once.push(e) });
    const s = await session(sim);
    await s.acquire(
      await s.created({
        customerInternalReference: 'once',
        callbackUrl: failing.url,
        workflowDefinition: { key: 10011 },
      }),
    );
    await sim.tick();
    expect(failing.received).toHaveLength(1);
    expect(once.map((e) => [e.outcome, e.attempts])).toEqual([['failed', 1]]);

    const log: SimulatorCallbackLog[] = [];
    const lossy = simulator({
      now: clock.now,
      processingDelayMs: 0,
      seed: 3,
      dropCallbacks: 0.5,
      onCallback: (e) => log.push(e),
    });
    const t = await session(lossy);
    for (let i = 0; i < 40; i++) {
      await t.acquire(
        await t.created({
          customerInternalReference: `lossy-${i}`,
          callbackUrl: hook.url,
          workflowDefinition: { key: 10011 },
        }),
      );
    }
    await lossy.tick();
    const dropped = log.filter((e) => e.outcome === 'dropped').length;
    expect(dropped).toBeGreaterThan(5);
    expect(dropped).toBeLessThan(35);
    expect(hook.received).toHaveLength(40 - dropped);
    expect(lossy.stats().callbacks).toEqual({ delivered: 40 - dropped, failed: 0, skipped: 0, dropped });
  });

  it('announces TOKEN_EXPIRED when an execution is never finalized', async () => {
    const hook = await receiver();
    cleanup.push(hook.close);
    const clock = manualClock();
    const sim = simulator({ now: clock.now });
    const s = await session(sim);
    await s.created({
      customerInternalReference: 'never-finished',
      callbackUrl: hook.url,
      tokenLifetime: '10m',
      workflowDefinition: { key: 10011 },
    });
    clock.advance(10 * 60 * 1000);
    await sim.tick();
    const payload = v.parse(CallbackPayloadSchema, (hook.received[0] as { body: unknown }).body);
    expect(payload.workflowExecution.status).toBe('TOKEN_EXPIRED');
    expect(payload.userReference).toBeUndefined();
  });

  it('sends only to trusted hosts: loopback by default, others when listed', async () => {
    const sent: string[] = [];
    const callbackFetch = async (request: Request) => {
      sent.push(request.url);
      return new Response(null, { status: 200 });
    };
    const clock = manualClock();
    const sim = simulator({
      now: clock.now,
      processingDelayMs: 0,
      callbackFetch,
      trustedCallbackHosts: ['hooks.acme.example'],
    });
    const s = await session(sim);
    for (const url of ['https://evil.example/cb', 'https://hooks.acme.example/jumio']) {
      const account = await s.created({
        customerInternalReference: 'trust',
        callbackUrl: url,
        workflowDefinition: { key: 10011 },
      });
      await s.acquire(account);
    }
    await sim.tick();
    expect(sent).toEqual(['https://hooks.acme.example/jumio']);
    expect(sim.stats().callbacks).toEqual({ delivered: 1, failed: 0, skipped: 1, dropped: 0 });
  });

  it('processes and calls back on real timers when no clock is injected', async () => {
    const hook = await receiver();
    cleanup.push(hook.close);
    const sim = simulator({ processingDelayMs: 5 });
    const s = await session(sim);
    const account = await s.created({
      customerInternalReference: 'timers',
      callbackUrl: hook.url,
      workflowDefinition: { key: 10011 },
    });
    await s.acquire(account);
    // No tick(): the simulator's own timer moves the execution; wait for the delivery it triggers.
    while (sim.stats().callbacks.delivered === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(
      (hook.received[0] as { body: { workflowExecution: { status: string } } }).body.workflowExecution.status,
    ).toBe('PROCESSED');
  });
});
