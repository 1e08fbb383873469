import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { defineWorkflow } from '../../src/index.js';
import { WorkflowDetailsSchema, WorkflowStatusResponseSchema } from '../../src/schemas.js';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';
import { GIF, JPEG, manualClock, PDF, UA } from '../support/simulator.js';
import { BASE, session } from '../support/simulator-flow.js';

const open: Simulator[] = [];
function simulator(options: SimulatorOptions = {}) {
  const sim = createSimulator({ rateLimits: false, ...options });
  open.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const idiv = (ref: string, extra: Record<string, unknown> = {}) => ({
  customerInternalReference: ref,
  workflowDefinition: { key: 10011 },
  ...extra,
});

describe('execution state machine (in process, injected clock)', () => {
  it('moves INITIATED → ACQUIRED on finalize → PROCESSED after the processing delay', async () => {
    const clock = manualClock();
    const sim = simulator({ now: clock.now, processingDelayMs: 300 });
    const s = await session(sim);
    const account = await s.created(idiv('order-1'));
    const status = async () => {
      const body = v.parse(
        WorkflowStatusResponseSchema,
        await (await s.get(`${s.executionUrl(account)}/status`)).json(),
      );
      return body.workflowExecution.status;
    };
    expect(await status()).toBe('INITIATED');
    await s.acquire(account);
    expect(await status()).toBe('ACQUIRED');
    clock.advance(299);
    expect(await status()).toBe('ACQUIRED');
    clock.advance(1);
    expect(await status()).toBe('PROCESSED');
    const details = v.parse(WorkflowDetailsSchema, await (await s.get(s.executionUrl(account))).json());
    expect(details.startedAt).toBeDefined();
    expect(details.completedAt).toBe(new Date(clock.now()).toISOString());
    expect(sim.stats().executions).toEqual({ PROCESSED: 1 });
  });

  it('shows NOT_EXECUTED before processing and refuses a second finalize or late uploads', async () => {
    const sim = simulator({ now: manualClock().now });
    const s = await session(sim);
    const account = await s.created(idiv('order-2'));
    const pending = v.parse(WorkflowDetailsSchema, await (await s.get(s.executionUrl(account))).json());
    expect(pending.decision).toEqual({ type: 'NOT_EXECUTED', details: { label: 'NOT_EXECUTED' }, risk: { score: -1 } });
    await s.acquire(account);
    const again = await s.finalize(account, 'SELFIE');
    expect(again.status).toBe(400);
    expect(((await again.json()) as { detail: string }).detail).toContain('ACQUIRED');
    expect((await s.upload(account, 'ID', 'back', JPEG)).status).toBe(400);
  });

  it('expires an unfinished execution at its tokenLifetime: TOKEN_EXPIRED, api.token refused', async () => {
    const clock = manualClock();
    const sim = simulator({ now: clock.now });
    const s = await session(sim);
    const account = await s.created(idiv('order-3', { tokenLifetime: '5m' }));
    clock.advance(5 * 60 * 1000);
    await sim.tick();
    const details = v.parse(WorkflowDetailsSchema, await (await s.get(s.executionUrl(account))).json());
    expect(details.workflow.status).toBe('TOKEN_EXPIRED');
    expect(details.decision).toEqual({
      type: 'NOT_EXECUTED',
      details: { label: 'TOKEN_EXPIRED' },
      risk: { score: -1 },
    });
    const late = await s.upload(account, 'ID', 'front', JPEG);
    expect(late.status).toBe(401);
    expect(((await late.json()) as { detail: string }).detail).toContain('expired');
  });

  it('expires access tokens after accessTokenTtlSeconds', async () => {
    const clock = manualClock();
    const sim = simulator({ now: clock.now, accessTokenTtlSeconds: 60 });
    const s = await session(sim);
    expect((await s.create(idiv('a'))).status).toBe(200);
    clock.advance(60_000);
    const expired = await s.create(idiv('b'));
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { detail: string }).detail).toContain('expired');
  });

  it.each([
    ['order-REJECT-1', 'REJECTED', 71, 100],
    ['order-WARN-1', 'WARNING', 31, 70],
    ['order-plain', 'PASSED', 0, 30],
  ])('decides %s as %s with a score in its band and a capability showing it', async (ref, type, low, high) => {
    const clock = manualClock();
    const sim = simulator({ now: clock.now, processingDelayMs: 0 });
    const s = await session(sim);
    const account = await s.created(idiv(ref));
    await s.acquire(account);
    await sim.tick();
    const details = v.parse(WorkflowDetailsSchema, await (await s.get(s.executionUrl(account))).json());
    expect(details.decision?.type).toBe(type);
    expect(details.decision?.details?.label).toBe(type);
    expect(details.decision?.risk?.score).toBeGreaterThanOrEqual(low);
    expect(details.decision?.risk?.score).toBeLessThanOrEqual(high);
    const results = Object.values(details.capabilities ?? {}).flat();
    const carrying = results.filter((r) => r.decision.type === type);
    expect(carrying.length).toBeGreaterThan(0);
    const steps = (await (await s.get(`${s.executionUrl(account)}/steps`)).json()) as {
      steps: { decision: { type: string }; capabilityIds: string[] }[];
    };
    expect(steps.steps.some((step) => step.decision.type === type)).toBe(true);
    expect(steps.steps.flatMap((step) => step.capabilityIds).sort()).toEqual(results.map((r) => r.id).sort());
  });

  it('is deterministic for a seed (ids, scores, results) and differs across seeds', async () => {
    async function run(seed: number) {
      const sim = simulator({ now: manualClock().now, processingDelayMs: 0, seed });
      const s = await session(sim);
      const account = await s.created(idiv('same'));
      await s.acquire(account);
      await sim.tick();
      const details = (await (await s.get(s.executionUrl(account))).json()) as Record<string, unknown>;
      return { ids: [account.account.id, account.workflowExecution.id], details };
    }
    const [a, b, c] = [await run(7), await run(7), await run(8)];
    expect(b).toEqual(a);
    expect(c.ids).not.toEqual(a.ids);
  });

  it('samples REJECTED with rejectRate 1 and never with the default rates', async () => {
    const sim = simulator({ now: manualClock().now, processingDelayMs: 0, rejectRate: 1 });
    const s = await session(sim);
    const account = await s.created(idiv('no-magic'));
    await s.acquire(account);
    await sim.tick();
    const details = v.parse(WorkflowDetailsSchema, await (await s.get(s.executionUrl(account))).json());
    expect(details.decision?.type).toBe('REJECTED');
  });
});

