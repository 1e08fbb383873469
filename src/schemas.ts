/**
 * `jumio-kyx/schemas`: the valibot schemas of the request contract and the lenient schemas of
 * Jumio's responses, for code that validates payloads itself (a proxy, a queue consumer, a test).
 * The builder, the client and the simulator already run them; the types they check are the
 * interfaces of the root entry (`AccountRequest`, `WorkflowDetails`, …). They live in their own
 * entry so that the root entry's declarations never reach valibot's: a consumer who checks library
 * declarations (`skipLibCheck: false`) pays for valibot's types only by importing from here.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import type { WorkflowDetails } from 'jumio-kyx';
 * import { WorkflowDetailsSchema } from 'jumio-kyx/schemas';
 *
 * declare const body: unknown;
 * const details: WorkflowDetails = v.parse(WorkflowDetailsSchema, body);
 * ```
 *
 * @packageDocumentation
 * @module jumio-kyx/schemas
 */
export {
  AuthenticationDataSchema,
  CAPABILITY_DATA,
  DeviceRiskVerificationDataSchema,
  EmailVerificationDataSchema,
  ExtractionDataSchema,
  GeoIpVerificationDataSchema,
  GovtIdVerificationDataSchema,
  ImageChecksDataSchema,
  LivenessDataSchema,
  OtherCapabilityDataSchema,
  PhoneVerificationDataSchema,
  SimilarityDataSchema,
  WatchlistScreeningDataSchema,
} from './model/capability-data-schemas.js';
export { PreparedDataSchema, SlashDatePreparedDataSchema } from './model/prepared-data-schemas.js';
export {
  AccountResponseSchema,
  CallbackPayloadSchema,
  CapabilityResultsSchema,
  FinalizeResponseSchema,
  HealthStatusSchema,
  UploadResponseSchema,
  WorkflowDetailsSchema,
  WorkflowStatusResponseSchema,
  WorkflowStepsSchema,
} from './model/response-schemas.js';
export {
  AccountRequestSchema,
  CapabilitiesSchema,
  CredentialPresetSchema,
  OverrideSettingsSchema,
  UserConsentSchema,
  WebSettingsSchema,
  WorkflowDefinitionSchema,
} from './model/schemas.js';
