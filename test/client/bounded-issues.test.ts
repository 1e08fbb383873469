import { describe, expect, it } from 'vitest';
import { account, KyxResponseError, KyxValidationError, validateAccountRequest } from '../../src/index.js';
import { caught, expectNoLeaks, json, jumio, SEED_RESPONSE, setup } from '../support/client-harness.js';

// A hostile body within the 1 MiB bound must not become a 19 MB error built in seconds: issues
// are bounded in number (the first 50, then one that counts the rest).

/** Jumio answering an account request with `count` wrong credential items. */
function hostile(count: number) {
  const base = jumio();
  return setup((call, request) => {
    if (call.path !== '/api/v1/accounts') return base(call, request);
    const body = structuredClone(SEED_RESPONSE) as unknown as { workflowExecution: { credentials: unknown[] } };
    body.workflowExecution.credentials = Array.from({ length: count }, () => 1);
    return json(body);
  }).client;
}

describe('issues are bounded in number', () => {
  it('400k wrong list items in an answer: the first 50 issues, then one that counts the rest', async () => {
    const error = await caught(hostile(400_000).send(account().ref('hostile-1').workflow(10011)));
    expect(error).toBeInstanceOf(KyxResponseError);
    const { issues } = error as KyxResponseError;
    expect(issues).toHaveLength(51);
    expect(issues[0]).toEqual({ path: 'workflowExecution.credentials.0', message: 'must be an object (got 1)' });
    expect(issues[49]?.path).toBe('workflowExecution.credentials.49');
    // validation stopped collecting after 1,000 issues: the rest were never built
    expect(issues[50]).toEqual({ path: '', message: '…and at least 950 more issues' });
    expect(error.message.length).toBeLessThan(51 * 120);
    expect((error as KyxResponseError).mayHaveCreated).toBe(true); // the answer arrived
  });

  it('the error of 400k wrong items is the error of 1,000: the work stops at the bound', async () => {
    const many = (await caught(hostile(400_000).send(account().ref('hostile-2').workflow(10011)))) as KyxResponseError;
    const some = (await caught(hostile(1_000).send(account().ref('hostile-3').workflow(10011)))) as KyxResponseError;
    expect(many.issues).toEqual(some.issues);
    const few = (await caught(hostile(60).send(account().ref('hostile-4').workflow(10011)))) as KyxResponseError;
    expect(few.issues[50]).toEqual({ path: '', message: '…and 10 more issues' }); // counted exactly below the bound
  });

  it('a KyxValidationError of any origin is bounded too', () => {
    const issues = Array.from({ length: 120 }, (_, i) => ({ path: `field${i}`, message: 'is wrong' }));
    const error = new KyxValidationError({ issues });
    expect(error.issues).toHaveLength(51);
    expect(error.issues[50]).toEqual({ path: '', message: '…and 70 more issues' });
    expect(new KyxValidationError({ issues: issues.slice(0, 51) }).issues).toHaveLength(51); // 51 are all shown
  });

  it('validateAccountRequest of a body with 400k wrong credentials: bounded the same way', () => {
    const credentials = Array.from({ length: 400_000 }, () => 1);
    const result = validateAccountRequest({
      customerInternalReference: 'x',
      workflowDefinition: { key: 10011, credentials },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toHaveLength(51);
    expect(result.issues[0]?.path).toBe('workflowDefinition.credentials.0');
    expect(result.issues[50]).toEqual({ path: '', message: '…and at least 950 more issues' });
  });

  it('leaked no secret or token in this file', () => {
    expectNoLeaks(3);
  });
});
