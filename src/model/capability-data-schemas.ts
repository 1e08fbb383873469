import * as v from 'valibot';
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
import { NUMBER, optional, STRING_OR_NUMBER, TEXT } from './primitives.js';
import type { CapabilityDataMap } from './response.js';

// The lenient schemas of the capability `data` shapes (capability-data.ts) and the table naming
// which capability carries which (CAPABILITY_DATA). Each schema checks the known fields at the
// types real bodies carry and keeps every other field as it came (valibot `looseObject`). Public
// from `jumio-kyx/schemas`, never from the root entry: its declarations must not reach valibot.

const S = optional(TEXT);
const S_OR_N = optional(STRING_OR_NUMBER);

const DATE_PARTS = optional(v.looseObject({ year: S_OR_N, month: S_OR_N, day: S_OR_N }));

/**
 * Lenient schema of {@link ExtractionData}: known fields checked at the types real bodies carry,
 * every other field kept.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { ExtractionDataSchema } from 'jumio-kyx/schemas';
 * v.parse(ExtractionDataSchema, { firstName: 'N/A', currentAge: '53', newField: 1 }); // kept as is
 * ```
 */
export const ExtractionDataSchema = v.looseObject({
  type: S,
  subType: S,
  issuingCountry: S,
  firstName: S,
  lastName: S,
  dateOfBirth: S,
  dateOfBirthParts: DATE_PARTS,
  expiryDate: S,
  expiryDateParts: DATE_PARTS,
  issuingDate: S,
  issuingDateParts: DATE_PARTS,
  documentNumber: S,
  state: S,
  personalNumber: S,
  optionalMrzField1: S,
  optionalMrzField2: S,
  address: optional(
    v.looseObject({
      line1: S,
      line2: S,
      line3: S,
      line4: S,
      line5: S,
      city: S,
      subdivision: S,
      postalCode: S,
      country: S,
      formattedAddress: S,
    }),
  ),
  issuingAuthority: S,
  issuingPlace: S,
  curp: S,
  gender: S,
  nationality: S,
  placeOfBirth: S,
  taxNumber: S,
  cpf: S,
  registrationNumber: S,
  mothersName: S,
  fathersName: S,
  personalIdentificationNumber: S,
  rgNumber: S,
  dlCategories: optional(v.array(v.unknown())),
  voterIdNumber: S,
  issuingNumber: S,
  passportNumber: S,
  durationOfStay: S_OR_N,
  numberOfEntries: S_OR_N,
  visaCategory: S,
  dni: S,
  pesel: S,
  laborIdentificationNumber: S,
  documentCopy: S,
  residentPermitType: S,
  residentPermitRemarks: S,
  documentIdentificationNumber: S,
  citizenship: S,
  maritalStatus: S,
  religion: S,
  currentAge: S_OR_N,
  lastNameAtBirth: S,
  remarks: S,
  disability: S,
  nfcValidationResult: S,
  additionalLanguage: optional(v.record(TEXT, v.unknown())),
  name: S,
  issueDate: S,
  dueDate: S,
  accountNumber: S,
  swiftCode: S,
  pan: S,
  panNumber: S,
  monthYearExpiry: S,
  cardNumberLastFourDigits: S,
  ssn: S,
  socialSecurityNumber: S,
  signatureAvailable: optional(v.union([TEXT, v.boolean()], 'must be a string or a boolean')),
});

/**
 * Lenient schema of {@link LivenessData}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { LivenessDataSchema } from 'jumio-kyx/schemas';
 * v.is(LivenessDataSchema, { predictedAge: 41, ageConfidenceRange: '41-65' }); // true
 * ```
 */
export const LivenessDataSchema = v.looseObject({ type: S, predictedAge: optional(NUMBER), ageConfidenceRange: S });

/**
 * Lenient schema of {@link SimilarityData}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { SimilarityDataSchema } from 'jumio-kyx/schemas';
 * v.is(SimilarityDataSchema, { similarity: 'MATCH' }); // true
 * ```
 */
export const SimilarityDataSchema = v.looseObject({ similarity: S });

/**
 * Lenient schema of {@link WatchlistScreeningData}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { WatchlistScreeningDataSchema } from 'jumio-kyx/schemas';
 * v.is(WatchlistScreeningDataSchema, { searchStatus: 'SUCCESS', searchResults: 0 }); // true
 * ```
 */
export const WatchlistScreeningDataSchema = v.looseObject({
  searchDate: S,
  searchStatus: S,
  searchId: S,
  searchReference: S,
  searchResultUrl: S,
  searchResults: optional(NUMBER),
});

/**
 * Lenient schema of {@link ImageChecksData}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { ImageChecksDataSchema } from 'jumio-kyx/schemas';
 * v.is(ImageChecksDataSchema, { faceSearchFindings: { status: 'DONE', findings: [] } }); // true
 * ```
 */
export const ImageChecksDataSchema = v.looseObject({
  faceSearchFindings: optional(v.looseObject({ status: S, findings: optional(v.array(TEXT)) })),
});

/**
 * Lenient schema of {@link AuthenticationData}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { AuthenticationDataSchema } from 'jumio-kyx/schemas';
 * v.is(AuthenticationDataSchema, {}); // true
 * ```
 */
