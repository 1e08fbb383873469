import type { KyxIssue } from '../errors.js';
import type { CountryAlpha2 } from '../model/alpha2.js';
import type { DocumentType, FacemapType, IdType, PresetCategory, TokenLifetime } from '../model/codes.js';
import type { CountryCode } from '../model/countries.js';
import type { AccountRequest, OverrideSettings, PredefinedType, UserConsent, WebSettings } from '../model/request.js';
import type { WorkflowSpec } from '../workflows/define.js';
import type { WorkflowKey, WorkflowSpecOf } from '../workflows/keys.js';
import type { AccountMode } from '../workflows/rules.js';
import type { KyxTypeError } from './type-error.js';

export type { AccountMode, WorkflowKey };

/**
 * What the builder records of its workflow: `null` before `.workflow()`, then the key (a union
 * of keys when it was chosen at run time) or the {@link defineWorkflow} definition. Keys keep
 * hovers and messages short: `AccountBuilder<"create", 10026, …>`.
 */
type WorkflowState = number | WorkflowSpec | null;

/** `true` for a union (a workflow key chosen at run time), `false` for one member. */
type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

/**
 * The country argument: an alpha-3 code; an alpha-2 literal gets a message naming its alpha-3 code,
 * anything else one asking for an alpha-3 code. The messages are written out in
 * {@link CountryAlpha2}: a template literal over `C` and its alpha-3 code would be expanded by the
 * checker for all 249 × 249 pairs when it takes this type's constraint (64,000 types for one
 * `.document()` call; measured with `tsc --extendedDiagnostics`), and the message choice sits
 * inside `KyxTypeError<…>` so that constraint does not list all 249 messages (−500 types).
 */
type CheckCountry<C extends string> = C extends CountryCode
  ? C
  : KyxTypeError<
      C extends keyof CountryAlpha2 ? CountryAlpha2[C] : 'country must be an ISO 3166-1 alpha-3 code (a CountryCode)'
    >;

type ForbiddenReferenceCharacter = '<' | '>' | '"' | '/' | ';' | '`' | '%' | '{' | '}' | '|';

/**
 * Strings containing a forbidden character. Kept behind a non-generic interface: TypeScript
 * re-instantiates a bare template-literal union (10 members) for every checked literal, but never
 * a non-generic interface, so each `.ref('…')` costs about 6 instantiations instead of 15
 * (measured in bench/types.ts).
 */
interface ForbiddenReference {
  readonly value: `${string}${ForbiddenReferenceCharacter}${string}`;
}

/** A reference literal with a forbidden character becomes an error; other strings pass (per union member). */
type CheckReference<S extends string> = S extends unknown
  ? { readonly value: S } extends ForbiddenReference
    ? KyxTypeError<'customerInternalReference must not contain any of < > " / ; ` % { } |'>
    : S
  : never;

/** `KyxTypeError<M>` with the message evaluated, so editors print the sentence, not an alias. */
type Fail<M> = [M] extends [infer Message extends string] ? KyxTypeError<Message> : never;

/**
 * Checks `.workflow(x)`: x is a known or registered key (or a union of them, chosen at run time),
 * or a definition; a single update-only workflow is not allowed on a create. A plain `number`
 * must be narrowed first.
 */
type CheckWorkflow<M extends AccountMode, K> = number extends K
  ? KyxTypeError<'a plain number is not a workflow key: narrow it with isWorkflowKey(key), or pass defineWorkflow({ key, … })'>
  : [K] extends [WorkflowSpec]
    ? M extends 'create'
      ? [K] extends [{ readonly updateOnly: true }]
        ? KyxTypeError<`workflow ${K['key']} runs only on an existing account: start from account(accountId)`>
        : K
      : K
    : [K] extends [WorkflowKey]
      ? M extends 'update'
        ? K
        : IsUnion<K> extends true
          ? K // chosen at run time: the catalog rules are checked when the request is built
          : WorkflowSpecOf<K> extends { readonly updateOnly: true }
            ? // `K & number`, not the spec's key: a message built from WorkflowSpecOf<K> costs ~600 instantiations per project
              KyxTypeError<`workflow ${K & number} runs only on an existing account: start from account(accountId)`>
            : K
      : KyxTypeError<`workflow ${Exclude<K, WorkflowKey> & number} is not in the catalog: pass defineWorkflow({ key: ${Exclude<K, WorkflowKey> & number}, … }) or register its key in WorkflowRegistry`>;

