import * as v from 'valibot';
import { CAPABILITY_DATA, OtherCapabilityDataSchema } from './capability-data-schemas.js';
import { AccountIdSchema, CredentialIdSchema, CredentialIdTextSchema, WorkflowExecutionIdSchema } from './ids.js';
import { NUMBER, optional, TEXT, URL_STRING } from './primitives.js';
import type {
  AccountResponse,
  CallbackPayload,
  CapabilityResultsByName,
  FinalizeResponse,
  HealthStatus,
  TokenResponse,
  UploadResponse,
  WorkflowDetails,
  WorkflowStatusResponse,
  WorkflowSteps,
} from './response.js';
import { UTC_TIMESTAMP_PATTERN } from './rules.js';

// The lenient schema of every response shape (response.ts): unknown fields and values are kept as
// Jumio sent them; what the client relies on (ids, the URLs it calls) is checked. The client and
// the simulator parse with them; public from `jumio-kyx/schemas`, never from the root entry: its
// declarations must not reach valibot.

const ACCOUNT_ID = AccountIdSchema;
const EXECUTION_ID = WorkflowExecutionIdSchema;
const CREDENTIAL_ID = CredentialIdSchema;
const CREDENTIAL_TEXT = CredentialIdTextSchema;

/**
 * Lenient schema of {@link AccountResponse}: unknown fields are kept and new categories or
 * channels pass, but the ids and URLs the client relies on are checked.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { AccountResponseSchema } from 'jumio-kyx/schemas';
 * const result = v.safeParse(AccountResponseSchema, { account: {} });
 * result.success; // false
 * ```
 */
export const AccountResponseSchema = v.looseObject({
  timestamp: TEXT,
  account: v.looseObject({ id: ACCOUNT_ID }),
  web: optional(
    v.looseObject({
      href: URL_STRING,
      successUrl: optional(TEXT),
      errorUrl: optional(TEXT),
    }),
  ),
  sdk: optional(v.looseObject({ token: TEXT })),
  workflowExecution: v.looseObject({
    id: EXECUTION_ID,
    credentials: v.array(
      v.looseObject({
        id: CREDENTIAL_ID,
        category: TEXT,
        allowedChannels: v.array(TEXT),
        api: optional(
          v.looseObject({
            token: v.pipe(TEXT, v.minLength(1, 'must not be empty')),
            parts: v.record(TEXT, URL_STRING),
            workflowExecution: URL_STRING,
          }),
        ),
        label: optional(TEXT),
      }),
    ),
  }),
});

/**
 * Lenient schema of {@link UploadResponse}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { UploadResponseSchema } from 'jumio-kyx/schemas';
 * v.is(UploadResponseSchema, { api: { parts: {} } }); // true
 * ```
 */
export const UploadResponseSchema = v.looseObject({
  timestamp: optional(TEXT),
  account: optional(v.looseObject({ id: ACCOUNT_ID })),
  workflowExecution: optional(v.looseObject({ id: EXECUTION_ID })),
  api: optional(
    v.looseObject({
      token: optional(TEXT),
      parts: optional(v.record(TEXT, URL_STRING)),
      workflowExecution: optional(URL_STRING),
    }),
  ),
});

/**
 * Lenient schema of {@link FinalizeResponse}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { FinalizeResponseSchema } from 'jumio-kyx/schemas';
 * v.is(FinalizeResponseSchema, {}); // false
 * ```
 */
export const FinalizeResponseSchema = v.looseObject({
  timestamp: optional(TEXT),
  account: v.looseObject({ id: ACCOUNT_ID }),
  workflowExecution: v.looseObject({ id: EXECUTION_ID }),
});

/**
 * Lenient schema of {@link WorkflowStatusResponse}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { WorkflowStatusResponseSchema } from 'jumio-kyx/schemas';
 * v.is(WorkflowStatusResponseSchema, {}); // false
 * ```
 */
export const WorkflowStatusResponseSchema = v.looseObject({
  account: v.looseObject({ id: ACCOUNT_ID, href: optional(TEXT) }),
  workflowExecution: v.looseObject({
    id: EXECUTION_ID,
    href: optional(TEXT),
    definitionKey: TEXT,
    status: TEXT,
  }),
});

const DECISION = v.looseObject({
  type: TEXT,
  details: optional(v.looseObject({ label: TEXT })),
  risk: optional(v.looseObject({ score: NUMBER })),
});

const capabilityResultSchema = <S extends v.GenericSchema>(data: S) =>
  v.looseObject({
    id: TEXT,
    credentials: optional(v.array(v.looseObject({ id: CREDENTIAL_TEXT, category: TEXT, label: optional(TEXT) }))),
    decision: v.looseObject({ type: TEXT, details: optional(v.looseObject({ label: TEXT })) }),
    data: optional(data),
    validFaceMapForAuthentication: optional(TEXT),
  });

const ANY_RESULT = capabilityResultSchema(OtherCapabilityDataSchema);
const DATA_SCHEMAS: Readonly<Record<string, v.GenericSchema>> = CAPABILITY_DATA;

const item = (type: 'object' | 'array', input: unknown, key: string | number, value: unknown) =>
  ({ type, origin: 'value', input, key, value }) as v.IssuePathItem;

const RESULT_LISTS = v.record(TEXT, v.array(ANY_RESULT));

