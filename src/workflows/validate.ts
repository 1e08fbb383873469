import type { KyxResult } from '../errors.js';
import { parseWith } from '../model/parse.js';
import type { AccountMode, AccountRequest } from '../model/request.js';
import { AccountRequestSchema } from '../model/schemas.js';
import { findWorkflow } from './catalog.js';
import type { WorkflowSpec } from './define.js';
import { workflowIssues } from './rules.js';

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
}

const unknownKey = (key: number) => ({
  path: 'workflowDefinition.key',
  message: `workflow ${key} is neither in the catalog nor among your workflows: pass its definition (defineWorkflow; the workflows option; kyx --workflows <file.json>)`,
});

/**
 * Validates an account request body that was not made with the builder (JSON from a file, a
 * queue, another service): the request schema, then the rules of its workflow. The builder,
 * the simulator and `kyx validate` all check requests with this one function.
 *
 * @example
 * ```ts
 * import { validateAccountRequest } from 'jumio-kyx';
 * const result = validateAccountRequest({ customerInternalReference: 'x', workflowDefinition: { key: 10026 } });
 * if (!result.success) console.log(result.issues); // workflow 10026 requires .document(country, type)
 * validateAccountRequest({ customerInternalReference: 'x', workflowDefinition: { key: 20001 } }).success; // false: unknown key
 * validateAccountRequest(
 *   { customerInternalReference: 'x', workflowDefinition: { key: 20001 } },
 *   { unknownKeys: 'allow' },
 * ).success; // true
 * ```
 */
export function validateAccountRequest(
  body: unknown,
  options: ValidateAccountRequestOptions = {},
): AccountValidationResult {
  const parsed = parseWith(AccountRequestSchema, body);
  if (!parsed.success) return parsed;
  const key = parsed.output.workflowDefinition.key;
  const spec = options.workflows?.find((w) => w.key === key) ?? findWorkflow(key);
  if (!spec && options.unknownKeys !== 'allow') return { success: false, issues: [unknownKey(key)] };
  const issues = workflowIssues(parsed.output, options.mode ?? 'create', spec);
  return issues.length > 0 ? { success: false, issues } : { success: true, output: parsed.output };
}