type PresetHint = {
  ID: '.id({ country, type })';
  DOCUMENT: '.document(country, type)';
  FACEMAP: '.facemap()';
};

/** Whether workflow W (any of them, for a key chosen at run time; or no workflow yet) accepts presets of category C. */
type Accepts<W, C extends string> = [W] extends [null]
  ? true
  : C extends WorkflowSpecOf<W>['credentials'][number]
    ? true
    : false;

/** The message for a preset category a workflow does not accept. */
type NotAccepted<W, C extends PresetCategory> =
  WorkflowSpecOf<W> extends infer S extends WorkflowSpec
    ? `workflow ${S['key']} does not accept ${C extends 'ID' ? 'an' : 'a'} ${C} credential (it collects ${JoinCategories<S['credentials']>})`
    : never;

type JoinCategories<T extends readonly string[]> = T extends readonly [
  infer A extends string,
  ...infer R extends string[],
]
  ? R extends []
    ? A
    : `${A}, ${JoinCategories<R>}`
  : string;

/** The first unmet requirement of a workflow, or `never` when it is satisfied. */
type WorkflowProblem<W extends WorkflowSpec, U extends boolean, P extends PresetCategory> = [
  Exclude<P, W['credentials'][number]>,
] extends [never]
  ? W extends { readonly requiredPresets: readonly (infer Req extends PresetCategory)[] }
    ? [Exclude<Req, P>] extends [never]
      ? UserProblem<W, U>
      : `workflow ${W['key']} requires ${W extends { readonly reusesCredential: true } ? '.id({ id: credentialId })' : PresetHint[Exclude<Req, P>]}`
    : UserProblem<W, U>
  : `workflow ${W['key']} does not accept the ${Exclude<P, W['credentials'][number]>} credential preset`;

type UserProblem<W extends WorkflowSpec, U extends boolean> = U extends true
  ? never
  : W extends { readonly requiredFields: readonly 'userReference'[] }
    ? `workflow ${W['key']} requires .user(userReference)`
    : never;

/**
 * Why the builder cannot be built yet, or `never` when it can. A workflow key chosen at run time
 * (a union) has its rules checked at run time instead.
 */
type BuildProblem<W, R extends boolean, U extends boolean, P extends PresetCategory> = R extends false
  ? 'set the reference first: .ref(customerInternalReference)'
  : [W] extends [null]
    ? 'choose a workflow first: .workflow(key)'
    : IsUnion<W> extends true
      ? never
      : WorkflowSpecOf<W> extends infer S extends WorkflowSpec
        ? WorkflowProblem<S, U, P>
        : never;

/** A member that is `T` when the builder is complete, else the error saying what is missing. */
type WhenComplete<W, R extends boolean, U extends boolean, P extends PresetCategory, T> =
  BuildProblem<W, R, U, P> extends infer Problem extends string
    ? [Problem] extends [never]
      ? T
      : KyxTypeError<Problem>
    : never;

/**
 * The HTTP request a complete builder compiles to; the transport sends exactly this.
 *
 * @example
 * ```ts
 * import { account } from 'jumio-kyx';
 * const { method, path, body } = account().ref('x').workflow(10011).compile();
 * // method: 'POST', path: '/api/v1/accounts', body: { customerInternalReference: 'x', … }
 * ```
 */
export interface CompiledAccountRequest<M extends AccountMode = AccountMode> {
  /** `POST` to create an account, `PUT` to add a transaction to one. */
  readonly method: M extends 'create' ? 'POST' : 'PUT';
  /** Path on the account host. */
  readonly path: M extends 'create' ? '/api/v1/accounts' : `/api/v1/accounts/${string}`;
  /** The validated body. */
  readonly body: AccountRequest;
}

/**
 * Result of {@link AccountBuilder.validate}: the body, or every problem found. Never throws.
 *
 * @example
 * ```ts
 * import { account } from 'jumio-kyx';
 * const result = account().ref('x').workflow(10011).validate();
 * if (!result.success) console.log(result.issues);
 * ```
 */
export type AccountValidationResult =
  | { readonly success: true; readonly output: AccountRequest }
  | { readonly success: false; readonly issues: readonly KyxIssue[] };

