import * as v from 'valibot';
import {
  type AccountId,
  AccountIdSchema,
  type CredentialId,
  CredentialIdSchema,
  CredentialIdTextSchema,
  type WorkflowExecutionId,
  WorkflowExecutionIdSchema,
} from './ids.js';
import { UTC_TIMESTAMP_PATTERN } from './rules.js';

/**
 * Workflow execution states. Jumio may add states: unknown values are kept as strings.
 *
 * @example
 * ```ts
 * import type { WorkflowStatus } from 'jumio-kyx';
 * const status: WorkflowStatus = 'PROCESSED';
 * ```
 */
export type WorkflowStatus =
  | 'INITIATED'
  | 'ACQUIRED'
  | 'PROCESSED'
  | 'SESSION_EXPIRED'
  | 'TOKEN_EXPIRED'
  | (string & {});

/**
 * Decision types of a workflow or capability. Unknown values are kept as strings.
 *
 * @example
 * ```ts
 * import type { DecisionType } from 'jumio-kyx';
 * const type: DecisionType = 'REJECTED';
 * ```
 */
export type DecisionType = 'PASSED' | 'REJECTED' | 'WARNING' | 'NOT_EXECUTED' | (string & {});

/**
 * The API acquisition block of a credential: the transaction-scoped token and the upload URLs.
 *
 * @example
 * ```ts
 * import type { CredentialApi } from 'jumio-kyx';
 * declare const api: CredentialApi;
 * const frontUrl = api.parts['front'];
 * ```
 */
export interface CredentialApi {
  /** Transaction-scoped bearer token for uploads and finalize. Secret: never log it. */
  token: string;
  /** Upload URL per part, keyed by lowercase part name (`front`, `back`, `face`, `document`, `prepared_data`). */
  parts: Record<string, string>;
  /** URL to finalize the execution (PUT). */
  workflowExecution: string;
}

/**
 * A credential the workflow execution will collect.
 *
 * @example
 * ```ts
 * import type { ResponseCredential } from 'jumio-kyx';
 * declare const credential: ResponseCredential;
 * if (credential.category === 'ID' && credential.api) console.log(Object.keys(credential.api.parts));
 * ```
 */
export interface ResponseCredential {
  /** Credential UUID. */
  id: CredentialId;
  /** `ID`, `SELFIE`, `FACEMAP`, `DOCUMENT`, `DATA`, or a category Jumio adds later. */
  category: string;
  /** Channels through which it can be acquired, e.g. `['WEB', 'API', 'SDK']`. */
  allowedChannels: string[];
  /** Present when the API channel is allowed. */
  api?: CredentialApi;
  /** Distinguishes several credentials of one category. */
  label?: string;
}

/**
 * The response to an account create or update. `W` records the workflow the request named (a
 * workflow key such as `10011`, a {@link WorkflowSpec}, or `unknown` for any workflow): it exists
 * only in the type, so `client.upload(response, part)` accepts exactly the parts that workflow
 * collects. At run time the response is the plain JSON value Jumio sent.
 *
 * @example
 * ```ts
 * import type { AccountResponse } from 'jumio-kyx';
 * declare const response: AccountResponse<10011>;
 * const id = response.account.id;
 * const selfie = response.workflowExecution.credentials.find((c) => c.category === 'SELFIE');
 * ```
 */
// biome-ignore lint/correctness/noUnusedVariables: W is a phantom read by the client's upload types
export interface AccountResponse<W = unknown> {
  /** UTC timestamp of the response. */
  timestamp: string;
  /** The account (new or existing). */
  account: { id: AccountId };
  /** Web client link (WEB channel); `href` carries a token, so treat it as a secret. */
  web?: { href: string; successUrl?: string; errorUrl?: string };
  /** Mobile/web SDK token. Secret. */
  sdk?: { token: string };
  /** The new workflow execution (transaction) and its credentials. */
  workflowExecution: { id: WorkflowExecutionId; credentials: ResponseCredential[] };
}

const ACCOUNT_ID = AccountIdSchema;
const EXECUTION_ID = WorkflowExecutionIdSchema;
const CREDENTIAL_ID = CredentialIdSchema;
const CREDENTIAL_TEXT = CredentialIdTextSchema;
const URL_STRING = v.pipe(
  v.string('must be a string'),
  v.check((s) => URL.canParse(s), 'must be an absolute URL'),
);
const TEXT = v.string('must be a string');

