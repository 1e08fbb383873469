import type { CountryAlpha2, CountryAlpha3 } from '../model/alpha2.js';
import type {
  DocumentType,
  FacemapType,
  FORBIDDEN_REFERENCE_CHARACTERS,
  IdType,
  PresetCategory,
  ReusableCategory,
  TokenLifetime,
} from '../model/codes.js';
import type { CountryCode } from '../model/countries.js';
import type { BARE_CUSTOM_MESSAGE, DocumentCode } from '../model/document-codes.js';
import type { IsUnion } from '../model/is-union.js';
import type {
  AccountMode,
  AccountRequest,
  OverrideSettings,
  PredefinedType,
  UserConsent,
  WebSettings,
} from '../model/request.js';
import type { forbiddenCharactersMessage } from '../model/rules.js';
import type { WorkflowSpec } from '../workflows/define.js';
import type { BuildFacts, BuildFactsOf, WorkflowSpecOf } from '../workflows/keys.js';
import type {
  CategoryList,
  NoExtractionMessage,
  NotAcceptedMessage,
  NoWatchlistMessage,
  PRESET_METHOD,
  REUSE_ID_METHOD,
  REUSE_ON_CREATE,
  RequiresMessage,
  UpdateOnlyMessage,
  USER_METHOD,
} from '../workflows/messages.js';
import type { AccountValidationResult } from '../workflows/validate.js';
import type { NO_REFERENCE, NO_WORKFLOW } from './messages.js';
import type { KyxTypeError } from './type-error.js';

/**
 * What the builder records of its workflow: `null` before `.workflow()`, then the key (a union
 * of keys when it was chosen at run time) or the {@link defineWorkflow} definition. Keys keep
 * hovers and messages short: `AccountBuilder<"create", 10026, …>`.
 */
type WorkflowState = number | WorkflowSpec | null;

/**
 * A credential category the builder recorded as reused (`.reuse('ID')` records `'ID'` and
 * `'reused ID'`), so a response can tell that every credential of its workflow is reused.
 */
export type ReusedCredential = `reused ${ReusableCategory}`;

/**
 * What the builder records of its credential entries: the categories listed, and which were reused.
 */
export type ListedCredential = PresetCategory | ReusedCredential;

/** Read for a code that is not an alpha-3 code: `(CountryAlpha3 & NotAlpha3)[C]` is then `false`. */
interface NotAlpha3 {
  readonly [code: string]: false;
}

/** Read for a string that is not an alpha-2 code either: the message asking for an alpha-3 code. */
interface NotAlpha2 {
  readonly [code: string]: 'country must be an ISO 3166-1 alpha-3 code (a CountryCode)';
}

/**
 * The country argument: an alpha-3 code; an alpha-2 literal gets a message naming its alpha-3 code,
 * anything else one asking for an alpha-3 code. The messages are written out in
 * {@link CountryAlpha2}: a template literal over `C` and its alpha-3 code would be expanded by the
 * checker for all 249 × 249 pairs when it takes this type's constraint (64,000 types for one
 * `.document()` call; measured with `tsc --extendedDiagnostics`). The code is looked up by key in
 * {@link CountryAlpha3} and {@link CountryAlpha2} (indexed accesses) rather than related to
 * `CountryCode` and `keyof CountryAlpha2`: a valid call then never builds those 249-member unions
 * (−760 types, −290 instantiations for one `.document()` call, measured in bench/editor.ts).
 */
type CheckCountry<C extends string> = C extends unknown
  ? (CountryAlpha3 & NotAlpha3)[C] extends true
    ? C
    : KyxTypeError<(CountryAlpha2 & NotAlpha2)[C] extends infer M extends string ? M : NotAlpha2[string]>
  : never;

/**
 * The document code argument: a standard code, or a tenant's own made by `customDocumentType(code)`;
 * the bare `'CUSTOM'` and other strings get a message saying what to pass.
 */
type CheckDocumentCode<T extends string> = T extends DocumentCode
  ? T
  : KyxTypeError<
      T extends 'CUSTOM'
        ? typeof BARE_CUSTOM_MESSAGE
        : "not a document code: use a standard code (DocumentType, e.g. BS) or customDocumentType(code) for your tenant's own"
    >;