/**
 * What `client.send` needs of a request: a finished body it can build, compile and validate. A
 * complete builder ({@link CompleteAccountRequest}) is one; so is a finished JSON body wrapped
 * with these four methods (what the `kyx send` command sends). An incomplete builder is not: its
 * `build` and `compile` are typed as the message saying what is missing.
 *
 * @example
 * ```ts
 * import { account, type SendableRequest } from 'jumio-kyx';
 * const ready: SendableRequest = account().ref('x').workflow(10011);
 * const { method, path } = ready.compile();
 * ```
 */
export interface SendableRequest<M extends AccountMode = AccountMode> {
  /** The validated wire body; throws `KyxValidationError` on run-time problems. */
  build(): AccountRequest;
  /** Same as {@link SendableRequest.build}, so `JSON.stringify(request)` gives the body. */
  toJSON(): AccountRequest;
  /** Method, path and validated body. */
  compile(): CompiledAccountRequest<M>;
  /** The body or the problems, without throwing. */
  validate(): AccountValidationResult;
}

/**
 * A builder with every required part: it can be built, compiled, validated and sent, and it
 * keeps the optional setters.
 *
 * @example
 * ```ts
 * import { account, type CompleteAccountRequest } from 'jumio-kyx';
 * const ready: CompleteAccountRequest = account().ref('x').workflow(10011);
 * ```
 */
export interface CompleteAccountRequest<M extends AccountMode = AccountMode>
  extends SendableRequest<M>,
    AccountSetters<CompleteAccountRequest<M>> {
  /** Sets `userReference`. */
  user(userReference: string): CompleteAccountRequest<M>;
}

/**
 * The optional setters every request and template keeps, whatever it still needs; each returns
 * `Next` (the same kind of request or template).
 *
 * @example
 * ```ts
 * import { account, type AccountTemplate } from 'jumio-kyx';
 * function start(t: AccountTemplate<'ref'>, id: string) {
 *   return t.ref(id).callback('https://acme.example/jumio').tokenLifetime('1h').build();
 * }
 * start(account().workflow(10011), 'order-1');
 * ```
 */
export interface AccountSetters<Next> {
  /** Sets `reportingCriteria`. */
  reporting(reportingCriteria: string): Next;
  /** Sets `callbackUrl`. */
  callback(callbackUrl: string): Next;
  /** Sets `tokenLifetime`. */
  tokenLifetime(lifetime: TokenLifetime): Next;
  /** Sets `web`. */
  web(settings: WebSettings): Next;
  /** Sets `userConsent`. */
  consent(userConsent: UserConsent): Next;
  /** Sets `overrideSettings`. */
  overrides(settings: OverrideSettings): Next;
}

/**
 * A template named by what it still needs: `AccountTemplate<'ref'>` becomes a complete request
 * once `.ref()` is given. Use it to keep tables of templates and accept them in functions. It keeps
 * the optional setters ({@link AccountSetters}, and `.user()` when it is not what is missing)
 * before and after the missing parts are given: `t.ref(id).callback(url).build()`.
 *
 * @example
 * ```ts
 * import { account, type AccountTemplate } from 'jumio-kyx';
 * const templates = {
 *   docv: account().workflow(10026).document('USA', 'BS'),
 *   idv: account().workflow(10011).id({ type: ['PASSPORT'] }),
 * } satisfies Record<string, AccountTemplate<'ref'>>;
 * const body = templates.docv.ref('order-1').build();
 * ```
 */
export type AccountTemplate<Needs extends 'ref' | 'user' = never> = [Needs] extends [never]
  ? CompleteAccountRequest
  : AccountSetters<AccountTemplate<Needs>> & {
      [K in Needs | 'user']: (value: string) => AccountTemplate<Exclude<Needs, K>>;
    };

/**
 * Options of an ID credential preset (`.id(…)`).
 *
 * @example
 * ```ts
 * import type { IdPresetOptions } from 'jumio-kyx';
 * const options: IdPresetOptions = { country: ['USA', 'CAN'], type: ['DRIVING_LICENSE', 'ID_CARD'] };
 * ```
 */
