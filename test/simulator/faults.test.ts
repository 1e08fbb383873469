import { afterEach, describe, expect, it } from 'vitest';
import {
  createSimulator,
  type Simulator,
  type SimulatorRequestLog,
  startSimulator,
} from '../../src/simulator/index.js';
import { raw, UA } from '../support/simulator.js';
import { BASE, session } from '../support/simulator-flow.js';

const open: Simulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
function simulator() {
  const sim = createSimulator({ rateLimits: false });
  open.push(sim);
  return sim;
}
const body = { customerInternalReference: 'fault', workflowDefinition: { key: 10011 } };

describe('fault scripts (in process)', () => {
  it('plays a route’s script in order, one fault per request, then behaves normally', async () => {
    const sim = simulator();
    const s = await session(sim);
    sim.setFaults('createAccount', [{ status: 503 }, {}, { status: 429 }]);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await s.create(body)).status);
    expect(statuses).toEqual([503, 200, 429, 200]);
    expect(sim.stats().accountsCreated).toBe(2); // status faults create nothing
  });

  it('a status fault answers with a problem body and extra headers', async () => {
    const sim = simulator();
    sim.setFaults('health', [{ status: 429, headers: { 'retry-after': '2' } }]);
    const res = await sim.fetch(`${BASE}/`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await res.json()).toEqual({ title: 'Too Many Requests', status: 429, detail: 'Request limit exceeded' });
  });

  it('reset before handling rejects like fetch (TypeError, cause.code ECONNRESET) and creates nothing', async () => {
    const sim = simulator();
    const s = await session(sim);
    sim.setFaults('createAccount', [{ reset: 'before' }]);
    const error = await s.create(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as { cause: { code: string } }).cause.code).toBe('ECONNRESET');
    expect(sim.stats().accountsCreated).toBe(0);
  });

  it('reset after handling loses the answer but the account exists (the dangerous retry case)', async () => {
    const sim = simulator();
    const s = await session(sim);
    sim.setFaults('createAccount', [{ reset: 'after' }]);
    await expect(s.create(body)).rejects.toThrow(TypeError);
    expect(sim.stats().accountsCreated).toBe(1);
  });

  it('malformed bodies arrive whole but are not JSON; truncated bodies fail while reading', async () => {
    const sim = simulator();
    const s = await session(sim);
    sim.setFaults('createAccount', [{ body: 'malformed' }, { body: 'truncated' }]);
    const malformed = await s.create(body);
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow(SyntaxError);
    const truncated = await s.create(body);
    expect(truncated.status).toBe(200);
    expect(Number(truncated.headers.get('content-length'))).toBeGreaterThan(0);
    const error = await truncated.text().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(sim.stats().accountsCreated).toBe(2);
  });

  it('a delayed answer can be aborted by the caller’s signal', async () => {
    const sim = simulator();
    sim.setFaults('health', [{ delayMs: 60_000 }]);
    const controller = new AbortController();
    const pending = sim.fetch(`${BASE}/`, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('is scriptable over the admin path, which also reports state and refuses bad scripts', async () => {
    const sim = simulator();
    const s = await session(sim);
    const admin = (method: string, payload?: unknown) =>
      sim.fetch(`${BASE}/__admin/faults`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
      });
    const bad = await admin('POST', { route: 'nope', faults: [{ status: 99 }] });
    expect(bad.status).toBe(400);
    const detail = ((await bad.json()) as { detail: string }).detail;
    expect(detail).toContain('route');
    expect(detail).toContain('faults.0.status');
    const set = await admin('POST', { route: 'createAccount', faults: [{ status: 500 }, { status: 502 }] });
    expect(await set.json()).toEqual({ faults: { createAccount: 2 } });
    expect((await s.create(body)).status).toBe(500);
    const state = (await (await sim.fetch(`${BASE}/__admin/state`)).json()) as Record<string, unknown>;
    expect(state).toMatchObject({
      accountsCreated: 0,
      faults: { createAccount: 1 },
      requests: { createAccount: 1, token: 1 },
    });
    await admin('DELETE');
    expect((await s.create(body)).status).toBe(200);
  });
});

