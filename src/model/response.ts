import type { LiteralUnion } from 'type-fest';
import type { CapabilityDecisionType, CapabilityLabel, CapabilityName, DecisionType } from './capabilities.js';
import type {
  AuthenticationData,
  DeviceRiskVerificationData,
  EmailVerificationData,
  ExtractionData,
  GeoIpVerificationData,
  GovtIdVerificationData,
  ImageChecksData,
  LivenessData,
  OtherCapabilityData,
  PhoneVerificationData,
  SimilarityData,
  WatchlistScreeningData,
} from './capability-data.js';
import type { CredentialCategory } from './codes.js';
import type { AccountId, CredentialId, WorkflowExecutionId } from './ids.js';

// Every response shape of the KYX API, in one place: account, upload, finalize, status, details
// (with the capability results), steps, health, token and callback. Types only (no valibot), so
// the root entry's declarations stay cheap to check; their lenient schemas are in
// response-schemas.ts (`jumio-kyx/schemas`). The client and the simulator import them from here.

/**
 * Workflow execution states. Jumio may add states: unknown values are kept as strings.
 */
export type WorkflowStatus =
  | 'INITIATED'
  | 'ACQUIRED'
  | 'PROCESSED'
  | 'SESSION_EXPIRED'
  | 'TOKEN_EXPIRED'
  | (string & {});

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

/**
 * Jumio's answer to a part upload: the ids and the credential's `api` block (integrators
 * finalize with it).
 *
 * @example
 * ```ts
 * import type { UploadResponse } from 'jumio-kyx';
 * declare const uploaded: UploadResponse;
 * const finalizeUrl = uploaded.api?.workflowExecution;
 * ```
 */
export interface UploadResponse {
  /** UTC timestamp, when sent. */
  timestamp?: string;
  /** The account, when sent. */
  account?: { id: AccountId };
  /** The execution, when sent. */
  workflowExecution?: { id: WorkflowExecutionId };
  /** The credential's acquisition block: token (when sent), upload URLs, finalize URL. */
  api?: { token?: string; parts?: Record<string, string>; workflowExecution?: string };
}

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

/**
 * The status of a workflow execution (Retrieval API `…/status`). Real bodies carry
 * `workflowExecution.href` without the account segment (`…/api/v1/workflow-executions/<id>`):
 * build URLs from the ids.
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
 * Labels of a workflow or step decision: usually the type itself; `OK`, `TECHNICAL_ERROR` and
 * `TOKEN_EXPIRED` are seen too (an open union).
 */
export type DecisionLabel = LiteralUnion<
  'PASSED' | 'WARNING' | 'REJECTED' | 'NOT_EXECUTED' | 'OK' | 'TECHNICAL_ERROR' | 'TOKEN_EXPIRED',
  string
>;

/**
 * A workflow or step decision: type, label and risk score.
 */
export interface Decision {
  /** `PASSED`, `REJECTED`, `WARNING`, `NOT_EXECUTED`, or a newer value. */
  type: DecisionType;
  /** The label, usually equal to the type. */
  details?: { label: DecisionLabel };
  /** Risk score, −1 (not executed) to 100; may be a float (`100.0`). */
  risk?: { score: number };
}

/**
 * The decision of one capability result: its type and label, typed by the capability table.
 */
export interface CapabilityDecision<N extends string = string> {
  /** A decision type capability `N` can have, or a newer value. */
  type: CapabilityDecisionType<N>;
  /** The label: `OK`, a reason such as `BLURRED`, `PRECONDITION_NOT_FULFILLED`, … */
  details?: { label: CapabilityLabel<N> };
}

/**
 * A credential a capability evaluated.
 *
 * @example
 * ```ts
 * import type { CapabilityCredential } from 'jumio-kyx';
 * declare const credential: CapabilityCredential;
 * credential.category === 'ID';
 * ```
 */
export interface CapabilityCredential {
  /** Credential id. */
  id: CredentialId;
  /** Its category. */
  category: LiteralUnion<CredentialCategory, string>;
  /** Its label, when Jumio sends one (risk signals: `DATA`). */
  label?: string;
}

