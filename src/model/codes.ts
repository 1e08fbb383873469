/**
 * The ID document types a credential preset may name (`workflowDefinition.credentials[].type`).
 *
 * @example
 * ```ts
 * import { ID_TYPES } from 'jumio-kyx';
 * ID_TYPES.includes('PASSPORT'); // true
 * ```
 */
export const ID_TYPES = ['ID_CARD', 'DRIVING_LICENSE', 'PASSPORT', 'VISA'] as const;

/**
 * One of {@link ID_TYPES}.
 */
export type IdType = (typeof ID_TYPES)[number];

/**
 * Supporting-document type codes accepted in a DOCUMENT credential preset, with their meaning.
 * A tenant's own codes (set up in the Jumio portal) are given with `customDocumentType(code)`;
 * there is no `CUSTOM` code.
 *
 * @example
 * ```ts
 * import { DOCUMENT_TYPES } from 'jumio-kyx';
 * DOCUMENT_TYPES.BS; // 'Bank statement'
 * ```
 */
export const DOCUMENT_TYPES = {
  BC: 'Birth certificate',
  BS: 'Bank statement',
  CAAP: 'Cash advance application',
  CB: 'Council bill',
  CC: 'Credit card',
  CCS: 'Credit card statement',
  CRC: 'Corporate resolution certificate',
  HCC: 'Health care card',
  IC: 'Insurance card',
  LAG: 'Lease agreement',
  LOAP: 'Loan application',
  MEDC: 'Medicare card',
  MOAP: 'Mortgage application',
  PB: 'Phone bill',
  SEL: 'School enrolment letter',
  SENC: 'Seniors card',
  SS: 'Superannuation statement',
  SSC: 'Social security card (USA)',
  STUC: 'Student card',
  TAC: 'Trade association card',
  TR: 'Tax return',
  UB: 'Utility bill',
  VC: 'Voided check',
  VT: 'Vehicle title',
  WWCC: 'Working with children check',
} as const;

/**
 * A supporting-document type code, a key of {@link DOCUMENT_TYPES} such as `'BS'` or `'UB'`.
 */
export type DocumentType = keyof typeof DOCUMENT_TYPES;

/**
 * Liveness (FACEMAP) capture types a FACEMAP preset may name.
 *
 * @example
 * ```ts
 * import { FACEMAP_TYPES } from 'jumio-kyx';
 * FACEMAP_TYPES[0]; // 'IPROOV_STANDARD'
 * ```
 */
export const FACEMAP_TYPES = ['IPROOV_STANDARD', 'IPROOV_PREMIUM', 'JUMIO_STANDARD'] as const;

/**
 * One of {@link FACEMAP_TYPES}.
 */
export type FacemapType = (typeof FACEMAP_TYPES)[number];

/**
 * Credential categories a workflow can collect. `ID`, `DOCUMENT`, `FACEMAP` and `SELFIE` can be
 * listed in a request (`workflowDefinition.credentials`); `DATA` appears in responses.
 *
 * @example
 * ```ts
 * import { CREDENTIAL_CATEGORIES } from 'jumio-kyx';
 * CREDENTIAL_CATEGORIES.length; // 5
 * ```
 */
export const CREDENTIAL_CATEGORIES = ['ID', 'SELFIE', 'FACEMAP', 'DOCUMENT', 'DATA'] as const;

/**
 * One of {@link CREDENTIAL_CATEGORIES}.
 */
export type CredentialCategory = (typeof CREDENTIAL_CATEGORIES)[number];

/**
 * Credential categories that a request may list in `workflowDefinition.credentials`: a preset to
 * collect (`ID`, `DOCUMENT`, `FACEMAP`, `SELFIE`) or a credential on file to reuse (see
 * {@link REUSABLE_CATEGORIES}).
 *
 * @example
 * ```ts
 * import { PRESET_CATEGORIES } from 'jumio-kyx';
 * PRESET_CATEGORIES.includes('SELFIE'); // true
 * ```
 */
export const PRESET_CATEGORIES = ['ID', 'DOCUMENT', 'FACEMAP', 'SELFIE'] as const;

/**
 * One of {@link PRESET_CATEGORIES}.
 */
export type PresetCategory = (typeof PRESET_CATEGORIES)[number];

/**
 * Credential categories an account update may reuse from the account (`.reuse(category, id?)`):
 * Jumio documents reuse of ID, SELFIE and FACEMAP credentials that passed usability with consent.
 *
 * @example
 * ```ts
 * import { REUSABLE_CATEGORIES } from 'jumio-kyx';
 * REUSABLE_CATEGORIES.includes('SELFIE'); // true
 * ```
 */
export const REUSABLE_CATEGORIES = ['ID', 'SELFIE', 'FACEMAP'] as const;

/**
 * One of {@link REUSABLE_CATEGORIES}.
 */
export type ReusableCategory = (typeof REUSABLE_CATEGORIES)[number];

/**
 * The upload parts of each credential category, as the lowercase keys of
 * `credentials[].api.parts` in an account response. FACEMAP is captured by the web client or SDK,
 * except in workflows that take a stored facemap over the API as a binary file (workflow 16).
 *
 * @example
 * ```ts
 * import { CREDENTIAL_PARTS } from 'jumio-kyx';
 * CREDENTIAL_PARTS.ID; // ['front', 'back']
 * ```
 */