type ForbiddenReferenceCharacter = (typeof FORBIDDEN_REFERENCE_CHARACTERS)[number];

/**
 * `customerInternalReference must not contain any of < > " / ; ` % { } |`: the run-time rule, after
 * the field name. A conditional on the reference S, so it is built only for a reference that
 * fails: spelling out the list costs ~300 instantiations, which every project paid while it was
 * a plain alias (TypeScript reads both branches of `CheckReference` for its constraint).
 */
type ForbiddenReferenceMessage<S> = S extends string
  ? `customerInternalReference ${ReturnType<typeof forbiddenCharactersMessage<typeof FORBIDDEN_REFERENCE_CHARACTERS>>}`
  : never;

/**
 * Strings containing a forbidden character. Kept behind a non-generic interface: TypeScript
 * re-instantiates a bare template-literal union (10 members) for every checked literal, but never
 * a non-generic interface, so each `.ref('…')` costs about 6 instantiations instead of 15
 * (measured in bench/types/index.ts).
 */
interface ForbiddenReference {
  readonly value: `${string}${ForbiddenReferenceCharacter}${string}`;
}

/** A reference literal with a forbidden character becomes an error; other strings pass (per union member). */
type CheckReference<S extends string> = S extends unknown
  ? { readonly value: S } extends ForbiddenReference
    ? KyxTypeError<ForbiddenReferenceMessage<S>>
    : S
  : never;

/** `KyxTypeError<M>` with the message evaluated, so editors print the sentence, not an alias. */
type Fail<M> = [M] extends [infer Message extends string] ? KyxTypeError<Message> : never;

/**
 * The members of K that are neither a catalog nor a registered key (`Exclude<K, WorkflowKey>`),
 * each looked up by key: relating K to the key union would cost every checker O(registered
 * workflows) types even for a valid key (bench/editor.ts, completions against registry size).
 */
type UnknownKeys<K> = K extends number ? ([BuildFactsOf<K>] extends [never] ? K : never) : K;

/** `true` when every member of K is a catalog or registered key. */
type IsKnownKey<K> = [UnknownKeys<K>] extends [never] ? true : false;

/**
 * Why `.workflow(x)` does not take x, or `never` when it does: x is a known or registered key (or a
 * union of them, chosen at run time), or a definition; a single update-only workflow is not allowed
 * on a create. A plain `number` must be narrowed first.
 */
type WorkflowRefusal<TMode extends AccountMode, K> = number extends K
  ? 'a plain number is not a workflow key: narrow it with isWorkflowKey(key), or pass defineWorkflow({ key, … })'
  : [K] extends [WorkflowSpec]
    ? TMode extends 'create'
      ? [K] extends [{ readonly updateOnly: true }]
        ? UpdateOnlyMessage<K['key']>
        : never
      : never
    : IsKnownKey<K> extends true
      ? TMode extends 'update'
        ? never
        : IsUnion<K> extends true
          ? never // chosen at run time: the catalog rules are checked when the request is built
          : BuildFactsOf<K>['updateOnly'] extends true
            ? // `K`, not the spec's key: a message built from WorkflowSpecOf<K> costs ~600 instantiations per project
              UpdateOnlyMessage<K>
            : never
      : `workflow ${UnknownKeys<K> & number} is not in the catalog: pass defineWorkflow({ key: ${UnknownKeys<K> & number}, … }) or register its key in WorkflowRegistry`;

/**
 * Checks `.workflow(x)`: x itself, or the error whose message is the {@link WorkflowRefusal}. One
 * conditional whose branches are `K` and an interface: TypeScript infers `K` by walking the branches
 * of the parameter's type, once for every builder state that calls `.workflow()`, and a chain of
 * conditionals there cost each state about 150 instantiations (bench/editor.ts).
 */
type CheckWorkflow<TMode extends AccountMode, K> = [WorkflowRefusal<TMode, K>] extends [never]
  ? K
  : KyxTypeError<WorkflowRefusal<TMode, K>>;

/** Whether workflow W (any of them, for a key chosen at run time; or no workflow yet) accepts presets of category C. */
type Accepts<W, C extends string> = [W] extends [null] ? true : C extends BuildFactsOf<W>['accepts'] ? true : false;