describe('workflows, credentials and uploads from the catalog', () => {
  it('accepts a PDF for a DOCUMENT credential (10026) and finalizes on it alone', async () => {
    const sim = simulator({ now: manualClock().now, processingDelayMs: 0 });
    const s = await session(sim);
    const account = await s.created({
      customerInternalReference: 'docv',
      workflowDefinition: {
        key: 10026,
        credentials: [
          {
            category: 'DOCUMENT',
            country: { predefinedType: 'DEFINED', values: ['USA'] },
            type: { predefinedType: 'DEFINED', values: ['BS'] },
          },
        ],
      },
    });
    expect(account.workflowExecution.credentials.map((c) => [c.category, Object.keys(c.api?.parts ?? {})])).toEqual([
      ['DOCUMENT', ['document']],
    ]);
    expect(account.web).toBeDefined();
    expect(account.sdk).toBeUndefined(); // 10026 has no SDK channel
    expect((await s.upload(account, 'DOCUMENT', 'document', PDF)).status).toBe(200);
    expect((await s.finalize(account, 'DOCUMENT')).status).toBe(200);
    await sim.tick();
    const details = v.parse(WorkflowDetailsSchema, await (await s.get(s.executionUrl(account))).json());
    expect(details.capabilities?.['extraction']?.[0]?.data).toMatchObject({ type: 'BS', issuingCountry: 'USA' });
  });

  it('refuses a PDF for an ID credential and a GIF for a DOCUMENT', async () => {
    const sim = simulator();
    const s = await session(sim);
    const idv = await s.created(idiv('pdf-on-id'));
    const pdf = await s.upload(idv, 'ID', 'front', PDF);
    expect(pdf.status).toBe(400);
    expect(await pdf.json()).toMatchObject({ title: 'Bad Request', status: 400 });
    const docv = await s.created({
      customerInternalReference: 'gif-on-doc',
      workflowDefinition: {
        key: 10026,
        credentials: [
          {
            category: 'DOCUMENT',
            country: { predefinedType: 'DEFINED', values: ['USA'] },
            type: { predefinedType: 'DEFINED', values: ['UB'] },
          },
        ],
      },
    });
    expect((await s.upload(docv, 'DOCUMENT', 'document', GIF)).status).toBe(400);
  });

  it('refuses a part the credential does not have and a missing file field', async () => {
    const sim = simulator();
    const s = await session(sim);
    const account = await s.created(idiv('parts'));
    const selfie = s.credential(account, 'SELFIE');
    const back = selfie.api.parts['face']?.replace(/FACE$/, 'BACK') as string;
    const wrongPart = await sim.fetch(back, {
      method: 'POST',
      headers: { ...UA, authorization: `Bearer ${selfie.api.token}` },
      body: new FormData(),
    });
    expect(wrongPart.status).toBe(404);
    const form = new FormData();
    form.append('image', new Blob([new Uint8Array(JPEG)]));
    const noFile = await sim.fetch(selfie.api.parts['face'] as string, {
      method: 'POST',
      headers: { ...UA, authorization: `Bearer ${selfie.api.token}` },
      body: form,
    });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as { detail: string }).detail).toContain('"file"');
  });

  it('takes prepared data as JSON for a DATA credential (10010, userReference required)', async () => {
    const sim = simulator({ now: manualClock().now, processingDelayMs: 0 });
    const s = await session(sim);
    const missing = await s.create({ customerInternalReference: 'wl', workflowDefinition: { key: 10010 } });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { detail: string }).detail).toContain('userReference');
    const account = await s.created({
      customerInternalReference: 'wl',
      userReference: 'u-1',
      workflowDefinition: { key: 10010 },
    });
    const data = s.credential(account, 'DATA');
    expect(data.allowedChannels).toEqual(['API']);
    const notJson = await sim.fetch(data.api.parts['prepared_data'] as string, {
      method: 'POST',
      headers: { ...UA, authorization: `Bearer ${data.api.token}`, 'content-type': 'application/json' },
      body: '[1,2',
    });
    expect(notJson.status).toBe(400);
    const ok = await sim.fetch(data.api.parts['prepared_data'] as string, {
      method: 'POST',
      headers: { ...UA, authorization: `Bearer ${data.api.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'ALEX', lastName: 'ROSSI' }),
    });
    expect(ok.status).toBe(200);
    expect((await s.finalize(account, 'DATA')).status).toBe(200);
    await sim.tick();
    const details = v.parse(WorkflowDetailsSchema, await (await s.get(s.executionUrl(account))).json());
    expect(Object.keys(details.capabilities ?? {})).toEqual(['watchlistScreening']);
  });

  it('runs an update-only workflow (5) on an account, reusing the ID credential on file', async () => {
    const sim = simulator({ now: manualClock().now, processingDelayMs: 0 });
    const s = await session(sim);
    const first = await s.created(idiv('first'));
    await s.acquire(first);
    const idCredential = s.credential(first, 'ID').id;
    const onCreate = await s.create({ customerInternalReference: 'x', workflowDefinition: { key: 5 } });
    expect(onCreate.status).toBe(400);
    expect(((await onCreate.json()) as { detail: string }).detail).toContain('workflowDefinition.key');
    const wrongId = await s.create(
      {
        customerInternalReference: 'x',
        workflowDefinition: { key: 5, credentials: [{ category: 'ID', id: '00000000-0000-4000-8000-000000000000' }] },
      },
      first.account.id,
    );
    expect(wrongId.status).toBe(400);
    expect(((await wrongId.json()) as { detail: string }).detail).toContain('workflowDefinition.credentials.0.id');
    const second = await s.created(
      {
        customerInternalReference: 'again',
        workflowDefinition: { key: 5, credentials: [{ category: 'ID', id: idCredential }] },
      },
      first.account.id,
    );
    expect(second.account.id).toBe(first.account.id);
    expect(second.workflowExecution.credentials[0]).toEqual({ id: idCredential, category: 'ID', allowedChannels: [] });
    await s.upload(second, 'SELFIE', 'face', JPEG);
    expect((await s.finalize(second, 'SELFIE')).status).toBe(200);
    expect(sim.stats()).toMatchObject({ accounts: 1, accountsCreated: 1, executionsCreated: 2 });
  });

  it('refuses unknown workflow keys and serves tenant workflows given in options', async () => {
    const tenantKyc = defineWorkflow({
      key: 20001,
      name: 'Tenant KYC',
      credentials: ['ID'],
      channels: ['API'],
      capabilities: ['usability', 'extraction'],
    });
    const sim = simulator({ workflows: [tenantKyc] });
    const s = await session(sim);
    const unknown = await s.create({ customerInternalReference: 'x', workflowDefinition: { key: 99999 } });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { detail: string }).detail).toContain('workflowDefinition.key: workflow 99999');
    const tenant = await s.created({ customerInternalReference: 'x', workflowDefinition: { key: 20001 } });
    expect(tenant.workflowExecution.credentials.map((c) => c.allowedChannels)).toEqual([['API']]);
    expect(tenant.web).toBeUndefined();
  });

  it('does not accept an api.token for retrieval, nor the tenant token for finalize', async () => {
    const sim = simulator();
    const s = await session(sim);
    const account = await s.created(idiv('tokens'));
    const apiToken = s.credential(account, 'ID').api.token;
    const retrieval = await sim.fetch(`${s.executionUrl(account)}/status`, {
      headers: { ...UA, authorization: `Bearer ${apiToken}` },
    });
    expect(retrieval.status).toBe(401);
    const finalize = await sim.fetch(s.executionUrl(account), { method: 'PUT', headers: s.headers, body: '{}' });
    expect(finalize.status).toBe(401);
    expect(((await finalize.json()) as { detail: string }).detail).toContain('api.token');
    expect(JSON.stringify(await retrieval.json())).not.toContain(apiToken);
  });
});

describe('client credentials and rate limits', () => {
  const tokenRequest = (sim: Simulator, id: string, secret: string) =>
    sim.fetch(`${BASE}/oauth2/token`, {
      method: 'POST',
      headers: { ...UA, authorization: `Basic ${btoa(`${id}:${secret}`)}` },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });

  it('accepts any non-empty credentials by default, and only the configured ones when given', async () => {
    const open = simulator();
    expect((await tokenRequest(open, 'anyone', 'anything')).status).toBe(200);
    expect((await tokenRequest(open, 'anyone', '')).status).toBe(401);
    const strict = simulator({ clients: [{ clientId: 'acme', clientSecret: 's3cret' }] });
    expect((await tokenRequest(strict, 'acme', 's3cret')).status).toBe(200);
    const wrong = await tokenRequest(strict, 'acme', 'guess');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('guess');
  });

  it('limits tokens to 10/s by default and refills with the clock', async () => {
    const clock = manualClock();
    const sim = createSimulator({ now: clock.now });
    open.push(sim);
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await tokenRequest(sim, 'a', 'b')).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses[10]).toBe(429);
    clock.advance(100); // one token back at 10/s
    expect((await tokenRequest(sim, 'a', 'b')).status).toBe(200);
    expect((await tokenRequest(sim, 'a', 'b')).status).toBe(429);
    expect(sim.stats().tokensIssued).toBe(11);
  });

  it('limits retrieval to 15/s and can turn one limit off', async () => {
    const sim = createSimulator({ now: manualClock().now, rateLimits: { account: false } });
    open.push(sim);
    const s = await session(sim);
    const accounts = [];
    for (let i = 0; i < 8; i++) accounts.push((await s.create(idiv(`a${i}`))).status);
    expect(accounts.every((status) => status === 200)).toBe(true);
    const account = await s.created(idiv('r'));
    const statuses = [];
    for (let i = 0; i < 16; i++) statuses.push((await s.get(`${s.executionUrl(account)}/status`)).status);
    expect(statuses.filter((x) => x === 429)).toHaveLength(1);
    expect(statuses[15]).toBe(429);
  });
});