export const CREDENTIAL_PARTS = {
  ID: ['front', 'back'],
  SELFIE: ['face'],
  FACEMAP: ['facemap'],
  DOCUMENT: ['document'],
  DATA: ['prepared_data'],
} as const satisfies Record<CredentialCategory, readonly string[]>;

/**
 * The parts of a credential that must be uploaded before finalizing (ID back sides are optional).
 *
 * @example
 * ```ts
 * import { REQUIRED_PARTS } from 'jumio-kyx';
 * REQUIRED_PARTS.ID; // ['front']
 * ```
 */
export const REQUIRED_PARTS = {
  ID: ['front'],
  SELFIE: ['face'],
  FACEMAP: ['facemap'],
  DOCUMENT: ['document'],
  DATA: ['prepared_data'],
} as const satisfies Record<CredentialCategory, readonly string[]>;

/**
 * A part key from {@link CREDENTIAL_PARTS}, such as `'front'` or `'prepared_data'`.
 */
export type PartName = (typeof CREDENTIAL_PARTS)[CredentialCategory][number];

/**
 * Channels through which credentials can be acquired.
 *
 * @example
 * ```ts
 * import { CHANNELS } from 'jumio-kyx';
 * CHANNELS; // ['API', 'SDK', 'WEB']
 * ```
 */
export const CHANNELS = ['API', 'SDK', 'WEB'] as const;

/**
 * One of {@link CHANNELS}.
 */
export type Channel = (typeof CHANNELS)[number];

/**
 * Values of `overrideSettings.crossDeviceOption`.
 *
 * @example
 * ```ts
 * import { CROSS_DEVICE_OPTIONS } from 'jumio-kyx';
 * CROSS_DEVICE_OPTIONS.includes('QR_ONLY'); // true
 * ```
 */
export const CROSS_DEVICE_OPTIONS = ['DEFAULT', 'QR_ONLY', 'EMAIL_ONLY'] as const;

/**
 * One of {@link CROSS_DEVICE_OPTIONS}.
 */
export type CrossDeviceOption = (typeof CROSS_DEVICE_OPTIONS)[number];

/**
 * Locales documented for the Jumio web client (`web.locale`). Other values of the form
 * `ll` or `ll-CC` (at most 5 characters) are accepted too.
 *
 * @example
 * ```ts
 * import { KNOWN_LOCALES } from 'jumio-kyx';
 * KNOWN_LOCALES.includes('pt-BR'); // true
 * ```
 */
export const KNOWN_LOCALES = [
  'ar',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'en-GB',
  'es',
  'es-MX',
  'et',
  'fi',
  'fr',
  'he',
  'hr',
  'hu',
  'hy',
  'id',
  'it',
  'ja',
  'ka',
  'km',
  'ko',
  'lt',
  'ms',
  'nl',
  'no',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sk',
  'sv',
  'th',
  'tr',
  'vi',
  'zh-CN',
  'zh-HK',
] as const;

/**
 * A web client locale: one of {@link KNOWN_LOCALES} (suggested by editors) or another `ll-CC` code.
 */
export type Locale = (typeof KNOWN_LOCALES)[number] | (string & {});

/**
 * The characters `customerInternalReference` must not contain.
 *
 * @example
 * ```ts
 * import { FORBIDDEN_REFERENCE_CHARACTERS } from 'jumio-kyx';
 * FORBIDDEN_REFERENCE_CHARACTERS.includes('%'); // true
 * ```
 */
export const FORBIDDEN_REFERENCE_CHARACTERS = ['<', '>', '"', '/', ';', '`', '%', '{', '}', '|'] as const;

/**
 * The invisible characters no reference (`customerInternalReference`, `userReference`,
 * `reportingCriteria`) may contain, as code point ranges: C0 controls (NUL, CR, LF, …), DEL and
 * the C1 controls, and the bidirectional marks, embeddings, overrides and isolates that make a
 * reference display differently from what it is (U+202E turns `exe.txt` into `txt.exe`).
 *
 * @example
 * ```ts
 * import { FORBIDDEN_REFERENCE_CONTROLS } from 'jumio-kyx';
 * FORBIDDEN_REFERENCE_CONTROLS.some(([from, to]) => 0x202e >= from && 0x202e <= to); // true
 * ```
 */
export const FORBIDDEN_REFERENCE_CONTROLS: readonly (readonly [number, number])[] = [
  [0x0000, 0x001f], // C0 controls
  [0x007f, 0x009f], // DEL, C1 controls
  [0x061c, 0x061c], // ARABIC LETTER MARK
  [0x200e, 0x200f], // LEFT-TO-RIGHT / RIGHT-TO-LEFT MARK
  [0x202a, 0x202e], // embeddings and overrides (LRE, RLE, PDF, LRO, RLO)
  [0x2066, 0x2069], // isolates (LRI, RLI, FSI, PDI)
];

/**
 * Time units of a token lifetime: seconds, minutes, hours, days.
 */
export type TokenLifetime = `${number}${'s' | 'm' | 'h' | 'd'}`;
