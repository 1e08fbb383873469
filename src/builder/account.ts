import { KyxValidationError } from '../errors/index.js';
import type { PresetCategory, ReusableCategory } from '../model/codes.js';
import type { AccountMode, Capabilities, CredentialPreset, PresetValues } from '../model/request.js';
import type { WorkflowSpec } from '../workflows/define.js';
import type { WorkflowKey } from '../workflows/keys.js';
import { buildNode, compileNode, validateNode } from './compile.js';
import { combineExtra } from './extra.js';
import { type AccountNode, type DirectFields, emptyNode, type LeafSpot, type Leaves, plainCopy } from './node.js';
import type { AccountBuilder, IdPresetOptions } from './types.js';

/**
 * The builder in the state where every member is callable: a key chosen at run time (all of the
 * catalog's workflows), with a reference and a user reference.
 */
type OpenBuilder = AccountBuilder<AccountMode, WorkflowKey, true, true, never>;

/**
 * The members whose public parameter is a type-level check (`CheckReference<S>`, …) or the public
 * builder itself (`with`), which the untyped implementation cannot take as typed.
 */
type UntypedMembers = 'ref' | 'workflow' | 'document' | 'reuse' | 'with' | 'extra';

/** The parameters of a member that is a function; `never` for an error member. */
type Params<F> = F extends (...args: infer A) => unknown ? A : never;

/**
 * What the implementation must provide: every member of the public {@link AccountBuilder} and of
 * its `capability` options (a missing one does not compile), each taking the public parameters
 * (the {@link UntypedMembers} take any value) and returning anything: `account()` casts the
 * result to the public type.
 */
type Implementation = {
  readonly [K in keyof OpenBuilder]: K extends 'capability'
    ? { readonly [C in keyof OpenBuilder[K]]: (...args: Params<OpenBuilder[K][C]>) => unknown }
    : K extends UntypedMembers
      ? (...args: never) => unknown
      : (...args: Params<OpenBuilder[K]>) => unknown;
};

// The places of the parts the builder makes that hold a caller's value (see Leaves).
const SEARCH_PROFILE: LeafSpot = { path: 'searchProfile', steps: 'searchProfile' };
const SEARCH_TYPE: LeafSpot = { path: 'searchType', steps: 'searchType' };
const RULESET_ID: LeafSpot = { path: 'riskScoreRulesetId', steps: 'riskScoreRulesetId' };
const DOCUMENT_COUNTRY: LeafSpot = { path: 'country.values.0', steps: 'DOCUMENT.country.values.*' };
const DOCUMENT_TYPE: LeafSpot = { path: 'type.values.0', steps: 'DOCUMENT.type.values.*' };
const FACEMAP_TYPE: LeafSpot = { path: 'type.values.0', steps: 'FACEMAP.type.values.*' };

/** What `builder.capability` must provide. */
type CapabilityImplementation = Implementation['capability'];

const list = <T extends string>(value: T | readonly T[]): T[] => (Array.isArray(value) ? [...value] : [value as T]);

const values = <T extends string>(
  value: T | readonly T[],
  predefinedType: PresetValues<T>['predefinedType'] = 'DEFINED',
): PresetValues<T> => ({
  predefinedType,
  values: list(value),
});

/**
 * `builder.capability`: one small object per access, its methods on the prototype (no closures).
 * Each copies what the caller passed, so the builder shares nothing with its caller.
 */