/**
 * The `data` shape of each capability that has one.
 *
 * @example
 * ```ts
 * import type { CapabilityDataMap } from 'jumio-kyx';
 * type Data = CapabilityDataMap['extraction']; // ExtractionData
 * ```
 */
export interface CapabilityDataMap {
  /** {@link ImageChecksData}. */
  imageChecks: ImageChecksData;
  /** {@link ExtractionData}. */
  extraction: ExtractionData;
  /** {@link WatchlistScreeningData}. */
  watchlistScreening: WatchlistScreeningData;
  /** {@link LivenessData}. */
  liveness: LivenessData;
  /** {@link SimilarityData}. */
  similarity: SimilarityData;
  /** {@link AuthenticationData}. */
  authentication: AuthenticationData;
  /** {@link PhoneVerificationData}. */
  phoneVerification: PhoneVerificationData;
  /** {@link EmailVerificationData}. */
  emailVerification: EmailVerificationData;
  /** {@link GeoIpVerificationData}. */
  geoIpVerification: GeoIpVerificationData;
  /** {@link DeviceRiskVerificationData}. */
  deviceRiskVerification: DeviceRiskVerificationData;
  /** {@link GovtIdVerificationData}. */
  govtIdVerification: GovtIdVerificationData;
}

/**
 * Any capability's `data`: one of the known shapes, or the fields of a capability without one.
 *
 * @example
 * ```ts
 * import type { CapabilityData } from 'jumio-kyx';
 * declare const data: CapabilityData;
 * const fields = Object.keys(data);
 * ```
 */
export type CapabilityData = CapabilityDataMap[keyof CapabilityDataMap] | OtherCapabilityData;

/**
 * The `data` of capability `N`: its shape from {@link CapabilityDataMap}, {@link OtherCapabilityData}
 * for a known capability without one, {@link CapabilityData} for a name not known.
 *
 * @example
 * ```ts
 * import type { CapabilityDataOf } from 'jumio-kyx';
 * type Liveness = CapabilityDataOf<'liveness'>; // LivenessData
 * ```
 */
export type CapabilityDataOf<N extends string> = N extends keyof CapabilityDataMap
  ? CapabilityDataMap[N]
  : string extends N
    ? CapabilityData
    : OtherCapabilityData;

/**
 * One capability result (an entry of `details.capabilities[name]`), typed by capability `N`.
 *
 * @example
 * ```ts
 * import type { BasicCapabilityResult } from 'jumio-kyx';
 * declare const result: BasicCapabilityResult<'usability'>;
 * result.decision.details?.label;
 * ```
 */
export interface BasicCapabilityResult<N extends string = string> {
  /** Capability run id (the steps endpoint lists it). */
  id: string;
  /** The credentials it evaluated; absent on some capabilities (watchlistScreening, …). */
  credentials?: CapabilityCredential[];
  /** Its decision. */
  decision: CapabilityDecision<N>;
  /** Its data; `{}` when NOT_EXECUTED. */
  data?: CapabilityDataOf<N>;
}

/**
 * A `liveness` or `authentication` result: the facemap link sits beside `data`.
 *
 * @example
 * ```ts
 * import type { FaceCapabilityResult } from 'jumio-kyx';
 * declare const result: FaceCapabilityResult<'liveness'>;
 * const facemap = result.validFaceMapForAuthentication;
 * ```
 */
export interface FaceCapabilityResult<N extends string = 'liveness' | 'authentication'>
  extends BasicCapabilityResult<N> {
  /** Link to the facemap usable for later authentication. */
  validFaceMapForAuthentication?: string;
}

/**
 * One capability result, typed by capability `N` from the capability table: its decision types,
 * its labels, its `data`. `CapabilityResult` alone is any capability's result (the union of the
 * known ones and that of a capability not known), so every typed result is also a `CapabilityResult`.
 *
 * @example
 * ```ts
 * import type { CapabilityResult } from 'jumio-kyx';
 * declare const result: CapabilityResult<'extraction'>;
 * result.data?.firstName; // string | undefined
 * ```
 */
