import type { AccountId, IdInput, WorkflowExecutionId } from './ids.js';

/**
 * Anything that names a workflow execution by `account.id` and `workflowExecution.id`: an
 * account response, a status response, a callback payload, a finalize answer.
 *
 * @example
 * ```ts
 * import type { ExecutionRecord } from 'jumio-kyx';
 * const record: ExecutionRecord = {
 *   account: { id: '572ac7b5-9f83-409d-ba8e-f0014e411c7e' },
 *   workflowExecution: { id: '41f71912-1c6b-4e2f-b340-d6dc10cd69b8' },
 * };
 * ```
 */
export interface ExecutionRecord {
  /** The account. */
  readonly account: { readonly id: IdInput<AccountId> };
  /** The execution. */
  readonly workflowExecution: { readonly id: IdInput<WorkflowExecutionId> };
}
