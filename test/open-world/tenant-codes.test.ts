import { afterEach, describe, expect, it } from 'vitest';
import {
  account,
  customDocumentType,
  KyxValidationError,
  uncheckedWorkflow,
  validateAccountRequest,
  WORKFLOW_CATALOG,
} from '../../src/index.js';
import type { Simulator } from '../../src/simulator/index.js';
import { simulatedClient } from '../support/simulated-client.js';
import { JPEG, PDF, PNG } from '../support/simulator.js';

// A tenant's own document codes and workflow keys (part 2 §4, main sheet §8.1): accepted by the
// types and at run time; the bare CUSTOM code is gone; catalog keys keep their rules.

const documentBody = (type: unknown) => ({
  customerInternalReference: 'r',
  workflowDefinition: {
    key: 10026,
    credentials: [
      {
        category: 'DOCUMENT',
        country: { predefinedType: 'DEFINED', values: ['USA'] },
        type: { predefinedType: 'DEFINED', values: [type] },
      },
    ],
  },
});

describe('customDocumentType', () => {
  it('is accepted wherever a document code is, and sent as the plain code', () => {
    const body = account().ref('r').workflow(10026).document('USA', customDocumentType('ACMEPAY')).build();
    expect(body).toEqual(documentBody('ACMEPAY'));
    expect(validateAccountRequest(documentBody('ACMEPAY')).success).toBe(true);
    expect(validateAccountRequest(documentBody('X')).success).toBe(true);
    expect(validateAccountRequest(documentBody('BS')).success).toBe(true);
  });

  it('checks a code chosen at run time: 1–10 characters, no blanks, not CUSTOM', () => {
    const problem = (code: string) => {
      try {
        customDocumentType(code);
        return undefined;
      } catch (error) {
        expect(error).toBeInstanceOf(KyxValidationError);
        return (error as KyxValidationError).issues[0]?.message;
      }
    };
    expect(problem('ACMEPAY')).toBeUndefined();
    expect(problem('ABCDEFGHIJ')).toBeUndefined();
    expect(problem('ABCDEFGHIJK')).toBe(
      'is 11 characters long: use the code as set up in the Jumio portal (1–10 characters, no blanks)',
    );
    expect(problem('ACME PAY')).toBe(
      'contains a blank: use the code as set up in the Jumio portal (1–10 characters, no blanks)',
    );
    expect(problem('')).toMatch(/^must not be empty/);
    expect(problem('CUSTOM')).toBe(
      "'CUSTOM' is not a document code: give your tenant's own code with customDocumentType(code)",
    );
  });

  it('JSON bodies follow the same rule, and the bare CUSTOM code is refused with a message naming customDocumentType', () => {
    const issues = (type: unknown) => {
      const result = validateAccountRequest(documentBody(type));
      return result.success ? [] : result.issues;
    };
    expect(issues('CUSTOM')).toEqual([
      {
        path: 'workflowDefinition.credentials.0.type.values.0',
        message: "'CUSTOM' is not a document code: give your tenant's own code with customDocumentType(code)",
      },
    ]);
    expect(issues('ACMEPAYMENTS')[0]?.message).toMatch(/is not a document code: is 12 characters long/);
    expect(issues('ACME\tPAY')[0]?.message).toMatch(/contains a blank/);
    expect(issues(12)[0]?.message).toMatch(/must be a string/);
  });
});

describe('uncheckedWorkflow', () => {
  it('accepts every preset, requires nothing, and still checks the fields', () => {
    const body = account()
      .ref('r')
      .workflow(uncheckedWorkflow(10549))
      .id({ country: 'USA' })
      .document('USA', customDocumentType('ACMEPAY'))
      .facemap()
      .selfie()
      .capability.watchlist('profile')
      .capability.extraction(false)
      .build();
    expect(body.workflowDefinition.key).toBe(10549);
    expect(body.workflowDefinition.credentials?.map((c) => c.category)).toEqual([
      'ID',
      'DOCUMENT',
      'FACEMAP',
      'SELFIE',
    ]);
    expect(account().ref('r').workflow(uncheckedWorkflow(10547)).build()).toEqual({
      customerInternalReference: 'r',
      workflowDefinition: { key: 10547 },
    });
    const bad = account()
      .ref('r')
      .workflow(uncheckedWorkflow(10549))
      .tokenLifetime('90d' as '30m')
      .validate();
    expect(!bad.success && bad.issues).toEqual([{ path: 'tokenLifetime', message: 'must be between 5m and 60d' }]);
  });

  it('a catalog key chosen at run time keeps the catalog rules', () => {
    const key: number = WORKFLOW_CATALOG.find((w) => w.key === 10026)?.key ?? 0;
    const result = account().ref('r').workflow(uncheckedWorkflow(key)).validate();
    expect(!result.success && result.issues.map((i) => i.message)).toEqual([
      'workflow 10026 requires .document(country, type)',
    ]);
    expect(uncheckedWorkflow(key)).toBe(WORKFLOW_CATALOG.find((w) => w.key === 10026));
  });
});

const open: Simulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

describe('the simulator with tenant codes and keys', () => {
  it('runs a custom document code, and an unchecked key the tenant configured, through the client', async () => {
    const tenant = uncheckedWorkflow(10549);
    const { client } = simulatedClient(open, { simulator: { workflows: [tenant] } });
    const docv = await client.send(account().ref('d').workflow(10026).document('USA', customDocumentType('ACMEPAY')));
    await client.upload(docv, 'document', new Uint8Array(PDF));
    await client.finalize(docv);
    const response = await client.send(account().ref('u').workflow(tenant).id({ country: 'USA' }));
    // its response accepts every part (types); the simulator offers what the workflow collects
    await client.upload(response, 'front', new Uint8Array(JPEG));
    await client.upload(response, 'face', new Uint8Array(PNG));
    await client.upload(response, 'facemap', new Uint8Array([1, 2, 3]));
    expect(response.workflowExecution.credentials.map((c) => c.category)).toEqual([
      'ID',
      'SELFIE',
      'FACEMAP',
      'FACEMAP',
      'DOCUMENT',
      'DATA',
    ]);
  });
});
