import type { LiteralUnion } from 'type-fest';

// The `data` shapes of the capabilities that carry data (as documented, widened to the types real bodies carry).
// Each interface lists the known fields with no index signature, so a misspelt field does not
// compile. Types only (no valibot), so the root entry's declarations stay cheap to check: the
// lenient schemas of these shapes are in capability-data-schemas.ts (`jumio-kyx/schemas`).

/**
 * The parts of a date as Jumio sends them: strings in real bodies (`"1990"`, `"05"`), integers in
 * the OpenAPI description. Missing parts are omitted.
 *
 * @example
 * ```ts
 * import type { DateParts } from 'jumio-kyx';
 * declare const parts: DateParts;
 * const year = parts.year === undefined ? undefined : Number(parts.year);
 * ```
 */
export interface DateParts {
  /** Four-digit year. */
  year?: string | number;
  /** Month, 1–12 (often zero-padded: `"05"`). */
  month?: string | number;
  /** Day of the month. */
  day?: string | number;
}

/**
 * An address extracted from a document.
 *
 * @example
 * ```ts
 * import type { ExtractionAddress } from 'jumio-kyx';
 * declare const address: ExtractionAddress;
 * console.log(address.formattedAddress ?? [address.line1, address.city].join(', '));
 * ```
 */
export interface ExtractionAddress {
  /** Address line 1. */
  line1?: string;
  /** Address line 2. */
  line2?: string;
  /** Address line 3. */
  line3?: string;
  /** Address line 4. */
  line4?: string;
  /** Address line 5. */
  line5?: string;
  /** City. */
  city?: string;
  /** State, province or other subdivision. */
  subdivision?: string;
  /** Postal code. */
  postalCode?: string;
  /** Country (ISO 3166-1 alpha-3). */
  country?: string;
  /** The whole address on one line. */
  formattedAddress?: string;
}

/**
 * `extraction` data: the fields read from an ID or a supporting DOCUMENT. Many
 * fields need activation by Jumio. Values are kept as Jumio sends them: unknown values may be the
 * placeholder `"N/A"`, `currentAge` and the `*Parts` fields arrive as strings.
 *
 * @example
 * ```ts
 * import type { ExtractionData } from 'jumio-kyx';
 * declare const data: ExtractionData;
 * const name = data.firstName === 'N/A' ? '' : (data.firstName ?? '');
 * const adult = Number(data.currentAge ?? 0) >= 18;
 * ```
 */