export interface IdPresetOptions {
  /** UUID of an existing ID credential to reuse (workflow 5). */
  id?: string;
  /** Countries offered: one code or a list. */
  country?: CountryCode | readonly CountryCode[];
  /** ID types offered: one type or a list. */
  type?: IdType | readonly IdType[];
  /** `DEFINED` (default) or `RECOMMENDED`; applies to country and type. */
  predefinedType?: PredefinedType;
}

/**
 * Capability options, reached through `builder.capability`. Each returns the builder.
 *
 * @example
 * ```ts
 * import { account } from 'jumio-kyx';
 * account().ref('x').workflow(10026).document('USA', 'BS').capability.extraction(false);
 * ```
 */
export interface CapabilityOptions<B, W> {
  /** Configures watchlist screening; with a profile, overrides the search profile (`capabilities.watchlistScreening.searchProfile`). */
  watchlist: [W] extends [null]
    ? (searchProfile?: string) => B
    : 'watchlistScreening' extends WorkflowSpecOf<W>['capabilities'][number]
      ? (searchProfile?: string) => B
      : KyxTypeError<`workflow ${WorkflowSpecOf<W>['key']} does not run watchlist screening`>;
  /** Turns document extraction on or off (`capabilities.documentVerification.enableExtraction`, sent as a string). */
  extraction: Accepts<W, 'DOCUMENT'> extends true
    ? (enabled: boolean) => B
    : KyxTypeError<`workflow ${WorkflowSpecOf<W>['key']} accepts no DOCUMENT credential, so extraction cannot be configured`>;
  /** Requests a 1+1 (`one`) or 2+2 (`two`) eKYC search (`capabilities.ekycCheck.searchType`). */
  ekyc(searchType: 'one' | 'two'): B;
  /** Ruleset for the risk score (`capabilities.workflowDecision.riskScoreRulesetId`). */
  riskScore(rulesetId: string): B;
  /** Rulesets replacing the workflow's defaults (`capabilities.ruleset.ids`). */
  ruleset(ids: readonly string[]): B;
}

/**
 * The account request builder. Every call returns a new builder, so partial builders are
 * reusable templates. Methods that are not allowed yet are typed as a {@link KyxTypeError} that
 * says what to do.
 *
 * Type parameters record facts, not values: the mode (create/update), the workflow (its key, a
 * union of keys when chosen at run time, or a {@link defineWorkflow} definition), whether a
 * reference and a user reference were set, and which presets were added. With a key chosen at
 * run time (`key: WorkflowKey`), presets and capabilities of any of its workflows are allowed and
 * the catalog rules are checked by `build()` / `validate()` (a `KyxValidationError` naming the rule).
 *
 * @example
 * ```ts
 * import { account } from 'jumio-kyx';
 * const request = account()
 *   .ref('myOrganization')
 *   .workflow(10026)
 *   .document('USA', 'BS')
 *   .capability.ekyc('one');
 * const body = request.build();
 * ```
 */
export interface AccountBuilder<
  M extends AccountMode = 'create',
  W extends WorkflowState = null,
  R extends boolean = false,
  U extends boolean = false,
  P extends PresetCategory = never,