export type CapabilityResult<N extends string = CapabilityName> = N extends 'liveness' | 'authentication'
  ? FaceCapabilityResult<N>
  : BasicCapabilityResult<N>;

/**
 * The results of each known capability (`details.capabilities`).
 *
 * @example
 * ```ts
 * import type { KnownCapabilityResults } from 'jumio-kyx';
 * declare const results: KnownCapabilityResults;
 * results.usability?.[0]?.decision.type;
 * ```
 */
export interface KnownCapabilityResults {
  /** Image quality and usability. */
  usability?: CapabilityResult<'usability'>[];
  /** Fraud checks on the images. */
  imageChecks?: CapabilityResult<'imageChecks'>[];
  /** Data read from the document. */
  extraction?: CapabilityResult<'extraction'>[];
  /** Consistency of the extracted data. */
  dataChecks?: CapabilityResult<'dataChecks'>[];
  /** Sanctions and PEP screening. */
  watchlistScreening?: CapabilityResult<'watchlistScreening'>[];
  /** Address validation. */
  addressValidation?: CapabilityResult<'addressValidation'>[];
  /** Proof of residency. */
  proofOfResidency?: CapabilityResult<'proofOfResidency'>[];
  /** US driving licence verification. */
  drivingLicenseVerification?: CapabilityResult<'drivingLicenseVerification'>[];
  /** Brazilian CPF validation. */
  braCpfValidation?: CapabilityResult<'braCpfValidation'>[];
  /** Liveness of the selfie. */
  liveness?: CapabilityResult<'liveness'>[];
  /** Selfie against the document photo. */
  similarity?: CapabilityResult<'similarity'>[];
  /** Face authentication against an enrolled facemap. */
  authentication?: CapabilityResult<'authentication'>[];
  /** Biometric verification. */
  biometricVerification?: CapabilityResult<'biometricVerification'>[];
  /** Phone verification (risk signal). */
  phoneVerification?: CapabilityResult<'phoneVerification'>[];
  /** E-mail verification (risk signal). */
  emailVerification?: CapabilityResult<'emailVerification'>[];
  /** Geo IP verification (risk signal). */
  geoIpVerification?: CapabilityResult<'geoIpVerification'>[];
  /** Device risk (risk signal). */
  deviceRiskVerification?: CapabilityResult<'deviceRiskVerification'>[];
  /** Government database check (risk signal). */
  govtIdVerification?: CapabilityResult<'govtIdVerification'>[];
}

/**
 * Results of capabilities this library does not know yet, by name.
 *
 * @example
 * ```ts
 * import type { OtherCapabilityResults } from 'jumio-kyx';
 * declare const results: OtherCapabilityResults;
 * const future = results['someFutureCapability'];
 * ```
 */
export interface OtherCapabilityResults {
  /** The results of one capability. */
  [name: string]: CapabilityResult[];
}

/**
 * `details.capabilities`: every known capability typed, any other still reachable by name.
 *
 * @example
 * ```ts
 * import type { CapabilityResultsByName } from 'jumio-kyx';
 * declare const results: CapabilityResultsByName;
 * results.extraction?.[0]?.data?.lastName;
 * results['someFutureCapability'];
 * ```
 */
export type CapabilityResultsByName = KnownCapabilityResults & OtherCapabilityResults;

/**
 * The execution block of workflow details.
 *
 * @example
 * ```ts
 * import type { DetailsWorkflow } from 'jumio-kyx';
 * declare const workflow: DetailsWorkflow;
 * console.log(workflow.definitionKey, workflow.status, workflow.parentId);
 * ```
 */
export interface DetailsWorkflow {
  /** Execution id. */
  id: WorkflowExecutionId;
  /** Its status. */
  status: WorkflowStatus;
  /** Workflow key (a string). */
  definitionKey: string;
  /** The key the request named, when Jumio mapped it to another. */
  originalDefinitionKey?: string;
  /** The request's `customerInternalReference`. */
  customerInternalReference?: string;
  /** The request's `userReference`. */
  userReference?: string;
  /** The request's `reportingCriteria`. */
  reportingCriteria?: string;
  /** The execution this one was started from. */
  parentId?: string;
  /** Executions started from this one. */
  childIds?: string[];
}

