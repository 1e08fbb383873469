import { afterEach, describe, expect, it, vi } from 'vitest';
import { account, createClient, KyxTimeoutError } from '../../src/index.js';
import { createSimulator, type Simulator, startSimulator } from '../../src/simulator/index.js';
import { raw, UA } from '../support/simulator.js';
import { BASE, session } from '../support/simulator-flow.js';

// The fault the hardening matrix needed and the simulator lacked: an answer with no body at all.

const open: Simulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
const body = { customerInternalReference: 'empty-body', workflowDefinition: { key: 10011 } };

describe("fault { body: 'empty' }", () => {
  it('handles the request, then answers its status and headers with an empty body (in process)', async () => {
    const sim = createSimulator({ rateLimits: false });
    open.push(sim);
    const s = await session(sim);
    sim.setFaults('createAccount', [{ body: 'empty' }]);
    const response = await s.create(body);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe('');
    expect(sim.stats().accountsCreated).toBe(1);
  });

  it('is accepted by the admin path and sends content-length 0 over loopback', async () => {
    const sim = await startSimulator({ port: 0 });
    open.push(sim);
    const set = await raw(`${sim.url}/__admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ route: 'health', faults: [{ body: 'empty' }] }),
    });
    expect(set.status).toBe(200);
    const answer = await raw(`${sim.url}/`, { headers: UA });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-length']).toBe('0');
    expect(answer.text).toBe('');
    expect((await raw(`${sim.url}/`, { headers: UA })).json()).toEqual({ status: 'UP' });
    const bad = await sim.fetch(`${BASE}/__admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ route: 'health', faults: [{ body: 'nothing' }] }),
    });
    expect(bad.status).toBe(400);
  });
});

describe('in process, a caller that gives up', () => {
  it('does not take the body away from a request the simulator is still handling (as on a socket)', async () => {
    const statuses: number[] = [];
    const sim = createSimulator({
      rateLimits: false,
      onRequest: (entry) => void (entry.route === 'createAccount' && statuses.push(entry.status)),
    });
    open.push(sim);
    const client = createClient({
      region: 'amer-1',
      credentials: { clientId: 'acme', clientSecret: 'secret' },
      userAgent: 'Acme Onboarding/1.0',
      baseUrl: 'https://jumio.test',
      fetch: (request) => sim.fetch(request), // a recording wrapper passes the Request alone
      timeout: 1_000,
    });
    await client.health();
    sim.setFaults('createAccount', [{ delayMs: 5_000 }]);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const pending = client.send(account().ref('late').workflow(10011)).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await pending).toBeInstanceOf(KyxTimeoutError); // the client gave up …
      await vi.advanceTimersByTimeAsync(5_000);
      for (let i = 0; statuses.length === 0 && i < 100; i++) await new Promise((r) => setImmediate(r));
    } finally {
      vi.useRealTimers();
    }
    expect(statuses).toEqual([200]); // … the simulator handled it late, with the whole body
    expect(sim.stats().accountsCreated).toBe(1);
  });
});
