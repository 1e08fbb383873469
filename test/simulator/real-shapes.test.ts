import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AccountResponse,
  account,
  CAPABILITIES,
  capabilityResults,
  createClient,
  type KnownCapabilityName,
  type KyxClient,
  REQUIRED_PARTS,
  WORKFLOW_CATALOG,
  type WorkflowDetails,
  type WorkflowSpec,
} from '../../src/index.js';
import {
  CAPABILITY_DATA,
  CallbackPayloadSchema,
  FinalizeResponseSchema,
  UploadResponseSchema,
  WorkflowDetailsSchema,
  WorkflowStatusResponseSchema,
  WorkflowStepsSchema,
} from '../../src/schemas.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { SAMPLE_PREPARED_DATA } from '../support/prepared-data.js';

const ORIGIN = 'https://jumio.test';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

let now = Date.parse('2026-01-01T00:00:00Z');
let simulator: Simulator | undefined;
const callbacks: unknown[] = [];
afterEach(async () => {
  await simulator?.close();
  callbacks.length = 0;
});

function start(): { sim: Simulator; client: KyxClient } {
  const sim = createSimulator({
    now: () => now,
    processingDelayMs: 1_000,
    rateLimits: false,
    trustedCallbackHosts: ['app.example'],
    callbackFetch: async (request) => {
      callbacks.push(await request.json());
      return new Response(null, { status: 200 });
    },
  });
  simulator = sim;
  const client = createClient({
    region: 'amer-1',
    credentials: { clientId: 'test', clientSecret: 'test' },
    userAgent: 'jumio-kyx tests/1.0',
    baseUrl: ORIGIN,
    fetch: sim.fetch,
  });
  return { sim, client };
}

// biome-ignore lint/suspicious/noExplicitAny: one request per catalog workflow, its key known only at run time
type AnyBuilder = any;

/** The smallest request the workflow accepts (its required calls), for a run-time key. */
function request(spec: WorkflowSpec, reference: string, accountId?: string, credentialId?: string): AnyBuilder {
  const initial: AnyBuilder = accountId ? account(accountId) : account();
  let builder: AnyBuilder = initial.ref(reference).workflow(spec.key);
  if (spec.requiredFields?.includes('userReference')) builder = builder.user('user-1');
  for (const category of spec.requiredPresets ?? []) {
    if (category === 'DOCUMENT') builder = builder.document('USA', 'BS');
    if (category === 'ID')
      builder = spec.reusesCredential
        ? builder.reuse('ID', credentialId)
        : builder.id({ country: 'USA', type: 'PASSPORT' });
    if (category === 'FACEMAP') builder = builder.facemap();
  }
  return builder.callback('https://app.example/jumio/callback');
}

/** Uploads every required part over the API and finalizes; false when nothing is collected over the API. */
async function acquire(client: KyxClient, response: AccountResponse): Promise<boolean> {
  const api = response.workflowExecution.credentials.filter((c) => c.api);
  for (const credential of api) {
    for (const part of REQUIRED_PARTS[credential.category as keyof typeof REQUIRED_PARTS] ?? []) {
      if (part === 'prepared_data') await client.uploadData(credential, SAMPLE_PREPARED_DATA);
      else if (part === 'facemap') await client.upload(credential, part, new Uint8Array([0x46, 0x4d, 0x01]));
      else await client.upload(credential, part, part === 'document' ? PDF : JPEG);
    }
  }
  if (api.length === 0) return false;
  await client.finalize(response);
  return true;
}

/** Runs one execution of a workflow to its end (PROCESSED, or TOKEN_EXPIRED when it has no API channel). */
async function run(spec: WorkflowSpec, reference: string) {
  const { sim, client } = start();
  let accountId: string | undefined;
  let credentialId: string | undefined;
  if (spec.updateOnly) {
    const base = await client.send(account().ref(`${reference}-base`).workflow(10011));
    accountId = base.account.id;
    credentialId = base.workflowExecution.credentials.find((c) => c.category === 'ID')?.id;
  }
  const response = await client.send(request(spec, reference, accountId, credentialId));
  const processed = await acquire(client, response);
  now += processed ? 1_000 : 30 * 60_000;
  await sim.tick();
  const ids = [response.account.id, response.workflowExecution.id] as const;
  const raw = async (suffix = '') =>
    (
      await sim.fetch(`${ORIGIN}/api/v1/accounts/${ids[0]}/workflow-executions/${ids[1]}${suffix}`, {
        headers: { authorization: `Bearer ${await token(sim)}`, 'user-agent': 'tests/1.0' },
      })
    ).json();
  return {
    processed,
    details: await client.details(response),
    status: await client.status(response),
    steps: await client.steps(response),
    rawDetails: await raw(),
    rawStatus: await raw('/status'),
    rawSteps: await raw('/steps'),
  };
}

