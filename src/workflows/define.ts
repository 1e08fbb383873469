import type { Channel, CredentialCategory, PresetCategory } from '../model/codes.js';
import type { PreparedDataSpec } from '../model/prepared-data.js';

/**
 * What a workflow needs and accepts: the facts the builder's types, the run-time validation, the
 * simulator and the docs all read.
 *
 * @example
 * ```ts
 * import type { WorkflowSpec } from 'jumio-kyx';
 * const spec: WorkflowSpec = {
 *   key: 20001, name: 'Tenant KYC', credentials: ['ID', 'SELFIE'], channels: ['API'], capabilities: [],
 * };
 * ```
 */
export interface WorkflowSpec {
  /** The workflow definition key sent as `workflowDefinition.key`. */
  readonly key: number;
  /** Human-readable name. */
  readonly name: string;
  /** Credential categories the workflow collects (and that a request may preset, for ID/DOCUMENT/FACEMAP). */
  readonly credentials: readonly CredentialCategory[];
  /** Presets the request must carry, e.g. `['DOCUMENT']` for document verification. */
  readonly requiredPresets?: readonly PresetCategory[];
  /** Optional request fields this workflow requires. */
  readonly requiredFields?: readonly 'userReference'[];
  /** `true` when the workflow runs only on an existing account (`account(accountId)`, PUT). */
  readonly updateOnly?: boolean;
  /**
   * `true` when the workflow evaluates an ID credential already on the account (workflow 5):
   * the request names it with `.reuse('ID', credentialId?)` (no id: the latest one).
   */
  readonly reusesCredential?: boolean;
  /**
   * `true` when the FACEMAP credential is uploaded over the API as a binary file (workflow 16,
   * Authentication on Premise): `client.upload(response, 'facemap', bytes)`. Elsewhere a facemap
   * is captured by the web client or SDK.
   */
  readonly facemapUpload?: boolean;
  /** Channels through which credentials can be acquired. */
  readonly channels: readonly Channel[];
  /** The capabilities (services) the workflow runs, in order, e.g. `usability`, `extraction`. */
  readonly capabilities: readonly string[];
  /** Notes for the docs: activation needs, caveats. */
  readonly notes?: string;
  /** What its prepared data (DATA credential) needs: required keys, one-of groups, alpha-3 countries. */
  readonly preparedData?: PreparedDataSpec;
}

/**
 * Declares a workflow (typically a tenant-specific key from Jumio's Workflow Designer). Pass the
 * result to `.workflow(definition)`, or register its type to use its key directly.
 *
 * @example
 * ```ts
 * import { account, defineWorkflow } from 'jumio-kyx';
 * const tenantKyc = defineWorkflow({
 *   key: 20001,
 *   name: 'Tenant KYC',
 *   credentials: ['ID', 'SELFIE'],
 *   requiredPresets: ['ID'],
 *   channels: ['API', 'WEB'],
 *   capabilities: ['usability', 'extraction', 'similarity'],
 * });
 * account().ref('r-1').workflow(tenantKyc).id({ country: 'USA', type: 'PASSPORT' }).build();
 *
 * // Optional: register the key so `.workflow(20001)` type-checks too.
 * // declare module 'jumio-kyx' { interface WorkflowRegistry { 20001: typeof tenantKyc } }
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function defineWorkflow<const S extends WorkflowSpec>(spec: S): S {
  return Object.freeze(spec);
}

/**
 * Registry of tenant-specific workflows, extended by declaration merging. Each key maps to the
 * `typeof` a {@link defineWorkflow} result.
 *
 * @example
 * ```ts
 * import { defineWorkflow } from 'jumio-kyx';
 * export const screening = defineWorkflow({
 *   key: 20002, name: 'Tenant screening', credentials: ['DATA'], requiredFields: ['userReference'],
 *   channels: ['API'], capabilities: ['watchlistScreening'],
 * });
 * declare module 'jumio-kyx' {
 *   interface WorkflowRegistry { 20002: typeof screening }
 * }
 * ```
 */
// biome-ignore lint/suspicious/noEmptyInterface: extended by declaration merging
export interface WorkflowRegistry {}
