import { describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  CALLBACK,
  EMPTY_CAPABILITIES_DETAILS,
  EXECUTION,
  EXPIRED_DETAILS,
  NOT_A_CALLBACK,
  OLDER_DETAILS,
  REPEATED_FACE_DETAILS,
  SCREENING_DETAILS,
  SIMILARITY_DETAILS,
  STATUS,
} from '../../fixtures/real-shapes.js';
import { capabilityResults, KyxValidationError, parseCallback } from '../../src/index.js';
import { jumio, setup } from '../support/client-harness.js';

/** A client whose retrieval answers with `body` (JSON text, as Jumio sends it). */
function answering(body: string) {
  const base = jumio();
  return setup((call, request) =>
    call.path.startsWith('/api/v1/accounts/') && call.method === 'GET'
      ? new Response(body, { headers: { 'content-type': 'application/json' } })
      : base(call, request),
  ).client;
}

const DETAILS = {
  'an expired execution': EXPIRED_DETAILS,
  'a repeated face': REPEATED_FACE_DETAILS,
  'similarity label and data disagreeing': SIMILARITY_DETAILS,
  'screening SUCCESS': SCREENING_DETAILS,
  'capabilities: {}': EMPTY_CAPABILITIES_DETAILS,
  'an older body without decision': OLDER_DETAILS,
};

