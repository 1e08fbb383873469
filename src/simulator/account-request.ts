import type { KyxIssue } from '../errors/index.js';
import type { AccountMode, AccountRequest } from '../model/request.js';
import type { WorkflowSpec } from '../workflows/define.js';
import { validateAccountRequest } from '../workflows/validate.js';
import type { Engine } from './engine.js';
import { problem } from './problem.js';
import type { AccountRecord, CredentialRecord } from './state.js';

/** A checked account request: the body, its workflow and the credentials on file it reuses. */
export interface CheckedAccountRequest {
  readonly request: AccountRequest;
  readonly spec: WorkflowSpec;
  readonly onFile: readonly CredentialRecord[];
}

/** A 400 whose detail names every offending field. */
export function invalid(issues: readonly KyxIssue[]): Response {
  return problem(400, `Invalid request: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
}

/**
 * Parses and validates an account create/update body with the builder's own schema and
 * workflow rules; the checked request, or the 400 to send.
 */
export async function checkAccountRequest(
  engine: Engine,
  raw: Request,
  mode: AccountMode,
  account: AccountRecord | undefined,
): Promise<CheckedAccountRequest | Response> {
  let body: unknown;
  try {
    body = JSON.parse(await raw.text());
  } catch {
    return problem(400, 'The request body is not valid JSON');
  }
  const checked = validateAccountRequest(body, {
    mode,
    workflows: engine.tenantWorkflows,
    unknownKeys: 'allow',
    // Jumio takes fields it added after these schemas were written (what `.extra()` sends)
    unknownFields: 'allow',
  });
  if (!checked.success) return invalid(checked.issues);
  const request = checked.output;
  const key = request.workflowDefinition.key;
  const spec = engine.workflow(key);
  if (!spec) {
    return invalid([
      {
        path: 'workflowDefinition.key',
        message: `workflow ${key} is not configured for this tenant (use a catalog key, or define it: the simulator's workflows option, kyx simulate --workflows <file.json>)`,
      },
    ]);
  }
  const onFile: CredentialRecord[] = [];
  const issues: KyxIssue[] = [];
  (request.workflowDefinition.credentials ?? []).forEach((preset, index) => {
    if (preset.id === undefined) {
      // a workflow that reuses the ID on file takes the account's latest one when no id is named
      if (!(spec.reusesCredential && preset.category === 'ID')) return;
      const latest = account === undefined ? undefined : engine.latestCredential(account, 'ID');
      if (latest === undefined) {
        issues.push({
          path: `workflowDefinition.credentials.${index}`,
          message: `workflow ${key} reuses an ID credential, but this account has none on file: run an ID workflow first`,
        });
      } else onFile.push(latest);
      return;
    }
    const credential = engine.credential(preset.id);
    if (!credential || credential.accountId !== account?.id || credential.category !== preset.category) {
      issues.push({
        path: `workflowDefinition.credentials.${index}.id`,
        message: `is not the id of a ${preset.category} credential on this account`,
      });
    } else onFile.push(credential);
  });
  if (issues.length > 0) return invalid(issues);
  return { request, spec, onFile };
}
