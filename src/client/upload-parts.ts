// Types only: what a response of a workflow lets `upload` and `uploadData` send, and the
// compile-time messages when it does not. A response's workflow is its type parameter `W`: a
// workflow key, a WorkflowSpec, or `unknown` (any workflow: every part).
import type { KyxTypeError } from '../builder/type-error.js';
import type { CapabilityOptions } from '../builder/types.js';
import type { CREDENTIAL_PARTS, CredentialCategory } from '../model/codes.js';
import type { AccountResponse } from '../model/response.js';
import type { WORKFLOW_CATALOG } from '../workflows/catalog.js';
import type { WorkflowRegistry, WorkflowSpec } from '../workflows/define.js';
import type { WorkflowKey } from '../workflows/keys.js';
import type { UploadPart } from './credentials.js';

type CatalogByKey = { [S in (typeof WORKFLOW_CATALOG)[number] as S['key']]: S };
type KnownKey = keyof CatalogByKey | keyof WorkflowRegistry;

/** The spec of a known key (a registered workflow wins over the catalog). */
type SpecOfKey<K> = K extends keyof WorkflowRegistry
  ? WorkflowRegistry[K]
  : K extends keyof CatalogByKey
    ? CatalogByKey[K]
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
export type CategoriesOf<W> = [SpecOfWorkflow<W>] extends [never]
  ? CredentialCategory
  : SpecOfWorkflow<W>['credentials'][number];

/**
 * The file parts a response's workflow collects (ID `front`/`back`, SELFIE `face`, DOCUMENT
 * `document`); every {@link UploadPart} when the workflow is unknown or chosen at run time (a
 * {@link WorkflowKey}: its rules are checked at run time). For a narrower union of workflows (a
 * table of templates), the parts every one of them collects.
 *
 * @example
 * ```ts
 * import type { UploadPartOf } from 'jumio-kyx';
 * type Parts = UploadPartOf<10011>; // 'front' | 'back' | 'face'
 * type Common = UploadPartOf<10011 | 6>; // 'face'
 * ```
 */
export type UploadPartOf<W> = [WorkflowKey] extends [W]
  ? UploadPart
  : Exclude<
      UploadPart,
      W extends unknown ? Exclude<UploadPart, (typeof CREDENTIAL_PARTS)[CategoriesOf<W>][number]> : never
    >;

/** `true` for a union of workflows (a response that may be of any of them), `false` for one. */
type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

/** The parts every workflow of W collects, in the model's order, quoted and joined. */
type CommonParts<W> =
  FileParts<['front', 'back', 'face', 'document']> extends infer All extends UploadPart[]
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

/**
 * The message for a part the workflow does not collect. A response of a union of workflows (a key
 * chosen at run time, a table of templates indexed by a union) accepts only the parts every one of
 * them collects, and says so.
 */
type PartMessage<W, P> =
  IsUnion<W> extends true
    ? `'${P & string}' is not collected by every workflow of this response: a response of several workflows accepts only the parts all of them collect (${CommonParts<W>}); narrow it to one workflow, or upload to findCredential(response, '${CategoryOfPart<P>}')`
    : OnePartMessage<W, P>;

type OnePartMessage<W, P> = W extends unknown
  ? PartList<SpecOfWorkflow<W>['credentials']> extends infer Parts extends string[]
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
export type CheckPart<W, P extends UploadPart> = [P] extends [UploadPartOf<W>] ? P : KyxTypeError<PartMessage<W, P>>;

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
export type ResponseWorkflow<R> = R extends { readonly capability: CapabilityOptions<infer _B, infer W> }
  ? WorkflowOfState<W>
  : unknown;

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
