import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  account,
  type CallbackOutcomeEvent,
  createCallbackHandler,
  createClient,
  toNodeListener,
  type WorkflowDetails,
} from '../../src/index.js';
import { type SimulatorCallbackLog, startSimulator } from '../../src/simulator/index.js';
import { harness, JPEG, PNG } from '../support/callback-harness.js';

// End to end: the simulator's own callbacks (its engine, its sender, its retries) reach the handler.

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((f) => f()));
});

describe("the simulator's callbacks reach the handler", () => {
  it('in process (callbackFetch: handler): PROCESSED and TOKEN_EXPIRED, each handed over once', async () => {
    const log: SimulatorCallbackLog[] = [];
    const h = harness({ simulator: { onCallback: (entry) => log.push(entry) } });
    cleanup.push(() => h.simulator.close());
    const results: WorkflowDetails[] = [];
    const handler = createCallbackHandler({ client: h.client, onResult: (details) => void results.push(details) });
    h.state.deliver = handler;
    await h.started('e2e-expires');
    h.clock.advance(5 * 60_000);
    await h.simulator.tick();
    expect(results.map((d) => [d.workflow.customerInternalReference, d.workflow.status])).toEqual([
      ['e2e-expires', 'TOKEN_EXPIRED'],
    ]);
    const trusted = await h.client.send(account().ref('e2e-done').workflow(10011).callback('http://localhost:9/cb'));
    await h.client.upload(trusted, 'front', JPEG);
    await h.client.upload(trusted, 'face', PNG);
    await h.client.finalize(trusted);
    await h.simulator.tick();
    expect(results.map((d) => d.workflow.status)).toEqual(['TOKEN_EXPIRED', 'PROCESSED']);
    expect(results[1]?.workflow.id).toBe(trusted.workflowExecution.id);
    expect(log.map((e) => [e.status, e.outcome, e.attempts])).toEqual([
      ['TOKEN_EXPIRED', 'delivered', 1],
      ['PROCESSED', 'delivered', 1],
    ]);
  });

  it('a failing onResult answers non-2xx, the simulator retries, and the retry runs it again', async () => {
    const log: SimulatorCallbackLog[] = [];
    const h = harness({ simulator: { onCallback: (entry) => log.push(entry), callbackRetries: 3 } });
    cleanup.push(() => h.simulator.close());
    let calls = 0;
    const outcomes: CallbackOutcomeEvent[] = [];
    h.state.deliver = createCallbackHandler({
      client: h.client,
      onResult: () => {
        calls++;
        if (calls < 3) throw new Error('not yet');
      },
      onOutcome: (e) => void outcomes.push(e),
    });
    await h.started('e2e-retry');
    h.clock.advance(5 * 60_000);
    await h.simulator.tick();
    expect(calls).toBe(3);
    expect(outcomes.map((o) => `${o.outcome} ${o.httpStatus}`)).toEqual(['failed 500', 'failed 500', 'handled 200']);
    expect(log).toEqual([expect.objectContaining({ status: 'TOKEN_EXPIRED', outcome: 'delivered', attempts: 3 })]);
  });

  it('a slow re-fetch: 503 within the deadline, the simulator repeats, the repeat gets 200 from the finished run', async () => {
    const log: SimulatorCallbackLog[] = [];
    const h = harness({ simulator: { onCallback: (entry) => log.push(entry), callbackRetryDelayMs: 300 } });
    cleanup.push(() => h.simulator.close());
    const outcomes: string[] = [];
    let calls = 0;
    h.state.deliver = createCallbackHandler({
      client: h.client,
      deadlineMs: 50,
      onResult: () => void calls++,
      onOutcome: (e) => void outcomes.push(e.outcome),
    });
    await h.started('e2e-slow');
    h.simulator.setFaults('details', [{ delayMs: 150 }]);
    h.clock.advance(5 * 60_000);
    await h.simulator.tick();
    expect(outcomes).toEqual(['in-progress', 'duplicate']);
    expect(calls).toBe(1);
    expect(log).toEqual([expect.objectContaining({ outcome: 'delivered', attempts: 2 })]);
  });

  it('over loopback: `kyx simulate`-style server → node:http listener → re-fetch over sockets', async () => {
    const sim = await startSimulator({ port: 0, rateLimits: false, processingDelayMs: 5 });
    cleanup.push(() => sim.close());
    const client = createClient({
      region: 'emea-1',
      credentials: { clientId: 'acme', clientSecret: 'acme-secret' },
      userAgent: 'Acme Callbacks e2e/1.0',
      baseUrl: sim.url,
    });
    const results: WorkflowDetails[] = [];
    const senders: (string | undefined)[] = [];
    let done: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => {
      done = resolve;
    });
    const handler = createCallbackHandler({
      client,
      onResult: (details) => {
        results.push(details);
        done();
      },
      onOutcome: (e) => void senders.push(e.sender),
    });
    const server: Server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    const response = await client.send(
      account().ref('e2e-loopback').workflow(10011).callback(`http://127.0.0.1:${port}/jumio/callback`),
    );
    await client.upload(response, 'front', JPEG);
    await client.upload(response, 'face', PNG);
    await client.finalize(response);
    await arrived;
    await sim.idle();
    expect(results.map((d) => [d.workflow.id, d.workflow.status])).toEqual([
      [response.workflowExecution.id, 'PROCESSED'],
    ]);
    expect(senders).toEqual(['127.0.0.1']);
    expect(sim.stats().callbacks).toEqual({ delivered: 1, failed: 0, skipped: 0 });
    expect(sim.stats().requests.details).toBe(1);
  });
});
