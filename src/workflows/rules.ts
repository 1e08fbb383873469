import type { KyxIssue } from '../errors.js';
import type { AccountMode, AccountRequest } from '../model/request.js';
import type { WorkflowSpec } from './define.js';
import {
  categoryList,
  noExtractionMessage,
  notAcceptedMessage,
  noWatchlistMessage,
  presetCall,
  REUSE_ON_CREATE,
  requiresMessage,
  USER_METHOD,
  updateOnlyMessage,
} from './messages.js';

/**
 * The catalog rules of one workflow that a request breaks: update-only workflows on a create,
 * presets the workflow does not accept, credentials on file named on a create, required presets and fields that are missing, and
 * capability options the workflow cannot use. `spec` undefined (an unknown key) yields none.
 * The messages are the builder's compile-time errors for the same rules (./messages.ts).
 */
export function workflowIssues(request: AccountRequest, mode: AccountMode, spec: WorkflowSpec | undefined): KyxIssue[] {
  const issues = reuseOnCreateIssues(request, mode);
  if (!spec) return issues;
  const { key } = spec;
  if (spec.updateOnly && mode === 'create') {
    issues.push({ path: 'workflowDefinition.key', message: updateOnlyMessage(key) });
  }
  const presets = request.workflowDefinition.credentials ?? [];
  presets.forEach((preset, index) => {
    if (!spec.credentials.includes(preset.category)) {
      issues.push({
        path: `workflowDefinition.credentials.${index}.category`,
        message: notAcceptedMessage(key, preset.category, categoryList(spec.credentials)),
      });
    }
  });
  for (const category of spec.requiredPresets ?? []) {
    if (!presets.some((p) => p.category === category)) {
      issues.push({
        path: 'workflowDefinition.credentials',
        message: requiresMessage(key, presetCall(category, spec.reusesCredential)),
      });
    }
  }
  for (const field of spec.requiredFields ?? []) {
    if (request[field] === undefined) issues.push({ path: field, message: requiresMessage(key, USER_METHOD) });
  }
  const capabilities = request.workflowDefinition.capabilities;
  if (capabilities?.documentVerification && !spec.credentials.includes('DOCUMENT')) {
    issues.push({ path: 'workflowDefinition.capabilities.documentVerification', message: noExtractionMessage(key) });
  }
  if (capabilities?.watchlistScreening && !spec.capabilities.includes('watchlistScreening')) {
    issues.push({ path: 'workflowDefinition.capabilities.watchlistScreening', message: noWatchlistMessage(key) });
  }
  return issues;
}

/** Credentials on file (`credentials[].id`) named by a create: any workflow, known or not. */
function reuseOnCreateIssues(request: AccountRequest, mode: AccountMode): KyxIssue[] {
  if (mode !== 'create') return [];
  const issues: KyxIssue[] = [];
  (request.workflowDefinition.credentials ?? []).forEach((preset, index) => {
    if (preset.id !== undefined) {
      issues.push({ path: `workflowDefinition.credentials.${index}.id`, message: REUSE_ON_CREATE });
    }
  });
  return issues;
}
