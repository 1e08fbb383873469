import { type KyxIssue, KyxValidationError } from '../errors/index.js';
import { API_PATHS, apiPath } from '../model/paths.js';
import type { AccountRequest } from '../model/request.js';
import { UUID_PATTERN } from '../model/rules.js';
import type { WorkflowSpec } from '../workflows/define.js';
import { type AccountValidationResult, checkAccountRequest } from '../workflows/validate.js';
import { plainCopy } from './node.js';
import type { CompiledAccountRequest, SendableRequest } from './types.js';

/**
 * Options of {@link fromBody}.
 *
 * @example
 * ```ts
 * import type { FromBodyOptions } from 'jumio-kyx';
 * const options: FromBodyOptions = { accountId: '572ac7b5-9f83-409d-ba8e-f0014e411c7e', unknownFields: 'allow' };
 * ```
 */
export interface FromBodyOptions {
  /** Adds a transaction to this existing account (PUT); without it the request creates one (POST). */
  readonly accountId?: string | undefined;
  /** Tenant workflows (from `defineWorkflow`) whose rules apply besides the catalog's. */
  readonly workflows?: readonly WorkflowSpec[] | undefined;
  /**
   * Fields the schemas do not know: `'reject'` (the default) reports each; `'allow'` sends them
   * as given (like `.extra()`), while the fields the schemas know keep every check.
   */
  readonly unknownFields?: 'reject' | 'allow' | undefined;
}

/**
 * A finished account request body from elsewhere (a file, a queue, another service) as a request
 * `client.send` accepts: validated exactly as the builder validates (the account id, the request
 * schema, the workflow's rules, tenant workflows), every problem at once, in words about the
 * body's fields. The body is copied when it is given, so later changes to it are not sent.
 * `build()`, `compile()` and `client.send` throw `KyxValidationError` on an invalid body, and
 * nothing is sent; `validate()` reports without throwing.
 *
 * @example
 * ```ts
 * import { fromBody } from 'jumio-kyx';
 * const json: unknown = JSON.parse('{"customerInternalReference":"order-1","workflowDefinition":{"key":10011}}');
 * const request = fromBody(json);
 * request.compile().method; // 'POST'
 * const update = fromBody(json, { accountId: '572ac7b5-9f83-409d-ba8e-f0014e411c7e', unknownFields: 'allow' });
 * update.compile().method; // 'PUT'
 * // then: await client.send(request)
 * ```
 */
export function fromBody(
  body: unknown,
  options?: FromBodyOptions & { readonly accountId?: undefined },
): SendableRequest<'create'>;
export function fromBody(
  body: unknown,
  options: FromBodyOptions & { readonly accountId: string },
): SendableRequest<'update'>;
export function fromBody(body: unknown, options?: FromBodyOptions): SendableRequest;
export function fromBody(body: unknown, options: FromBodyOptions = {}): SendableRequest {
  const { accountId, workflows = [], unknownFields } = options;
  const mode = accountId === undefined ? 'create' : 'update';
  let snapshot: unknown;
  let copyIssue: KyxIssue | undefined;
  try {
    snapshot = plainCopy(body, '(body)');
  } catch (error) {
    if (!(error instanceof KyxValidationError)) throw error;
    copyIssue = error.issues[0];
  }
  const validate = (): AccountValidationResult => {
    const issues: KyxIssue[] = [];
    if (mode === 'update' && !(typeof accountId === 'string' && UUID_PATTERN.test(accountId))) {
      issues.push({ path: 'accountId', message: 'must be the UUID of an existing account' });
    }
    if (copyIssue) return { success: false, issues: [...issues, copyIssue] };
    const result = checkAccountRequest(snapshot, { mode, workflows, unknownFields: unknownFields ?? 'reject' });
    if (issues.length === 0) return result;
    if (!result.success) issues.push(...result.issues);
    return { success: false, issues };
  };
  const build = (): AccountRequest => {
    const result = validate();
    if (!result.success) throw new KyxValidationError({ issues: result.issues });
    return result.output;
  };
  const compile = (): CompiledAccountRequest => {
    const built = build();
    return accountId === undefined
      ? { method: 'POST', path: API_PATHS.accounts, body: built }
      : { method: 'PUT', path: apiPath('account', { accountId }), body: built };
  };
  return { build, toJSON: build, compile, validate };
}
