/**
 * Typed, validated request builder and client for the Jumio KYX identity verification API.
 *
 * @packageDocumentation
 * @module jumio-kyx
 */
export { account } from './builder/account.js';
export { type CheckCustomCode, customDocumentType } from './builder/document-code.js';
export { type FromBodyOptions, fromBody } from './builder/from-body.js';
export type { KyxTypeError } from './builder/type-error.js';
export type {
  AccountBuilder,
  AccountExtra,
  AccountFragment,
  AccountSetters,
  AccountTemplate,
  AnyAccountBuilder,
  CapabilityOptions,
  CompiledAccountRequest,
  CompleteAccountRequest,
  IdPresetOptions,
  ListedCredential,
  ReusedCredential,
  SendableRequest,
  TemplateNeeding,
} from './builder/types.js';
export { type UncheckedWorkflow, uncheckedWorkflow } from './builder/unchecked-workflow.js';
export {
  type CallbackErrorContext,
  type CallbackHandler,
  type CallbackHandlerClientOptions,
  type CallbackHandlerOptions,
  type CallbackHandlerResultsOptions,
  type CallbackOutcome,
  type CallbackOutcomeEvent,
  type CallbackReceiverOptions,
  type CallbackRequestInfo,
  createCallbackHandler,
} from './callbacks/handler.js';
export { type NodeListener, type NodeRequestLike, type NodeResponseLike, toNodeListener } from './callbacks/node.js';
export { parseCallback } from './callbacks/parse.js';
export {
  createResults,
  type ResultEvent,
  type Results,
  type ResultsErrorContext,
  type ResultsOptions,
  type ResultsStats,
} from './callbacks/results.js';
export { isJumioCallbackSource, JUMIO_CALLBACK_IPS, type TrustProxy } from './callbacks/sources.js';
export type { CallOptions } from './client/call-options.js';
export {
  createClient,
  type KyxClient,
  type PartImage,
  type PartImageOptions,
  type UploadDataOptions,
  type UploadOptions,
} from './client/client.js';
export { allReused, findCredential, type UploadPart } from './client/credentials.js';
export type {
  AccountReference,
  CredentialIds,
  DetailsCredentials,
  DetailsRecord,
  ExecutionIds,
  ExecutionRecord,
  ExecutionReference,
  PartImageSource,
  ResponseCredentials,
} from './client/execution.js';
export type { UploadFile } from './client/file-type.js';
export type { KyxHooks, KyxRequestEvent, KyxResponseEvent, KyxRetryEvent } from './client/hooks.js';
export type {
  IdempotencyOptions,
  SendOptions,
} from './client/idempotency.js';
export type { ClientCredentials, ClientOptions, FetchLike, SplitCredentials } from './client/options.js';
export type { CheckPreparedData } from './client/prepared-data-types.js';
export { DEFAULT_RATE_LIMITS, type RateLimit, type RateLimits } from './client/rate-limits.js';
export { parseRedirect, type WebRedirect } from './client/redirect.js';
export { assertSafeUrl, REGIONS, type Region, type RegionHosts, regionHosts } from './client/regions.js';
export { type Operation, RETRY_POLICIES, type RetryPolicy, type RetrySettings } from './client/retry-policy.js';
export type { SendAllFulfilled, SendAllOptions, SendAllOutcome, SendAllRejected } from './client/send-all.js';
export type {
  AllReused,
  CategoriesOf,
  CheckData,
  CheckPart,
  ResponseOf,
  ResponseWorkflow,
  UploadPartOf,
} from './client/upload-parts.js';
export {
  JUMIO_RETRIEVAL_SCHEDULE,
  type WaitForResultOptions,
  type WaitProgress,
} from './client/wait.js';
export {
  httpError,
  isKyxError,
  KyxAuthenticationError,
  KyxBadRequestError,
  KyxError,
  type KyxErrorOptions,
  KyxForbiddenError,
  KyxHttpError,
  type KyxHttpErrorCode,
  type KyxHttpErrorInit,
  KyxIdempotencyError,
  type KyxIdempotencyErrorInit,
  type KyxIdempotencyReason,
  type KyxIssue,
  KyxNetworkError,
  type KyxNetworkErrorInit,
  KyxNotFoundError,
  KyxRateLimitError,
  KyxRedirectError,
  type KyxRedirectErrorInit,
  KyxResponseError,
  type KyxResponseErrorInit,
  type KyxResult,
  KyxResultPendingError,
  type KyxResultPendingErrorInit,
  KyxResultsError,
  type KyxResultsErrorCode,
  type KyxResultsErrorInit,
  KyxServerError,
  KyxStoreError,
  type KyxStoreErrorInit,
  KyxTimeoutError,
  type KyxTimeoutErrorInit,
  KyxValidationError,
  type KyxValidationErrorInit,
  RedactedError,
  type RedactedErrorInit,
} from './errors/index.js';
export {
  CAPABILITIES,
  CAPABILITY_NAMES,
  type CapabilityDecisionType,
  type CapabilityLabel,
  type CapabilityName,
  type CapabilitySpec,
  DECISION_TYPES,
  type DecisionType,
  type KnownCapabilityName,
} from './model/capabilities.js';
export type {
  AuthenticationData,
  DateParts,
  DeviceRiskVerificationData,
  EmailVerificationData,
  ExtractionAddress,
  ExtractionData,
  FaceSearchFindings,
  GeoIpVerificationData,
  GovtIdMatch,
  GovtIdVerificationData,
  ImageChecksData,
  LivenessData,
  OtherCapabilityData,
  PhoneRiskInsights,
  PhoneVerificationData,
  SimilarityData,
  WatchlistScreeningData,
} from './model/capability-data.js';
export { type CapabilitySummary, capabilityResults } from './model/capability-results.js';
export {
  CHANNELS,
  type Channel,
  CREDENTIAL_CATEGORIES,
  CREDENTIAL_PARTS,
  CROSS_DEVICE_OPTIONS,
  type CredentialCategory,
  type CrossDeviceOption,
  DOCUMENT_TYPES,
  type DocumentType,
  FACEMAP_TYPES,
  type FacemapType,
  FORBIDDEN_REFERENCE_CHARACTERS,
  FORBIDDEN_REFERENCE_CONTROLS,
  ID_TYPES,
  type IdType,
  KNOWN_LOCALES,
  type Locale,
  type PartName,
  PRESET_CATEGORIES,
  type PresetCategory,
  REQUIRED_PARTS,
  REUSABLE_CATEGORIES,
  type ReusableCategory,
  type TokenLifetime,
} from './model/codes.js';
export { COUNTRY_CODES, type CountryCode } from './model/countries.js';
export {
  CUSTOM_DOCUMENT_CODE_MAX,
  type CustomDocumentCode,
  type DocumentCode,
} from './model/document-codes.js';
export type { AccountId, CredentialId, IdInput, UntaggedString, WorkflowExecutionId } from './model/ids.js';
export type {
  PreparedData,
  PreparedDataAddress,
  PreparedDataId,
  PreparedDataIne,
  PreparedDataPath,
  PreparedDataSpec,
} from './model/prepared-data.js';
export type {
  AccountMode,
  AccountRequest,
  Capabilities,
  ConsentRecord,
  CredentialPreset,
  DocumentCredentialPreset,
  FacemapCredentialPreset,
  IdCredentialPreset,
  OverrideSettings,
  PredefinedType,
  PresetValues,
  SelfieCredentialPreset,
  UserConsent,
  UserLocation,
  WebSettings,
  WorkflowDefinition,
} from './model/request.js';
export type {
  AccountResponse,
  BasicCapabilityResult,
  CallbackPayload,
  CapabilityCredential,
  CapabilityData,
  CapabilityDataMap,
  CapabilityDataOf,
  CapabilityDecision,
  CapabilityResult,
  CapabilityResultsByName,
  CredentialApi,
  Decision,
  DecisionLabel,
  DetailsCredential,
  DetailsFeedback,
  DetailsPart,
  DetailsWorkflow,
  FaceCapabilityResult,
  FinalizeResponse,
  HealthStatus,
  KnownCapabilityResults,
  OtherCapabilityResults,
  ResponseCredential,
  UploadResponse,
  WorkflowDetails,
  WorkflowStatus,
  WorkflowStatusResponse,
  WorkflowStep,
  WorkflowSteps,
} from './model/response.js';
export type { ResponseLimits } from './shared/body.js';
export { memoryStore } from './store/memory.js';
export type { KyxStore, KyxWorkQueue, QueueItem, QueueSettlement, StoreRateLimit } from './store/types.js';
export { type CatalogWorkflowKey, findWorkflow, WORKFLOW_CATALOG } from './workflows/catalog.js';
export { defineWorkflow, type WorkflowRegistry, type WorkflowSpec } from './workflows/define.js';
export { isWorkflowKey, type WorkflowKey } from './workflows/keys.js';
export {
  type PreparedDataValidationResult,
  type ValidatePreparedDataOptions,
  validatePreparedData,
} from './workflows/prepared-data.js';
export {
  type AccountValidationResult,
  type ValidateAccountRequestOptions,
  validateAccountRequest,
} from './workflows/validate.js';