/**
 * A part of a credential in workflow details.
 *
 * @example
 * ```ts
 * import type { DetailsPart } from 'jumio-kyx';
 * declare const part: DetailsPart;
 * console.log(part.classifier, part.captureType);
 * ```
 */
export interface DetailsPart {
  /** `FRONT`, `BACK`, `FACE`, `FACEMAP`, `LIVENESS_1`…, `PREPARED_DATA`, … */
  classifier: string;
  /** Where to fetch the image (absent for FACEMAP). */
  href?: string;
  /** How it was captured (e.g. automatic or manual). */
  captureType?: string;
}

/**
 * A credential in workflow details.
 *
 * @example
 * ```ts
 * import type { DetailsCredential } from 'jumio-kyx';
 * declare const credential: DetailsCredential;
 * const classifiers = (credential.parts ?? []).map((p) => p.classifier);
 * ```
 */
export interface DetailsCredential {
  /** Credential id. */
  id: CredentialId;
  /** `ID`, `SELFIE`, `FACEMAP`, `DOCUMENT`, `DATA`, or newer. */
  category: LiteralUnion<CredentialCategory, string>;
  /** Distinguishes several credentials of one category. */
  label?: string;
  /** Its parts; absent when nothing was uploaded (e.g. an expired execution). */
  parts?: DetailsPart[];
}

/**
 * Feedback recorded on an execution (e.g. marked as fraud).
 *
 * @example
 * ```ts
 * import type { DetailsFeedback } from 'jumio-kyx';
 * declare const feedback: DetailsFeedback;
 * if (feedback.status === 'FRAUD') console.log(feedback.reason);
 * ```
 */
export interface DetailsFeedback {
  /** e.g. `FRAUD`. */
  status?: string;
  /** Why. */
  reason?: string;
}

/**
 * Workflow details (Retrieval API): the transaction record with decision and capability results.
 * Every known capability is typed whatever the workflow (Jumio may run more than the catalog lists).
 *
 * @example
 * ```ts
 * import type { WorkflowDetails } from 'jumio-kyx';
 * declare const details: WorkflowDetails;
 * console.log(details.workflow.status, details.decision?.type);
 * const extraction = details.capabilities?.extraction?.[0];
 * console.log(extraction?.decision.details?.label, extraction?.data?.lastName);
 * ```
 */
export interface WorkflowDetails {
  /** The execution. */
  workflow: DetailsWorkflow;
  /** The account. */
  account: { id: AccountId };
  /** When it was created (UTC). */
  createdAt: string;
  /** When acquisition started (absent if the user never started). */
  startedAt?: string;
  /** When processing completed. */
  completedAt?: string;
  /** When the data was wiped under the tenant's retention. */
  wipedOutAt?: string;
  /** Credentials and their parts. */
  credentials?: DetailsCredential[];
  /** The workflow decision (absent in older bodies). */
  decision?: Decision;
  /** Link to the steps endpoint (newer bodies). */
  steps?: { href: string };
  /** Capability results by capability name; may be `{}`. */
  capabilities?: CapabilityResultsByName;
  /** Feedback recorded on the execution. */
  feedback?: DetailsFeedback;
}

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
  /** The capability runs of this step (ids of `details.capabilities` entries). */
  capabilityIds?: string[];
  /** The step's decision. */
  decision?: Decision;
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
  status: LiteralUnion<'UP' | 'DEGRADED' | 'DOWN', string>;
  /** Per component (`api`, `callback`, `mobile`, `processing`, `retrieval`, `web`). */
  details?: Record<string, string>;
}

/** The OAuth2 token answer (`POST /oauth2/token`); the client reads it, it is not public. */
export interface TokenResponse {
  /** The bearer token. Secret. */
  access_token: string;
  /** Lifetime in seconds. */
  expires_in: number;
  /** `Bearer`. */
  token_type?: string;
}

/**
 * The JSON body Jumio POSTs to the callback URL: status only, no results. Real bodies carry
 * `workflowExecution.href` without the account segment (some test senders send `""`).
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
