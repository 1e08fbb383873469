// The one place where `kyx` calls the client.

import type { SendableRequest } from '../builder/types.js';
import type { KyxClient } from '../client/client.js';
import type { UploadPart } from '../client/credentials.js';
import type { SendOptions } from '../client/idempotency.js';
import type { WaitProgress } from '../client/wait.js';
import type { PreparedData } from '../model/prepared-data.js';
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

/** The execution a retrieval command names. */
export interface ExecutionRef {
  readonly accountId: string;
  readonly workflowExecutionId: string;
}

/** Sends a request (a builder, or a JSON body through `fromBody`). */
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
  // JSON read from a file: the client checks it at run time (formats, keys, the workflow's rules)
  return client.uploadData(source, data as PreparedData, { signal });
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
