import type { KyxIssue } from '../errors.js';
import type { PresetCategory } from '../model/codes.js';
import type { AccountRequest } from '../model/request.js';
import type { WorkflowSpec } from './define.js';

/**
 * Whether a request creates an account (POST) or adds a transaction to one (PUT).
 *
 * @example
 * ```ts
 * import { account, type AccountMode, type CompiledAccountRequest } from 'jumio-kyx';
 * const mode: AccountMode = 'update';
 * const compiled: CompiledAccountRequest<'update'> = account('572ac7b5-9f83-409d-ba8e-f0014e411c7e')
 *   .ref('x')
 *   .workflow(10011)
 *   .compile();
 * compiled.method; // 'PUT'
 * ```
 */
export type AccountMode = 'create' | 'update';

/** The builder call that adds a preset of each category, for messages. */
export const PRESET_METHOD: Record<PresetCategory, string> = {
  ID: '.id({ country, type })',
  DOCUMENT: '.document(country, type)',
  FACEMAP: '.facemap()',
};

/**
 * The catalog rules of one workflow that a request breaks: update-only workflows on a create,
 * presets the workflow does not accept, required presets and fields that are missing, and
 * capability options the workflow cannot use. `spec` undefined (an unknown key) yields none.
 */
export function workflowIssues(request: AccountRequest, mode: AccountMode, spec: WorkflowSpec | undefined): KyxIssue[] {
  if (!spec) return [];
  const issues: KyxIssue[] = [];
  const name = `workflow ${spec.key} (${spec.name})`;
  if (spec.updateOnly && mode === 'create') {
    issues.push({
      path: 'workflowDefinition.key',
      message: `${name} runs only on an existing account: use account(accountId) (PUT)`,
    });
  }
  const presets = request.workflowDefinition.credentials ?? [];
  presets.forEach((preset, index) => {
    if (!spec.credentials.includes(preset.category)) {
      issues.push({
        path: `workflowDefinition.credentials.${index}.category`,
        message: `${name} does not accept a ${preset.category} credential (it collects ${spec.credentials.join(', ')})`,
      });
    }
    if (spec.reusesCredential && preset.category === 'ID' && preset.id === undefined) {
      issues.push({
        path: `workflowDefinition.credentials.${index}.id`,
        message: `${name} needs the id of the ID credential on file: .id({ id: credentialId })`,
      });
    }
  });
  for (const category of spec.requiredPresets ?? []) {
    if (!presets.some((p) => p.category === category)) {
      issues.push({
        path: 'workflowDefinition.credentials',
        message: `${name} requires ${category === 'ID' ? 'an' : 'a'} ${category} credential preset: call ${spec.reusesCredential && category === 'ID' ? '.id({ id: credentialId })' : PRESET_METHOD[category]}`,
      });
    }
  }
  for (const field of spec.requiredFields ?? []) {
    if (request[field] === undefined) {
      issues.push({ path: field, message: `is required by ${name}: call .user(userReference)` });
    }
  }
  const capabilities = request.workflowDefinition.capabilities;
  if (capabilities?.documentVerification && !spec.credentials.includes('DOCUMENT')) {
    issues.push({
      path: 'workflowDefinition.capabilities.documentVerification',
      message: `${name} accepts no DOCUMENT credential, so extraction cannot be configured`,
    });
  }
  if (capabilities?.watchlistScreening && !spec.capabilities.includes('watchlistScreening')) {
    issues.push({
      path: 'workflowDefinition.capabilities.watchlistScreening',
      message: `${name} does not run watchlist screening`,
    });
  }
  return issues;
}
