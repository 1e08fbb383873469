import * as v from 'valibot';
import { type AccountId, AccountIdSchema, type WorkflowExecutionId, WorkflowExecutionIdSchema } from './ids.js';

/**
 * Jumio's answer to a part upload (`client.upload`, `client.uploadData`). Real answers carry the
 * ids and the credential's `api` block (the token, the part URLs, the finalize URL), which
 * integrators finalize with; Jumio's newer API description shows `{}`, so every field is optional.
 *
 * @example
 * ```ts
 * import type { UploadResponse } from 'jumio-kyx';
 * declare const answer: UploadResponse;
 * const finalizeUrl = answer.api?.workflowExecution;
 * ```
 */
export interface UploadResponse {
  /** UTC timestamp of the answer. */
  timestamp?: string;
  /** The account. */
  account?: { id: AccountId };
  /** The execution the part belongs to. */
  workflowExecution?: { id: WorkflowExecutionId };
  /** The credential's API block after the upload. */
  api?: UploadApi;
}

/**
 * The `api` block of an {@link UploadResponse}.
 *
 * @example
 * ```ts
 * import type { UploadApi } from 'jumio-kyx';
 * declare const api: UploadApi;
 * Object.keys(api.parts ?? {}); // the part URLs, e.g. ['front', 'back']
 * ```
 */
export interface UploadApi {
  /** The transaction-scoped token (secret), when Jumio repeats it. */
  token?: string;
  /** Upload URL per part, keyed by lowercase part name. */
  parts?: Record<string, string>;
  /** URL to finalize the execution (PUT). */
  workflowExecution?: string;
}

const TEXT = v.string('must be a string');

/**
 * Lenient schema of {@link UploadResponse}: unknown fields pass, an empty object passes, the ids
 * are checked when present.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { UploadResponseSchema } from 'jumio-kyx';
 * v.is(UploadResponseSchema, {}); // true
 * ```
 */
export const UploadResponseSchema = v.looseObject({
  timestamp: v.exactOptional(TEXT),
  account: v.exactOptional(v.looseObject({ id: AccountIdSchema })),
  workflowExecution: v.exactOptional(v.looseObject({ id: WorkflowExecutionIdSchema })),
  api: v.exactOptional(
    v.looseObject({
      token: v.exactOptional(TEXT),
      parts: v.exactOptional(v.record(TEXT, TEXT)),
      workflowExecution: v.exactOptional(TEXT),
    }),
  ),
});
