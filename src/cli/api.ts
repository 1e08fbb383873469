// The one place where `kyx` calls the client.
import type { CompiledAccountRequest, SendableRequest } from '../builder/types.js';
import type { KyxClient } from '../client/client.js';
import type { UploadPart } from '../client/credentials.js';
import type { SendOptions } from '../client/idempotency.js';
import type { WaitProgress } from '../client/wait.js';
import { type KyxIssue, KyxValidationError } from '../errors.js';
import { API_PATHS, apiPath } from '../model/paths.js';
import type { AccountRequest } from '../model/request.js';
import type {
  AccountResponse,
  FinalizeResponse,
  HealthStatus,
  ResponseCredential,
  UploadResponse,
  WorkflowDetails,
  WorkflowStatusResponse,
  WorkflowSteps,
} from '../model/response.js';
import { UUID_PATTERN } from '../model/rules.js';
import type { WorkflowSpec } from '../workflows/define.js';
import { type AccountValidationResult, validateAccountRequest } from '../workflows/validate.js';

/** The execution a retrieval command names. */
export interface ExecutionRef {
  readonly accountId: string;
  readonly workflowExecutionId: string;
}

/** What `kyx send` read. */
export interface SendInput {
  /** The request body as read from the file. */
  readonly body: unknown;
  /** PUT on this account (`--update`); POST when absent. */
  readonly accountId?: string | undefined;
  /** Tenant workflows (`--workflows`). */
  readonly workflows: readonly WorkflowSpec[];
}

/**
 * Validates a JSON body exactly as the builder does (the account id on an update, the request
 * schema, the workflow's rules, tenant workflows) and wraps it as a complete request for
 * `client.send`, which validates it once more before sending. Invalid input throws
 * `KyxValidationError` and nothing is sent.
 */
export function requestFromBody(input: SendInput): SendableRequest {
  const mode = input.accountId === undefined ? 'create' : 'update';
  const validate = (): AccountValidationResult => {
    const issues: KyxIssue[] = [];
    if (mode === 'update' && !UUID_PATTERN.test(input.accountId as string)) {
      issues.push({ path: 'accountId', message: 'must be the UUID of an existing account (--update <accountId>)' });
    }
    const result = validateAccountRequest(input.body, { mode, workflows: input.workflows });
    if (issues.length === 0) return result;
    if (!result.success) issues.push(...result.issues);
    return { success: false, issues };
  };
  const build = (): AccountRequest => {
    const result = validate();
    if (!result.success) throw new KyxValidationError(result.issues);
    return result.output;
  };
  const compile = (): CompiledAccountRequest => {
    const body = build();
    return input.accountId === undefined
      ? { method: 'POST', path: API_PATHS.accounts, body }
      : { method: 'PUT', path: apiPath('account', { accountId: input.accountId }), body };
  };
  // the builder's optional setters have no meaning for a finished JSON body: it is a sendable
  // request and nothing more
  return { build, toJSON: build, compile, validate };
}

/** Sends a request made by {@link requestFromBody}. */
export function send(
  client: KyxClient,
  request: SendableRequest,
  options: { signal: AbortSignal; idempotencyKey?: string | undefined },
): Promise<AccountResponse> {
  const call: SendOptions = {
    signal: options.signal,
    ...(options.idempotencyKey !== undefined ? { idempotencyKey: options.idempotencyKey } : {}),
  };
  return client.send(request, call);
}

/** The three retrieval calls, by command name. */
export interface Retrieved {
  status: WorkflowStatusResponse;
  details: WorkflowDetails;
  steps: WorkflowSteps;
}

/** One retrieval call. */
export function retrieve<K extends keyof Retrieved>(
  client: KyxClient,
  what: K,
  ref: ExecutionRef,
  signal: AbortSignal,
): Promise<Retrieved[K]> {
  return client[what](ref, { signal }) as Promise<Retrieved[K]>;
}

/** Options of {@link waitForResult}. */
export interface WaitOptions {
  readonly signal: AbortSignal;
  /** Seconds after the start at which to ask for the status (default: Jumio's schedule). */
  readonly schedule?: readonly number[];
  /** Called after every status call. */
  readonly onStatus?: (progress: WaitProgress) => void;
}

/** `client.waitForResult` with the schedule in seconds. */
export function waitForResult(client: KyxClient, ref: ExecutionRef, options: WaitOptions): Promise<WorkflowDetails> {
  return client.waitForResult(ref, {
    signal: options.signal,
    ...(options.schedule ? { schedule: options.schedule.map((s) => s * 1000) } : {}),
    ...(options.onStatus ? { onStatus: options.onStatus } : {}),
  });
}

/** What `kyx upload` and `kyx finalize` act on: a saved account response, or one credential. */
export type ExecutionSource = AccountResponse | ResponseCredential;

/** One part file (`front`, `back`, `face`, `document`) to the credential that collects it. */
export function uploadPart(
  client: KyxClient,
  source: ExecutionSource,
  part: UploadPart,
  file: Uint8Array,
  signal: AbortSignal,
): Promise<UploadResponse> {
  return client.upload(source, part, file, { signal });
}

/** Prepared data (a JSON object) to the DATA credential. */
export function uploadData(
  client: KyxClient,
  source: ExecutionSource,
  data: Record<string, unknown>,
  signal: AbortSignal,
): Promise<UploadResponse> {
  return client.uploadData(source, data, { signal });
}

/** Finalize: the acquired credentials go to processing. */
export function finalize(client: KyxClient, source: ExecutionSource, signal: AbortSignal): Promise<FinalizeResponse> {
  return client.finalize(source, { signal });
}

/** Deletes an account (every execution and its data), or one execution. */
export function remove(
  client: KyxClient,
  target: { accountId: string; workflowExecutionId?: string | undefined },
  signal: AbortSignal,
): Promise<void> {
  const { accountId, workflowExecutionId } = target;
  return workflowExecutionId === undefined
    ? client.deleteAccount({ accountId }, { signal })
    : client.deleteExecution({ accountId, workflowExecutionId }, { signal });
}

/** Jumio's health status. */
export function health(client: KyxClient, signal: AbortSignal): Promise<HealthStatus> {
  return client.health({ signal });
}