/** The message for preset categories C that workflow spec S does not accept (one message per category). */
type NotAcceptedBy<S extends WorkflowSpec, C extends PresetCategory> = NotAcceptedMessage<
  S['key'],
  C,
  CategoryList<S['credentials']>
>;

/** {@link NotAcceptedBy} for the workflow a builder recorded. */
type NotAccepted<TWorkflow, C extends PresetCategory> =
  WorkflowSpecOf<TWorkflow> extends infer S extends WorkflowSpec ? NotAcceptedBy<S, C> : never;

/** The call that adds a required preset of category C, as `presetCall` answers at run time. */
type PresetCall<S extends WorkflowSpec, C extends PresetCategory> = C extends 'ID'
  ? S extends { readonly reusesCredential: true }
    ? typeof REUSE_ID_METHOD
    : (typeof PRESET_METHOD)['ID']
  : (typeof PRESET_METHOD)[C];

/** The first unmet requirement of a workflow, or `never` when it is satisfied. */
type WorkflowProblem<S extends WorkflowSpec, THasUser extends boolean, TPresets extends ListedCredential> = [
  Exclude<TPresets, S['credentials'][number] | ReusedCredential>,
] extends [never]
  ? S extends { readonly requiredPresets: readonly (infer Req extends PresetCategory)[] }
    ? [Exclude<Req, TPresets>] extends [never]
      ? UserProblem<S, THasUser>
      : RequiresMessage<S['key'], PresetCall<S, Exclude<Req, TPresets>>>
    : UserProblem<S, THasUser>
  : NotAcceptedBy<S, Exclude<TPresets, S['credentials'][number] | ReusedCredential>>;

type UserProblem<S extends WorkflowSpec, THasUser extends boolean> = THasUser extends true
  ? never
  : S extends { readonly requiredFields: readonly 'userReference'[] }
    ? RequiresMessage<S['key'], typeof USER_METHOD>
    : never;

/**
 * Why the builder cannot be built yet, or `never` when it can. A workflow key chosen at run time
 * (a union) has its rules checked at run time instead.
 */
type BuildProblem<
  TWorkflow,
  THasRef extends boolean,
  THasUser extends boolean,
  TPresets extends ListedCredential,
> = THasRef extends false
  ? typeof NO_REFERENCE
  : [TWorkflow] extends [null]
    ? typeof NO_WORKFLOW
    : IsUnion<TWorkflow> extends true
      ? never
      : WorkflowSpecOf<TWorkflow> extends infer S extends WorkflowSpec
        ? WorkflowProblem<S, THasUser, TPresets>
        : never;

/**
 * A member that is `T` when the builder is complete, else the error saying what is missing. The
 * happy path reads the workflow's {@link BuildFacts} (for a catalog key, a lookup in a written-out
 * table) and tests the presets and the user against them in one step; only a builder that fails
 * it (or a key chosen at run time, whose rules are checked when it is built) goes on to
 * {@link BuildProblem}, which says what is missing (bench/editor.ts, the edited file: −11 % instantiations).
 */
type WhenComplete<
  TWorkflow,
  THasRef extends boolean,
  THasUser extends boolean,
  TPresets extends ListedCredential,
  T,
> = THasRef extends false
  ? KyxTypeError<typeof NO_REFERENCE>
  : [TWorkflow] extends [null]
    ? KyxTypeError<typeof NO_WORKFLOW>
    : BuildFactsOf<TWorkflow> extends infer F extends BuildFacts
      ? [
          | Exclude<TPresets, F['accepts']>
          | Exclude<F['requires'], TPresets>
          | (THasUser extends true ? never : F['user']),
        ] extends [never]
        ? T
        : BuildProblem<TWorkflow, THasRef, THasUser, TPresets> extends infer Problem extends string
          ? [Problem] extends [never]
            ? T
            : KyxTypeError<Problem>
          : never
      : never;

/**
 * A deep-partial `T` whose objects also take fields `T` does not know: known fields keep their
 * types (and autocomplete), unknown ones take any JSON value. A known field given another type
 * fails with the message in its union (written out: an alias would be printed by name). A plain mapped type, so checking a
 * patch costs about what checking the literal does (measured in bench/types/index.ts).
 */
type ExtraPatch<T> = [T] extends [readonly (infer E)[] | undefined]
  ? readonly ExtraPatch<E>[]
  : [T] extends [object | undefined]
    ? ExtraObject<NonNullable<T>>
    : T;

