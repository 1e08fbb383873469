import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  account,
  type CallbackOutcomeEvent,
  createCallbackHandler,
  createClient,
  toNodeListener,
  type WorkflowDetails,
} from '../../src/index.js';
import { type SimulatorCallbackLog, startSimulator } from '../../src/simulator/index.js';
import { harness, JPEG, PNG, recordingResults } from '../support/callback-harness.js';

// End to end: the simulator's own callbacks (its engine, its sender, its faults) reach the handler.

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((f) => f()));
});

describe("the simulator's callbacks reach the handler", () => {
  it('in process (callbackFetch: handler): PROCESSED and TOKEN_EXPIRED, each sent once and handed over once', async () => {
    const log: SimulatorCallbackLog[] = [];
    const h = harness({ simulator: { onCallback: (entry) => log.push(entry) } });
    cleanup.push(() => h.simulator.close());
    const results: WorkflowDetails[] = [];
    const handler = createCallbackHandler({ client: h.client, onResult: (details) => void results.push(details) });
    h.state.deliver = handler;
    await h.started('e2e-expires');
    h.clock.advance(5 * 60_000);
    await h.simulator.tick();
    await vi.waitFor(() => expect(results).toHaveLength(1), { timeout: 5_000, interval: 10 });
    expect(results.map((d) => [d.workflow.customerInternalReference, d.workflow.status])).toEqual([
      ['e2e-expires', 'TOKEN_EXPIRED'],
    ]);
    const trusted = await h.client.send(account().ref('e2e-done').workflow(10011).callback('http://localhost:9/cb'));
    await h.client.upload(trusted, 'front', JPEG);
    await h.client.upload(trusted, 'face', PNG);
    await h.client.finalize(trusted);
    await h.simulator.tick();
    await vi.waitFor(() => expect(results).toHaveLength(2), { timeout: 5_000, interval: 10 });
    expect(results.map((d) => d.workflow.status)).toEqual(['TOKEN_EXPIRED', 'PROCESSED']);
    expect(results[1]?.workflow.id).toBe(trusted.workflowExecution.id);
    expect(log.map((e) => [e.status, e.outcome, e.attempts])).toEqual([
      ['TOKEN_EXPIRED', 'delivered', 1],
      ['PROCESSED', 'delivered', 1],
    ]);
  });

  it('a failing onResult changes nothing Jumio sees (one delivery, 200): the processor runs it again on its schedule', async () => {
    const log: SimulatorCallbackLog[] = [];
    const h = harness({ simulator: { onCallback: (entry) => log.push(entry) } });
    cleanup.push(() => h.simulator.close());
    const r = recordingResults(h.client, { failResult: 2 });
    const outcomes: CallbackOutcomeEvent[] = [];
    h.state.deliver = createCallbackHandler({ results: r.processor, onOutcome: (e) => void outcomes.push(e) });
    r.processor.start();
    cleanup.push(() => r.processor.stop());
    await h.started('e2e-retry');
    h.clock.advance(5 * 60_000);
    await h.simulator.tick();
    await vi.waitFor(() => expect(r.results).toHaveLength(1), { timeout: 5_000, interval: 10 });
    expect(r.errors.map(([, c]) => c.stage)).toEqual(['onResult', 'onResult']);
    expect(r.results[0]?.[1].run).toBe(3);
    expect(outcomes.map((o) => `${o.outcome} ${o.httpStatus}`)).toEqual(['recorded 200']);
    expect(log).toEqual([expect.objectContaining({ status: 'TOKEN_EXPIRED', outcome: 'delivered', attempts: 1 })]);
  });

  it('the dropCallbacks fault: a lost callback, and the tracked execution is delivered by polling', async () => {
    const log: SimulatorCallbackLog[] = [];
    const h = harness({ simulator: { onCallback: (entry) => log.push(entry), dropCallbacks: 1 } });
    cleanup.push(() => h.simulator.close());
    const r = recordingResults(h.client);
    h.state.deliver = createCallbackHandler({ results: r.processor });
    r.processor.start();
    cleanup.push(() => r.processor.stop());
    const response = await h.started('e2e-dropped');
    await r.processor.track(response);
    h.clock.advance(5 * 60_000);
    await h.simulator.tick();
    expect(log).toEqual([expect.objectContaining({ status: 'TOKEN_EXPIRED', outcome: 'dropped', attempts: 0 })]);
    expect(h.simulator.stats().callbacks.dropped).toBe(1);
    await vi.waitFor(() => expect(r.results).toHaveLength(1), { timeout: 5_000, interval: 10 });
    expect(r.results[0]?.[1]).toMatchObject({ source: 'poll', status: 'TOKEN_EXPIRED' });
    expect(r.processor.stats().recorded).toBe(0);
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
    expect(sim.stats().callbacks).toEqual({ delivered: 1, failed: 0, skipped: 0, dropped: 0 });
    expect(sim.stats().requests.details).toBe(1);
    expect(sim.stats().requests.status).toBe(1); // verified before it was trusted
  });
});
