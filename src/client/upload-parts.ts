// Types only: what a response of a workflow lets `upload` and `uploadData` send, and the
// compile-time messages when it does not. A response's workflow is its type parameter `W`: a
// workflow key, a WorkflowSpec, or `unknown` (any workflow: every part).
import type { KyxTypeError } from '../builder/type-error.js';
import type { CapabilityOptions, ReusedCredential } from '../builder/types.js';
import type { CREDENTIAL_PARTS, CredentialCategory } from '../model/codes.js';
import type { IsUnion } from '../model/is-union.js';
import type { AccountResponse } from '../model/response.js';
import type { CatalogWorkflows } from '../workflows/catalog.js';
import type { WorkflowRegistry, WorkflowSpec } from '../workflows/define.js';
import type { WorkflowKey } from '../workflows/keys.js';
import type { UploadPart } from './credentials.js';

type CatalogByKey = CatalogWorkflows;
type KnownKey = keyof CatalogByKey | keyof WorkflowRegistry;

/** The spec of a known key (a registered workflow wins over the catalog). */
type SpecOfKey<K> = K extends keyof WorkflowRegistry
  ? WorkflowRegistry[K]
  : K extends keyof CatalogByKey
    ? CatalogByKey[K]
    : never;

/**
 * The workflow of a response whose credentials are all reused from the account (the request
 * reused every category its workflow collects): nothing is uploaded, and Jumio finalizes it.
 *
 * @example
 * ```ts
 * import type { AccountResponse, AllReused } from 'jumio-kyx';
 * declare const response: AccountResponse<AllReused<5>>;
 * ```
 *
 * @typeParam K - The workflow key.
 */
export interface AllReused<K extends number = number> {
  /** The workflow key whose credentials are all reused. */
  readonly allReused: K;
}

/** The message for an upload on a response whose credentials are all reused. */
type AllReusedMessage<K> = K extends number
  ? `every credential of this workflow ${K} transaction is reused from the account (allowedChannels: []): there is nothing to upload, and Jumio finalizes it itself (wait for the callback, or client.waitForResult(response))`
  : never;

/** The spec a response's workflow parameter stands for, or `never` when it is unknown. */
export type SpecOfWorkflow<W> = W extends WorkflowSpec ? W : W extends KnownKey ? SpecOfKey<W> : never;

/**
 * The credential categories a response's workflow collects; every category when it is unknown.
 *
 * @example
 * ```ts
 * import type { CategoriesOf } from 'jumio-kyx';
 * type Collected = CategoriesOf<10026>; // 'DOCUMENT'
 * ```
 */
export type CategoriesOf<W> = [W] extends [AllReused]
  ? never
  : [SpecOfWorkflow<W>] extends [never]
    ? CredentialCategory
    : SpecOfWorkflow<W>['credentials'][number];

/** Whether a response's workflow takes the FACEMAP as a binary upload (workflow 16; any unknown workflow). */
type FacemapUploaded<W> = [SpecOfWorkflow<W>] extends [never]
  ? true
  : SpecOfWorkflow<W> extends { readonly facemapUpload: true }
    ? true
    : false;

/**
 * The file parts a response's workflow collects (ID `front`/`back`, SELFIE `face`, DOCUMENT
 * `document`, and the FACEMAP binary `facemap` where the workflow takes it over the API); every
 * {@link UploadPart} when the workflow is unknown or chosen at run time (a {@link WorkflowKey}: its
 * rules are checked at run time). For a narrower union of workflows (a table of templates), the
 * parts every one of them collects.
 *
 * @example
 * ```ts
 * import type { UploadPartOf } from 'jumio-kyx';
 * type Parts = UploadPartOf<10011>; // 'front' | 'back' | 'face'
 * type Facemap = UploadPartOf<16>; // 'face' | 'facemap'
 * type Common = UploadPartOf<10011 | 6>; // 'face'
 * ```
 */
export type UploadPartOf<W> = [WorkflowKey] extends [W]
  ? UploadPart
  : Exclude<UploadPart, W extends unknown ? Exclude<UploadPart, PartsOfOne<W>> : never>;