/**
 * Lenient schema of {@link AccountResponse}: unknown fields are kept and new categories or
 * channels pass, but the ids and URLs the client relies on are checked.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { AccountResponseSchema } from 'jumio-kyx';
 * const result = v.safeParse(AccountResponseSchema, { account: {} });
 * result.success; // false
 * ```
 */
export const AccountResponseSchema = v.looseObject({
  timestamp: TEXT,
  account: v.looseObject({ id: ACCOUNT_ID }),
  web: v.exactOptional(
    v.looseObject({
      href: URL_STRING,
      successUrl: v.exactOptional(TEXT),
      errorUrl: v.exactOptional(TEXT),
    }),
  ),
  sdk: v.exactOptional(v.looseObject({ token: TEXT })),
  workflowExecution: v.looseObject({
    id: EXECUTION_ID,
    credentials: v.array(
      v.looseObject({
        id: CREDENTIAL_ID,
        category: TEXT,
        allowedChannels: v.array(TEXT),
        api: v.exactOptional(
          v.looseObject({
            token: v.pipe(TEXT, v.minLength(1, 'must not be empty')),
            parts: v.record(TEXT, URL_STRING),
            workflowExecution: URL_STRING,
          }),
        ),
        label: v.exactOptional(TEXT),
      }),
    ),
  }),
});

/**
 * The status of a workflow execution (Retrieval API `…/status`).
 *
 * @example
 * ```ts
 * import type { WorkflowStatusResponse } from 'jumio-kyx';
 * declare const status: WorkflowStatusResponse;
 * if (status.workflowExecution.status === 'PROCESSED') console.log('ready');
 * ```
 */
export interface WorkflowStatusResponse {
  /** The account. */
  account: { id: AccountId; href?: string };
  /** The execution, its workflow key (a string, as Jumio sends it) and status. */
  workflowExecution: { id: WorkflowExecutionId; href?: string; definitionKey: string; status: WorkflowStatus };
}

/**
 * Lenient schema of {@link WorkflowStatusResponse}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { WorkflowStatusResponseSchema } from 'jumio-kyx';
 * v.is(WorkflowStatusResponseSchema, {}); // false
 * ```
 */
export const WorkflowStatusResponseSchema = v.looseObject({
  account: v.looseObject({ id: ACCOUNT_ID, href: v.exactOptional(TEXT) }),
  workflowExecution: v.looseObject({
    id: EXECUTION_ID,
    href: v.exactOptional(TEXT),
    definitionKey: TEXT,
    status: TEXT,
  }),
});

/**
 * A decision: type, label and risk score.
 *
 * @example
 * ```ts
 * import type { Decision } from 'jumio-kyx';
 * const decision: Decision = { type: 'PASSED', details: { label: 'PASSED' }, risk: { score: 12 } };
 * ```
 */
export interface Decision {
  /** `PASSED`, `REJECTED`, `WARNING`, `NOT_EXECUTED`, or a newer value. */
  type: DecisionType;
  /** The label, usually equal to the type. */
  details?: { label: string };
  /** Risk score, −1 (not executed) to 100. */
  risk?: { score: number };
}

/**
 * One capability result in workflow details.
 *
 * @example
 * ```ts
 * import type { CapabilityResult } from 'jumio-kyx';
 * declare const result: CapabilityResult;
 * result.decision.details?.label;
 * ```
 */
export interface CapabilityResult {
  /** Capability run id. */
  id: string;
  /** The credentials it evaluated. */
  credentials?: { id: CredentialId; category: string }[];
  /** Its decision. */
  decision: Decision;
  /** Capability-specific data (extraction fields, liveness data, …). */
  data?: Record<string, unknown>;
}

/**
 * Workflow details (Retrieval API): the transaction record with decision and capability results.
 *
 * @example
 * ```ts
 * import type { WorkflowDetails } from 'jumio-kyx';
 * declare const details: WorkflowDetails;
 * console.log(details.workflow.status, details.decision.type);
 * ```
 */
