/**
 * A compile-time error with a message that says what to do. It appears where a call is not
 * allowed yet, e.g. `build: KyxTypeError<"workflow 10026 requires .document(country, type)">`,
 * so TypeScript prints the message in its error.
 *
 * @example
 * ```ts
 * import type { KyxTypeError } from 'jumio-kyx';
 * type Example = KyxTypeError<'set the reference first: .ref(customerInternalReference)'>;
 * ```
 */
export interface KyxTypeError<Message extends string> {
  /** The message. */
  readonly __kyxTypeError__: Message;
}
