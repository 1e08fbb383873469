import * as v from 'valibot';
import { COUNTRY_CODES } from './countries.js';
import type { PreparedData, PreparedDataPath } from './prepared-data.js';
import { optional } from './primitives.js';

// The schema of prepared data (prepared-data.ts): the formats Jumio's risk-signal pages give,
// checked before anything is sent. What a workflow needs beyond formats (required keys, one-of
// groups, alpha-3 only) is in its catalog entry and checked by validatePreparedData
// (src/workflows/prepared-data.ts). Public from `jumio-kyx/schemas`, never from the root entry.

const TEXT = v.string('must be a string');
const S = optional(TEXT);

/** E.164: `+`, a country code and the number, at most 15 digits. */
const E164 = optional(
  v.pipe(TEXT, v.regex(/^\+[1-9]\d{1,14}$/, 'must be an E.164 phone number with its country code, e.g. +15031234567')),
);

/** `YYYY-MM-DD`, a real calendar date. */
const isCalendarDate = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};
const dateOf = (text: string, separators: RegExp): boolean => {
  const m = /^(\d{4})(\D)(\d{2})\2(\d{2})$/.exec(text);
  return m !== null && separators.test(m[2] as string) && isCalendarDate(Number(m[1]), Number(m[3]), Number(m[4]));
};
const LOCAL_DATE = optional(
  v.pipe(
    TEXT,
    v.check((s) => dateOf(s, /^-$/), 'must be a date written YYYY-MM-DD'),
  ),
);
const LENIENT_DATE = optional(
  v.pipe(
    TEXT,
    v.check((s) => dateOf(s, /^[-/]$/), 'must be a date written YYYY-MM-DD or yyyy/mm/dd'),
  ),
);

/** ISO 3166-1 alpha-3 (a known code), or alpha-2 (two capital letters). */
const COUNTRY = optional(
  v.pipe(
    TEXT,
    v.check(
      (s) => /^[A-Z]{2}$/.test(s) || (COUNTRY_CODES as readonly string[]).includes(s),
      'must be an ISO 3166-1 country code (alpha-3 such as USA, or alpha-2 such as US)',
    ),
  ),
);

const preparedDataEntries = (dates: typeof LOCAL_DATE | typeof LENIENT_DATE) => ({
  firstName: S,
  middleName: S,
  lastName: S,
  suffix: S,
  paternalSurname: S,
  maternalSurname: S,
  sex: S,
  dateOfBirth: dates,
  dob: LENIENT_DATE,
  email: optional(v.pipe(TEXT, v.email('must be an e-mail address'))),
  phoneNumber: E164,
  phoneNumber2: E164,
  ipAddress: optional(v.pipe(TEXT, v.ip('must be an IPv4 or IPv6 address'))),
  socialSecurityNumber: optional(v.pipe(TEXT, v.regex(/^(\d{4}|\d{9})$/, 'must be 4 or 9 digits'))),
  personalNumber: S,
  nationality: S,
  address: optional(
    v.looseObject({
      line1: S,
      line2: S,
      line3: S,
      line4: S,
      line5: S,
      city: S,
      postalCode: S,
      subdivision: S,
      state: S,
      country: COUNTRY,
    }),
  ),
  id: optional(
    v.looseObject({
      idNumber: S,
      type: S,
      Type: S,
      subType: S,
      issuingDate: dates,
      expiryDate: dates,
    }),
  ),
  ine: optional(
    v.looseObject({
      cic: S,
      ocr: S,
      citizenID: S,
      electorKey: S,
      issuingNumber: S,
      registrationYear: optional(
        v.pipe(v.number('must be an integer (a number, not a string)'), v.integer('must be an integer')),
      ),
      type: S,
    }),
  ),
});

/**
 * Schema of {@link PreparedData}: every documented key at its documented format (E.164 phone
 * numbers, e-mail, IPv4/IPv6, `YYYY-MM-DD` dates, ISO country codes, an SSN of 4 or 9 digits, an
 * integer `ine.registrationYear`). Keys it does not know are kept (`validatePreparedData` in the
 * root entry reports them unless told to allow them, and adds the rules of a workflow).
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { PreparedDataSchema } from 'jumio-kyx/schemas';
 * v.is(PreparedDataSchema, { phoneNumber: '+15031234567' }); // true
 * v.is(PreparedDataSchema, { phoneNumber: '5031234567' }); // false: no country code
 * ```
 */
export const PreparedDataSchema = v.looseObject(preparedDataEntries(LOCAL_DATE)) satisfies v.GenericSchema<
  unknown,
  PreparedData
>;

/**
 * {@link PreparedDataSchema} for the workflows whose page writes dates `yyyy/mm/dd` (eKYC):
 * `dateOfBirth` and the `id` dates accept both forms.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { SlashDatePreparedDataSchema } from 'jumio-kyx/schemas';
 * v.is(SlashDatePreparedDataSchema, { dateOfBirth: '1990/05/17' }); // true
 * ```
 */
export const SlashDatePreparedDataSchema = v.looseObject(preparedDataEntries(LENIENT_DATE));

/** Every dotted key of {@link PreparedData} (`phoneNumber`, `address.country`, …), as the schema lists them. */
export const PREPARED_DATA_PATHS: readonly PreparedDataPath[] = Object.entries(PreparedDataSchema.entries).flatMap(
  ([key, schema]) =>
    'entries' in schema.wrapped
      ? Object.keys(schema.wrapped.entries).map((nested) => `${key}.${nested}` as PreparedDataPath)
      : [key as PreparedDataPath],
);

/** The keys of {@link PreparedData} and of its nested objects, as the schema lists them. */
export const PREPARED_DATA_KEYS = {
  top: Object.keys(PreparedDataSchema.entries),
  address: Object.keys(PreparedDataSchema.entries.address.wrapped.entries),
  id: Object.keys(PreparedDataSchema.entries.id.wrapped.entries),
  ine: Object.keys(PreparedDataSchema.entries.ine.wrapped.entries),
} as const;
