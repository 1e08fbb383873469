/**
 * Typed, validated request builder and client for the Jumio KYX identity verification API.
 *
 * @packageDocumentation
 * @module jumio-kyx
 */
export { account } from './builder/account.js';
export type { KyxTypeError } from './builder/type-error.js';
export type {
  AccountBuilder,
  AccountFragment,
  AccountMode,
  AccountTemplate,
  AccountValidationResult,
  AnyAccountBuilder,
  CapabilityOptions,
  CompiledAccountRequest,
  CompleteAccountRequest,
  IdPresetOptions,
  WorkflowKey,
} from './builder/types.js';
export { isJumioCallbackSource, JUMIO_CALLBACK_IPS, parseCallback } from './client/callbacks.js';
export {
  type CallOptions,
  createClient,
  type KyxClient,
  type PartImage,
  type UploadOptions,
} from './client/client.js';
export { findCredential, type UploadPart } from './client/credentials.js';
export {
  httpError,
  KyxAuthenticationError,
  KyxBadRequestError,
  KyxForbiddenError,
  KyxHttpError,
  type KyxHttpErrorCode,
  type KyxHttpErrorInit,
  KyxNetworkError,
  KyxNotFoundError,
  KyxRateLimitError,
  KyxResponseError,
  KyxServerError,
  KyxTimeoutError,
} from './client/errors.js';
export type { UploadFile } from './client/file-type.js';
export type { KyxHooks, KyxRequestEvent, KyxResponseEvent, KyxRetryEvent } from './client/hooks.js';
export type { ClientCredentials, ClientOptions, FetchLike } from './client/options.js';
export { parseRedirect, type WebRedirect } from './client/redirect.js';
export { assertSafeUrl, REGIONS, type Region, type RegionHosts, regionHosts } from './client/regions.js';
export { type Operation, RETRY_POLICIES, type RetryPolicy, type RetrySettings } from './client/retry-policy.js';
export type { FinalizeResponse, HealthStatus, WorkflowStep, WorkflowSteps } from './client/schemas.js';
export type { SendAllFulfilled, SendAllOptions, SendAllOutcome, SendAllRejected } from './client/send-all.js';
export { isKyxError, KyxError, type KyxIssue, KyxValidationError } from './errors.js';
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
  ID_TYPES,
  type IdType,
  KNOWN_LOCALES,
  type Locale,
  type PartName,
  PRESET_CATEGORIES,
  type PresetCategory,
  REQUIRED_PARTS,
  type TokenLifetime,
} from './model/codes.js';
export { COUNTRY_CODES, type CountryCode } from './model/countries.js';
export type {
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
  UserConsent,
  UserLocation,
  WebSettings,
  WorkflowDefinition,
} from './model/request.js';
export {
  type AccountResponse,
  AccountResponseSchema,
  type CallbackPayload,
  CallbackPayloadSchema,
  type CapabilityResult,
  type CredentialApi,
  type Decision,
  type DecisionType,
  type ResponseCredential,
  type WorkflowDetails,
  WorkflowDetailsSchema,
  type WorkflowStatus,
  type WorkflowStatusResponse,
  WorkflowStatusResponseSchema,
} from './model/response.js';
export {
  AccountRequestSchema,
  CapabilitiesSchema,
  CredentialPresetSchema,
  OverrideSettingsSchema,
  UserConsentSchema,
  WebSettingsSchema,
  WorkflowDefinitionSchema,
} from './model/schemas.js';
export { type CatalogWorkflowKey, findWorkflow, WORKFLOW_CATALOG } from './workflows/catalog.js';
export { defineWorkflow, type WorkflowRegistry, type WorkflowSpec } from './workflows/define.js';
export {
  type ValidateAccountRequestOptions,
  validateAccountRequest,
} from './workflows/validate.js';