describe('real shapes parse through the client with every value kept', () => {
  it.each(Object.entries(DETAILS))('%s', async (_, body) => {
    const details = await answering(body).details({ accountId: ACCOUNT, workflowExecutionId: EXECUTION });
    expect(details).toEqual(JSON.parse(body));
    // Jumio's order of capabilities is kept too
    expect(Object.keys(details.capabilities ?? {})).toEqual(Object.keys(JSON.parse(body).capabilities));
  });

  it('an expired execution: REJECTED 100, every capability NOT_EXECUTED, no parts, no startedAt', async () => {
    const details = await answering(EXPIRED_DETAILS).details({ accountId: ACCOUNT, workflowExecutionId: EXECUTION });
    expect(details.decision?.risk?.score).toBe(100);
    expect(details.startedAt).toBeUndefined();
    expect(details.credentials?.map((c) => c.parts)).toEqual([undefined, undefined]);
    expect(details.steps?.href).toMatch(/\/steps$/);
    expect(capabilityResults(details).map((r) => `${r.name}:${r.type}/${r.label}`)).toEqual([
      'usability:NOT_EXECUTED/NOT_UPLOADED',
      'extraction:NOT_EXECUTED/PRECONDITION_NOT_FULFILLED',
      'watchlistScreening:NOT_EXECUTED/PRECONDITION_NOT_FULFILLED',
      'liveness:NOT_EXECUTED/PRECONDITION_NOT_FULFILLED',
    ]);
    expect(details.capabilities?.extraction?.[0]?.data).toEqual({});
    expect(details.capabilities?.watchlistScreening?.[0]?.credentials).toBeUndefined();
  });

  it('a repeated face: typed reads of findings, extraction as sent, the facemap beside liveness data', async () => {
    const details = await answering(REPEATED_FACE_DETAILS).details({
      accountId: ACCOUNT,
      workflowExecutionId: EXECUTION,
    });
    const findings = details.capabilities?.imageChecks?.[0]?.data?.faceSearchFindings;
    expect(findings).toEqual({
      status: 'DONE',
      findings: ['a1000000-0000-4000-8000-00000000000a', 'a2000000-0000-4000-8000-00000000000b'],
    });
    const data = details.capabilities?.extraction?.[0]?.data;
    expect(data?.firstName).toBe('N/A');
    expect(data?.currentAge).toBe('53');
    expect(data?.dateOfBirthParts?.year).toBe('1971');
    expect(data?.personalNumber).toBe('<<<<<<<<<<<<<<');
    expect(data?.address?.formattedAddress).toBe('HEIDESTRASSE 17, 51147 KOELN, DEU');
    expect((data as Record<string, unknown>)['someNewField']).toEqual({ nested: [1, 'two'] });
    const liveness = details.capabilities?.liveness?.[0];
    expect(liveness?.data).toBeUndefined();
    expect(liveness?.validFaceMapForAuthentication).toMatch(/\/parts\/FACEMAP$/);
    expect(details.capabilities?.dataChecks?.[0]?.decision.details?.label).toBe('MISMATCHING_DATA_REPEATED_FACE');
    expect(details.workflow.parentId).toBe('9b000000-0000-4000-8000-000000000009');
    expect(details.workflow.childIds).toEqual([]);
    expect(details.wipedOutAt).toBe('2024-03-02T10:17:00.123Z');
    expect(details.credentials?.[0]?.label).toBe('ID');
    expect(details.credentials?.[0]?.parts?.map((p) => p.captureType)).toEqual(['AUTOMATIC', 'MANUAL']);
    expect(details.feedback?.status).toBe('FRAUD');
    expect(details.decision?.details?.label).toBe('OK');
  });

  it('similarity: the label and the data are both reported, neither derived from the other', async () => {
    const details = await answering(SIMILARITY_DETAILS).details({ accountId: ACCOUNT, workflowExecutionId: EXECUTION });
    const similarity = details.capabilities?.similarity?.[0];
    expect(similarity?.decision).toEqual({ type: 'WARNING', details: { label: 'NOT_POSSIBLE' } });
    expect(similarity?.data?.similarity).toBe('MATCH');
    expect(details.capabilities?.liveness?.[0]?.data?.predictedAge).toBe(47);
    expect(details.capabilities?.liveness?.[0]?.data?.ageConfidenceRange).toBe('41-65');
    expect(details.capabilities?.['someFutureCapability']?.[0]?.decision.type).toBe('SOMETHING_NEW');
  });

  it('screening: SUCCESS with a digit-string id and a numeric count; VALIDATION_FAILED with data {}', async () => {
    const details = await answering(SCREENING_DETAILS).details({ accountId: ACCOUNT, workflowExecutionId: EXECUTION });
    const [done, failed] = details.capabilities?.watchlistScreening ?? [];
    expect(done?.data?.searchStatus).toBe('SUCCESS');
    expect(done?.data?.searchId).toBe('1234567890');
    expect(done?.data?.searchResults).toBe(0);
    expect(done?.credentials).toBeUndefined();
    expect(failed?.decision.details?.label).toBe('VALIDATION_FAILED');
    expect(failed?.data).toEqual({});
    expect(details.workflow.definitionKey).toBe('10148');
  });

  it('an older body: no decision, no steps, integer age and date parts', async () => {
    const details = await answering(OLDER_DETAILS).details({ accountId: ACCOUNT, workflowExecutionId: EXECUTION });
    expect(details.decision).toBeUndefined();
    expect(details.steps).toBeUndefined();
    expect(details.capabilities?.extraction?.[0]?.data?.currentAge).toBe(70);
    expect(details.capabilities?.extraction?.[0]?.data?.dateOfBirthParts).toEqual({ year: 1954, month: 2, day: 9 });
  });

  it('status with the account-less execution href', async () => {
    const status = await answering(STATUS).status({ accountId: ACCOUNT, workflowExecutionId: EXECUTION });
    expect(status).toEqual(JSON.parse(STATUS));
  });

  it('a callback of a tenant workflow key with href ""; a body that is not a callback is a typed error', () => {
    expect(parseCallback(CALLBACK)).toEqual(JSON.parse(CALLBACK));
    let error: unknown;
    try {
      parseCallback(NOT_A_CALLBACK);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KyxValidationError);
    expect((error as KyxValidationError).issues.map((i) => i.path)).toEqual([
      'callbackSentAt',
      'workflowExecution',
      'account',
    ]);
    expect((error as Error).message).not.toContain('Test callback');
  });

  it('what the client relies on is still checked: a details body without a UUID account id fails, naming the field', async () => {
    const broken = JSON.parse(OLDER_DETAILS);
    broken.account.id = 'not-a-uuid';
    const error = await answering(JSON.stringify(broken))
      .details({ accountId: ACCOUNT, workflowExecutionId: EXECUTION })
      .catch((e: unknown) => e);
    expect(String((error as Error).message)).toContain('account.id');
    const wrongData = JSON.parse(SIMILARITY_DETAILS);
    wrongData.capabilities.liveness[0].data.predictedAge = 'forty';
    const typed = await answering(JSON.stringify(wrongData))
      .details({ accountId: ACCOUNT, workflowExecutionId: EXECUTION })
      .catch((e: unknown) => e);
    expect(String((typed as Error).message)).toContain('capabilities.liveness.0.data.predictedAge');
    expect(String((typed as Error).message)).not.toContain('forty');
  });
});