async function token(sim: Simulator): Promise<string> {
  const response = await sim.fetch(`${ORIGIN}/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa('test:test')}`, 'user-agent': 'tests/1.0' },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

const isKnown = (name: string): name is KnownCapabilityName => Object.hasOwn(CAPABILITIES, name);

/** The typed reads an integrator makes, and the table's rules for each result. */
function checkResults(spec: WorkflowSpec, details: WorkflowDetails) {
  const summaries = capabilityResults(details);
  expect(summaries.map((s) => s.name)).toEqual(
    [...spec.capabilities]
      .filter(isKnown)
      .sort((a, b) => Object.keys(CAPABILITIES).indexOf(a) - Object.keys(CAPABILITIES).indexOf(b)),
  );
  for (const [name, results] of Object.entries(details.capabilities ?? {})) {
    if (!isKnown(name)) continue;
    const row = CAPABILITIES[name];
    for (const result of results) {
      const type = result.decision.type as keyof typeof row.labels;
      const labels: readonly string[] = row.labels[type] ?? [];
      expect(labels, `${name} ${type}`).toContain(result.decision.details?.label);
      if (type === 'NOT_EXECUTED' && name in CAPABILITY_DATA) expect(result.data).toEqual({});
      if (row.evaluates.length === 0) expect(result.credentials).toBeUndefined();
      const schema = (CAPABILITY_DATA as Record<string, v.GenericSchema>)[name];
      if (schema && result.data) expect(v.is(schema, result.data)).toBe(true);
    }
  }
  const extraction = details.capabilities?.extraction?.[0];
  if (extraction?.decision.type === 'PASSED') {
    expect(typeof extraction.data?.firstName).toBe('string');
    if (extraction.data?.currentAge !== undefined) expect(extraction.data.currentAge).toMatch(/^\d+$/);
    if (extraction.data?.dateOfBirthParts) expect(extraction.data.dateOfBirthParts.year).toMatch(/^\d{4}$/);
  }
  const liveness = details.capabilities?.liveness?.[0];
  if (liveness && liveness.decision.type !== 'NOT_EXECUTED') {
    expect(typeof liveness.data?.predictedAge).toBe('number');
    expect(liveness.validFaceMapForAuthentication).toMatch(/\/parts\/FACEMAP$/);
    const facemap = details.credentials?.find((c) => c.category === 'FACEMAP');
    if (facemap) expect(liveness.validFaceMapForAuthentication).toContain(`/credentials/${facemap.id}/parts/FACEMAP`);
  }
  const screening = details.capabilities?.watchlistScreening?.[0];
  if (screening && screening.decision.type !== 'NOT_EXECUTED') {
    expect(screening.data?.searchStatus).toBe('SUCCESS');
    expect(screening.data?.searchId).toMatch(/^\d+$/);
    expect(typeof screening.data?.searchResults).toBe('number');
    expect(screening.data?.searchReference).toBeTypeOf('string');
    expect(screening.data?.searchResultUrl).toMatch(/^https:\/\//);
  }
  const similarity = details.capabilities?.similarity?.[0];
  if (similarity && similarity.decision.type !== 'NOT_EXECUTED')
    expect(similarity.data?.similarity).toBeTypeOf('string');
}

describe.each(WORKFLOW_CATALOG.map((spec) => [spec.key, spec] as const))('workflow %s: simulator bodies', (_, spec) => {
  it.each(['plain', 'REJECT', 'WARN'])('%s: pass the client schemas unchanged and the typed reads', async (kind) => {
    const result = await run(spec, kind === 'plain' ? 'order-1' : `order-${kind}-1`);
    expect(result.details).toEqual(result.rawDetails);
    expect(result.status).toEqual(result.rawStatus);
    expect(result.steps).toEqual(result.rawSteps);
    expect(v.parse(WorkflowDetailsSchema, result.rawDetails)).toEqual(result.rawDetails);
    expect(v.parse(WorkflowStatusResponseSchema, result.rawStatus)).toEqual(result.rawStatus);
    expect(v.parse(WorkflowStepsSchema, result.rawSteps)).toEqual(result.rawSteps);
    expect(result.status.workflowExecution.href).toBe(
      `${ORIGIN}/api/v1/workflow-executions/${result.details.workflow.id}`,
    );
    expect(result.details.steps?.href).toMatch(/\/steps$/);
    expect(result.details.workflow.status).toBe(result.processed ? 'PROCESSED' : 'TOKEN_EXPIRED');
    checkResults(spec, result.details);
    if (!result.processed) {
      for (const summary of capabilityResults(result.details)) expect(summary.type).toBe('NOT_EXECUTED');
    } else if (spec.capabilities.length > 0) {
      const expected = kind === 'plain' ? 'PASSED' : kind === 'REJECT' ? 'REJECTED' : 'WARNING';
      expect(result.details.decision?.type).toBe(expected);
    }
    const callback = callbacks.at(-1);
    expect(v.parse(CallbackPayloadSchema, callback)).toEqual(callback);
  });
});

describe('forced outcomes naming a label', () => {
  const idiv = WORKFLOW_CATALOG.find((w) => w.key === 10011) as WorkflowSpec;
  const screening = WORKFLOW_CATALOG.find((w) => w.key === 32) as WorkflowSpec;
  const outcome = (details: WorkflowDetails) => capabilityResults(details).map((r) => `${r.name}:${r.type}/${r.label}`);

  it('REJECT_BLURRED: usability REJECTED / BLURRED, everything after it NOT_EXECUTED with data {}', async () => {
    const { details, steps } = await run(idiv, 'order-REJECT_BLURRED-1');
    expect(details.decision?.type).toBe('REJECTED');
    expect(outcome(details)).toEqual([
      'usability:REJECTED/BLURRED',
      'imageChecks:NOT_EXECUTED/PRECONDITION_NOT_FULFILLED',
      'extraction:NOT_EXECUTED/PRECONDITION_NOT_FULFILLED',
      'dataChecks:NOT_EXECUTED/PRECONDITION_NOT_FULFILLED',
      'liveness:NOT_EXECUTED/PRECONDITION_NOT_FULFILLED',
      'similarity:NOT_EXECUTED/PRECONDITION_NOT_FULFILLED',
    ]);
    expect(details.capabilities?.extraction?.[0]?.data).toEqual({});
    expect(details.capabilities?.liveness?.[0]?.validFaceMapForAuthentication).toBeUndefined();
    expect(steps.steps.map((s) => s.decision?.type)).toEqual(['REJECTED']);
  });

  it('WARN_REPEATED_FACE: imageChecks WARNING with the linked executions; the rest runs', async () => {
    const { details } = await run(idiv, 'order-WARN_REPEATED_FACE');
    expect(details.decision?.type).toBe('WARNING');
    expect(outcome(details)).toEqual([
      'usability:PASSED/OK',
      'imageChecks:WARNING/REPEATED_FACE',
      'extraction:PASSED/OK',
      'dataChecks:PASSED/OK',
      'liveness:PASSED/OK',
      'similarity:PASSED/MATCH',
    ]);
    const findings = details.capabilities?.imageChecks?.[0]?.data?.faceSearchFindings;
    expect(findings?.status).toBe('DONE');
    expect(findings?.findings?.length).toBeGreaterThan(0);
  });

  it('REJECT_MISMATCH_HRZ_MRZ_DATA picks dataChecks; WARN_ALERT the screening, with hits', async () => {
    const rejected = await run(idiv, 'order-REJECT_MISMATCH_HRZ_MRZ_DATA_7');
    expect(outcome(rejected.details)).toContain('dataChecks:REJECTED/MISMATCH_HRZ_MRZ_DATA');
    const alert = await run(screening, 'order-WARN_ALERT');
    expect(outcome(alert.details)).toContain('watchlistScreening:WARNING/ALERT');
    expect(alert.details.capabilities?.watchlistScreening?.[0]?.data?.searchResults).toBeGreaterThan(0);
    expect(alert.steps.steps.find((s) => s.name === 'SCREENING')?.decision?.type).toBe('WARNING');
  });

  it('WARN_NOT_POSSIBLE: similarity WARNING / NOT_POSSIBLE while its data says MATCH, as a real body did', async () => {
    const { details } = await run(idiv, 'order-WARN_NOT_POSSIBLE');
    expect(details.capabilities?.similarity?.[0]?.decision).toEqual({
      type: 'WARNING',
      details: { label: 'NOT_POSSIBLE' },
    });
    expect(details.capabilities?.similarity?.[0]?.data).toEqual({ similarity: 'MATCH' });
  });

  it('a label no capability of the workflow has under that verdict falls back to a plain REJECT', async () => {
    const { details } = await run(idiv, 'order-REJECT_ALERT');
    expect(details.decision?.type).toBe('REJECTED');
    const rejected = capabilityResults(details).filter((r) => r.type === 'REJECTED');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.label).not.toBe('ALERT');
  });
});

describe('upload and finalize answers', () => {
  it('pass UploadResponseSchema and FinalizeResponseSchema unchanged', async () => {
    const { sim, client } = start();
    const response = await client.send(account().ref('order-u').workflow(10011));
    const id = response.workflowExecution.credentials.find((c) => c.category === 'ID');
    const form = new FormData();
    form.append('file', new Blob([JPEG]), 'front.jpg');
    const headers = { authorization: `Bearer ${id?.api?.token}`, 'user-agent': 'tests/1.0' };
    const uploaded = await (
      await sim.fetch(id?.api?.parts['front'] as string, { method: 'POST', headers, body: form })
    ).json();
    expect(v.parse(UploadResponseSchema, uploaded)).toEqual(uploaded);
    expect(uploaded.api.workflowExecution).toBe(id?.api?.workflowExecution);
    await client.upload(response, 'face', JPEG);
    const finalized = await (
      await sim.fetch(id?.api?.workflowExecution as string, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json' },
        body: '{}',
      })
    ).json();
    expect(v.parse(FinalizeResponseSchema, finalized)).toEqual(finalized);
  });
});