> {
  /** Sets `customerInternalReference` (1–100 characters, none of `<>"/;`%{}|`, no PII). Required. */
  ref<const S extends string>(customerInternalReference: CheckReference<S>): AccountBuilder<M, W, true, U, P>;
  /** Sets `userReference`, the end user's reference (1–100 characters, no PII). */
  user(userReference: string): AccountBuilder<M, W, R, true, P>;
  /** Sets `reportingCriteria` (1–255 characters). */
  reporting(reportingCriteria: string): this;
  /** Sets `callbackUrl`: an https URL of at most 255 characters. */
  callback(callbackUrl: string): this;
  /** Sets `tokenLifetime`, from `5m` to `60d`, e.g. `'30m'`, `'600s'`, `'1d'`. */
  tokenLifetime(lifetime: TokenLifetime): this;
  /**
   * Chooses the workflow by catalog or registered key (or a union of them, e.g. `key: WorkflowKey`
   * from configuration, whose rules are then checked at run time), or by a {@link defineWorkflow}
   * definition. Required. A plain `number` must be narrowed with `isWorkflowKey(n)` first.
   */
  workflow<const K extends number | WorkflowSpec>(workflow: CheckWorkflow<M, K>): AccountBuilder<M, K, R, U, P>;
  /** Adds an ID credential preset: countries and ID types offered to the end user. A second call replaces the first. */
  id: Accepts<W, 'ID'> extends true
    ? (preset?: IdPresetOptions) => AccountBuilder<M, W, R, U, P | 'ID'>
    : Fail<NotAccepted<W, 'ID'>>;
  /**
   * Adds a DOCUMENT credential preset: exactly one country (ISO alpha-3) and one document type.
   * Once only: a second `.document()` does not compile (at run time it would replace the first).
   */
  document: 'DOCUMENT' extends P
    ? KyxTypeError<'.document() was already called: a DOCUMENT preset names exactly one country and one type'>
    : Accepts<W, 'DOCUMENT'> extends true
      ? <const C extends string>(
          country: CheckCountry<C>,
          type: DocumentType,
        ) => AccountBuilder<M, W, R, U, P | 'DOCUMENT'>
      : Fail<NotAccepted<W, 'DOCUMENT'>>;
  /** Adds a FACEMAP (liveness) credential preset, optionally fixing the capture type. A second call replaces the first. */
  facemap: Accepts<W, 'FACEMAP'> extends true
    ? (type?: FacemapType) => AccountBuilder<M, W, R, U, P | 'FACEMAP'>
    : Fail<NotAccepted<W, 'FACEMAP'>>;
  /** Capability options: `.capability.ekyc('one')`, `.capability.extraction(false)`, … */
  readonly capability: CapabilityOptions<this, W>;
  /** Sets `web`: success and error URLs (at most 1900 characters) and the locale. */
  web(settings: WebSettings): this;
  /** Sets `userConsent`: the end user's IP, location and consent. */
  consent(userConsent: UserConsent): this;
  /** Sets `overrideSettings`: cross-device options. */
  overrides(settings: OverrideSettings): this;
  /** Applies a reusable fragment: `builder.with(withCallback)` is `withCallback(builder)`. */
  with<T>(fragment: (builder: this) => T): T;
  /** The validated wire body. Throws `KyxValidationError` listing every run-time problem. */
  build: WhenComplete<W, R, U, P, () => AccountRequest>;
  /** Same as `build()`, so `JSON.stringify(builder)` gives the body. */
  toJSON: WhenComplete<W, R, U, P, () => AccountRequest>;
  /** Method, path and validated body, ready for a transport. */
  compile: WhenComplete<W, R, U, P, () => CompiledAccountRequest<M>>;
  /** The body, or every problem found (including missing parts); never throws. */
  validate(): AccountValidationResult;
}

/**
 * A fragment that works on any builder and keeps its type: use it with `.with(fragment)`.
 * Fragments may call the methods that do not change what the builder still needs
 * (`callback`, `tokenLifetime`, `reporting`, `web`, `consent`, `overrides`, `capability.*`).
 *
 * @example
 * ```ts
 * import { account, type AccountFragment } from 'jumio-kyx';
 * const defaults: AccountFragment = (b) => b.callback('https://acme.example/jumio').tokenLifetime('1d');
 * account().ref('x').workflow(10011).with(defaults).build();
 * ```
 */
export type AccountFragment = <B extends AnyAccountBuilder>(builder: B) => B;

/**
 * What every account builder has, whatever its state: the methods that do not change what it
 * still needs. Generic fragments ({@link AccountFragment}) are written against this.
 *
 * @example
 * ```ts
 * import { account, type AnyAccountBuilder } from 'jumio-kyx';
 * const builders: AnyAccountBuilder[] = [account(), account().ref('x').workflow(10011)];
 * ```
 */
export interface AnyAccountBuilder {
  /** Sets `reportingCriteria`. */
  reporting(reportingCriteria: string): this;
  /** Sets `callbackUrl`. */
  callback(callbackUrl: string): this;
  /** Sets `tokenLifetime`. */
  tokenLifetime(lifetime: TokenLifetime): this;
  /** Sets `web`. */
  web(settings: WebSettings): this;
  /** Sets `userConsent`. */
  consent(userConsent: UserConsent): this;
  /** Sets `overrideSettings`. */
  overrides(settings: OverrideSettings): this;
  /** The capability options every workflow accepts. */
  readonly capability: Pick<CapabilityOptions<this, null>, 'ekyc' | 'riskScore' | 'ruleset'>;
  /** The body, or every problem found; never throws. */
  validate(): AccountValidationResult;
}