/**
 * One object of an {@link ExtraPatch}. A homomorphic mapped type, so a union of objects (the
 * preset variants) is mapped member by member, while a union of literals (249 country codes) is
 * kept whole: a distributive conditional over it cost ~4,000 instantiations per project.
 */
type ExtraObject<T> = {
  readonly [K in keyof T]?:
    | ExtraPatch<T[K]>
    | KyxTypeError<'.extra() keeps the type of every known field: give it the type its setter takes'>;
} & { readonly [field: string]: unknown };

/**
 * What `.extra(patch)` takes: part of an {@link AccountRequest}, any depth, whose objects also
 * take fields the types do not know (Jumio's newer fields, a tenant's own). Known fields keep
 * their types here and every run-time check; unknown ones are sent as given.
 */
export type AccountExtra = ExtraPatch<AccountRequest>;

/**
 * The HTTP request a complete builder compiles to; the transport sends exactly this.
 *
 * @example
 * ```ts
 * import { account } from 'jumio-kyx';
 * const { method, path, body } = account().ref('x').workflow(10011).compile();
 * // method: 'POST', path: '/api/v1/accounts', body: { customerInternalReference: 'x', … }
 * ```
 *
 * @typeParam TMode - `create` (POST) or `update` (PUT); both when not known.
 */
export interface CompiledAccountRequest<TMode extends AccountMode = AccountMode> {
  /** `POST` to create an account, `PUT` to add a transaction to one. */
  readonly method: TMode extends 'create' ? 'POST' : 'PUT';
  /** Path on the account host. */
  readonly path: TMode extends 'create' ? '/api/v1/accounts' : `/api/v1/accounts/${string}`;
  /** The validated body. */
  readonly body: AccountRequest;
}

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
 *
 * @typeParam TMode - `create` (POST) or `update` (PUT); both when not known.
 */
export interface SendableRequest<TMode extends AccountMode = AccountMode> {
  /** The validated wire body; throws `KyxValidationError` on run-time problems. */
  build(): AccountRequest;
  /** Same as {@link SendableRequest.build}, so `JSON.stringify(request)` gives the body. */
  toJSON(): AccountRequest;
  /** Method, path and validated body. */
  compile(): CompiledAccountRequest<TMode>;
  /** The body or the problems, without throwing. */
  validate(): AccountValidationResult;
}

/**
 * A builder with every required part: it can be built, compiled, validated and sent, and it
 * keeps the optional setters.
 *
 * @typeParam TMode - `create` (POST) or `update` (PUT); both when not known.
 */
