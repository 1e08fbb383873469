import { CAPABILITIES, type KnownCapabilityName } from '../model/capabilities.js';
import { CREDENTIAL_PARTS } from '../model/codes.js';
import { apiPath } from '../model/paths.js';
import type {
  AccountResponse,
  CallbackPayload,
  CapabilityResult,
  ResponseCredential,
  WorkflowDetails,
  WorkflowStatusResponse,
} from '../model/response.js';
import { PENDING_DECISION } from './outcome.js';
import type { CredentialRecord, SimulatedExecution, StepResult } from './state.js';

const iso = (ms: number) => new Date(ms).toISOString();

function responseCredential(execution: SimulatedExecution, credential: CredentialRecord): ResponseCredential {
  const onFile = credential.executionId !== execution.id;
  const base = {
    id: credential.id,
    category: credential.category,
    allowedChannels: onFile ? [] : [...credential.allowedChannels],
  };
  if (onFile || credential.apiToken === undefined) return base;
  const { origin, accountId, id } = execution;
  const parts: Record<string, string> = {};
  for (const part of CREDENTIAL_PARTS[credential.category]) {
    parts[part] =
      origin +
      apiPath('upload', {
        accountId,
        workflowExecutionId: id,
        credentialId: credential.id,
        classifier: part.toUpperCase(),
      });
  }
  return {
    ...base,
    api: {
      token: credential.apiToken,
      parts,
      workflowExecution: origin + apiPath('execution', { accountId, workflowExecutionId: id }),
    },
  };
}

/** The account create/update response, shaped like the seed's example. */
export function accountResponse(execution: SimulatedExecution, sdkToken: string, now: number): AccountResponse {
  const { origin, spec, request } = execution;
  const response: AccountResponse = {
    timestamp: iso(now),
    account: { id: execution.accountId },
    workflowExecution: {
      id: execution.id,
      credentials: execution.credentials.map((c) => responseCredential(execution, c)),
    },
  };
  if (spec.channels.includes('WEB')) {
    const locale = encodeURIComponent(request.web?.locale ?? 'en');
    response.web = {
      href: `${origin}/web/v4/app?authorizationToken=${sdkToken}&locale=${locale}`,
      ...(request.web?.successUrl ? { successUrl: request.web.successUrl } : {}),
      ...(request.web?.errorUrl ? { errorUrl: request.web.errorUrl } : {}),
    };
  }
  if (spec.channels.includes('SDK')) response.sdk = { token: sdkToken };
  return response;
}

function executionRef(execution: SimulatedExecution) {
  const { origin, id } = execution;
  return {
    id,
    href: origin + apiPath('executionLink', { workflowExecutionId: id }),
    definitionKey: String(execution.spec.key),
    status: execution.status,
  };
}

/** The Retrieval API status body. */
export function statusResponse(execution: SimulatedExecution): WorkflowStatusResponse {
  const { origin, accountId } = execution;
  return {
    account: { id: accountId, href: origin + apiPath('account', { accountId }) },
    workflowExecution: executionRef(execution),
  };
}

/**
 * The capability results as served: liveness and authentication results that ran carry the link
 * to the facemap beside `data` (`validFaceMapForAuthentication`).
 */
function servedCapabilities(execution: SimulatedExecution): Record<string, CapabilityResult[]> {
  const served: Record<string, CapabilityResult[]> = {};
  const facemap =
    execution.credentials.find((c) => c.category === 'FACEMAP') ??
    execution.credentials.find((c) => c.category === 'SELFIE');
  for (const [name, results] of Object.entries(execution.outcome?.capabilities ?? {})) {
    const faceMap = Object.hasOwn(CAPABILITIES, name) && CAPABILITIES[name as KnownCapabilityName].faceMap;
    served[name] = results.map((result) =>
      faceMap && facemap && result.decision.type !== 'NOT_EXECUTED'
        ? {
            ...result,
            validFaceMapForAuthentication:
              execution.origin +
              apiPath('part', { accountId: facemap.accountId, credentialId: facemap.id, classifier: 'FACEMAP' }),
          }
        : result,
    );
  }
  return served;
}

/** The Retrieval API details body (decision NOT_EXECUTED until processed). */
export function detailsResponse(execution: SimulatedExecution): WorkflowDetails {
  const { origin, accountId, request } = execution;
  return {
    workflow: {
      id: execution.id,
      status: execution.status,
      definitionKey: String(execution.spec.key),
      customerInternalReference: request.customerInternalReference,
      ...(request.userReference !== undefined ? { userReference: request.userReference } : {}),
      ...(request.reportingCriteria !== undefined ? { reportingCriteria: request.reportingCriteria } : {}),
    },
    account: { id: accountId },
    createdAt: iso(execution.createdAt),
    ...(execution.startedAt !== undefined ? { startedAt: iso(execution.startedAt) } : {}),
    ...(execution.completedAt !== undefined ? { completedAt: iso(execution.completedAt) } : {}),
    // credentials with nothing uploaded have no parts (as an expired execution's in real bodies)
    credentials: execution.credentials.map((c) => ({
      id: c.id,
      category: c.category,
      ...(c.parts.size > 0
        ? {
            parts: [...c.parts.values()].map((p) => ({
              classifier: p.classifier,
              href: origin + apiPath('part', { accountId: c.accountId, credentialId: c.id, classifier: p.classifier }),
            })),
          }
        : {}),
    })),
    decision: execution.outcome?.decision ?? PENDING_DECISION,
    steps: { href: origin + apiPath('executionSteps', { accountId, workflowExecutionId: execution.id }) },
    capabilities: servedCapabilities(execution),
  };
}

/** The Retrieval API steps body (empty until processed). */
export function stepsResponse(execution: SimulatedExecution): { steps: readonly StepResult[] } {
  return { steps: execution.outcome?.steps ?? [] };
}

/** The callback JSON: status only, no results. */
export function callbackPayload(execution: SimulatedExecution, now: number): CallbackPayload {
  const { origin, accountId, request } = execution;
  return {
    callbackSentAt: iso(now),
    ...(request.userReference !== undefined ? { userReference: request.userReference } : {}),
    workflowExecution: executionRef(execution),
    account: { id: accountId, href: origin + apiPath('account', { accountId }) },
  };
}

/** The upload response (older docs' shape): ids plus the credential's api block. */
export function uploadResponse(execution: SimulatedExecution, credential: CredentialRecord, now: number) {
  const { api } = responseCredential(execution, credential);
  return {
    timestamp: iso(now),
    account: { id: execution.accountId },
    workflowExecution: { id: execution.id },
    ...(api ? { api } : {}),
  };
}

/** The finalize response. */
export function finalizeResponse(execution: SimulatedExecution, now: number) {
  return { timestamp: iso(now), account: { id: execution.accountId }, workflowExecution: { id: execution.id } };
}