export const AuthenticationDataSchema = v.looseObject({ type: S });

/**
 * Lenient schema of {@link OtherCapabilityData}: any JSON object.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { OtherCapabilityDataSchema } from 'jumio-kyx/schemas';
 * v.is(OtherCapabilityDataSchema, {}); // true
 * ```
 */
export const OtherCapabilityDataSchema = v.record(TEXT, v.unknown());

const BOOL = optional(v.boolean('must be a boolean'));
const NUM = optional(NUMBER);
const TEXTS = optional(v.array(TEXT));

/**
 * Lenient schema of {@link PhoneVerificationData}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { PhoneVerificationDataSchema } from 'jumio-kyx/schemas';
 * v.is(PhoneVerificationDataSchema, { phoneType: 'MOBILE', blocked: false }); // true
 * ```
 */
export const PhoneVerificationDataSchema = v.looseObject({
  phoneType: S,
  carrier: S,
  blocked: BOOL,
  riskInsights: optional(
    v.looseObject({ relativeRisk: TEXTS, applicationToPersonTraffic: TEXTS, personToPersonTraffic: TEXTS }),
  ),
});

/**
 * Lenient schema of {@link EmailVerificationData}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { EmailVerificationDataSchema } from 'jumio-kyx/schemas';
 * v.is(EmailVerificationDataSchema, { totalHits: '2', emailExists: true }); // true
 * ```
 */
export const EmailVerificationDataSchema = v.looseObject({
  emailVerificationStatus: S,
  firstVerifiedAt: S,
  totalHits: S,
  emailExists: BOOL,
  domainExists: BOOL,
  domainName: S,
  domainCompany: S,
  domainRiskLevel: S,
  domainCreationDate: S,
  advice: S,
  domainCountry: S,
  domainCategory: S,
  domainCorporate: BOOL,
});

/**
 * Lenient schema of {@link GeoIpVerificationData}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { GeoIpVerificationDataSchema } from 'jumio-kyx/schemas';
 * v.is(GeoIpVerificationDataSchema, { country: 'USA', latitude: 26.1995 }); // true
 * ```
 */
export const GeoIpVerificationDataSchema = v.looseObject({
  country: S,
  state: S,
  city: S,
  isp: S,
  organization: S,
  latitude: NUM,
  longitude: NUM,
  accuracyRadius: NUM,
  anonymousVPN: BOOL,
  satelliteProvider: BOOL,
});

/**
 * Lenient schema of {@link DeviceRiskVerificationData}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { DeviceRiskVerificationDataSchema } from 'jumio-kyx/schemas';
 * v.is(DeviceRiskVerificationDataSchema, { ipLocationLatitude: '33.9525', deviceIsNew: false }); // true
 * ```
 */
export const DeviceRiskVerificationDataSchema = v.looseObject({
  deviceModel: S,
  deviceOS: S,
  browser: S,
  trueIP: S,
  ipLocationCity: S,
  ipLocationCountry: S,
  ipLocationLatitude: S,
  ipLocationLongitude: S,
  ipLocationRegion: S,
  metaDataAge: S,
  deviceAlerts: TEXTS,
  browserCookiesEnabled: BOOL,
  browserLanguage: S,
  browserVersion: S,
  deviceFirstSeen: S,
  deviceScreen: S,
  isp: S,
  flashEnabled: BOOL,
  browserTimezone: S,
  deviceIsNew: BOOL,
  statedIp: S,
});

/**
 * Lenient schema of {@link GovtIdVerificationData}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { GovtIdVerificationDataSchema } from 'jumio-kyx/schemas';
 * v.is(GovtIdVerificationDataSchema, { nationalIdMatch: 'MATCH' }); // true
 * ```
 */
export const GovtIdVerificationDataSchema = v.looseObject({
  completeNameMatch: S,
  firstNameMatch: S,
  lastNameMatch: S,
  nationalIdMatch: S,
  dobMatch: S,
});

/**
 * The schema of each capability's `data`, for the capabilities that carry data (the keys of
 * {@link CapabilityDataMap}); the others keep whatever `data` Jumio sends (usually `{}`).
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { CAPABILITY_DATA } from 'jumio-kyx/schemas';
 * v.is(CAPABILITY_DATA.similarity, { similarity: 'MATCH' }); // true
 * ```
 */
export const CAPABILITY_DATA = {
  imageChecks: ImageChecksDataSchema,
  extraction: ExtractionDataSchema,
  watchlistScreening: WatchlistScreeningDataSchema,
  liveness: LivenessDataSchema,
  similarity: SimilarityDataSchema,
  authentication: AuthenticationDataSchema,
  phoneVerification: PhoneVerificationDataSchema,
  emailVerification: EmailVerificationDataSchema,
  geoIpVerification: GeoIpVerificationDataSchema,
  deviceRiskVerification: DeviceRiskVerificationDataSchema,
  govtIdVerification: GovtIdVerificationDataSchema,
  // every capability of CapabilityDataMap, no other, each schema's output assignable to its shape
} as const satisfies { readonly [N in keyof CapabilityDataMap]: v.GenericSchema<unknown, CapabilityDataMap[N]> };
