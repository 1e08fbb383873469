import type { KyxIssue } from '../errors/index.js';
import type { AccountMode, AccountRequest } from '../model/request.js';
import type { WorkflowSpec } from './define.js';
import {
  categoryList,
  HOW,
  noExtractionMessage,
  notAcceptedMessage,
  noWatchlistMessage,
  presetCall,
  requiresMessage,
  updateOnlyMessage,
  type Wording,
} from './messages.js';

/**
 * The catalog rules of one workflow that a request breaks: update-only workflows on a create,
 * presets the workflow does not accept, credentials on file named on a create, required presets and fields that are missing, and
 * capability options the workflow cannot use. `spec` undefined (an unknown key) yields none.
 * The messages are the builder's compile-time errors for the same rules (./messages.ts); with
 * `wording: 'json'` they name the body's fields instead of the builder's methods. `request` may be
 * a body that failed its schema (read with {@link ruleView}): each rule reads only what it checks.
 */
export function workflowIssues(
  request: AccountRequest,
  mode: AccountMode,
  spec: WorkflowSpec | undefined,
  wording: Wording = 'builder',
): KyxIssue[] {
  const issues = reuseOnCreateIssues(request, mode, wording);
  if (!spec) return issues;
  const { key } = spec;
  if (spec.updateOnly && mode === 'create') {
    issues.push({ path: 'workflowDefinition.key', message: updateOnlyMessage(key, HOW[wording].update) });
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
        message: requiresMessage(key, presetCall(category, spec.reusesCredential, wording)),
      });
    }
  }
  for (const field of spec.requiredFields ?? []) {
    if (request[field] === undefined) issues.push({ path: field, message: requiresMessage(key, HOW[wording].user) });
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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What the workflow rules read of a body that may have failed its schema: its key (a positive
 * integer, else `undefined`: no rule can apply), its presets (each kept at its index; one that is
 * not an object counts as a preset of no category), its capabilities and its other fields as given.
 * So a body's field problems and its workflow's rules are reported together, in one round.
 */
export function ruleView(body: unknown): { key: number; request: AccountRequest } | undefined {
  if (!isRecord(body) || !isRecord(body['workflowDefinition'])) return undefined;
  const definition = body['workflowDefinition'];
  const key = definition['key'];
  if (typeof key !== 'number' || !Number.isInteger(key) || key < 1) return undefined;
  const credentials = Array.isArray(definition['credentials'])
    ? definition['credentials'].map((c: unknown) => (isRecord(c) ? c : {}))
    : [];
  const capabilities = isRecord(definition['capabilities']) ? definition['capabilities'] : {};
  const request = { ...body, workflowDefinition: { key, credentials, capabilities } };
  return { key, request: request as unknown as AccountRequest };
}

/** Credentials on file (`credentials[].id`) named by a create: any workflow, known or not. */
function reuseOnCreateIssues(request: AccountRequest, mode: AccountMode, wording: Wording): KyxIssue[] {
  if (mode !== 'create') return [];
  const issues: KyxIssue[] = [];
  (request.workflowDefinition.credentials ?? []).forEach((preset, index) => {
    if (preset.id !== undefined) {
      issues.push({ path: `workflowDefinition.credentials.${index}.id`, message: HOW[wording].reuseOnCreate });
    }
  });
  return issues;
}
