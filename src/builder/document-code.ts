import { KyxValidationError } from '../errors/index.js';
import {
  type BARE_CUSTOM_MESSAGE,
  type CUSTOM_CODE_RULE,
  type CUSTOM_DOCUMENT_CODE_MAX,
  type CustomDocumentCode,
  customCodeProblem,
} from '../model/document-codes.js';
import type { KyxTypeError } from './type-error.js';

/** Characters of a literal, counted up to one past the limit (a longer literal stops there). */
type Count<S extends string, Seen extends unknown[] = []> = Seen['length'] extends 11
  ? Seen
  : S extends `${string}${infer Rest}`
    ? Count<Rest, [...Seen, 0]>
    : Seen;

/**
 * The argument of {@link customDocumentType}: a literal breaking the rule becomes a
 * {@link KyxTypeError} saying what to do; a `string` chosen at run time passes (checked when called).
 *
 * @example
 * ```ts
 * import type { CheckCustomCode } from 'jumio-kyx';
 * type Ok = CheckCustomCode<'ACMEPAY'>; // 'ACMEPAY'
 * type TooLong = CheckCustomCode<'ACMEPAYMENTS'>; // KyxTypeError<"custom document code 'ACMEPAYMENTS' is longer than 10 characters: …">
 * ```
 */
export type CheckCustomCode<C extends string> = string extends C
  ? C
  : C extends 'CUSTOM'
    ? KyxTypeError<typeof BARE_CUSTOM_MESSAGE>
    : C extends ''
      ? KyxTypeError<`a custom document code must not be empty: use the code as set up in the Jumio portal (${typeof CUSTOM_CODE_RULE})`>
      : Count<C>['length'] extends 11
        ? KyxTypeError<`custom document code '${C}' is longer than ${typeof CUSTOM_DOCUMENT_CODE_MAX} characters: use the code as set up in the Jumio portal (${typeof CUSTOM_CODE_RULE})`>
        : C extends `${string}${' ' | '\t' | '\n' | '\r'}${string}`
          ? KyxTypeError<`custom document code '${C}' contains a blank: use the code as set up in the Jumio portal (${typeof CUSTOM_CODE_RULE})`>
          : C;

/**
 * A tenant's own DOCUMENT type code (from the Jumio portal), for `.document(country, code)`:
 * 1–10 characters, no blanks, not `CUSTOM`. A literal that breaks the rule does not compile; a
 * code chosen at run time is checked here (`KyxValidationError`) and again when the request is
 * validated. The result is the code itself, a plain string on the wire.
 *
 * @example
 * ```ts
 * import { account, customDocumentType } from 'jumio-kyx';
 * account().ref('r').workflow(10026).document('USA', customDocumentType('ACMEPAY')).build();
 * // workflowDefinition.credentials: [{ category: 'DOCUMENT', …, type: { predefinedType: 'DEFINED', values: ['ACMEPAY'] } }]
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function customDocumentType<const C extends string>(code: CheckCustomCode<C>): CustomDocumentCode {
  const problem = customCodeProblem(code);
  if (problem !== undefined) throw new KyxValidationError({ issues: [{ path: 'documentType', message: problem }] });
  return code as unknown as CustomDocumentCode;
}
