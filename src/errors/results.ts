import { KyxError } from './kyx-error.js';

/**
 * What went wrong in the results processor ({@link createResults}, the callback handler):
 * - `GAVE_UP`: retrieving an execution kept failing past the schedule and a week of daily
 *   attempts; it is dropped (reported to `onError` with stage `gave-up`);
 * - `LEASE_LOST`: another worker took the execution over (the store said the lease is gone);
 *   the calls for it are aborted with this error as the reason;
 * - `LEASE_OVERRUN`: `onResult` ran longer than `leaseMs`, so the work may be taken over
 *   (stage `lease`);
 * - `INBOX_FULL`: `results.track` found `maxPending` executions already waiting; the
 *   execution was not tracked (a callback in that case is answered 503 instead).
 */
export type KyxResultsErrorCode = 'GAVE_UP' | 'LEASE_LOST' | 'LEASE_OVERRUN' | 'INBOX_FULL';

/** What a {@link KyxResultsError} knows, by its `code`. */
export type KyxResultsErrorInit =
  | { code: 'GAVE_UP'; workflowExecutionId: string; attempts: number }
  | { code: 'LEASE_LOST'; workflowExecutionId: string }
  | { code: 'LEASE_OVERRUN'; workflowExecutionId: string; leaseMs: number }
  | { code: 'INBOX_FULL'; maxPending: number };

function describe(init: KyxResultsErrorInit): string {
  switch (init.code) {
    case 'GAVE_UP':
      return `Gave up retrieving execution ${init.workflowExecutionId}: ${init.attempts} failed attempts`;
    case 'LEASE_LOST':
      return `The lease on execution ${init.workflowExecutionId} was lost`;
    case 'LEASE_OVERRUN':
      return `onResult for execution ${init.workflowExecutionId} ran longer than leaseMs (${init.leaseMs} ms): the work may be taken over`;
    default:
      return `The results inbox holds ${init.maxPending} executions (maxPending): execution not tracked`;
  }
}

/**
 * A failure of the results processor itself (not of a Jumio call or the store): `code` says
 * which ({@link KyxResultsErrorCode}). `onError` of {@link createResults} and of the callback
 * handler receives it, and `results.track` rejects with it when the inbox is full.
 *
 * @example
 * ```ts
 * import { createResults, createClient, KyxResultsError } from 'jumio-kyx';
 * declare const client: ReturnType<typeof createClient>;
 * const results = createResults({
 *   client,
 *   onResult: async () => {},
 *   onError: (error, { stage }) => {
 *     if (error instanceof KyxResultsError && error.code === 'GAVE_UP') console.error('dropped', error.workflowExecutionId);
 *     else console.error(stage, error);
 *   },
 * });
 * ```
 */
export class KyxResultsError extends KyxError {
  override name = 'KyxResultsError';
  /** What went wrong. */
  readonly code: KyxResultsErrorCode;
  /** The execution it concerns; `undefined` for `INBOX_FULL`. */
  readonly workflowExecutionId: string | undefined;

  constructor(init: KyxResultsErrorInit) {
    super(describe(init));
    this.code = init.code;
    this.workflowExecutionId = 'workflowExecutionId' in init ? init.workflowExecutionId : undefined;
  }
}