export interface ExtractionData {
  /** Document type: `PASSPORT`, `DRIVING_LICENSE`, `ID_CARD`, `VISA`, `UNSUPPORTED`, or a DOCUMENT code. */
  type?: LiteralUnion<'PASSPORT' | 'DRIVING_LICENSE' | 'ID_CARD' | 'VISA' | 'UNSUPPORTED', string>;
  /** Sub-type, e.g. `NATIONAL_ID`, `REGULAR_DRIVING_LICENSE`, `E_PASSPORT`. */
  subType?: string;
  /** Issuing country (ISO 3166-1 alpha-3). */
  issuingCountry?: string;
  /** First name (`"N/A"` when unknown). */
  firstName?: string;
  /** Last name. */
  lastName?: string;
  /** Date of birth, `YYYY-MM-DD`. */
  dateOfBirth?: string;
  /** Date of birth in parts. */
  dateOfBirthParts?: DateParts;
  /** Expiry date, `YYYY-MM-DD`. */
  expiryDate?: string;
  /** Expiry date in parts. */
  expiryDateParts?: DateParts;
  /** Issuing date, `YYYY-MM-DD`. */
  issuingDate?: string;
  /** Issuing date in parts. */
  issuingDateParts?: DateParts;
  /** Document number. */
  documentNumber?: string;
  /** State or region (US/CA two letters, AU 2–3, or free text). */
  state?: string;
  /** Personal number (may be MRZ filler such as `"<<<<<<<<<<<<<<"`). */
  personalNumber?: string;
  /** Optional MRZ field 1. */
  optionalMrzField1?: string;
  /** Optional MRZ field 2. */
  optionalMrzField2?: string;
  /** Address. */
  address?: ExtractionAddress;
  /** Issuing authority. */
  issuingAuthority?: string;
  /** Issuing place. */
  issuingPlace?: string;
  /** CURP (Mexico). */
  curp?: string;
  /** `M`, `F`, newer also `X`. */
  gender?: LiteralUnion<'M' | 'F' | 'X', string>;
  /** Nationality. */
  nationality?: string;
  /** Place of birth. */
  placeOfBirth?: string;
  /** Tax number. */
  taxNumber?: string;
  /** CPF (Brazil). */
  cpf?: string;
  /** Registration number. */
  registrationNumber?: string;
  /** Mother's name. */
  mothersName?: string;
  /** Father's name. */
  fathersName?: string;
  /** Personal identification number. */
  personalIdentificationNumber?: string;
  /** RG number (Brazil). */
  rgNumber?: string;
  /** Driving licence categories (shape not documented: kept as sent). */
  dlCategories?: unknown[];
  /** Voter id number. */
  voterIdNumber?: string;
  /** Issuing number. */
  issuingNumber?: string;
  /** Passport number (VISA). */
  passportNumber?: string;
  /** Duration of stay (VISA). */
  durationOfStay?: string | number;
  /** Number of entries (VISA). */
  numberOfEntries?: string | number;
  /** Visa category (VISA). */
  visaCategory?: string;
  /** DNI (Spain, Peru, …). */
  dni?: string;
  /** PESEL (Poland). */
  pesel?: string;
  /** Labor identification number. */
  laborIdentificationNumber?: string;
  /** Document copy. */
  documentCopy?: string;
  /** Resident permit type. */
  residentPermitType?: string;
  /** Resident permit remarks. */
  residentPermitRemarks?: string;
  /** Document identification number. */
  documentIdentificationNumber?: string;
  /** Citizenship. */
  citizenship?: string;
  /** Marital status. */
  maritalStatus?: string;
  /** Religion. */
  religion?: string;
  /** Current age: an integer in the docs, a string (`"53"`) in real bodies. */
  currentAge?: string | number;
  /** Last name at birth. */
  lastNameAtBirth?: string;
  /** Remarks. */
  remarks?: string;
  /** `YES` or `NO`. */
  disability?: LiteralUnion<'YES' | 'NO', string>;
  /** NFC chip result, e.g. `READ_VALIDATED`, `VALIDATION_FAILED`, `SKIPPED`. */
  nfcValidationResult?: LiteralUnion<
    | 'READ_VALIDATED'
    | 'READ_ONLY'
    | 'VALIDATION_FAILED'
    | 'SKIPPED'
    | 'SKIPPED_MAX_RETRIES'
    | 'TECHNICAL_ERROR'
    | 'READER_UNAVAILABLE'
    | 'COUNTRY_UNAVAILABLE',
    string
  >;
  /** Fields in a second language (shape not documented: kept as sent). */
  additionalLanguage?: Record<string, unknown>;
  /** DOCUMENT: name on the document. */
  name?: string;
  /** DOCUMENT (legacy vocabulary): issue date. */
  issueDate?: string;
  /** DOCUMENT (utility bill): due date. */
  dueDate?: string;
  /** DOCUMENT (bank statement): account number. */
  accountNumber?: string;
  /** DOCUMENT (bank statement): SWIFT code. */
  swiftCode?: string;
  /** DOCUMENT (credit card, legacy): card number. */
  pan?: string;
  /** DOCUMENT (credit card): card number. */
  panNumber?: string;
  /** DOCUMENT (credit card): expiry as month and year. */
  monthYearExpiry?: string;
  /** DOCUMENT (credit card statement): last four digits. */
  cardNumberLastFourDigits?: string;
  /** DOCUMENT (social security card, legacy): number. */
  ssn?: string;
  /** DOCUMENT (social security card): number. */
  socialSecurityNumber?: string;
  /** DOCUMENT (social security card): whether it is signed. */
  signatureAvailable?: string | boolean;
}

