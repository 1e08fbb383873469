import { boundIssues, type KyxIssue } from './issues.js';
import { KyxError, type KyxErrorOptions } from './kyx-error.js';

/** What a {@link KyxValidationError} is built from: the issues, what was checked, and the {@link KyxErrorOptions}. */
export interface KyxValidationErrorInit extends KyxErrorOptions {
  /** Every problem found (bounded to the first 50 and a count of the rest). */
  issues: readonly KyxIssue[];
  /** What was checked, for the message (`Invalid ${subject}:`); default `request`. */
  subject?: string | undefined;
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

  constructor(init: KyxValidationErrorInit) {
    const shown = boundIssues(init.issues); // a list bounded already (by a validation) passes unchanged
    super(
      `Invalid ${init.subject ?? 'request'}:\n${shown.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`,
      init,
    );
    this.issues = shown;
  }
}