export interface WorkflowDetails {
  /** The execution. */
  workflow: {
    id: WorkflowExecutionId;
    status: WorkflowStatus;
    definitionKey: string;
    customerInternalReference?: string;
    userReference?: string;
    reportingCriteria?: string;
  };
  /** The account. */
  account: { id: AccountId };
  /** When it was created (UTC). */
  createdAt: string;
  /** When acquisition started. */
  startedAt?: string;
  /** When processing completed. */
  completedAt?: string;
  /** Credentials and their parts. */
  credentials?: { id: CredentialId; category: string; parts?: { classifier: string; href?: string }[] }[];
  /** The workflow decision. */
  decision: Decision;
  /** Capability results by capability name. */
  capabilities?: Record<string, CapabilityResult[]>;
}

const DECISION = v.looseObject({
  type: TEXT,
  details: v.exactOptional(v.looseObject({ label: TEXT })),
  risk: v.exactOptional(v.looseObject({ score: v.number('must be a number') })),
});

/**
 * Lenient schema of {@link WorkflowDetails}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { WorkflowDetailsSchema } from 'jumio-kyx';
 * v.is(WorkflowDetailsSchema, null); // false
 * ```
 */
export const WorkflowDetailsSchema = v.looseObject({
  workflow: v.looseObject({
    id: EXECUTION_ID,
    status: TEXT,
    definitionKey: TEXT,
    customerInternalReference: v.exactOptional(TEXT),
    userReference: v.exactOptional(TEXT),
    reportingCriteria: v.exactOptional(TEXT),
  }),
  account: v.looseObject({ id: ACCOUNT_ID }),
  createdAt: TEXT,
  startedAt: v.exactOptional(TEXT),
  completedAt: v.exactOptional(TEXT),
  credentials: v.exactOptional(
    v.array(
      v.looseObject({
        id: CREDENTIAL_TEXT,
        category: TEXT,
        parts: v.exactOptional(v.array(v.looseObject({ classifier: TEXT, href: v.exactOptional(TEXT) }))),
      }),
    ),
  ),
  decision: DECISION,
  capabilities: v.exactOptional(
    v.record(
      TEXT,
      v.array(
        v.looseObject({
          id: TEXT,
          credentials: v.exactOptional(v.array(v.looseObject({ id: CREDENTIAL_TEXT, category: TEXT }))),
          decision: DECISION,
          data: v.exactOptional(v.record(TEXT, v.unknown())),
        }),
      ),
    ),
  ),
});

/**
 * The JSON body Jumio POSTs to the callback URL: status only, no results.
 *
 * @example
 * ```ts
 * import type { CallbackPayload } from 'jumio-kyx';
 * declare const callback: CallbackPayload;
 * if (callback.workflowExecution.status === 'PROCESSED') console.log(callback.account.id);
 * ```
 */
export interface CallbackPayload {
  /** When Jumio sent it (UTC, 0–3 fractional digits). */
  callbackSentAt: string;
  /** The user reference, when the request set one. */
  userReference?: string;
  /** The execution, its workflow key (string) and status. */
  workflowExecution: { id: WorkflowExecutionId; href: string; definitionKey: string; status: WorkflowStatus };
  /** The account. */
  account: { id: AccountId; href: string };
}

/**
 * Lenient schema of {@link CallbackPayload}; `callbackSentAt` may have 0–3 fractional digits.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { CallbackPayloadSchema } from 'jumio-kyx';
 * v.is(CallbackPayloadSchema, {}); // false
 * ```
 */
export const CallbackPayloadSchema = v.looseObject({
  callbackSentAt: v.pipe(TEXT, v.regex(UTC_TIMESTAMP_PATTERN, 'must be a UTC timestamp with 0–3 fractional digits')),
  userReference: v.exactOptional(TEXT),
  workflowExecution: v.looseObject({
    id: EXECUTION_ID,
    href: TEXT,
    definitionKey: v.union(
      [
        TEXT,
        v.pipe(
          v.number(),
          v.transform((key) => String(key)),
        ),
      ],
      'must be a string',
    ),
    status: TEXT,
  }),
  account: v.looseObject({ id: ACCOUNT_ID, href: TEXT }),
});