/**
 * `liveness` data. The facemap link `validFaceMapForAuthentication` sits beside `data` on the
 * result, not in it.
 *
 * @example
 * ```ts
 * import type { LivenessData } from 'jumio-kyx';
 * declare const data: LivenessData;
 * if (data.predictedAge !== undefined && data.predictedAge < 18) console.log('check age', data.ageConfidenceRange);
 * ```
 */
export interface LivenessData {
  /** Liveness method: `IPROOV_STANDARD`, `IPROOV_PREMIUM`, `JUMIO_STANDARD`. */
  type?: LiteralUnion<'IPROOV_STANDARD' | 'IPROOV_PREMIUM' | 'JUMIO_STANDARD', string>;
  /** Age predicted from the face (a number). */
  predictedAge?: number;
  /** Confidence range of the predicted age, e.g. `"41-65"`. */
  ageConfidenceRange?: string;
}

/**
 * `similarity` data. It may disagree with the decision label (WARNING / `NOT_POSSIBLE` with
 * `similarity: 'MATCH'` is real): report both, derive neither from the other.
 *
 * @example
 * ```ts
 * import type { SimilarityData } from 'jumio-kyx';
 * declare const data: SimilarityData;
 * const match = data.similarity === 'MATCH';
 * ```
 */
export interface SimilarityData {
  /** `MATCH`, `NOT_MATCH`, `NOT_POSSIBLE`, or a newer value. */
  similarity?: LiteralUnion<'MATCH' | 'NOT_MATCH' | 'NOT_POSSIBLE', string>;
}

/**
 * `watchlistScreening` data. Real bodies send `searchStatus: "SUCCESS"` (the docs list `DONE`,
 * `NOT_DONE`, `ERROR`).
 *
 * @example
 * ```ts
 * import type { WatchlistScreeningData } from 'jumio-kyx';
 * declare const data: WatchlistScreeningData;
 * if ((data.searchResults ?? 0) > 0) console.log('hits', data.searchResultUrl);
 * ```
 */
export interface WatchlistScreeningData {
  /** When the search ran (UTC). */
  searchDate?: string;
  /** `SUCCESS` (real), `DONE`, `NOT_DONE`, `ERROR` (docs), or a newer value. */
  searchStatus?: LiteralUnion<'SUCCESS' | 'DONE' | 'NOT_DONE' | 'ERROR', string>;
  /** The screening provider's search id (a digit string). */
  searchId?: string;
  /** The screening provider's search reference. */
  searchReference?: string;
  /** Link to the search result at the provider. */
  searchResultUrl?: string;
  /** Number of hits. */
  searchResults?: number;
}

/**
 * The face search of `imageChecks`: other executions showing the same face (`REPEATED_FACE`).
 *
 * @example
 * ```ts
 * import type { FaceSearchFindings } from 'jumio-kyx';
 * declare const search: FaceSearchFindings;
 * const duplicates = search.status === 'DONE' ? (search.findings ?? []) : [];
 * ```
 */
export interface FaceSearchFindings {
  /** `DONE`, `PENDING`, `ERROR`, or a newer value. */
  status?: LiteralUnion<'DONE' | 'PENDING' | 'ERROR', string>;
  /** Workflow execution ids with the same face. */
  findings?: string[];
}

/**
 * `imageChecks` data.
 *
 * @example
 * ```ts
 * import type { ImageChecksData } from 'jumio-kyx';
 * declare const data: ImageChecksData;
 * const linked = data.faceSearchFindings?.findings ?? [];
 * ```
 */
export interface ImageChecksData {
  /** The face search, when it ran. */
  faceSearchFindings?: FaceSearchFindings;
}

/**
 * `authentication` data. The facemap link `validFaceMapForAuthentication` sits beside `data`.
 *
 * @example
 * ```ts
 * import type { AuthenticationData } from 'jumio-kyx';
 * declare const data: AuthenticationData;
 * console.log(data.type);
 * ```
 */
export interface AuthenticationData {
  /** Authentication method, e.g. `IPROOV_STANDARD`. */
  type?: LiteralUnion<'IPROOV_STANDARD' | 'IPROOV_PREMIUM' | 'JUMIO_STANDARD', string>;
}

