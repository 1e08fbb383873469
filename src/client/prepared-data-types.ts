// Types only: what `client.uploadData(response, data)` accepts for a response's workflow. The
// prepared data `D` is inferred from the argument; the check names, in a KyxTypeError, the keys
// the workflow's catalog entry requires and `D` lacks, or the keys `D` has that PreparedData does
// not list (misspelt keys). Run-time checks (formats, one-of groups) are in
// src/workflows/prepared-data.ts.
import type { KyxTypeError } from '../builder/type-error.js';
import type { PreparedData } from '../model/prepared-data.js';
import type { CategoriesOf, CheckData, Join, KeyOf, SpecOfWorkflow } from './upload-parts.js';

/** The keys of `D` (dotted for the nested objects) that `T` does not list. */
type UnknownKeys<D, T, Prefix extends string = ''> = {
  [K in keyof D & string]: K extends keyof T
    ? NonNullable<D[K]> extends object
      ? NonNullable<T[K]> extends object
        ? UnknownKeys<NonNullable<D[K]>, NonNullable<T[K]>, `${Prefix}${K}.`>
        : never
      : never
    : `${Prefix}${K}`;
}[keyof D & string];

/** Whether `D` surely holds the dotted key `P` (present, and its type does not admit `undefined`). */
type Holds<D, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof D
    ? undefined extends D[Head]
      ? false
      : Holds<D[Head], Rest>
    : false
  : P extends keyof D
    ? undefined extends D[P]
      ? false
      : true
    : false;

/** The required keys of a list that `D` does not hold, in order. */
type Missing<D, R> = R extends readonly [infer P extends string, ...infer Rest]
  ? Holds<D, P> extends true
    ? Missing<D, Rest>
    : [P, ...Missing<D, Rest>]
  : [];

/** The keys a workflow's catalog entry requires in its prepared data (a tuple), `[]` when none. */
type RequiredKeys<W> = SpecOfWorkflow<W> extends { readonly preparedData: { readonly required: infer R } } ? R : [];

type MissingMessage<W, D> = W extends unknown
  ? Missing<D, RequiredKeys<W>> extends infer M extends string[]
    ? M extends []
      ? unknown
      : KyxTypeError<`workflow ${KeyOf<W> & number} needs ${Join<M, 'and'>} in its prepared data`>
    : never
  : never;

/**
 * The check of `client.uploadData`'s prepared data `D` for a response's workflow `W`: `unknown`
 * (no constraint) when `D` has every key the workflow requires and no key {@link PreparedData}
 * does not list; otherwise a {@link KyxTypeError} naming the keys. A workflow without a DATA
 * credential takes no prepared data at all.
 *
 * @example
 * ```ts
 * import type { CheckPreparedData } from 'jumio-kyx';
 * type Ok = CheckPreparedData<10065, { phoneNumber: string }>; // unknown
 * type Missing = CheckPreparedData<10065, { email: string }>; // KyxTypeError<"workflow 10065 needs phoneNumber in its prepared data">
 * type Misspelt = CheckPreparedData<10065, { phonenumber: string }>; // KyxTypeError<"'phonenumber' is not a prepared-data key …">
 * ```
 */
export type CheckPreparedData<W, D> =
  'DATA' extends CategoriesOf<W>
    ? [UnknownKeys<D, PreparedData>] extends [never]
      ? MissingMessage<W, D>
      : // the keys through `infer`: a template literal over UnknownKeys<…> itself makes a consumer with
        // skipLibCheck off relate its constraint to every literal type (≈ 130 ms of tsc per project)
        UnknownKeys<D, PreparedData> extends infer U extends string
        ? KyxTypeError<`'${U}' is not a prepared-data key: PreparedData lists the keys Jumio documents (check the spelling)`>
        : never
    : CheckData<W>;
