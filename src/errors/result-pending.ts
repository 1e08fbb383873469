import type { WorkflowStatus } from '../model/response.js';
import { KyxError } from './kyx-error.js';

/** What a {@link KyxResultPendingError} knows: the execution, its last status and the wait. */
export interface KyxResultPendingErrorInit {
  /** The last status Jumio reported. */
  status: WorkflowStatus;
  /** How many status calls were made. */
  statusCalls: number;
  /** How long the wait took, in ms. */
  waitedMs: number;
  /** The account of the execution. */
  accountId: string;
  /** The execution waited for. */
  workflowExecutionId: string;
}

/**
 * {@link KyxClient.waitForResult} asked for the status as often as its schedule allows and the
 * execution is still not done. `status` is the last status Jumio reported (`INITIATED` when the
 * user never finished, `ACQUIRED` while Jumio is still processing). Nothing is lost: wait for
 * the callback, or call `waitForResult` again later.
 *
 * @example
 * ```ts
 * import { createClient, KyxResultPendingError } from 'jumio-kyx';
 * declare const client: ReturnType<typeof createClient>;
 * declare const execution: { accountId: string; workflowExecutionId: string };
 * try {
 *   await client.waitForResult(execution);
 * } catch (error) {
 *   if (error instanceof KyxResultPendingError) console.log(error.status, error.statusCalls);
 * }
 * ```
 */
export class KyxResultPendingError extends KyxError {
  override name = 'KyxResultPendingError';
  /** The last status Jumio reported. */
  readonly status: WorkflowStatus;
  /** How many status calls were made. */
  readonly statusCalls: number;
  /** The account of the execution. */
  readonly accountId: string;
  /** The execution waited for. */
  readonly workflowExecutionId: string;

  constructor(init: KyxResultPendingErrorInit) {
    super(
      `Workflow execution ${init.workflowExecutionId} is still ${init.status} after ${init.statusCalls} status ` +
        `call${init.statusCalls === 1 ? '' : 's'} over ${Math.round(init.waitedMs / 1000)} s: the retrieval schedule ran out. ` +
        'Wait for the callback, or call waitForResult again later.',
    );
    this.status = init.status;
    this.statusCalls = init.statusCalls;
    this.accountId = init.accountId;
    this.workflowExecutionId = init.workflowExecutionId;
  }
}
