import type { ReusableCategory } from '../model/codes.js';
import { type CatalogWorkflows, WORKFLOW_CATALOG } from './catalog.js';
import type { CatalogBuildFacts } from './catalog-facts.js';
import type { WorkflowRegistry, WorkflowSpec } from './define.js';

/**
 * A workflow key the builder accepts: a catalog key or one registered in {@link WorkflowRegistry}.
 * A key chosen at run time (`key: WorkflowKey`, or a union of keys) is accepted too: its rules
 * are then checked at run time. Narrow a plain `number` with {@link isWorkflowKey}.
 */
export type WorkflowKey = keyof CatalogWorkflows | (keyof WorkflowRegistry & number);

/**
 * Read for a key nobody registered: `(WorkflowRegistry & NotRegistered)[K]` is then this mark, which
 * is no {@link WorkflowSpec}. Not `undefined`: without `strictNullChecks`, `undefined` extends every
 * type, so every catalog key would read as an (empty) registered spec.
 */
interface NotRegistered {
  readonly [key: number]: { readonly '~notRegistered': true };
}

/** Read for a key the catalog does not know: `(CatalogWorkflows & NotInCatalog)[K]` is then `never`. */
interface NotInCatalog {
  readonly [key: number]: never;
}

/**
 * The spec of one key: the registered one (it wins over the catalog), else the catalog's, else
 * `never`. Indexed accesses, not `K extends keyof WorkflowRegistry`: testing a key against the
 * key union costs every checker about 5 types per registered workflow (`K & key` intersections
 * and the key literals), a lookup costs the same at 0 and 1,000 registered (bench/editor.ts).
 */
type SpecOfKey<K extends number> = (WorkflowRegistry & NotRegistered)[K] extends infer S extends WorkflowSpec
  ? S
  : (CatalogWorkflows & NotInCatalog)[K];

/**
 * The spec of a workflow as the builder records it: a key (a registered workflow wins over the
 * catalog) or a {@link defineWorkflow} definition. Distributes over unions of keys.
 */
export type WorkflowSpecOf<W> = W extends WorkflowSpec ? W : W extends number ? SpecOfKey<W> : never;

/**
 * What the builder checks of a workflow: the credential entries it accepts (new, or reused as
 * `'reused ID'`, …), the presets it requires, `'userReference'` when it needs a user reference, and
 * whether it runs only on an existing account.
 */
export interface BuildFacts {
  readonly accepts: string;
  readonly requires: string;
  readonly user: string;
  readonly updateOnly: boolean;
}

/** {@link BuildFacts} computed from a spec: a registered workflow's, or a {@link defineWorkflow} definition's. */
interface SpecBuildFacts<S extends WorkflowSpec> {
  readonly accepts: S['credentials'][number] | `reused ${ReusableCategory}`;
  readonly requires: S extends { readonly requiredPresets: readonly (infer R extends string)[] } ? R : never;
  readonly user: S extends { readonly requiredFields: readonly 'userReference'[] } ? 'userReference' : never;
  readonly updateOnly: S extends { readonly updateOnly: true } ? true : false;
}

/** Read for a key the catalog does not know: `(CatalogBuildFacts & NoCatalogFacts)[K]` is then `never`. */
interface NoCatalogFacts {
  readonly [key: number]: never;
}

/**
 * The {@link BuildFacts} of a workflow as the builder records it: a registered key's (computed from
 * its spec), a catalog key's (written out in {@link CatalogBuildFacts}, so they cost a lookup), or a
 * definition's. A union of keys gives the union of their facts.
 */
export type BuildFactsOf<W> = W extends WorkflowSpec
  ? SpecBuildFacts<W>
  : W extends number
    ? (WorkflowRegistry & NotRegistered)[W] extends infer S extends WorkflowSpec
      ? SpecBuildFacts<S>
      : (CatalogBuildFacts & NoCatalogFacts)[W]
    : never;

/**
 * Whether `value` is a workflow key the builder accepts: a catalog key, or the key of one of the
 * `workflows` given (your {@link defineWorkflow} definitions; registered keys exist only as types,
 * so pass their definitions to recognise them at run time). Narrows a key read from configuration
 * so `.workflow(key)` compiles; the workflow's rules are then checked when the request is built.
 *
 * @example
 * ```ts
 * import { account, isWorkflowKey } from 'jumio-kyx';
 * const key: number = Number('10026'); // e.g. from configuration
 * if (!isWorkflowKey(key)) throw new Error(`unknown workflow ${key}`);
 * const result = account().ref('order-1').workflow(key).validate();
 * // { success: false, issues: [{ path: 'workflowDefinition.credentials', message: 'workflow 10026 requires .document(country, type)' }] }
 * ```
 */
export function isWorkflowKey(value: unknown, workflows: readonly WorkflowSpec[] = []): value is WorkflowKey {
  return (
    typeof value === 'number' &&
    (WORKFLOW_CATALOG.some((w) => w.key === value) || workflows.some((w) => w.key === value))
  );
}
