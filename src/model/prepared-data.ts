import type { LiteralUnion } from 'type-fest';

// Prepared data: the JSON a DATA credential takes (`client.uploadData`), with every key Jumio's
// risk-signal pages document, spelled as Jumio spells them. Types only (no valibot), so the root
// entry's declarations stay cheap to check: the schema is in prepared-data-schemas.ts
// (`jumio-kyx/schemas`); the rules per workflow are in the catalog (`WorkflowSpec.preparedData`).

/**
 * The `address` of prepared data. Which keys a signal needs differs (eKYC: `line1`, `city`,
 * `postalCode`, `country`; SSN and DMV also `subdivision`).
 */
export interface PreparedDataAddress {
  /** Street line 1. */
  line1?: string;
  /** Street line 2. */
  line2?: string;
  /** Street line 3. */
  line3?: string;
  /** Street line 4. */
  line4?: string;
  /** Street line 5. */
  line5?: string;
  /** City. */
  city?: string;
  /** Postal code. */
  postalCode?: string;
  /** State, province or other subdivision (DMV: the state, e.g. `OR`). */
  subdivision?: string;
  /** State: the Proof of Residency and CURP pages put it beside `subdivision`. */
  state?: string;
  /** Country: ISO 3166-1 alpha-3, or alpha-2 where the signal accepts it (eKYC, Address Validation). */
  country?: string;
}

/**
 * The `id` of prepared data: the identity document's number and dates.
 */
export interface PreparedDataId {
  /** The document number (DMV: licence number; Colombia: NUIP without periods; Argentina: DNI; CURP). */
  idNumber?: string;
  /** `ID_CARD`, `DRIVING_LICENSE`, `PERMIT`, `PASSPORT` (each signal accepts some), or another value. */
  type?: LiteralUnion<'ID_CARD' | 'DRIVING_LICENSE' | 'PERMIT' | 'PASSPORT', string>;
  /** The Argentina Renaper page spells `id.Type` with a capital T (kept as documented; likely `type`). */
  Type?: string;
  /** Sub-type, e.g. `NATIONAL_ID` (Argentina). */
  subType?: string;
  /** Issuing date, `YYYY-MM-DD`. */
  issuingDate?: string;
  /** Expiry date, `YYYY-MM-DD`. */
  expiryDate?: string;
}

/**
 * The `ine` block of prepared data: a Mexican INE voter card (Lista Nominal check).
 */
export interface PreparedDataIne {
  /** The CIC. */
  cic?: string;
  /** The OCR number (card types C–F). */
  ocr?: string;
  /** The citizen id (card types G–H). */
  citizenID?: string;
  /** Clave de Elector. */
  electorKey?: string;
  /** Número de emisión. */
  issuingNumber?: string;
  /** Registration year: an integer. */
  registrationYear?: number;
  /** Card type, `C` … `H`. */
  type?: LiteralUnion<'C' | 'D' | 'E' | 'F' | 'G' | 'H', string>;
}

/**
 * Prepared data for a DATA credential (`client.uploadData`): every key Jumio documents for its
 * risk signals, spelled as Jumio spells them. Which keys a workflow needs is in its catalog entry
 * (`WorkflowSpec.preparedData`); `uploadData` requires them at compile time and checks formats
 * (E.164, e-mail, IP, `YYYY-MM-DD`, alpha-3, SSN) before anything is sent.
 *
 * @example
 * ```ts
 * import type { PreparedData } from 'jumio-kyx';
 * const data: PreparedData = {
 *   firstName: 'JANE', lastName: 'DOE', dateOfBirth: '1972-11-16', socialSecurityNumber: '123456789',
 *   address: { line1: '1 Main St', city: 'Portland', postalCode: '97201', subdivision: 'OR', country: 'USA' },
 * };
 * ```
 */
export interface PreparedData {
  /** First name. */
  firstName?: string;
  /** Middle name. */
  middleName?: string;
  /** Last name. */
  lastName?: string;
  /** Name suffix. */
  suffix?: string;
  /** Paternal surname (Mexico, Colombia, SSN). */
  paternalSurname?: string;
  /** Maternal surname (Mexico, Colombia, SSN). */
  maternalSurname?: string;
  /** Sex: `M` / `F` (the CURP page's older copy: `H` male, `M` female). */
  sex?: LiteralUnion<'M' | 'F' | 'H', string>;
  /** Date of birth, `YYYY-MM-DD` (the eKYC page writes `yyyy/mm/dd`; both are accepted there). */
  dateOfBirth?: string;
  /** Date of birth as the older eKYC page names it (`yyyy/mm/dd` or `YYYY-MM-DD`). */
  dob?: string;
  /** E-mail address. */
  email?: string;
  /** Phone number in E.164 (`+15031234567`): the country code is required. */
  phoneNumber?: string;
  /** A second phone number in E.164. */
  phoneNumber2?: string;
  /** IPv4 or IPv6 address. */
  ipAddress?: string;
  /** US social security number: 4 or 9 digits. */
  socialSecurityNumber?: string;
  /** National personal number (Brazil: the CPF). */
  personalNumber?: string;
  /** Nationality. */
  nationality?: string;
  /** Address. */
  address?: PreparedDataAddress;
  /** Identity document data. */
  id?: PreparedDataId;
  /** Mexican INE voter card data. */
  ine?: PreparedDataIne;
}

/**
 * A key of {@link PreparedData} in dotted form (`phoneNumber`, `address.subdivision`,
 * `id.idNumber`, `ine.registrationYear`): how the catalog names what a workflow needs and how
 * validation issues name a field.
 */
export type PreparedDataPath =
  | Exclude<keyof PreparedData, 'address' | 'id' | 'ine'>
  | { [K in 'address' | 'id' | 'ine']: `${K}.${keyof NonNullable<PreparedData[K]> & string}` }[
      | 'address'
      | 'id'
      | 'ine'];

/**
 * What a workflow needs in its prepared data, as its catalog entry records it
 * (`WorkflowSpec.preparedData`): keys required at compile and run time, one-of groups checked at
 * run time, country fields that take alpha-3 only, and whether dates may be written `yyyy/mm/dd`.
 *
 * @example
 * ```ts
 * import type { PreparedDataSpec } from 'jumio-kyx';
 * const addressValidation: PreparedDataSpec = {
 *   required: ['address.city', 'address.postalCode', 'address.subdivision', 'address.country'],
 *   oneOf: [['socialSecurityNumber', 'personalNumber', 'id.idNumber']],
 * };
 * ```
 */
export interface PreparedDataSpec {
  /** Keys that must be present (checked by the types of `uploadData` and at run time). */
  readonly required?: readonly PreparedDataPath[];
  /** Groups of keys of which at least one must be present (checked at run time). */
  readonly oneOf?: readonly (readonly PreparedDataPath[])[];
  /** Country keys that take ISO 3166-1 alpha-3 only (elsewhere alpha-2 is accepted too). */
  readonly alpha3?: readonly PreparedDataPath[];
  /** `true` where Jumio's page writes dates `yyyy/mm/dd` (eKYC): both forms are accepted. */
  readonly slashDates?: boolean;
}
