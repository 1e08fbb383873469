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

/**
 * At most 51 issues: the first 50 of `issues`, then `…and N more issues` when `total` (default:
 * their number) is larger; `more` says `at least ` when the count stopped. Work and size are
 * bounded by what is shown, whatever the input. A list already bounded passes unchanged.
 */
export const boundIssues = (issues: readonly KyxIssue[], total = issues.length, more = ''): readonly KyxIssue[] =>
  total > 51 ? [...issues.slice(0, 50), { path: '', message: `…and ${more}${total - 50} more issues` }] : issues;
