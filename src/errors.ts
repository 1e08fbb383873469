/**
 * One problem found while validating a request or response: where it is and what is wrong.
 *
 * @example
 * ```ts
 * import type { KyxIssue } from 'jumio-kyx';
 * const issue: KyxIssue = { path: 'customerInternalReference', message: 'must not be empty' };
 * ```
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

/** Issues an error or a result lists; past them, one more issue counts the rest. */
export const MAX_SHOWN_ISSUES = 50;
/** Longest path or message of one issue shown (a hostile key can be a megabyte long). */
const MAX_ISSUE_TEXT = 500;

const clip = (text: string) =>
  text.length <= MAX_ISSUE_TEXT
    ? text
    : `${text.slice(0, MAX_ISSUE_TEXT)}… (${text.length - MAX_ISSUE_TEXT} more characters)`;

/** An issue whose path and message are at most 500 characters each. */
function clipped(issue: KyxIssue): KyxIssue {
  const path = clip(issue.path);
  const message = clip(issue.message);
  return path === issue.path && message === issue.message ? issue : { path, message };
}

/**
 * The first {@link MAX_SHOWN_ISSUES} of `issues` (each path and message at most 500 characters),
 * then `…and N more issues` when `total` is larger (`…and at least N more` when the count
 * stopped): work and size bounded by what is shown, whatever the input.
 */
export function boundIssues(issues: readonly KyxIssue[], total = issues.length, exact = true): KyxIssue[] {
  const shown = issues.slice(0, MAX_SHOWN_ISSUES).map(clipped);
  const rest = total - shown.length;
  if (rest > 0)
    shown.push({ path: '', message: `…and ${exact ? '' : 'at least '}${rest} more issue${rest === 1 ? '' : 's'}` });
  return shown;
}

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
    // a list already bounded (the shown ones and the count of the rest) is kept as it is
    const shown = issues.length <= MAX_SHOWN_ISSUES + 1 ? issues.map(clipped) : boundIssues(issues);
    super(`Invalid ${subject}:\n${shown.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`, options);
    this.issues = shown;
  }
}