/**
 * Lenient schema of `details.capabilities`: every capability's results are checked as results,
 * and the `data` of each capability with a shape ({@link CAPABILITY_DATA}) at the types real
 * bodies carry; any other capability and field is kept, in the order Jumio sent them.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { CapabilityResultsSchema } from 'jumio-kyx/schemas';
 * v.is(CapabilityResultsSchema, {}); // true
 * v.is(CapabilityResultsSchema, { liveness: [{ id: 'l1', decision: { type: 'PASSED' }, data: { predictedAge: '41' } }] }); // false
 * ```
 */
export const CapabilityResultsSchema: v.GenericSchema<Record<string, unknown[]>, CapabilityResultsByName> = v.pipe(
  RESULT_LISTS,
  // the input named (and the schema typed above), so declarations name the branded ids instead of spelling out type-fest's tag
  v.rawCheck<v.InferOutput<typeof RESULT_LISTS>>(({ dataset, config, addIssue }) => {
    if (!dataset.typed) return;
    const all = dataset.value;
    for (const [name, list] of Object.entries(all)) {
      const schema = DATA_SCHEMAS[name];
      if (schema === undefined) continue;
      list.forEach((result, index) => {
        if (result.data === undefined) return;
        const parsed = v.safeParse(schema, result.data, config as v.Config<v.BaseIssue<unknown>>);
        if (parsed.success) return;
        for (const issue of parsed.issues) {
          addIssue({
            message: issue.message,
            path: [
              item('object', all, name, list),
              item('array', list, index, result),
              item('object', result, 'data', result.data),
              ...(issue.path ?? []),
            ],
          });
        }
      });
    }
  }),
  v.transform<v.InferOutput<typeof RESULT_LISTS>, CapabilityResultsByName>(
    (results) => results as CapabilityResultsByName,
  ),
);

/**
 * Lenient schema of {@link WorkflowDetails}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { WorkflowDetailsSchema } from 'jumio-kyx/schemas';
 * v.is(WorkflowDetailsSchema, null); // false
 * ```
 */
export const WorkflowDetailsSchema = v.looseObject({
  workflow: v.looseObject({
    id: EXECUTION_ID,
    status: TEXT,
    definitionKey: TEXT,
    originalDefinitionKey: optional(TEXT),
    customerInternalReference: optional(TEXT),
    userReference: optional(TEXT),
    reportingCriteria: optional(TEXT),
    parentId: optional(TEXT),
    childIds: optional(v.array(TEXT)),
  }),
  account: v.looseObject({ id: ACCOUNT_ID }),
  createdAt: TEXT,
  startedAt: optional(TEXT),
  completedAt: optional(TEXT),
  wipedOutAt: optional(TEXT),
  credentials: optional(
    v.array(
      v.looseObject({
        id: CREDENTIAL_TEXT,
        category: TEXT,
        label: optional(TEXT),
        parts: optional(
          v.array(v.looseObject({ classifier: TEXT, href: optional(TEXT), captureType: optional(TEXT) })),
        ),
      }),
    ),
  ),
  decision: optional(DECISION),
  steps: optional(v.looseObject({ href: TEXT })),
  capabilities: optional(CapabilityResultsSchema),
  feedback: optional(v.looseObject({ status: optional(TEXT), reason: optional(TEXT) })),
});

/**
 * Lenient schema of {@link WorkflowSteps}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { WorkflowStepsSchema } from 'jumio-kyx/schemas';
 * v.is(WorkflowStepsSchema, { steps: [] }); // true
 * ```
 */
export const WorkflowStepsSchema = v.looseObject({
  steps: v.array(
    v.looseObject({
      id: TEXT,
      name: TEXT,
      capabilityIds: optional(v.array(TEXT)),
      decision: optional(DECISION),
    }),
  ),
});

/**
 * Lenient schema of {@link HealthStatus}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { HealthStatusSchema } from 'jumio-kyx/schemas';
 * v.is(HealthStatusSchema, { status: 'UP' }); // true
 * ```
 */
export const HealthStatusSchema = v.looseObject({
  status: TEXT,
  details: optional(v.record(TEXT, TEXT)),
});

/** Lenient schema of {@link TokenResponse}. */
export const TokenResponseSchema = v.looseObject({
  access_token: v.pipe(TEXT, v.minLength(1, 'must not be empty')),
  expires_in: v.pipe(NUMBER, v.minValue(1, 'must be positive')),
  token_type: optional(TEXT),
});

/**
 * Lenient schema of {@link CallbackPayload}; `callbackSentAt` may have 0–3 fractional digits.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { CallbackPayloadSchema } from 'jumio-kyx/schemas';
 * v.is(CallbackPayloadSchema, {}); // false
 * ```
 */
export const CallbackPayloadSchema = v.looseObject({
  callbackSentAt: v.pipe(TEXT, v.regex(UTC_TIMESTAMP_PATTERN, 'must be a UTC timestamp with 0–3 fractional digits')),
  userReference: optional(TEXT),
  workflowExecution: v.looseObject({
    id: EXECUTION_ID,
    href: TEXT,
    definitionKey: v.union(
      [
        TEXT,
        v.pipe(
          NUMBER,
          v.transform((key) => String(key)),
        ),
      ],
      'must be a string',
    ),
    status: TEXT,
  }),
  account: v.looseObject({ id: ACCOUNT_ID, href: TEXT }),
});