class CapabilityOptions implements CapabilityImplementation {
  readonly #builder: AccountBuilderImpl;
  constructor(builder: AccountBuilderImpl) {
    this.#builder = builder;
  }
  watchlist(searchProfile?: string) {
    return searchProfile === undefined
      ? this.#builder.withCapability('watchlistScreening', {}, [])
      : this.#builder.withCapability('watchlistScreening', { searchProfile }, [
          { spot: SEARCH_PROFILE, value: searchProfile },
        ]);
  }
  extraction(enabled: boolean) {
    const enableExtraction = enabled === false ? 'false' : 'true';
    return this.#builder.withCapability('documentVerification', { enableExtraction }, []);
  }
  ekyc(searchType: 'one' | 'two') {
    return this.#builder.withCapability('ekycCheck', { searchType }, [{ spot: SEARCH_TYPE, value: searchType }]);
  }
  riskScore(riskScoreRulesetId: string) {
    const options = { riskScoreRulesetId };
    return this.#builder.withCapability('workflowDecision', options, [{ spot: RULESET_ID, value: riskScoreRulesetId }]);
  }
  ruleset(ids: readonly string[]) {
    const options = { ids: plainCopy(ids as string[], 'workflowDefinition.capabilities.ruleset.ids') };
    return this.#builder.withCapability('ruleset', options, undefined);
  }
}

/**
 * The untyped implementation behind {@link AccountBuilder}: every call returns a new frozen
 * builder around a new node, so builders can be shared and completed many times.
 */
class AccountBuilderImpl implements Implementation {
  readonly #node: AccountNode;

  // The node is private and never written after construction, so only the builder is frozen.
  constructor(node: AccountNode) {
    this.#node = node;
    Object.freeze(this);
  }

