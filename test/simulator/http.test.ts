import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountResponseSchema, WorkflowDetailsSchema, WorkflowStatusResponseSchema } from '../../src/schemas.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { basic, GIF, JPEG, manualClock, multipart, PNG, raw, UA } from '../support/simulator.js';

// Drives the loopback simulator with node:http only: the contract as any HTTP client sees it.
describe('simulator over loopback HTTP (raw node:http client)', () => {
  const clock = manualClock();
  let sim: RunningSimulator;
  let token: string;

  const json = (extra: Record<string, string> = {}) => ({
    ...UA,
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    ...extra,
  });
  const create = (body: unknown, headers: Record<string, string> = json()) =>
    raw(`${sim.url}/api/v1/accounts`, { method: 'POST', headers, body: JSON.stringify(body) });

  beforeAll(async () => {
    // A fixed clock: rate-limit buckets never refill and processing advances only when the test says.
    sim = await startSimulator({
      port: 0,
      now: clock.now,
      processingDelayMs: 500,
      rateLimits: { account: { perSecond: 1, burst: 50 } },
    });
    const res = await raw(`${sim.url}/oauth2/token`, {
      method: 'POST',
      headers: { ...UA, authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    token = res.json().access_token;
  });
  afterAll(() => sim.close());

  it('listens on 127.0.0.1 with a real port and answers health', async () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await raw(`${sim.url}/`);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: 'UP' });
  });

  it('issues an OAuth2 token for Basic client credentials and a form body', async () => {
    const res = await raw(`${sim.url}/oauth2/token`, {
      method: 'POST',
      headers: { ...UA, authorization: basic('id', 's'), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(res.status).toBe(200);
    const body = res.json();
    expect(body).toEqual({ access_token: expect.any(String), expires_in: 3600, token_type: 'Bearer' });
    expect(body.access_token.split('.')).toHaveLength(3);
  });

  it('refuses a token request without client credentials or with the wrong grant', async () => {
    const noAuth = await raw(`${sim.url}/oauth2/token`, {
      method: 'POST',
      headers: { ...UA },
      body: 'grant_type=client_credentials',
    });
    expect(noAuth.status).toBe(401);
    const wrongGrant = await raw(`${sim.url}/oauth2/token`, {
      method: 'POST',
      headers: { ...UA, authorization: basic() },
      body: 'grant_type=password',
    });
    expect(wrongGrant.status).toBe(400);
    expect(wrongGrant.json().detail).toContain('grant_type');
  });

  let created: v.InferOutput<typeof AccountResponseSchema>;

  it('creates an account: a seed-shaped response with the workflow credentials and URLs back at the simulator', async () => {
    const res = await create({
      customerInternalReference: 'order-1',
      userReference: 'user-1',
      workflowDefinition: {
        key: 10011,
        credentials: [{ category: 'ID', type: { predefinedType: 'DEFINED', values: ['PASSPORT'] } }],
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const parsed = v.safeParse(AccountResponseSchema, res.json());
    expect(parsed.success).toBe(true);
    created = parsed.output as typeof created;
    const { credentials } = created.workflowExecution;
    expect(credentials.map((c) => c.category)).toEqual(['ID', 'SELFIE', 'FACEMAP']);
    const [id, selfie, facemap] = credentials;
    expect(id?.allowedChannels).toEqual(['WEB', 'API', 'SDK']);
    expect(Object.keys(id?.api?.parts ?? {})).toEqual(['front', 'back']);
    expect(id?.api?.parts['front']).toBe(
      `${sim.url}/api/v1/accounts/${created.account.id}/workflow-executions/${created.workflowExecution.id}/credentials/${id?.id}/parts/FRONT`,
    );
    expect(id?.api?.workflowExecution).toBe(
      `${sim.url}/api/v1/accounts/${created.account.id}/workflow-executions/${created.workflowExecution.id}`,
    );
    expect(Object.keys(selfie?.api?.parts ?? {})).toEqual(['face']);
    expect(facemap).toEqual({ id: expect.any(String), category: 'FACEMAP', allowedChannels: ['WEB', 'SDK'] });
    expect(created.web?.href.startsWith(`${sim.url}/web/`)).toBe(true);
    expect(created.sdk?.token).toEqual(expect.any(String));
    expect(id?.api?.token).not.toBe(selfie?.api?.token);
  });

  it('rejects an invalid create with a 400 problem naming customerInternalReference, and creates nothing', async () => {
    const before = sim.stats().accountsCreated;
    const res = await create({ customerInternalReference: 'bad/ref', workflowDefinition: { key: 10011 } });
    expect(res.status).toBe(400);
    const problem = res.json();
    expect(problem).toEqual({ title: 'Bad Request', status: 400, detail: expect.any(String) });
    expect(problem.detail).toContain('customerInternalReference');
    expect(problem.detail).toContain("'/'");
    expect(sim.stats().accountsCreated).toBe(before);
  });

  it('applies the workflow catalog rules: 10026 without a DOCUMENT preset is a 400 naming the field', async () => {
    const res = await create({ customerInternalReference: 'docv', workflowDefinition: { key: 10026 } });
    expect(res.status).toBe(400);
    expect(res.json().detail).toContain('workflowDefinition.credentials');
  });

  it('answers malformed JSON with a 400, not a crash', async () => {
    const res = await raw(`${sim.url}/api/v1/accounts`, {
      method: 'POST',
      headers: json(),
      body: '{"customerInternalRef',
    });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ title: 'Bad Request', status: 400 });
    expect((await raw(`${sim.url}/`)).status).toBe(200);
  });

  it('forbids requests without a User-Agent (403)', async () => {
    const { 'user-agent': _, ...headers } = json();
    const res = await create({ customerInternalReference: 'x', workflowDefinition: { key: 10011 } }, headers);
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({ title: 'Forbidden', status: 403 });
  });

  it('answers 401 without a token and with an unknown token', async () => {
    const body = { customerInternalReference: 'x', workflowDefinition: { key: 10011 } };
    const { authorization: _, ...noAuth } = json();
    expect((await create(body, noAuth)).status).toBe(401);
    const unknown = await create(body, json({ authorization: 'Bearer not-a-token' }));
    expect(unknown.status).toBe(401);
    expect(unknown.json()).toMatchObject({ title: 'Unauthorized', status: 401 });
  });

  it('answers 404 to a PUT on an unknown account', async () => {
    const res = await raw(`${sim.url}/api/v1/accounts/00000000-0000-4000-8000-000000000000`, {
      method: 'PUT',
      headers: json(),
      body: JSON.stringify({ customerInternalReference: 'x', workflowDefinition: { key: 10011 } }),
    });
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ title: 'Not Found', status: 404 });
  });

  const credential = (category: string) => created.workflowExecution.credentials.find((c) => c.category === category);
  const upload = (url: string, bearer: string, bytes: Buffer) => {
    const { body, contentType } = multipart(bytes);
    return raw(url, {
      method: 'POST',
      headers: { ...UA, authorization: `Bearer ${bearer}`, 'content-type': contentType },
      body,
    });
  };

  it('refuses uploads with the tenant token or another credential’s api.token (401)', async () => {
    const front = credential('ID')?.api?.parts['front'] as string;
    expect((await upload(front, token, JPEG)).status).toBe(401);
    const other = credential('SELFIE')?.api?.token as string;
    expect((await upload(front, other, JPEG)).status).toBe(401);
    expect(sim.stats().uploads).toBe(0);
  });

  it('refuses a wrong file type with a 4xx problem body', async () => {
    const id = credential('ID');
    const res = await upload(id?.api?.parts['front'] as string, id?.api?.token as string, GIF);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.json().detail).toContain('JPEG or PNG');
    expect(sim.stats().uploads).toBe(0);
  });

  it('refuses to finalize before the required parts are uploaded, naming the missing part', async () => {
    const id = credential('ID');
    const res = await raw(id?.api?.workflowExecution as string, {
      method: 'PUT',
      headers: { ...UA, authorization: `Bearer ${id?.api?.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(res.json().detail).toContain('FRONT');
    expect(res.json().detail).toContain('FACE');
  });

  it('uploads the parts, finalizes, and reaches PROCESSED after the processing delay', async () => {
    const id = credential('ID');
    const selfie = credential('SELFIE');
    expect((await upload(id?.api?.parts['front'] as string, id?.api?.token as string, JPEG)).status).toBe(200);
    const face = await upload(selfie?.api?.parts['face'] as string, selfie?.api?.token as string, PNG);
    expect(face.status).toBe(200);
    expect(face.json()).toMatchObject({
      account: { id: created.account.id },
      workflowExecution: { id: created.workflowExecution.id },
    });

    const finalize = await raw(id?.api?.workflowExecution as string, {
      method: 'PUT',
      headers: { ...UA, authorization: `Bearer ${id?.api?.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(finalize.status).toBe(200);
    expect(finalize.json()).toEqual({
      timestamp: expect.any(String),
      account: { id: created.account.id },
      workflowExecution: { id: created.workflowExecution.id },
    });

    const statusUrl = `${id?.api?.workflowExecution}/status`;
    const acquired = await raw(statusUrl, { headers: json() });
    expect(acquired.json().workflowExecution.status).toBe('ACQUIRED');
    clock.advance(500);
    const processed = await raw(statusUrl, { headers: json() });
    expect(processed.status).toBe(200);
    expect(v.is(WorkflowStatusResponseSchema, processed.json())).toBe(true);
    expect(processed.json().workflowExecution).toMatchObject({ status: 'PROCESSED', definitionKey: '10011' });
  });

  it('returns details with a decision and capability results, steps, and the uploaded part image', async () => {
    const url = credential('ID')?.api?.workflowExecution as string;
    const res = await raw(url, { headers: json() });
    expect(res.status).toBe(200);
    const details = v.parse(WorkflowDetailsSchema, res.json());
    expect(details.workflow).toMatchObject({
      status: 'PROCESSED',
      customerInternalReference: 'order-1',
      userReference: 'user-1',
    });
    expect(details.decision?.type).toBe('PASSED');
    expect(details.decision?.risk?.score).toBeGreaterThanOrEqual(0);
    expect(details.decision?.risk?.score).toBeLessThanOrEqual(30);
    expect(Object.keys(details.capabilities ?? {})).toEqual([
      'usability',
      'imageChecks',
      'extraction',
      'dataChecks',
      'liveness',
      'similarity',
    ]);
    expect(details.capabilities?.['extraction']?.[0]?.data?.['type']).toBe('PASSPORT');

    const steps = await raw(`${url}/steps`, { headers: json() });
    expect(steps.json().steps[0]).toMatchObject({ name: 'ID_IV', decision: { type: 'PASSED' } });

    const front = details.credentials?.find((c) => c.category === 'ID')?.parts?.[0];
    expect(front?.classifier).toBe('FRONT');
    const image = await raw(front?.href as string, { headers: json() });
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.body.equals(JPEG)).toBe(true);
  });

  it('answers 405 to a PUT on a part upload URL', async () => {
    const res = await raw(credential('ID')?.api?.parts['front'] as string, { method: 'PUT', headers: json() });
    expect(res.status).toBe(405);
  });

  it('deletes an execution (then 404) and an account', async () => {
    const url = credential('ID')?.api?.workflowExecution as string;
    expect((await raw(url, { method: 'DELETE', headers: json() })).status).toBe(200);
    expect((await raw(`${url}/status`, { headers: json() })).status).toBe(404);
    const account = `${sim.url}/api/v1/accounts/${created.account.id}`;
    expect((await raw(account, { method: 'DELETE', headers: json() })).status).toBe(200);
    expect((await raw(account, { method: 'DELETE', headers: json() })).status).toBe(404);
  });

  it('meets a burst of creates with 429 and Jumio’s body, creating nothing for them', async () => {
    const burst = await startSimulator({ port: 0, now: manualClock().now });
    try {
      const t = await raw(`${burst.url}/oauth2/token`, {
        method: 'POST',
        headers: { ...UA, authorization: basic() },
        body: 'grant_type=client_credentials',
      });
      const headers = { ...UA, authorization: `Bearer ${t.json().access_token}`, 'content-type': 'application/json' };
      const body = JSON.stringify({ customerInternalReference: 'burst', workflowDefinition: { key: 10011 } });
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => raw(`${burst.url}/api/v1/accounts`, { method: 'POST', headers, body })),
      );
      const limited = responses.filter((r) => r.status === 429);
      const ok = responses.filter((r) => r.status === 200);
      expect(ok).toHaveLength(5); // Jumio's 1/s with a burst of 5, on a clock that does not move
      expect(limited).toHaveLength(3);
      for (const r of limited) {
        expect(r.json()).toEqual({ title: 'Too Many Requests', status: 429, detail: 'Request limit exceeded' });
      }
      const stats = burst.stats();
      expect(stats.accountsCreated).toBe(5);
      expect(stats.executionsCreated).toBe(5);
      expect(stats.rateLimited.createAccount).toBe(3);
      const state = await raw(`${burst.url}/__admin/state`);
      expect(state.json()).toMatchObject({ accountsCreated: 5, requests: { createAccount: 8, token: 1 } });
    } finally {
      await burst.close();
    }
  });
});