/**
 * The `data` of a capability this library has no shape for (a capability without documented data,
 * or one Jumio adds later): every field kept as sent.
 *
 * @example
 * ```ts
 * import type { OtherCapabilityData } from 'jumio-kyx';
 * declare const data: OtherCapabilityData;
 * const fields = Object.keys(data);
 * ```
 */
export interface OtherCapabilityData {
  /** A field, as Jumio sent it. */
  [field: string]: unknown;
}

/**
 * `geoIpVerification` data: where the IP address is (Jumio's example). `latitude` and
 * `longitude` are numbers here (strings in device risk).
 *
 * @example
 * ```ts
 * import type { GeoIpVerificationData } from 'jumio-kyx';
 * declare const data: GeoIpVerificationData;
 * if (data.anonymousVPN) console.log('VPN from', data.country, data.latitude, data.longitude);
 * ```
 */
export interface GeoIpVerificationData {
  /** Country (alpha-3 in the example: `USA`). */
  country?: string;
  /** State or region (`WA`). */
  state?: string;
  /** City. */
  city?: string;
  /** Internet service provider. */
  isp?: string;
  /** Organization the IP belongs to. */
  organization?: string;
  /** Latitude (a number). */
  latitude?: number;
  /** Longitude (a number). */
  longitude?: number;
  /** Accuracy radius (km in the example's scale: `1000`). */
  accuracyRadius?: number;
  /** Whether the IP belongs to an anonymous VPN. */
  anonymousVPN?: boolean;
  /** Whether the IP belongs to a satellite provider. */
  satelliteProvider?: boolean;
}

/**
 * `emailVerification` data (Jumio's example). `totalHits` is a string.
 *
 * @example
 * ```ts
 * import type { EmailVerificationData } from 'jumio-kyx';
 * declare const data: EmailVerificationData;
 * const hits = Number(data.totalHits ?? '0');
 * const risky = data.domainRiskLevel !== 'VERY_LOW' || data.emailExists === false;
 * ```
 */
export interface EmailVerificationData {
  /** `Verified`, or another status. */
  emailVerificationStatus?: LiteralUnion<'Verified', string>;
  /** When the address was first verified (UTC). */
  firstVerifiedAt?: string;
  /** Number of hits: a string (`"2"`). */
  totalHits?: string;
  /** Whether the mailbox exists. */
  emailExists?: boolean;
  /** Whether the domain exists. */
  domainExists?: boolean;
  /** The domain. */
  domainName?: string;
  /** The company behind the domain. */
  domainCompany?: string;
  /** Domain risk, e.g. `VERY_LOW`. */
  domainRiskLevel?: LiteralUnion<'VERY_LOW' | 'LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH', string>;
  /** When the domain was created (UTC). */
  domainCreationDate?: string;
  /** Advice, e.g. `LOWER_FRAUD_RISK`. */
  advice?: LiteralUnion<'LOWER_FRAUD_RISK', string>;
  /** The domain's country (`USA`). */
  domainCountry?: string;
  /** Domain category, e.g. `Webmail`. */
  domainCategory?: string;
  /** Whether the domain is a company's. */
  domainCorporate?: boolean;
}

/**
 * The risk insights of `phoneVerification` data: lists of free-text findings.
 *
 * @example
 * ```ts
 * import type { PhoneRiskInsights } from 'jumio-kyx';
 * declare const insights: PhoneRiskInsights;
 * const lowActivity = insights.relativeRisk?.includes('LOW ACTIVITY') ?? false;
 * ```
 */
export interface PhoneRiskInsights {
  /** Relative risk findings, e.g. `LOW ACTIVITY`. */
  relativeRisk?: string[];
  /** Application-to-person traffic findings, e.g. `SEEN IN THE LAST 1 DAY`. */
  applicationToPersonTraffic?: string[];
  /** Person-to-person traffic findings, e.g. `NO P2P DATA ANALYZED`. */
  personToPersonTraffic?: string[];
}

