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
