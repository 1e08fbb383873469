import type { CrossDeviceOption, FacemapType, IdType, Locale, TokenLifetime } from './codes.js';
import type { CountryCode } from './countries.js';
import type { DocumentCode } from './document-codes.js';

/**
 * Whether a request creates an account (POST) or adds a transaction to one (PUT).
 *
 * @example
 * ```ts
 * import { account, type AccountMode, type CompiledAccountRequest } from 'jumio-kyx';
 * const mode: AccountMode = 'update';
 * const compiled: CompiledAccountRequest<'update'> = account('572ac7b5-9f83-409d-ba8e-f0014e411c7e')
 *   .ref('x')
 *   .workflow(10011)
 *   .compile();
 * compiled.method; // 'PUT'
 * ```
 */
export type AccountMode = 'create' | 'update';

/**
 * The body of an account create (`POST /api/v1/accounts`) or update
 * (`PUT /api/v1/accounts/{accountId}`) request, exactly as sent to Jumio.
 *
 * @example
 * ```ts
 * import type { AccountRequest } from 'jumio-kyx';
 * const body: AccountRequest = {
 *   customerInternalReference: 'myOrganization',
 *   workflowDefinition: { key: 10011 },
 * };
 * ```
 */
export interface AccountRequest {
  /** The caller's reference for this transaction: 1–100 characters, no PII, none of ``<>"/;`%{}|``. */
  customerInternalReference: string;
  /** The workflow to run and how to configure it. */
  workflowDefinition: WorkflowDefinition;
  /** The caller's reference for the end user: 1–100 characters, no PII. */
  userReference?: string;
  /** A tag for searching and aggregating transactions: 1–255 characters. */
  reportingCriteria?: string;
  /** HTTPS URL (at most 255 characters) that receives this transaction's callbacks. */
  callbackUrl?: string;
  /** How long the transaction's tokens stay valid, from `5m` to `60d` (Jumio's default is `30m`). */
  tokenLifetime?: TokenLifetime;
  /** Web client settings (WEB channel only). */
  web?: WebSettings;
  /** The end user's consent to process their personal data. */
  userConsent?: UserConsent;
  /** Tenant settings overridden for this transaction. */
  overrideSettings?: OverrideSettings;
}

/**
 * `workflowDefinition`: the workflow key plus optional credential presets and capability options.
 */
export interface WorkflowDefinition {
  /** The workflow definition key. */
  key: number;
  /**
   * Credential presets: which credentials to collect and which countries and types to offer; an
   * entry with an `id` (or, on an update, one the workflow reuses) names a credential on file.
   */
  credentials?: CredentialPreset[];
  /** Options for capabilities that need configuration. */
  capabilities?: Capabilities;
}

/**
 * How a preset's values are applied: `DEFINED` fixes them, `RECOMMENDED` preselects them.
 */
export type PredefinedType = 'DEFINED' | 'RECOMMENDED';

/**
 * A list of preset values with how they apply.
 */
export interface PresetValues<T extends string> {
  /** `DEFINED` (the user cannot change it) or `RECOMMENDED` (preselected). */
  predefinedType: PredefinedType;
  /** At least one value. */
  values: T[];
}

/**
 * An ID credential preset: the countries and ID types the end user may choose from.
 *
 * @example
 * ```ts
 * import type { IdCredentialPreset } from 'jumio-kyx';
 * const preset: IdCredentialPreset = {
 *   category: 'ID',
 *   type: { predefinedType: 'DEFINED', values: ['PASSPORT'] },
 * };
 * ```
 */
export interface IdCredentialPreset {
  /** UUID of an existing credential to reuse. */
  id?: string;
  /** Always `ID`. */
  category: 'ID';
  /** Countries offered. */
  country?: PresetValues<CountryCode>;
  /** ID types offered. */
  type?: PresetValues<IdType>;
}

/**
 * A DOCUMENT credential preset: exactly one country and one document type.
 *
 * @example
 * ```ts
 * import type { DocumentCredentialPreset } from 'jumio-kyx';
 * const preset: DocumentCredentialPreset = {
 *   category: 'DOCUMENT',
 *   country: { predefinedType: 'DEFINED', values: ['USA'] },
 *   type: { predefinedType: 'DEFINED', values: ['BS'] },
 * };
 * ```
 */
