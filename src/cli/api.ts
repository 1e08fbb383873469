// The one place where `kyx` calls the client. Two client changes are on their way from other
// branches; each has a tripwire here so the switch is made in this file only:
//  - `send(request, { idempotencyKey })` (branch `scale`);
//  - retrieval taking an execution reference `{ accountId, workflowExecutionId }` and
//    `waitForResult(execution, { signal, schedule, sleep })` (branch `flow`).
import type { AccountValidationResult, CompiledAccountRequest, CompleteAccountRequest } from '../builder/types.js';
import type { CallOptions, KyxClient } from '../client/client.js';
import type { WorkflowSteps } from '../client/schemas.js';
import { type KyxIssue, KyxValidationError } from '../errors.js';
import type { AccountRequest } from '../model/request.js';
import type { AccountResponse, WorkflowDetails, WorkflowStatusResponse } from '../model/response.js';
import { UUID_PATTERN } from '../model/rules.js';
import type { WorkflowSpec } from '../workflows/define.js';
import { validateAccountRequest } from '../workflows/validate.js';

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
 * TODO(lead): `client.send(request, { idempotencyKey })` arrives with branch `scale`. Once
 * `CallOptions` (or send's own options) has `idempotencyKey`, this declaration stops compiling:
 * delete it, and the warning in send.ts that uses it.
 */
type IdempotencyKeyPending = 'idempotencyKey' extends keyof CallOptions ? never : true;
export const IDEMPOTENCY_KEY_PENDING: IdempotencyKeyPending = true;

/**
 * Validates a JSON body exactly as the builder does (the account id on an update, the request
 * schema, the workflow's rules, tenant workflows) and wraps it as a complete request for
 * `client.send`, which validates it once more before sending. Invalid input throws
 * `KyxValidationError` and nothing is sent.
 */
export function requestFromBody(input: SendInput): CompleteAccountRequest {
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
      ? { method: 'POST', path: '/api/v1/accounts', body }
      : { method: 'PUT', path: `/api/v1/accounts/${encodeURIComponent(input.accountId)}`, body };
  };
  return { build, toJSON: build, compile, validate };
}

/** Sends a request made by {@link requestFromBody}. */
export function send(
  client: KyxClient,
  request: CompleteAccountRequest,
  options: { signal: AbortSignal; idempotencyKey?: string | undefined },
): Promise<AccountResponse> {
  // TODO(lead): `idempotencyKey` is passed through but ignored until send takes it (see
  // IDEMPOTENCY_KEY_PENDING).
  const call: CallOptions & { idempotencyKey?: string } = {
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

/**
 * One retrieval call. TODO(lead): with branch `flow`, status/details/steps take the execution
 * reference itself: `client[what](ref, { signal })`.
 */
export function retrieve<K extends keyof Retrieved>(
  client: KyxClient,
  what: K,
  ref: ExecutionRef,
  signal: AbortSignal,
): Promise<Retrieved[K]> {
  return client[what](ref.accountId, ref.workflowExecutionId, { signal }) as Promise<Retrieved[K]>;
}

/** Jumio's documented retrieval schedule: seconds after finalize (fact sheet, "Real shapes"). */
export const DOCUMENTED_SCHEDULE_S = [40, 60, 100, 160, 240, 340, 460, 600, 760, 940] as const;

/** Statuses after which an execution no longer changes. */
export const TERMINAL_STATUSES: readonly string[] = ['PROCESSED', 'SESSION_EXPIRED', 'TOKEN_EXPIRED'];

/** Options of {@link waitForResult}. */
export interface WaitOptions {
  readonly signal: AbortSignal;
  /** Seconds after the start at which to check again (default {@link DOCUMENTED_SCHEDULE_S}). */
  readonly schedule?: readonly number[];
  /** Called after every status check, with what comes next. */
  readonly onPoll?: (poll: { status: string; check: number; checks: number; nextInS: number | undefined }) => void;
}

/** No result before the schedule ran out. */
export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
  readonly status: string;
  constructor(status: string, seconds: number) {
    super(`still ${status} after the last scheduled check (${seconds} s): run kyx wait again later`);
    this.status = status;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
  });
}

/**
 * Waits for a terminal status, then returns the details: one status check at once, then one at
 * each scheduled time. TODO(lead): a local stand-in for `client.waitForResult(ref, { signal,
 * schedule })` from branch `flow`; replace the body with that call (keep `onPoll` for the
 * progress line, e.g. through its hooks or by polling status there).
 */
export async function waitForResult(client: KyxClient, ref: ExecutionRef, options: WaitOptions) {
  const schedule = options.schedule ?? DOCUMENTED_SCHEDULE_S;
  const started = Date.now();
  const checks = schedule.length + 1;
  for (let check = 1; ; check++) {
    const status = (await retrieve(client, 'status', ref, options.signal)).workflowExecution.status;
    const next = schedule[check - 1];
    const terminal = TERMINAL_STATUSES.includes(status);
    options.onPoll?.({ status, check, checks, nextInS: terminal ? undefined : next });
    if (terminal) return retrieve(client, 'details', ref, options.signal);
    if (next === undefined) throw new WaitTimeoutError(status, schedule.at(-1) ?? 0);
    await sleep(Math.max(0, started + next * 1000 - Date.now()), options.signal);
  }
}
