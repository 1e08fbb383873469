import { describe, expect, it } from 'vitest';
import {
  account,
  defineWorkflow,
  isWorkflowKey,
  KyxValidationError,
  WORKFLOW_CATALOG,
  type WorkflowKey,
} from '../../src/index.js';

// A workflow key chosen at run time compiles (test-d/ergonomics.test-d.ts); the catalog rules the
// types could not check are then checked by build()/validate(), each issue naming the rule.

/** A key as configuration gives it: a plain number, narrowed by isWorkflowKey. */
function configured(value: string): WorkflowKey {
  const key = Number(value);
  if (!isWorkflowKey(key)) throw new Error(`unknown workflow ${value}`);
  return key;
}

function issues(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof KyxValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a KyxValidationError');
}

describe('dynamic workflow keys', () => {
  it('10026 without a document: KyxValidationError naming the required preset', () => {
    const key = configured('10026');
    expect(issues(() => account().ref('order-1').workflow(key).build())).toEqual([
      {
        path: 'workflowDefinition.credentials',
        message: 'workflow 10026 requires .document(country, type)',
      },
    ]);
    expect(account().ref('order-1').workflow(key).document('USA', 'BS').build().workflowDefinition.key).toBe(10026);
  });

  it('a preset the chosen workflow does not accept, a missing user reference, an update-only workflow on a create', () => {
    expect(issues(() => account().ref('r').workflow(configured('10011')).document('USA', 'BS').build())).toEqual([
      {
        path: 'workflowDefinition.credentials.0.category',
        message: 'workflow 10011 does not accept a DOCUMENT credential (it collects ID, SELFIE, FACEMAP)',
      },
    ]);
    expect(issues(() => account().ref('r').workflow(configured('32')).build())).toEqual([
      {
        path: 'userReference',
        message: 'workflow 32 requires .user(userReference)',
      },
    ]);
    expect(issues(() => account().ref('r').workflow(configured('10014')).compile())).toEqual([
      {
        path: 'workflowDefinition.key',
        message: 'workflow 10014 runs only on an existing account: start from account(accountId)',
      },
    ]);
    expect(
      account('572ac7b5-9f83-409d-ba8e-f0014e411c7e').ref('r').workflow(configured('10014')).compile().method,
    ).toBe('PUT');
  });

  it('capabilities the chosen workflow cannot use', () => {
    const result = account()
      .ref('r')
      .workflow(configured('10011'))
      .capability.extraction(false)
      .capability.watchlist()
      .validate();
    expect(result.success ? [] : result.issues.map((i) => i.path)).toEqual([
      'workflowDefinition.capabilities.documentVerification',
      'workflowDefinition.capabilities.watchlistScreening',
    ]);
  });

  it('every catalog workflow chosen at run time gets the same verdict as the static key', () => {
    for (const workflow of WORKFLOW_CATALOG) {
      const key = configured(String(workflow.key));
      const result = account().ref('r').workflow(key).validate();
      const needs = 'requiredPresets' in workflow || 'requiredFields' in workflow || 'updateOnly' in workflow;
      expect({ key: workflow.key, valid: result.success }).toEqual({ key: workflow.key, valid: !needs });
    }
  });

  it('isWorkflowKey: catalog keys, the keys of given definitions, nothing else', () => {
    const tenant = defineWorkflow({
      key: 20001,
      name: 'Tenant',
      credentials: ['ID'],
      channels: ['API'],
      capabilities: [],
    });
    expect([10011, 10026, 5].map((k) => isWorkflowKey(k))).toEqual([true, true, true]);
    expect([99999, 20001, '10011', 10011.5, Number.NaN, null].map((k) => isWorkflowKey(k))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isWorkflowKey(20001, [tenant])).toBe(true);
  });
});