/** The parts one workflow collects (the FACEMAP binary only where it takes it over the API). */
type PartsOfOne<W> = Exclude<
  (typeof CREDENTIAL_PARTS)[CategoriesOf<W>][number] & UploadPart,
  FacemapUploaded<W> extends true ? never : 'facemap'
>;

/** The parts every workflow of W collects, in the model's order, quoted and joined. */
type CommonParts<W> =
  FileParts<['front', 'back', 'face', 'document', 'facemap']> extends infer All extends UploadPart[]
    ? PartsIn<All, UploadPartOf<W>> extends infer Common extends string[]
      ? Common extends []
        ? 'none'
        : Join<Quoted<Common>, 'and'>
      : never
    : never;

type PartsIn<T extends readonly string[], Keep> = T extends readonly [
  infer A extends string,
  ...infer R extends string[],
]
  ? A extends Keep
    ? [A, ...PartsIn<R, Keep>]
    : PartsIn<R, Keep>
  : [];

type CategoryOfPart<P> = {
  [C in CredentialCategory]: P extends (typeof CREDENTIAL_PARTS)[C][number] ? C : never;
}[CredentialCategory];

export type Join<T extends readonly string[], Last extends string> = T extends readonly [infer A extends string]
  ? A
  : T extends readonly [infer A extends string, infer B extends string]
    ? `${A} ${Last} ${B}`
    : T extends readonly [infer A extends string, ...infer R extends string[]]
      ? `${A}, ${Join<R, Last>}`
      : '';

type Quoted<T extends readonly string[]> = { [I in keyof T]: `'${T[I]}'` };

type FileParts<T extends readonly unknown[]> = T extends readonly [infer A, ...infer R]
  ? A extends UploadPart
    ? [A, ...FileParts<R>]
    : FileParts<R>
  : [];

/** The file parts of a list of categories, in order (from the model's `CREDENTIAL_PARTS`). */
type PartList<T extends readonly unknown[]> = T extends readonly [infer C extends CredentialCategory, ...infer R]
  ? [...FileParts<(typeof CREDENTIAL_PARTS)[C]>, ...PartList<R>]
  : [];

export type KeyOf<W> = W extends WorkflowSpec ? W['key'] : W;

/** The parts of a list without the FACEMAP binary, for a workflow that does not take it over the API. */
type WithoutFacemap<T extends readonly unknown[]> = T extends readonly [infer A, ...infer R]
  ? A extends 'facemap'
    ? WithoutFacemap<R>
    : [A, ...WithoutFacemap<R>]
  : [];

/**
 * The message for a part the workflow does not collect. A response of a union of workflows (a
 * table of templates indexed by a union) accepts only the parts every one of them collects, and
 * says so.
 */
type PartMessage<W, P> =
  IsUnion<W> extends true
    ? `'${P & string}' is not collected by every workflow of this response: a response of several workflows accepts only the parts all of them collect (${CommonParts<W>}); narrow it to one workflow, or upload to findCredential(response, '${CategoryOfPart<P>}')`
    : OnePartMessage<W, P>;

type OnePartMessage<W, P> = W extends unknown
  ? P extends 'facemap'
    ? 'FACEMAP' extends SpecOfWorkflow<W>['credentials'][number]
      ? `workflow ${KeyOf<W> & number} takes no facemap file: its FACEMAP is captured by the web client or SDK (a stored facemap is uploaded in workflow 16 only)`
      : FileMessage<W, P>
    : FileMessage<W, P>
  : never;

type FileMessage<W, P> = W extends unknown
  ? (
      FacemapUploaded<W> extends true
        ? PartList<SpecOfWorkflow<W>['credentials']>
        : WithoutFacemap<PartList<SpecOfWorkflow<W>['credentials']>>
    ) extends infer Parts extends string[]
    ? `workflow ${KeyOf<W> & number} collects no ${CategoryOfPart<P>} credential (it collects ${Join<SpecOfWorkflow<W>['credentials'], 'and'>})${Parts extends []
        ? ', so it has no file part to upload'
        : `: upload ${Join<Quoted<Parts>, 'or'>}`}`
    : never
  : never;