describe('capabilityResults', () => {
  it('lists every result in dependency order, then unknown capabilities in the order sent', async () => {
    const details = await answering(REPEATED_FACE_DETAILS).details({
      accountId: ACCOUNT,
      workflowExecutionId: EXECUTION,
    });
    // sent in another order: the list follows the dependency order of the capability table
    const shuffled = {
      capabilities: Object.fromEntries(Object.entries(details.capabilities ?? {}).reverse()),
    };
    expect(capabilityResults(shuffled)).toEqual([
      {
        name: 'usability',
        id: 'u1',
        type: 'PASSED',
        label: 'OK',
        credentials: [{ id: 'c1000000-0000-4000-8000-000000000001', category: 'ID' }],
      },
      {
        name: 'imageChecks',
        id: 'i1',
        type: 'WARNING',
        label: 'REPEATED_FACE',
        credentials: [{ id: 'c1000000-0000-4000-8000-000000000001', category: 'ID' }],
      },
      {
        name: 'extraction',
        id: 'e1',
        type: 'PASSED',
        label: 'OK',
        credentials: [{ id: 'c1000000-0000-4000-8000-000000000001', category: 'ID' }],
      },
      {
        name: 'dataChecks',
        id: 'd1',
        type: 'REJECTED',
        label: 'MISMATCHING_DATA_REPEATED_FACE',
        credentials: [{ id: 'c1000000-0000-4000-8000-000000000001', category: 'ID' }],
      },
      {
        name: 'liveness',
        id: 'l1',
        type: 'PASSED',
        label: 'OK',
        credentials: [{ id: 'c3000000-0000-4000-8000-000000000003', category: 'FACEMAP' }],
      },
    ]);
  });

  it('keeps several results of one capability, unknown capabilities last, no credentials as []', async () => {
    const similarity = await answering(SIMILARITY_DETAILS).details({
      accountId: ACCOUNT,
      workflowExecutionId: EXECUTION,
    });
    expect(capabilityResults(similarity).map((r) => [r.name, r.id, r.type, r.label])).toEqual([
      ['liveness', 'l1', 'PASSED', 'OK'],
      ['similarity', 's1', 'WARNING', 'NOT_POSSIBLE'],
      ['someFutureCapability', 'f1', 'SOMETHING_NEW', 'NEW_LABEL'],
    ]);
    const screening = await answering(SCREENING_DETAILS).details({
      accountId: ACCOUNT,
      workflowExecutionId: EXECUTION,
    });
    expect(capabilityResults(screening).map((r) => [r.name, r.id, r.credentials])).toEqual([
      ['dataChecks', 'd1', []],
      ['watchlistScreening', 'w1', []],
      ['watchlistScreening', 'w2', []],
    ]);
    expect(capabilityResults({})).toEqual([]);
    expect(capabilityResults({ capabilities: {} })).toEqual([]);
  });

  it('an allow-list over reasons, as integrators write it', async () => {
    const details = await answering(REPEATED_FACE_DETAILS).details({
      accountId: ACCOUNT,
      workflowExecutionId: EXECUTION,
    });
    const allowed = new Set(['imageChecks:WARNING/REPEATED_FACE']);
    const reasons = capabilityResults(details)
      .filter((r) => r.type !== 'PASSED')
      .map((r) => `${r.name}:${r.type}/${r.label ?? ''}`)
      .filter((reason) => !allowed.has(reason));
    expect(reasons).toEqual(['dataChecks:REJECTED/MISMATCHING_DATA_REPEATED_FACE']);
  });
});