describe('network faults over loopback', () => {
  it('reset destroys the socket; truncated ends it midway through the body', async () => {
    const sim = await startSimulator({ port: 0 });
    open.push(sim);
    sim.setFaults('health', [{ reset: 'before' }, { body: 'truncated' }, {}]);
    const reset = await raw(`${sim.url}/`, { headers: UA }).catch((e: NodeJS.ErrnoException) => e);
    expect((reset as NodeJS.ErrnoException).code).toBe('ECONNRESET');
    const truncated = await raw(`${sim.url}/`, { headers: UA }).catch((e: Error) => e);
    expect(truncated).toBeInstanceOf(Error);
    expect((truncated as Error).message).toMatch(/aborted|incomplete|ECONNRESET/);
    const fine = await raw(`${sim.url}/`, { headers: UA });
    expect(fine.json()).toEqual({ status: 'UP' });
  });
});

describe('what the transport is told stays inside the simulator', () => {
  const script = [
    { status: 503, headers: { 'retry-after': '1' } },
    { body: 'malformed' },
    { body: 'empty' },
    {},
  ] as const;

  it('in process: answers carry only their own headers; the log names the route of each', async () => {
    const log: SimulatorRequestLog[] = [];
    const sim = createSimulator({ rateLimits: false, onRequest: (entry) => log.push(entry) });
    open.push(sim);
    sim.setFaults('health', [...script, { body: 'truncated' }, { reset: 'before' }]);
    const names = async () => [...(await sim.fetch(`${BASE}/`)).headers.keys()].sort();
    expect(await names()).toEqual(['content-type', 'retry-after']);
    expect(await names()).toEqual(['content-type']);
    expect(await names()).toEqual(['content-length', 'content-type']);
    expect(await names()).toEqual(['content-type']);
    expect(await names()).toEqual(['content-length', 'content-type']); // truncated: the length of the whole body
    await expect(sim.fetch(`${BASE}/`)).rejects.toThrow(TypeError);
    expect(log.map(({ route, status }) => ({ route, status }))).toEqual([
      { route: 'health', status: 503 },
      { route: 'health', status: 200 },
      { route: 'health', status: 200 },
      { route: 'health', status: 200 },
      { route: 'health', status: 200 },
      { route: 'health', status: 0 },
    ]);
  });

  it('over loopback: no header beyond the answer’s own and the ones node:http adds', async () => {
    const log: SimulatorRequestLog[] = [];
    const sim = await startSimulator({ port: 0, rateLimits: false, onRequest: (entry) => log.push(entry) });
    open.push(sim);
    sim.setFaults('health', [...script]);
    const node = ['connection', 'date', 'keep-alive', 'transfer-encoding', 'content-length'];
    for (const own of [['content-type', 'retry-after'], ['content-type'], ['content-type'], ['content-type']]) {
      const { headers } = await raw(`${sim.url}/`, { headers: UA });
      expect(Object.keys(headers).filter((name) => !node.includes(name))).toEqual(own);
    }
    const missing = await raw(`${sim.url}/nowhere`, { headers: UA });
    expect(Object.keys(missing.headers).filter((name) => !node.includes(name))).toEqual(['content-type']);
    expect(log.map(({ route, status }) => ({ route, status }))).toEqual([
      { route: 'health', status: 503 },
      { route: 'health', status: 200 },
      { route: 'health', status: 200 },
      { route: 'health', status: 200 },
      { route: undefined, status: 404 },
    ]);
  });
});

describe('faults that combine', () => {
  it('reset wins over a body (even truncated) and status over reset after, as SimulatorFault says', async () => {
    const sim = simulator();
    const s = await session(sim);
    sim.setFaults('createAccount', [
      { reset: 'before', status: 503 },
      { reset: 'after', body: 'truncated' },
      { reset: 'before', body: 'truncated', headers: { 'retry-after': '1' } },
      { status: 503, reset: 'after' },
    ]);
    const reset = (e: unknown) => (e as { cause?: { code?: string } }).cause?.code;
    expect(reset(await s.create(body).catch((e: unknown) => e))).toBe('ECONNRESET');
    expect(sim.stats().accountsCreated).toBe(0);
    expect(reset(await s.create(body).catch((e: unknown) => e))).toBe('ECONNRESET');
    expect(sim.stats().accountsCreated).toBe(1);
    expect(reset(await s.create(body).catch((e: unknown) => e))).toBe('ECONNRESET');
    const status = await s.create(body);
    expect(status.status).toBe(503);
    expect(sim.stats().accountsCreated).toBe(1);
  });
});
