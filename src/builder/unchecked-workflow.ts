import { CAPABILITY_NAMES } from '../model/capabilities.js';
import { CHANNELS, CREDENTIAL_CATEGORIES, type CredentialCategory } from '../model/codes.js';
import { type CatalogWorkflowKey, findWorkflow } from '../workflows/catalog.js';
import type { WorkflowSpec } from '../workflows/define.js';
import type { KyxTypeError } from './type-error.js';

/**
 * A workflow key nobody described (a tenant's Workflow Designer key), made by
 * {@link uncheckedWorkflow}: it accepts every credential and capability option, requires nothing,
 * and its responses accept every part (the FACEMAP binary too).
 *
 * @typeParam K - The key.
 */
export interface UncheckedWorkflow<K extends number = number> extends WorkflowSpec {
  /** The key sent as `workflowDefinition.key`. */
  readonly key: K;
  /** Every category: nothing is refused. */
  readonly credentials: readonly CredentialCategory[];
  /** Every known capability: every capability option is accepted. */
  readonly capabilities: readonly string[];
  /** Its responses accept the FACEMAP binary too. */
  readonly facemapUpload: true;
  /** Marks a key nobody described. */
  readonly unchecked: true;
}

/** The key argument: a catalog key gets a message (the catalog knows its rules); other keys pass. */
type CheckUncheckedKey<K extends number> = number extends K
  ? K
  : K extends CatalogWorkflowKey
    ? KyxTypeError<`workflow ${K} is in the catalog, which knows its rules: pass the key itself, .workflow(${K})`>
    : K;

/**
 * A workflow key nobody described (integrators meet keys such as 10549 from their tenant's
 * Workflow Designer), for `.workflow(…)` when no {@link defineWorkflow} spec is at hand: every
 * preset is accepted, nothing is required, and only the request's fields are checked at run
 * time. Its responses accept every part. A catalog key keeps the catalog's rules: a literal one
 * does not compile, and one chosen at run time gets the catalog's definition.
 *
 * @example
 * ```ts
 * import { account, uncheckedWorkflow } from 'jumio-kyx';
 * account().ref('r').workflow(uncheckedWorkflow(10549)).id({ country: 'USA' }).build();
 * // { customerInternalReference: 'r', workflowDefinition: { key: 10549, credentials: [{ category: 'ID', … }] } }
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function uncheckedWorkflow<const K extends number>(key: CheckUncheckedKey<K>): UncheckedWorkflow<K> {
  const known = findWorkflow(key as number);
  if (known !== undefined) return known as unknown as UncheckedWorkflow<K>;
  return Object.freeze({
    key: key as K,
    name: `workflow ${key as number} (unchecked)`,
    credentials: CREDENTIAL_CATEGORIES,
    channels: CHANNELS,
    capabilities: CAPABILITY_NAMES,
    facemapUpload: true,
    unchecked: true,
  } as const);
}