export interface DocumentCredentialPreset {
  /** UUID of an existing credential to reuse. */
  id?: string;
  /** Always `DOCUMENT`. */
  category: 'DOCUMENT';
  /** Exactly one country. */
  country: PresetValues<CountryCode>;
  /** Exactly one document type: a standard code or a tenant's own ({@link DocumentCode}). */
  type: PresetValues<DocumentCode>;
}

/**
 * A FACEMAP (liveness) credential preset.
 *
 * @example
 * ```ts
 * import type { FacemapCredentialPreset } from 'jumio-kyx';
 * const preset: FacemapCredentialPreset = {
 *   category: 'FACEMAP',
 *   type: { predefinedType: 'DEFINED', values: ['IPROOV_PREMIUM'] },
 * };
 * ```
 */
export interface FacemapCredentialPreset {
  /** UUID of an existing credential to reuse. */
  id?: string;
  /** Always `FACEMAP`. */
  category: 'FACEMAP';
  /** The liveness capture type. */
  type?: PresetValues<FacemapType>;
}

/**
 * A SELFIE credential entry: a new selfie to collect (`{ category: 'SELFIE' }`), or, with `id`,
 * a selfie on file to reuse (account updates only).
 */
export interface SelfieCredentialPreset {
  /** UUID of an existing credential to reuse. */
  id?: string;
  /** Always `SELFIE`. */
  category: 'SELFIE';
}

/**
 * One entry of `workflowDefinition.credentials`.
 */
export type CredentialPreset =
  | IdCredentialPreset
  | DocumentCredentialPreset
  | FacemapCredentialPreset
  | SelfieCredentialPreset;

/**
 * `workflowDefinition.capabilities`: options for capabilities that need configuration.
 */
export interface Capabilities {
  /** Overrides the tenant's default watchlist search profile. */
  watchlistScreening?: { searchProfile?: string };
  /** Document verification options; `enableExtraction` is a string, as Jumio expects. */
  documentVerification?: { enableExtraction: 'true' | 'false' };
  /** `one` for a 1+1 check, `two` for a 2+2 check. */
  ekycCheck?: { searchType: 'one' | 'two' };
  /** The ruleset used for the workflow decision's risk score. */
  workflowDecision?: { riskScoreRulesetId: string };
  /** Rulesets that replace the workflow's default rulesets. */
  ruleset?: { ids: string[] };
}

/**
 * `web`: web client settings for the WEB channel.
 */
export interface WebSettings {
  /** Where the browser goes after a successful journey (at most 1900 characters). */
  successUrl?: string;
  /** Where the browser goes after a failed journey (at most 1900 characters). */
  errorUrl?: string;
  /** Web client language, at most 5 characters (`es`, `pt-BR`). */
  locale?: Locale;
}

/**
 * `userConsent`: the end user's consent, required when credentials are acquired over the API.
 *
 * @example
 * ```ts
 * import type { UserConsent } from 'jumio-kyx';
 * const consent: UserConsent = {
 *   userIp: '226.80.211.232',
 *   userLocation: { country: 'USA', state: 'IL' },
 *   consent: { obtained: 'yes', obtainedAt: '2022-07-20T17:20:35.000Z' },
 * };
 * ```
 */
export interface UserConsent {
  /** The end user's current IP address. */
  userIp: string;
  /** Where the end user is. */
  userLocation: UserLocation;
  /** Whether consent was obtained; required when the user is in the USA. */
  consent?: ConsentRecord;
}

/**
 * The end user's location in a consent record.
 */
export interface UserLocation {
  /** ISO 3166-1 alpha-3 country code. */
  country: CountryCode;
  /** State or province (a subdivision code for USA, CAN and AUS), at most 100 characters. */
  state?: string;
}

/**
 * Whether and when consent was obtained.
 */
export interface ConsentRecord {
  /** `yes`, `no` or `na`. */
  obtained: 'yes' | 'no' | 'na';
  /** UTC timestamp `YYYY-MM-DDThh:mm:ss.SSSZ`; required when `obtained` is `yes`. */
  obtainedAt?: string;
}

/**
 * `overrideSettings`: tenant settings overridden for one transaction.
 */
export interface OverrideSettings {
  /** Whether acquisition must happen on a mobile device. */
  crossDeviceOnly?: boolean;
  /** How the mobile device gets the connection. */
  crossDeviceOption?: CrossDeviceOption;
}
