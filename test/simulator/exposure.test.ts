import { request as httpRequest } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReliability } from '../../scripts/lib/reliability-records.js';
import { main } from '../../src/cli/main.js';
import { account, createClient, KyxValidationError } from '../../src/index.js';
import {
  createSimulator,
  type RunningSimulator,
  type SimulatorCallbackLog,
  startSimulator,
} from '../../src/simulator/index.js';
import { json, serve, type TestServer } from '../support/hostile.js';
import { basic, JPEG, PNG, raw, UA } from '../support/simulator.js';

// Simulator side: what an attacker on the network or in a browser could do to a
// simulator, each against a simulator started here. "Exposed" servers listen on the
// IPv4-mapped loopback address ::ffff:127.0.0.1: not a name the loopback check knows (so the
// exposure rules apply) but still reachable from this machine only.

const MAPPED = '::ffff:127.0.0.1';
const CLIENT = { clientId: 'acme', clientSecret: 'acme-SECRET-5e0f' };
const started: { close(): Promise<void> }[] = [];
const figures: Record<string, unknown> = {};
afterAll(async () => {
  await Promise.all(started.map((s) => s.close()));
  writeReliability('attacks-simulator', figures);
});
async function start(options: Parameters<typeof startSimulator>[0]): Promise<RunningSimulator> {
  const sim = await startSimulator({ port: 0, rateLimits: false, ...options });
  started.push(sim);
  return sim;
}
const track = async (server: Promise<TestServer>) => {
  const s = await server;
  started.push(s);
  return s;
};
async function tokenOf(url: string, id = CLIENT.clientId, secret = CLIENT.clientSecret) {
  return raw(`${url}/oauth2/token`, {
    method: 'POST',
    headers: { ...UA, authorization: basic(id, secret), 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
}
const adminPost = (
  url: string,
  headers: Record<string, string>,
  body = JSON.stringify({ route: 'health', faults: [{ status: 503 }] }),
) => raw(`${url}/__admin/faults`, { method: 'POST', headers, body });

describe('binding: loopback unless told otherwise', () => {
  it('a non-loopback host without expose is refused before anything listens', async () => {
    for (const host of ['0.0.0.0', '::', MAPPED, '192.0.2.10']) {
      const error = await startSimulator({ host, port: 0 }).catch((e: unknown) => e);
      expect(error, host).toBeInstanceOf(KyxValidationError);
      expect((error as KyxValidationError).issues[0]?.path).toBe('host');
      expect((error as Error).message).toContain('expose: true');
    }
  });

  it('expose without clients is refused: made-up credentials must not work off loopback', async () => {
    const error = await startSimulator({ host: MAPPED, port: 0, expose: true }).catch((e: unknown) => e);
    expect((error as KyxValidationError).issues[0]?.path).toBe('clients');
  });

  it('exposed: only the configured clients get tokens, and admin routes are off unless asked for', async () => {
    const sim = await start({ host: MAPPED, expose: true, clients: [CLIENT] });
    expect((await tokenOf(sim.url)).status).toBe(200);
    expect((await tokenOf(sim.url, 'made', 'up')).status).toBe(401);
    expect((await raw(`${sim.url}/__admin/state`)).status).toBe(404);
    expect((await adminPost(sim.url, { 'content-type': 'application/json' })).status).toBe(404);
    const withAdmin = await start({ host: MAPPED, expose: true, clients: [CLIENT], admin: true });
    expect((await raw(`${withAdmin.url}/__admin/state`)).status).toBe(200);
  });

  it('kyx simulate --host 0.0.0.0 without --expose exits 2 with the reason, listening nowhere', async () => {
    const lines: string[] = [];
    const io = {
      stdout: (t: string) => lines.push(t),
      stderr: (t: string) => lines.push(t),
      signal: AbortSignal.abort(),
      readStdin: async () => '',
    };
    expect(await main(['simulate', '--host', '0.0.0.0', '--port', '0'], io)).toBe(2);
    expect(lines.join('\n')).toContain('expose');
    expect(lines.join('\n')).not.toContain('listening on');
  });
});

describe('admin routes: same origin and JSON only (no CSRF, no DNS rebinding)', () => {
  it('a cross-site text/plain or form POST is refused and scripts nothing', async () => {
    const sim = await start({});
    const plain = await adminPost(sim.url, { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    const form = await adminPost(sim.url, { 'content-type': 'application/x-www-form-urlencoded' }, 'route=health');
    expect(form.status).toBe(415);
    const crossOrigin = await adminPost(sim.url, {
      'content-type': 'application/json',
      origin: 'https://evil.example',
    });
    expect(crossOrigin.status).toBe(403);
    const crossSite = await adminPost(sim.url, { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const tick = await raw(`${sim.url}/__admin/tick`, { method: 'POST', headers: { 'content-type': 'text/plain' } });
    expect(tick.status).toBe(415);
    expect((await raw(`${sim.url}/__admin/state`)).json().faults).toEqual({});
    const same = await adminPost(sim.url, { 'content-type': 'application/json', origin: sim.url });
    expect(same.status).toBe(200);
    expect((await raw(`${sim.url}/__admin/state`)).json().faults).toEqual({ health: 1 });
  });

  it('a request naming another Host (DNS rebinding) gets no admin answer', async () => {
    const sim = await start({});
    const rebound = await raw(`${sim.url}/__admin/state`, { headers: { host: 'rebind.evil.example' } });
    expect(rebound.status).toBe(403);
  });
});

describe('URLs in answers use the configured origin, never the Host header', () => {
  it('api.parts, workflowExecution and web.href point at the server, whatever Host said', async () => {
    const sim = await start({ clients: [CLIENT] });
    const token = (await tokenOf(sim.url)).json().access_token as string;
    const created = await raw(`${sim.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { ...UA, host: 'evil.example', authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ customerInternalReference: 'host-header', workflowDefinition: { key: 10013 } }),
    });
    expect(created.status).toBe(200);
    expect(created.text).not.toContain('evil.example');
    const origin = new URL(sim.url).origin;
    const urls = [...created.text.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => new URL(m[1] as string).origin);
    expect(urls.length).toBeGreaterThan(0);
    expect(new Set(urls)).toEqual(new Set([origin]));
  });

  it('publicUrl names the origin clients reach an exposed server at', async () => {
    const sim = await start({ host: MAPPED, expose: true, clients: [CLIENT], publicUrl: 'https://sim.acme.example' });
    const token = (await tokenOf(sim.url)).json().access_token as string;
    const created = await raw(`${sim.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { ...UA, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ customerInternalReference: 'public-url', workflowDefinition: { key: 10011 } }),
    });
    const front = created.json().workflowExecution.credentials[0].api.parts.front as string;
    expect(new URL(front).origin).toBe('https://sim.acme.example');
  });
});

describe('ids: a random seed per start unless one is given', () => {
  async function firstAccountId(seed?: string) {
    const sim = await start(seed === undefined ? {} : { seed });
    const token = (await tokenOf(sim.url)).json().access_token as string;
    const created = await raw(`${sim.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { ...UA, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ customerInternalReference: 'ids', workflowDefinition: { key: 10011 } }),
    });
    await sim.close();
    return created.json().account.id as string;
  }

  it('two starts without a seed make different ids; the same seed makes the same ones', async () => {
    expect(await firstAccountId()).not.toBe(await firstAccountId());
    expect(await firstAccountId('fixed')).toBe(await firstAccountId('fixed'));
  });

  it("made-up credentials cannot fetch another run's image or delete its account: ids do not carry over", async () => {
    const sim = await start({ clients: [CLIENT] });
    const client = createClient({
      region: 'amer-1',
      credentials: CLIENT,
      userAgent: 'Acme Hardening/1.0',
      baseUrl: sim.url,
    });
    const created = await client.send(account().ref('run-1').workflow(10011));
    await client.upload(created, 'front', new Uint8Array(JPEG));
    await sim.close();
    const next = await start({ clients: [CLIENT] });
    const later = createClient({ region: 'amer-1', credentials: CLIENT, userAgent: 'A/1', baseUrl: next.url });
    const error = await later.deleteAccount(created.account.id).catch((e: unknown) => e);
    expect((error as Error).name).toBe('KyxNotFoundError');
  });
});

/** The status of a POST, as soon as the answer starts (the server may close before the body was all sent). */
function statusOf(url: string, headers: Record<string, string>, body: string) {
  return new Promise<number>((resolve, reject) => {
    let answered = false;
    const req = httpRequest(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        answered = true;
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on('error', (error) => (answered ? undefined : reject(error)));
    req.end(body);
  });
}

/** Sends `total` bytes of a chunked upload in 64 KiB pieces; resolves with the status and the bytes written by then. */
function chunkedUpload(url: string, token: string, total: number, contentType: string) {
  return new Promise<{ status: number; sentWhenAnswered: number; ms: number }>((resolve, reject) => {
    const startedAt = performance.now();
    let sent = 0;
    let answered = false;
    const req = httpRequest(
      url,
      { method: 'POST', headers: { ...UA, authorization: `Bearer ${token}`, 'content-type': contentType } },
      (res) => {
        answered = true;
        const sentWhenAnswered = sent;
        res.resume();
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, sentWhenAnswered, ms: Math.round(performance.now() - startedAt) });
        });
      },
    );
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('request bodies are bounded while they stream', () => {
  async function uploadTarget() {
    const sim = await start({ clients: [CLIENT] });
    const client = createClient({ region: 'amer-1', credentials: CLIENT, userAgent: 'A/1', baseUrl: sim.url });
    const created = await client.send(account().ref('limits').workflow(10011));
    const api = created.workflowExecution.credentials.find((c) => c.category === 'ID')?.api;
    return { sim, client, created, url: api?.parts['front'] as string, token: api?.token as string };
  }

  it('a 50 MB chunked upload is answered 413 long before it was all sent', async () => {
    const { url, token } = await uploadTarget();
    const result = await chunkedUpload(url, token, 50 * 1024 * 1024, 'multipart/form-data; boundary=x');
    expect(result.status).toBe(413);
    expect(result.sentWhenAnswered).toBeLessThan(32 * 1024 * 1024);
    Object.assign(figures, {
      'upload 50 MB sent when answered': result.sentWhenAnswered,
      'upload 50 MB ms': result.ms,
    });
  }, 30_000);

  it('a declared Content-Length of 50 MB is answered 413 at once; an account POST past 256 KiB too', async () => {
    const { sim, url, token } = await uploadTarget();
    const declared = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        url,
        {
          method: 'POST',
          headers: {
            ...UA,
            authorization: `Bearer ${token}`,
            'content-type': 'multipart/form-data; boundary=x',
            'content-length': String(50 * 1024 * 1024),
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.write('--x\r\n');
    });
    expect(declared).toBe(413);
    const bearer = (await tokenOf(sim.url)).json().access_token as string;
    const huge = await raw(`${sim.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { ...UA, authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        customerInternalReference: 'x',
        workflowDefinition: { key: 10011 },
        pad: 'x'.repeat(300_000),
      }),
    });
    expect(huge.status).toBe(413);
    expect(sim.stats().accountsCreated).toBe(1); // only the setup's
  }, 30_000);

  it('a malformed multipart within the bound is a quick 400 (time recorded)', async () => {
    const { url, token } = await uploadTarget();
    const result = await chunkedUpload(url, token, 15 * 1024 * 1024, 'multipart/form-data; boundary=never-closed');
    expect(result.status).toBe(400);
    figures['malformed 15 MB multipart ms'] = result.ms;
  }, 30_000);
});

describe('fault scripts are bounded', () => {
  it('10⁶ faults: 413 by size over HTTP, KyxValidationError in process; 1,001 faults: 400 naming the field', async () => {
    const sim = await start({});
    const million = JSON.stringify({ route: 'health', faults: Array.from({ length: 1_000_000 }, () => ({})) });
    expect(await statusOf(`${sim.url}/__admin/faults`, { 'content-type': 'application/json' }, million)).toBe(413);
    const many = JSON.stringify({ route: 'health', faults: Array.from({ length: 1001 }, () => ({})) });
    const refused = await adminPost(sim.url, { 'content-type': 'application/json' }, many);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('at most 1000 faults');
    const inProcess = createSimulator();
    expect(() =>
      inProcess.setFaults(
        'health',
        Array.from({ length: 1_000_000 }, () => ({})),
      ),
    ).toThrow(KyxValidationError);
    await inProcess.close();
  });
});

describe('callbacks follow no redirect', () => {
  it('a trusted callback host answering 302 gets one attempt; the redirect target is never contacted', async () => {
    const target = await track(serve((_q, r) => json(r, {})));
    const receiver = await track(
      serve((_q, r) => {
        r.writeHead(302, { location: `${target.url}/stolen` });
        r.end();
      }),
    );
    const logs: SimulatorCallbackLog[] = [];
    const sim = createSimulator({ processingDelayMs: 0, rateLimits: false, onCallback: (e) => logs.push(e) });
    const client = createClient({
      region: 'amer-1',
      credentials: CLIENT,
      userAgent: 'A/1',
      baseUrl: 'https://jumio.test',
      fetch: (request) => sim.fetch(request),
    });
    const created = await client.send(account().ref('cb').workflow(10011).callback(`${receiver.url}/cb`));
    await client.upload(created, 'front', new Uint8Array(JPEG));
    await client.upload(created, 'face', new Uint8Array(PNG));
    await client.finalize(created);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await sim.tick();
    await sim.idle();
    await sim.close();
    expect(logs.map((l) => ({ outcome: l.outcome, attempts: l.attempts }))).toEqual([
      { outcome: 'failed', attempts: 1 },
    ]);
    expect(receiver.seen).toHaveLength(1);
    expect(target.seen).toEqual([]);
  });
});