export interface CompleteAccountRequest<TMode extends AccountMode = AccountMode>
  extends SendableRequest<TMode>,
    AccountSetters<CompleteAccountRequest<TMode>> {
  /** Sets `userReference`. */
  user(userReference: string): CompleteAccountRequest<TMode>;
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
  /** Deep-merges fields into the body, known or not ({@link AccountExtra}). */
  extra(patch: AccountExtra): Next;
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
 *
 * @typeParam Needs - The parts still missing: `'ref'`, `'user'`, both, or `never` (a complete request).
 */
export type AccountTemplate<Needs extends 'ref' | 'user' = never> = [Needs] extends [never]
  ? CompleteAccountRequest
  : TemplateNeeding<Needs>;

/**
 * {@link AccountTemplate} for a non-empty `Needs`. An interface, so a template that does not fit
 * reads as `… is not assignable to type 'TemplateNeeding<"ref">'` followed at once by the
 * builder's message: `ref` and `user` come first, so the checker compares them (and reaches the
 * `KyxTypeError`) before the setters.
 *
 * @example
 * ```ts
 * import { account, type TemplateNeeding } from 'jumio-kyx';
 * const screening: TemplateNeeding<'ref' | 'user'> = account().workflow(10010);
 * screening.user('user-42').ref('order-1').build();
 * ```
 *
 * @typeParam Needs - The parts still missing.
 */
export interface TemplateNeeding<Needs extends 'ref' | 'user'> extends AccountSetters<TemplateNeeding<Needs>> {
  /** Sets `customerInternalReference`. */
  ref(customerInternalReference: string): AccountTemplate<Exclude<Needs, 'ref'>>;
  /** Sets `userReference`. */
  user(userReference: string): AccountTemplate<Exclude<Needs, 'user'>>;
}

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
  /** UUID of an existing ID credential to reuse (account updates only); `.reuse('ID', id)` says it plainly. */
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
 *
 * @typeParam TBuilder - What each option returns: the builder it was reached from.
 * @typeParam TWorkflow - The workflow that builder recorded (see {@link AccountBuilder}).
 * @typeParam TListed - The credential entries that builder recorded (a response reads whether all were reused).
 */
// biome-ignore lint/correctness/noUnusedVariables: TListed is a phantom read by the client's response types
export interface CapabilityOptions<TBuilder, TWorkflow, TListed extends ListedCredential = never> {
  /** Configures watchlist screening; with a profile, overrides the search profile (`capabilities.watchlistScreening.searchProfile`). */
  watchlist: [TWorkflow] extends [null]
    ? (searchProfile?: string) => TBuilder
    : 'watchlistScreening' extends WorkflowSpecOf<TWorkflow>['capabilities'][number]
      ? (searchProfile?: string) => TBuilder
      : KyxTypeError<NoWatchlistMessage<WorkflowSpecOf<TWorkflow>['key']>>;
  /** Turns document extraction on or off (`capabilities.documentVerification.enableExtraction`, sent as a string). */
  extraction: Accepts<TWorkflow, 'DOCUMENT'> extends true
    ? (enabled: boolean) => TBuilder
    : KyxTypeError<NoExtractionMessage<WorkflowSpecOf<TWorkflow>['key']>>;
  /** Requests a 1+1 (`one`) or 2+2 (`two`) eKYC search (`capabilities.ekycCheck.searchType`). */
  ekyc(searchType: 'one' | 'two'): TBuilder;
  /** Ruleset for the risk score (`capabilities.workflowDecision.riskScoreRulesetId`). */
  riskScore(rulesetId: string): TBuilder;
  /** Rulesets replacing the workflow's defaults (`capabilities.ruleset.ids`). */
  ruleset(ids: readonly string[]): TBuilder;
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
 *
 * @typeParam TMode - `create` for `account()` (POST), `update` for `account(accountId)` (PUT).
 * @typeParam TWorkflow - The workflow: `null` before `.workflow()`, then its key (a union of keys
 *   when chosen at run time) or its {@link defineWorkflow} definition.
 * @typeParam THasRef - Whether `.ref()` was called.
 * @typeParam THasUser - Whether `.user()` was called.
 * @typeParam TPresets - The credential categories listed (`'ID' | 'DOCUMENT' | 'FACEMAP' | 'SELFIE'`, new or
 *   reused; a reused one also as `'reused ID'`, …), `never` for none.
 */
export interface AccountBuilder<
  TMode extends AccountMode = 'create',
  TWorkflow extends WorkflowState = null,
  THasRef extends boolean = false,
  THasUser extends boolean = false,
  TPresets extends ListedCredential = never,
> {
  /** Sets `customerInternalReference` (1–100 characters, none of ``<>"/;`%{}|``, no PII). Required. */
  ref<const S extends string>(
    customerInternalReference: CheckReference<S>,
  ): AccountBuilder<TMode, TWorkflow, true, THasUser, TPresets>;
  /** Sets `userReference`, the end user's reference (1–100 characters, no PII). */
  user(userReference: string): AccountBuilder<TMode, TWorkflow, THasRef, true, TPresets>;
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
  workflow<const K extends number | WorkflowSpec>(
    workflow: CheckWorkflow<TMode, K>,
  ): AccountBuilder<TMode, K, THasRef, THasUser, TPresets>;
  /** Adds an ID credential preset: countries and ID types offered to the end user. A second call replaces the first. */
  id: Accepts<TWorkflow, 'ID'> extends true
    ? (preset?: IdPresetOptions) => AccountBuilder<TMode, TWorkflow, THasRef, THasUser, TPresets | 'ID'>
    : Fail<NotAccepted<TWorkflow, 'ID'>>;
  /**
   * Adds a DOCUMENT credential preset: exactly one country (ISO alpha-3) and one document type.
   * Once only: a second `.document()` does not compile (at run time it would replace the first).
   */
  document: 'DOCUMENT' extends TPresets
    ? KyxTypeError<'.document() was already called: a DOCUMENT preset names exactly one country and one type'>
    : Accepts<TWorkflow, 'DOCUMENT'> extends true
      ? <const C extends string, const T extends DocumentType | (string & {})>(
          country: CheckCountry<C>,
          type: CheckDocumentCode<T>,
        ) => AccountBuilder<TMode, TWorkflow, THasRef, THasUser, TPresets | 'DOCUMENT'>
      : Fail<NotAccepted<TWorkflow, 'DOCUMENT'>>;
  /** Adds a FACEMAP (liveness) credential preset, optionally fixing the capture type. A second call replaces the first. */
  facemap: Accepts<TWorkflow, 'FACEMAP'> extends true
    ? (type?: FacemapType) => AccountBuilder<TMode, TWorkflow, THasRef, THasUser, TPresets | 'FACEMAP'>
    : Fail<NotAccepted<TWorkflow, 'FACEMAP'>>;
  /**
   * Reuses a credential on file (`ID`, `SELFIE` or `FACEMAP`) instead of collecting a new one:
   * `{ id, category }` in `workflowDefinition.credentials`, or `{ category }` without an id (Jumio
   * then takes the account's latest credential of that category). Account updates only
   * (`account(accountId)`); the workflow must be set up for reuse in Jumio's Workflow Designer.
   * A second call for one category replaces the first.
   */
  reuse: [TMode] extends ['create']
    ? KyxTypeError<typeof REUSE_ON_CREATE>
    : <const C extends ReusableCategory>(
        category: Accepts<TWorkflow, C> extends true ? C : Fail<NotAccepted<TWorkflow, C>>,
        credentialId?: string,
      ) => AccountBuilder<TMode, TWorkflow, THasRef, THasUser, TPresets | C | `reused ${C}`>;
  /** Lists a new SELFIE credential to collect (`{ category: 'SELFIE' }`), for workflows that collect one. */
  selfie: Accepts<TWorkflow, 'SELFIE'> extends true
    ? () => AccountBuilder<TMode, TWorkflow, THasRef, THasUser, TPresets | 'SELFIE'>
    : Fail<NotAccepted<TWorkflow, 'SELFIE'>>;
  /** Capability options: `.capability.ekyc('one')`, `.capability.extraction(false)`, … */
  readonly capability: CapabilityOptions<this, TWorkflow, TPresets>;
  /** Sets `web`: success and error URLs (at most 1900 characters) and the locale. */
  web(settings: WebSettings): this;
  /** Sets `userConsent`: the end user's IP, location and consent. */
  consent(userConsent: UserConsent): this;
  /** Sets `overrideSettings`: cross-device options. */
  overrides(settings: OverrideSettings): this;
  /**
   * Deep-merges a JSON object into the body after the builder's own fields: the one way to send
   * fields the types do not know (Jumio's newer fields, a tenant's own). Known fields keep their
   * types and every run-time check; a patch that changes a value the builder set is a
   * `KyxValidationError` naming the path. Later calls merge over earlier ones.
   */
  extra(patch: AccountExtra): this;
  /** Applies a reusable fragment: `builder.with(withCallback)` is `withCallback(builder)`. */
  with<T>(fragment: (builder: this) => T): T;
  /** The validated wire body. Throws `KyxValidationError` listing every run-time problem. */
  build: WhenComplete<TWorkflow, THasRef, THasUser, TPresets, () => AccountRequest>;
  /** Same as `build()`, so `JSON.stringify(builder)` gives the body. */
  toJSON: WhenComplete<TWorkflow, THasRef, THasUser, TPresets, () => AccountRequest>;
  /** Method, path and validated body, ready for a transport. */
  compile: WhenComplete<TWorkflow, THasRef, THasUser, TPresets, () => CompiledAccountRequest<TMode>>;
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
  /** Deep-merges fields into the body, known or not ({@link AccountExtra}). */
  extra(patch: AccountExtra): this;
  /** The capability options every workflow accepts. */
  readonly capability: Pick<CapabilityOptions<this, null>, 'ekyc' | 'riskScore' | 'ruleset'>;
  /** The body, or every problem found; never throws. */
  validate(): AccountValidationResult;
}
