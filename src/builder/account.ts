import { KyxValidationError } from '../errors/index.js';
import type { PresetCategory, ReusableCategory } from '../model/codes.js';
import type { AccountMode, Capabilities, CredentialPreset, PresetValues } from '../model/request.js';
import type { WorkflowSpec } from '../workflows/define.js';
import type { WorkflowKey } from '../workflows/keys.js';
import { buildNode, compileNode, validateNode } from './compile.js';
import { combineExtra } from './extra.js';
import { type AccountNode, type DirectFields, emptyNode, plainCopy } from './node.js';
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

const list = <T extends string>(value: T | readonly T[]): T[] => (Array.isArray(value) ? [...value] : [value as T]);

const values = <T extends string>(
  value: T | readonly T[],
  predefinedType: PresetValues<T>['predefinedType'] = 'DEFINED',
): PresetValues<T> => ({
  predefinedType,
  values: list(value),
});

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

  /** Presets and capabilities are copied here, once, so the body can be laid out without copying. */
  #preset(category: PresetCategory, preset: CredentialPreset): AccountBuilderImpl {
    const node = this.#node;
    const entry = [category, plainCopy(preset, 'workflowDefinition.credentials')] as const;
    const presets = node.presets.some(([c]) => c === category)
      ? node.presets.map((e) => (e[0] === category ? entry : e))
      : [...node.presets, entry];
    return this.#next({ presets });
  }

  #capability(capabilities: Capabilities): AccountBuilderImpl {
    return this.#next({
      capabilities: { ...this.#node.capabilities, ...plainCopy(capabilities, 'workflowDefinition.capabilities') },
    });
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
    return this.#preset('DOCUMENT', {
      category: 'DOCUMENT',
      country: values(country),
      type: values(type),
    } as CredentialPreset);
  }

  reuse(category: ReusableCategory, credentialId?: string) {
    // `id` first, as in Jumio's own example: { "id": "…", "category": "ID" }
    const preset = credentialId === undefined ? { category } : { id: credentialId, category };
    return this.#preset(category, preset as CredentialPreset);
  }

  selfie() {
    return this.#preset('SELFIE', { category: 'SELFIE' });
  }

  facemap(type?: string) {
    const preset = type === undefined ? { category: 'FACEMAP' } : { category: 'FACEMAP', type: values(type) };
    return this.#preset('FACEMAP', preset as CredentialPreset);
  }

  get capability() {
    return {
      watchlist: (searchProfile?: string) =>
        this.#capability({ watchlistScreening: searchProfile === undefined ? {} : { searchProfile } }),
      extraction: (enabled: boolean) =>
        this.#capability({ documentVerification: { enableExtraction: enabled === false ? 'false' : 'true' } }),
      ekyc: (searchType: 'one' | 'two') => this.#capability({ ekycCheck: { searchType } }),
      riskScore: (riskScoreRulesetId: string) => this.#capability({ workflowDecision: { riskScoreRulesetId } }),
      ruleset: (ids: readonly string[]) =>
        this.#capability({ ruleset: { ids: Array.isArray(ids) ? [...ids] : (ids as never) } }),
    };
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