/**
 * `phoneVerification` data (Jumio's example).
 *
 * @example
 * ```ts
 * import type { PhoneVerificationData } from 'jumio-kyx';
 * declare const data: PhoneVerificationData;
 * if (data.blocked || data.phoneType !== 'MOBILE') console.log('check', data.carrier, data.riskInsights?.relativeRisk);
 * ```
 */
export interface PhoneVerificationData {
  /** `MOBILE`, `LANDLINE`, … */
  phoneType?: LiteralUnion<'MOBILE' | 'LANDLINE' | 'VOIP', string>;
  /** Carrier name. */
  carrier?: string;
  /** Whether the number is blocked. */
  blocked?: boolean;
  /** Risk insights. */
  riskInsights?: PhoneRiskInsights;
}

/**
 * `deviceRiskVerification` data (Jumio's example). Coordinates and `metaDataAge` are strings
 * here (numbers in geo IP); alert texts are free text.
 *
 * @example
 * ```ts
 * import type { DeviceRiskVerificationData } from 'jumio-kyx';
 * declare const data: DeviceRiskVerificationData;
 * const latitude = Number(data.ipLocationLatitude);
 * const mismatch = data.deviceAlerts?.includes('IP Mismatch') ?? false;
 * ```
 */
export interface DeviceRiskVerificationData {
  /** Device model, e.g. `WINDOWS`. */
  deviceModel?: string;
  /** Operating system, e.g. `WINDOWS NT 6.1`. */
  deviceOS?: string;
  /** Browser, e.g. `CHROME`. */
  browser?: string;
  /** The device's real IP. */
  trueIP?: string;
  /** City of the IP. */
  ipLocationCity?: string;
  /** Country of the IP. */
  ipLocationCountry?: string;
  /** Latitude of the IP: a string (`"33.9525"`). */
  ipLocationLatitude?: string;
  /** Longitude of the IP: a string (`"-84.55"`). */
  ipLocationLongitude?: string;
  /** Region of the IP. */
  ipLocationRegion?: string;
  /** Age of the device metadata: a string (`"315515197"`). */
  metaDataAge?: string;
  /** Alerts in free text, e.g. `IP Mismatch`. */
  deviceAlerts?: string[];
  /** Whether the browser accepts cookies. */
  browserCookiesEnabled?: boolean;
  /** Browser language, e.g. `EN-US`. */
  browserLanguage?: string;
  /** Browser version. */
  browserVersion?: string;
  /** When the device was first seen (UTC). */
  deviceFirstSeen?: string;
  /** Screen size, e.g. `900X1600`. */
  deviceScreen?: string;
  /** Internet service provider. */
  isp?: string;
  /** Whether Flash is enabled. */
  flashEnabled?: boolean;
  /** Browser time zone, e.g. `+06:00`. */
  browserTimezone?: string;
  /** Whether the device is new. */
  deviceIsNew?: boolean;
  /** The IP the device stated. */
  statedIp?: string;
}

/**
 * A match result of a government database check: `MATCH`, `PARTIAL_MATCH`, `NOT_MATCH`, or a
 * newer value.
 */
export type GovtIdMatch = LiteralUnion<'MATCH' | 'PARTIAL_MATCH' | 'NOT_MATCH', string>;

/**
 * `govtIdVerification` data: which fields matched the government record (Colombia
 * Registraduria, Brazilian digital driving licence). The docs' example is cut; other fields are
 * kept as sent.
 *
 * @example
 * ```ts
 * import type { GovtIdVerificationData } from 'jumio-kyx';
 * declare const data: GovtIdVerificationData;
 * const matched = data.completeNameMatch === 'MATCH' && data.nationalIdMatch === 'MATCH';
 * ```
 */
export interface GovtIdVerificationData {
  /** The whole name. */
  completeNameMatch?: GovtIdMatch;
  /** The first name. */
  firstNameMatch?: GovtIdMatch;
  /** The last name. */
  lastNameMatch?: GovtIdMatch;
  /** The national id number. */
  nationalIdMatch?: GovtIdMatch;
  /** The date of birth. */
  dobMatch?: GovtIdMatch;
}
