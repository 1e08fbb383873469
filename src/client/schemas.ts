import * as v from 'valibot';
import { type AccountId, AccountIdSchema, type WorkflowExecutionId, WorkflowExecutionIdSchema } from '../model/ids.js';

// Response shapes only the client reads (the account, status, details and callback schemas live
// in src/model/response.ts). Lenient: unknown fields pass, the fields we rely on are checked.

const TEXT = v.string('must be a string');

/** `POST /oauth2/token` answer. */
export const TokenResponseSchema = v.looseObject({
  access_token: v.pipe(TEXT, v.minLength(1, 'must not be empty')),
  expires_in: v.pipe(v.number('must be a number'), v.minValue(1, 'must be positive')),
  token_type: v.exactOptional(TEXT),
});

/**
 * One step of a workflow execution (Retrieval API `…/steps`).
 *
 * @example
 * ```ts
 * import type { WorkflowStep } from 'jumio-kyx';
 * declare const step: WorkflowStep;
 * console.log(step.name, step.decision?.type);
 * ```
 */
export interface WorkflowStep {
  /** Step id. */
  id: string;
  /** Step name, e.g. `ID_IV`, `SCREENING`. */
  name: string;
  /** The capability runs of this step. */
  capabilityIds?: string[];
  /** The step's decision. */
  decision?: { type: string; details?: { label: string }; risk?: { score: number } };
}

/**
 * The steps of a workflow execution.
 *
 * @example
 * ```ts
 * import type { WorkflowSteps } from 'jumio-kyx';
 * declare const steps: WorkflowSteps;
 * const names = steps.steps.map((s) => s.name);
 * ```
 */
export interface WorkflowSteps {
  /** Steps in order. */
  steps: WorkflowStep[];
}

/** Lenient schema of {@link WorkflowSteps}. */
export const WorkflowStepsSchema = v.looseObject({
  steps: v.array(
    v.looseObject({
      id: TEXT,
      name: TEXT,
      capabilityIds: v.exactOptional(v.array(TEXT)),
      decision: v.exactOptional(
        v.looseObject({
          type: TEXT,
          details: v.exactOptional(v.looseObject({ label: TEXT })),
          risk: v.exactOptional(v.looseObject({ score: v.number('must be a number') })),
        }),
      ),
    }),
  ),
});

/**
 * The answer to finalize (`PUT` on the credential's `api.workflowExecution`).
 *
 * @example
 * ```ts
 * import type { FinalizeResponse } from 'jumio-kyx';
 * declare const done: FinalizeResponse;
 * done.workflowExecution.id;
 * ```
 */
export interface FinalizeResponse {
  /** UTC timestamp, when sent. */
  timestamp?: string;
  /** The account. */
  account: { id: AccountId };
  /** The execution sent for processing. */
  workflowExecution: { id: WorkflowExecutionId };
}

/** Lenient schema of {@link FinalizeResponse}. */
export const FinalizeResponseSchema = v.looseObject({
  timestamp: v.exactOptional(TEXT),
  account: v.looseObject({ id: AccountIdSchema }),
  workflowExecution: v.looseObject({ id: WorkflowExecutionIdSchema }),
});

/**
 * Jumio's health status (`GET https://status.<region>.jumio.ai`). `details` lists components
 * that are not `UP`.
 *
 * @example
 * ```ts
 * import type { HealthStatus } from 'jumio-kyx';
 * declare const health: HealthStatus;
 * if (health.status !== 'UP') console.warn(health.details);
 * ```
 */
export interface HealthStatus {
  /** `UP`, `DEGRADED`, `DOWN`, or a newer value. */
  status: 'UP' | 'DEGRADED' | 'DOWN' | (string & {});
  /** Per component (`api`, `callback`, `mobile`, `processing`, `retrieval`, `web`). */
  details?: Record<string, string>;
}

/** Lenient schema of {@link HealthStatus}. */
export const HealthStatusSchema = v.looseObject({
  status: TEXT,
  details: v.exactOptional(v.record(TEXT, TEXT)),
});