  /** A new builder around this node with `patch` applied (the account id never changes). */
  #next(patch: Partial<Omit<AccountNode, 'accountId'>>): AccountBuilderImpl {
    const node = this.#node;
    // Field by field rather than a spread: every node keeps one shape, and a chain step stays cheap.
    return new AccountBuilderImpl({
      accountId: node.accountId,
      fields: patch.fields ?? node.fields,
      workflow: 'workflow' in patch ? patch.workflow : node.workflow,
      presets: patch.presets ?? node.presets,
      capabilities: patch.capabilities ?? node.capabilities,
      capabilityLeaves: patch.capabilityLeaves ?? node.capabilityLeaves,
      extra: patch.extra ?? node.extra,
    });
  }

  /** Sets one field to a copy of `value`; `undefined` leaves the field as it was. */
  #set<K extends keyof DirectFields>(name: K, value: DirectFields[K]): AccountBuilderImpl {
    const copy = plainCopy(value, name);
    if (copy === undefined) return this.#next({});
    const fields: DirectFields = { ...this.#node.fields };
    fields[name] = copy;
    return this.#next({ fields });
  }

  /** Presets are made by the builder from what the caller passed (copied there), so they are used as they are. */
  #preset(category: PresetCategory, preset: CredentialPreset, leaves?: Leaves): AccountBuilderImpl {
    const node = this.#node;
    const entry = [category, preset, leaves] as const;
    const presets = node.presets.some(([c]) => c === category)
      ? node.presets.map((e) => (e[0] === category ? entry : e))
      : [...node.presets, entry];
    return this.#next({ presets });
  }

  /** One capability's options, made by the builder (what the caller passed in them is copied there); for {@link CapabilityOptions}, not in the public type. */
  withCapability<C extends keyof Capabilities>(
    name: C,
    options: Capabilities[C],
    leaves: Leaves | undefined,
  ): AccountBuilderImpl {
    const capabilities: Capabilities = { ...this.#node.capabilities };
    capabilities[name] = options;
    // `undefined` (checked whole) rather than `delete`, which would leave a slow dictionary object
    const capabilityLeaves: Partial<Record<keyof Capabilities, Leaves | undefined>> = {
      ...this.#node.capabilityLeaves,
    };
    capabilityLeaves[name] = leaves;
    return this.#next({ capabilities, capabilityLeaves });
  }

  ref(customerInternalReference: string) {
    return this.#set('customerInternalReference', customerInternalReference);
  }
  user(userReference: string) {
    return this.#set('userReference', userReference);
  }
  reporting(reportingCriteria: string) {
    return this.#set('reportingCriteria', reportingCriteria);
  }
  callback(callbackUrl: string) {
    return this.#set('callbackUrl', callbackUrl);
  }
  tokenLifetime(tokenLifetime: Required<DirectFields>['tokenLifetime']) {
    return this.#set('tokenLifetime', tokenLifetime);
  }
  web(web: Required<DirectFields>['web']) {
    return this.#set('web', web);
  }
  consent(userConsent: Required<DirectFields>['userConsent']) {
    return this.#set('userConsent', userConsent);
  }
  overrides(overrideSettings: Required<DirectFields>['overrideSettings']) {
    return this.#set('overrideSettings', overrideSettings);
  }

  workflow(workflow: number | WorkflowSpec) {
    return this.#next({ workflow });
  }

  id(idOptions: IdPresetOptions = {}) {
    const options = plainCopy(idOptions, 'workflowDefinition.credentials');
    const preset: Record<string, unknown> = {};
    if (options.id !== undefined) preset['id'] = options.id;
    preset['category'] = 'ID';
    if (options.country !== undefined) preset['country'] = values(options.country, options.predefinedType);
    if (options.type !== undefined) preset['type'] = values(options.type, options.predefinedType);
    return this.#preset('ID', preset as unknown as CredentialPreset);
  }

  document(country: string, type: string) {
    const preset = { category: 'DOCUMENT', country: values(country), type: values(type) } as CredentialPreset;
    // two strings make the schema's shape (one value in each list); anything else is checked whole
    const leaves =
      typeof country === 'string' && typeof type === 'string'
        ? [
            { spot: DOCUMENT_COUNTRY, value: country },
            { spot: DOCUMENT_TYPE, value: type },
          ]
        : undefined;
    return this.#preset('DOCUMENT', preset, leaves);
  }

  reuse(category: ReusableCategory, credentialId?: string) {
    // `id` first, as in Jumio's own example: { "id": "…", "category": "ID" }
    const preset = credentialId === undefined ? { category } : { id: credentialId, category };
    return this.#preset(category, preset as CredentialPreset);
  }

  selfie() {
    return this.#preset('SELFIE', { category: 'SELFIE' }, []);
  }

  facemap(type?: string) {
    if (type === undefined) return this.#preset('FACEMAP', { category: 'FACEMAP' }, []);
    const preset = { category: 'FACEMAP', type: values(type) } as CredentialPreset;
    const leaves = typeof type === 'string' ? [{ spot: FACEMAP_TYPE, value: type }] : undefined;
    return this.#preset('FACEMAP', preset, leaves);
  }

  get capability() {
    return new CapabilityOptions(this);
  }

  extra(patch: Record<string, unknown>) {
    const copy = plainCopy(patch, '.extra()');
    if (typeof copy !== 'object' || copy === null || Array.isArray(copy)) {
      throw new KyxValidationError({
        issues: [{ path: '.extra()', message: 'must be a JSON object: .extra({ field: value })' }],
      });
    }
    return this.#next({ extra: combineExtra(this.#node.extra, copy) });
  }

  with<T>(fragment: (builder: this) => T): T {
    return fragment(this);
  }

  build() {
    return buildNode(this.#node);
  }
  toJSON() {
    return buildNode(this.#node);
  }
  compile() {
    return compileNode(this.#node);
  }
  validate() {
    return validateNode(this.#node);
  }
}

/**
 * Starts an account request. `account()` creates a new account (POST /api/v1/accounts);
 * `account(accountId)` adds a transaction to an existing one (PUT /api/v1/accounts/{accountId}).
 *
 * @example
 * ```ts
 * import { account } from 'jumio-kyx';
 * const create = account().ref('myOrganization').workflow(10026).document('USA', 'BS').capability.ekyc('one');
 * const update = account('572ac7b5-9f83-409d-ba8e-f0014e411c7e').ref('x').workflow(10011);
 * create.compile().method; // 'POST'
 * update.compile().path; // '/api/v1/accounts/572ac7b5-9f83-409d-ba8e-f0014e411c7e'
 * ```
 */
export function account(): AccountBuilder<'create'>;
export function account(accountId: string): AccountBuilder<'update'>;
// @__NO_SIDE_EFFECTS__
export function account(accountId?: string): AccountBuilder<'create'> | AccountBuilder<'update'> {
  return new AccountBuilderImpl(emptyNode(accountId)) as unknown as AccountBuilder<'create'>;
}