/**
 * The part argument of `client.upload`: `P` when the response's workflow collects that part, else
 * a {@link KyxTypeError} naming the workflow and its parts.
 *
 * @example
 * ```ts
 * import type { CheckPart } from 'jumio-kyx';
 * type Ok = CheckPart<10026, 'document'>; // 'document'
 * type Refused = CheckPart<10026, 'front'>; // KyxTypeError<"workflow 10026 collects no ID credential …">
 * ```
 */
export type CheckPart<W, P extends UploadPart> = [P] extends [UploadPartOf<W>]
  ? P
  : [W] extends [AllReused<infer K>]
    ? KyxTypeError<AllReusedMessage<K>>
    : KyxTypeError<PartMessage<W, P>>;

/**
 * The prepared-data argument of `client.uploadData`: a JSON object, or a {@link KyxTypeError}
 * when the response's workflow collects no DATA credential.
 *
 * @example
 * ```ts
 * import type { CheckData } from 'jumio-kyx';
 * type Ok = CheckData<10010>; // Record<string, unknown>
 * ```
 */
export type CheckData<W> =
  'DATA' extends CategoriesOf<W>
    ? Record<string, unknown>
    : [W] extends [AllReused<infer K>]
      ? KyxTypeError<AllReusedMessage<K>>
      : KyxTypeError<
          W extends unknown
            ? `workflow ${KeyOf<W> & number} collects no DATA credential (it collects ${Join<SpecOfWorkflow<W>['credentials'], 'and'>}), so it takes no prepared data`
            : never
        >;

/**
 * The workflow an account response records for a request: the key when it names a catalog or
 * registered workflow (so editors show `AccountResponse<10011>`), the definition otherwise,
 * `unknown` when the request's type does not say.
 *
 * @example
 * ```ts
 * import { account, type ResponseWorkflow } from 'jumio-kyx';
 * const request = account().ref('x').workflow(10011);
 * type Workflow = ResponseWorkflow<typeof request>; // 10011
 * ```
 */
export type ResponseWorkflow<R> = R extends { readonly capability: CapabilityOptions<infer _B, infer W, infer P> }
  ? [Extract<P, ReusedCredential>] extends [never]
    ? WorkflowOfState<W>
    : EveryCredentialReused<W, P> extends true
      ? AllReused<W extends WorkflowSpec ? W['key'] : W & number>
      : WorkflowOfState<W>
  : unknown;

/** Whether a request reused every category its (one, known) workflow collects. */
type EveryCredentialReused<W, P> = [W] extends [number | WorkflowSpec]
  ? [SpecOfWorkflow<W>] extends [never]
    ? false
    : [Exclude<`reused ${SpecOfWorkflow<W>['credentials'][number]}`, P>] extends [never]
      ? true
      : false
  : false;

type WorkflowOfState<W> = W extends number
  ? W
  : W extends WorkflowSpec
    ? W['key'] extends KnownKey
      ? [SpecOfKey<W['key']>] extends [W]
        ? W['key']
        : W
      : W
    : unknown;

/**
 * The response `client.send` gives for a request or template `T`: `AccountResponse<W>` with `T`'s
 * workflow. Use it as the return type of a function that picks a template from a table, so each
 * caller keeps the response of the template it chose (the template-table pattern of the templates
 * guide); `ResponseOf<Templates[keyof Templates]>` is a response of any of them, which accepts
 * only the parts all of them collect.
 *
 * @example
 * ```ts
 * import { account, type AccountTemplate, type KyxClient, type ResponseOf } from 'jumio-kyx';
 * declare const client: KyxClient;
 * const templates = {
 *   idSelfie: account().workflow(10011),
 *   document: account().workflow(10026).document('USA', 'BS'),
 * } satisfies Record<string, AccountTemplate<'ref'>>;
 * type Templates = typeof templates;
 * function onboard<K extends keyof Templates>(kind: K, ref: string): Promise<ResponseOf<Templates[K]>> {
 *   return client.send(templates[kind].ref(ref));
 * }
 * const response = await onboard('document', 'order-1'); // AccountResponse<10026>
 * ```
 */
export type ResponseOf<T> = AccountResponse<ResponseWorkflow<T>>;
