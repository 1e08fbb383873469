/**
 * One problem found while validating a request or response: where it is and what is wrong.
 */
export interface KyxIssue {
  /** Dotted path of the offending field, e.g. `workflowDefinition.credentials.0.country.values`. */
  readonly path: string;
  /** What rule it breaks and what to do. */
  readonly message: string;
}

/**
 * The outcome of a check that never throws: the validated `output`, or every problem found.
 * `validate()`, `validateAccountRequest` and the schema parses all answer with it.
 *
 * @typeParam T - What a successful check yields.
 * @example
 * ```ts
 * import { validateAccountRequest, type AccountRequest, type KyxResult } from 'jumio-kyx';
 * const result: KyxResult<AccountRequest> = validateAccountRequest({ customerInternalReference: 'x', workflowDefinition: { key: 10011 } });
 * if (result.success) result.output.workflowDefinition.key; // 10011
 * else for (const issue of result.issues) console.log(issue.path, issue.message);
 * ```
 */
export type KyxResult<T> =
  | { readonly success: true; readonly output: T }
  | { readonly success: false; readonly issues: readonly KyxIssue[] };

const KYX_ERROR = Symbol.for('jumio-kyx.error');

/**
 * At most 51 issues: the first 50 of `issues`, then `…and N more issues` when `total` (default:
 * their number) is larger; `more` says `at least ` when the count stopped. Work and size are
 * bounded by what is shown, whatever the input. A list already bounded passes unchanged.
 */
export const boundIssues = (issues: readonly KyxIssue[], total = issues.length, more = ''): readonly KyxIssue[] =>
  total > 51 ? [...issues.slice(0, 50), { path: '', message: `…and ${more}${total - 50} more issues` }] : issues;

/**
 * Options of every {@link KyxError}: the standard `cause`, and whether the failed call may have
 * created an account or workflow execution.
 *
 * @example
 * ```ts
 * import { KyxError, type KyxErrorOptions } from 'jumio-kyx';
 * const options: KyxErrorOptions = { mayHaveCreated: true };
 * new KyxError('POST /api/v1/accounts timed out', options).mayHaveCreated; // true
 * ```
 */
export interface KyxErrorOptions extends ErrorOptions {
  /** See {@link KyxError.mayHaveCreated}; `false` when not given. */
  mayHaveCreated?: boolean | undefined;
}

/**
 * Base class of every error this library throws. Use {@link isKyxError} to recognise one, also
 * across copies of the package.
 *
 * @example
 * ```ts
 * import { KyxError, account } from 'jumio-kyx';
 * const input: string = 'bad/ref'; // from a form: a literal with '/' would not even compile
 * try {
 *   account().ref(input).workflow(10011).build();
 * } catch (error) {
 *   if (error instanceof KyxError) console.error(error.message);
 * }
 * ```
 */
export class KyxError extends Error {
  /** Brand checked by {@link isKyxError}. */
  readonly [KYX_ERROR] = true;
  override name = 'KyxError';
  /**
   * Whether Jumio may have created the account or workflow execution although the call failed:
   * `true` only after an account create/update (`client.send`) was sent and ended in a timeout,
   * a reset connection, a 5xx or an answer that did not parse; `false` when the request provably
   * was not processed (a 4xx including 429, connection refused, a request rejected before
   * sending) and for every other call (retrieval, upload, finalize, deletion, token: they create
   * no execution). When it is `true`, do not resend: reconcile through the callback or by your
   * `customerInternalReference`.
   */
  readonly mayHaveCreated: boolean;

  constructor(message?: string, options?: KyxErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.mayHaveCreated = options?.mayHaveCreated ?? false;
  }
}

/**
 * Whether `value` is an error thrown by this library (any {@link KyxError} subclass).
 *
 * @example
 * ```ts
 * import { isKyxError } from 'jumio-kyx';
 * isKyxError(new Error('x')); // false
 * ```
 */
export function isKyxError(value: unknown): value is KyxError {
  return typeof value === 'object' && value !== null && (value as { [KYX_ERROR]?: unknown })[KYX_ERROR] === true;
}

/**
 * Thrown when a request (or a response) breaks the contract, before anything is sent. `issues`
 * lists every problem with its field path.
 *
 * @example
 * ```ts
 * import { KyxValidationError, account } from 'jumio-kyx';
 * try {
 *   account().ref('a'.repeat(101)).workflow(10011).build();
 * } catch (error) {
 *   if (error instanceof KyxValidationError) error.issues[0]?.path; // 'customerInternalReference'
 * }
 * ```
 */
export class KyxValidationError extends KyxError {
  override name = 'KyxValidationError';
  /**
   * Every problem found, each with the path of its field: at most the first 50, then one issue
   * (path `''`) that counts the rest (`…and 12 more issues`).
   */
  readonly issues: readonly KyxIssue[];

  constructor(issues: readonly KyxIssue[], subject = 'request', options?: KyxErrorOptions) {
    const shown = boundIssues(issues); // a list bounded already (by a validation) passes unchanged
    super(`Invalid ${subject}:\n${shown.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`, options);
    this.issues = shown;
  }
}
