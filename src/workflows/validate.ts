import { boundIssues, type KyxIssue, type KyxResult } from '../errors/index.js';
import { insertUnknown, splitUnknown, unknownIssues } from '../model/open.js';
import { parseWith } from '../model/parse.js';
import type { AccountMode, AccountRequest } from '../model/request.js';
import { AccountRequestSchema } from '../model/schemas.js';
import { findWorkflow } from './catalog.js';
import type { WorkflowSpec } from './define.js';
import type { Wording } from './messages.js';
import { ruleView, workflowIssues } from './rules.js';

/**
 * Result of {@link validateAccountRequest} and of a builder's `validate()`: the body, or every
 * problem found. Never throws.
 *
 * @example
 * ```ts
 * import { account, type AccountValidationResult } from 'jumio-kyx';
 * const result: AccountValidationResult = account().ref('x').workflow(10011).validate();
 * if (!result.success) console.log(result.issues);
 * ```
 */
export type AccountValidationResult = KyxResult<AccountRequest>;

/**
 * Options of {@link validateAccountRequest}.
 *
 * @example
 * ```ts
 * import type { ValidateAccountRequestOptions } from 'jumio-kyx';
 * const options: ValidateAccountRequestOptions = { mode: 'update' };
 * ```
 */
export interface ValidateAccountRequestOptions {
  /** `create` (POST, the default) or `update` (PUT on an existing account). */
  mode?: AccountMode;
  /** Tenant workflows (from `defineWorkflow`) whose rules apply besides the catalog's. */
  workflows?: readonly WorkflowSpec[];
  /**
   * A key neither in the catalog nor in `workflows`: `'reject'` (the default) reports it;
   * `'allow'` checks only the rules every request follows.
   */
  unknownKeys?: 'reject' | 'allow';
  /**
   * Fields the schemas do not know (Jumio's newer fields, a tenant's own): `'reject'` (the
   * default) reports each as `is not a known field`; `'allow'` keeps them in the output as given
   * (JSON data), while the fields the schemas know keep every check.
   */
  unknownFields?: 'reject' | 'allow';
}

/** What {@link checkAccountRequest} needs besides the public options. */
export interface CheckOptions extends ValidateAccountRequestOptions {
  /** Who reads the messages (default `json`). */
  readonly wording?: Wording;
  /** Unknown fields allowed at these paths only (the builder's `.extra()`); overrides `unknownFields`. */
  readonly allowUnknown?: (path: readonly string[]) => boolean;
}

const ALLOW_ALL = () => true;

/** Drops a rule's issue where a field check already reported the same place (or a place above it). */
function notReported(fieldIssues: readonly KyxIssue[]) {
  return (issue: KyxIssue) =>
    !fieldIssues.some((f) => f.path === issue.path || (f.path !== '' && issue.path.startsWith(`${f.path}.`)));
}

const unknownKey = (key: number) => ({
  path: 'workflowDefinition.key',
  message: `workflow ${key} is neither in the catalog nor among your workflows: pass its definition (defineWorkflow; the workflows option; kyx --workflows <file.json>)`,
});

/**
 * Validates an account request body that was not made with the builder (JSON from a file, a
 * queue, another service): the request schema and the rules of its workflow, every problem at
 * once, in words about the body's fields (`add "userReference"`). The builder, `fromBody`, the
 * simulator and `kyx validate` all check requests with this one function.
 *
 * @example
 * ```ts
 * import { validateAccountRequest } from 'jumio-kyx';
 * const result = validateAccountRequest({ customerInternalReference: 'x', workflowDefinition: { key: 10026 } });
 * if (!result.success) console.log(result.issues); // workflow 10026 requires a DOCUMENT credential: add {"category": "DOCUMENT", …}
 * validateAccountRequest({ customerInternalReference: 'x', workflowDefinition: { key: 20001 } }).success; // false: unknown key
 * validateAccountRequest(
 *   { customerInternalReference: 'x', workflowDefinition: { key: 20001 } },
 *   { unknownKeys: 'allow' },
 * ).success; // true
 * validateAccountRequest(
 *   { customerInternalReference: 'x', workflowDefinition: { key: 10011 }, newField: 1 },
 *   { unknownFields: 'allow' },
 * ).success; // true: sent as given
 * ```
 */
export function validateAccountRequest(
  body: unknown,
  options: ValidateAccountRequestOptions = {},
): AccountValidationResult {
  return checkAccountRequest(body, options);
}

/**
 * {@link validateAccountRequest} with the wording and the unknown fields chosen by the caller
 * (the builder: its own words, unknown fields from `.extra()` only). Field checks and workflow
 * rules run together, so every problem of a body is reported at once.
 */
export function checkAccountRequest(body: unknown, options: CheckOptions = {}): AccountValidationResult {
  const allow = options.allowUnknown ?? (options.unknownFields === 'allow' ? ALLOW_ALL : undefined);
  const { known, unknown } = allow ? splitUnknown(AccountRequestSchema, body, allow) : { known: body, unknown: [] };
  const parsed = parseWith(AccountRequestSchema, known);
  const issues: KyxIssue[] = parsed.success ? [] : [...parsed.issues];
  for (const issue of unknownIssues(unknown)) issues.push(issue);
  const view = parsed.success ? { key: parsed.output.workflowDefinition.key, request: parsed.output } : ruleView(known);
  // A field-check list already cut at its bound (51 shown) gets no rule issues behind its count.
  if (view && issues.length < 51) {
    const spec = options.workflows?.find((w) => w.key === view.key) ?? findWorkflow(view.key);
    const ruleIssues =
      !spec && options.unknownKeys !== 'allow'
        ? [unknownKey(view.key)]
        : workflowIssues(view.request, options.mode ?? 'create', spec, options.wording ?? 'json');
    const fresh = notReported(issues.slice());
    for (const issue of ruleIssues) if (fresh(issue)) issues.push(issue);
  }
  if (issues.length > 0 || !parsed.success) return { success: false, issues: boundIssues(issues) };
  return { success: true, output: insertUnknown(parsed.output, unknown) };
}
