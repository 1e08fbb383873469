import { describe, expect, it } from 'vitest';
import { failingPlans, type PlanCall, renderChain, successPlans } from '../../bench/types/plans.js';
import { account, WORKFLOW_CATALOG } from '../../src/index.js';

// The type benchmark compares builder chains with object literals; this proves they are the same
// requests: every generated chain, run through the real builder, builds exactly its literal.
function run(accountId: string | undefined, calls: readonly PlanCall[]): unknown {
  let builder: unknown = accountId === undefined ? account() : account(accountId);
  for (const { method, args } of calls) {
    const path = method.split('.');
    const name = path.pop() as string;
    const owner = path.reduce((o, key) => (o as Record<string, unknown>)[key], builder) as Record<
      string,
      (...a: unknown[]) => unknown
    >;
    builder = owner[name]?.(...args);
  }
  return (builder as { build(): unknown }).build();
}

describe('bench plans', () => {
  const plans = successPlans(2 * WORKFLOW_CATALOG.length * 10);

  it('cover every workflow of the catalog', () => {
    const keys = new Set(plans.map((p) => p.body.workflowDefinition.key));
    expect([...keys].sort()).toEqual(WORKFLOW_CATALOG.map((w) => w.key).sort());
  });

  it('build, through the real builder, exactly the literal they are compared with', () => {
    for (const plan of plans) expect(run(plan.accountId, plan.calls)).toEqual(plan.body);
  });

  it('use update mode for update-only workflows and mix in optional calls', () => {
    for (const plan of plans) {
      const spec = WORKFLOW_CATALOG.find((w) => w.key === plan.body.workflowDefinition.key);
      if ('updateOnly' in (spec ?? {})) expect(plan.accountId).toBeDefined();
    }
    const methods = new Set(plans.flatMap((p) => p.calls.map((c) => c.method)));
    for (const m of ['id', 'document', 'facemap', 'capability.ekyc', 'callback', 'tokenLifetime', 'web', 'consent']) {
      expect(methods).toContain(m);
    }
  });

  it('render failing chains as one line each, one per defect in turn', () => {
    const failing = failingPlans(34);
    expect(new Set(failing.map((p) => p.defect)).size).toBe(17);
    for (const plan of failing) expect(renderChain(plan)).toMatch(/^account\([^\n]*\.build\(\)$/);
  });
});
