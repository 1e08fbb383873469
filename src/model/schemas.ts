import * as v from 'valibot';
import { alpha2Message } from './alpha2.js';
import {
  CROSS_DEVICE_OPTIONS,
  FACEMAP_TYPES,
  FORBIDDEN_REFERENCE_CHARACTERS,
  ID_TYPES,
  type Locale,
  type TokenLifetime,
} from './codes.js';
import { COUNTRY_CODES, type CountryCode } from './countries.js';
import { type DocumentCode, documentCodeProblem } from './document-codes.js';
import type { AccountRequest } from './request.js';
import {
  forbiddenCharactersMessage,
  forbiddenControl,
  isAllowedUrl,
  isRealTimestamp,
  parseTokenLifetime,
  TOKEN_LIFETIME_MAX_S,
  TOKEN_LIFETIME_MIN_S,
  UTC_TIMESTAMP_PATTERN,
} from './rules.js';

/** A string of 1..max characters. */
function boundedString(max: number) {
  return v.pipe(
    v.string('must be a string'),
    v.minLength(1, 'must not be empty'),
    v.check(
      (s) => s.length <= max,
      (issue) => `must be at most ${max} characters (got ${String(issue.input).length})`,
    ),
  );
}

// A Set lookup instead of v.picklist, which scans the 249 codes for every country it checks;
// the same output type (CountryCode) and the same message.
const COUNTRY_SET: ReadonlySet<unknown> = /* @__PURE__ */ new Set(COUNTRY_CODES);
const COUNTRY = v.custom<CountryCode>(
  (input) => COUNTRY_SET.has(input),
  (issue) => alpha2Message(issue.input) ?? `${issue.received} is not an ISO 3166-1 alpha-3 country code`,
);

const PREDEFINED = v.picklist(['DEFINED', 'RECOMMENDED'], 'must be DEFINED or RECOMMENDED');

/** A picklist whose message names what the value is not. */
function oneOf<const T extends readonly string[]>(values: T, what: string) {
  return v.picklist(values, (issue) => `${issue.received} is not ${what}`);
}

function presetValues<TItem extends v.GenericSchema<string>>(item: TItem, exactlyOne: boolean) {
  const list = exactlyOne
    ? v.pipe(v.array(item), v.length(1, 'must hold exactly one value'))
    : v.pipe(v.array(item), v.minLength(1, 'must hold at least one value'));
  return v.strictObject({ predefinedType: PREDEFINED, values: list });
}

const CREDENTIAL_ID = v.pipe(v.string(), v.uuid('must be a UUID'));

// A standard code (DOCUMENT_TYPES) or a tenant's own (1–10 characters, no blanks, not CUSTOM).
const DOCUMENT_CODE = v.custom<DocumentCode>(
  (input) => documentCodeProblem(input) === undefined,
  (issue) => {
    const problem = documentCodeProblem(issue.input) ?? '';
    return problem.startsWith("'CUSTOM'") ? problem : `${issue.received} is not a document code: ${problem}`;
  },
);

/**
 * Valibot schema of one `workflowDefinition.credentials[]` entry.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { CredentialPresetSchema } from 'jumio-kyx/schemas';
 * v.is(CredentialPresetSchema, {
 *   category: 'DOCUMENT',
 *   country: { predefinedType: 'DEFINED', values: ['USA'] },
 *   type: { predefinedType: 'DEFINED', values: ['BS'] },
 * }); // true
 * ```
 */
export const CredentialPresetSchema = v.variant(
  'category',
  [
    v.strictObject({
      id: v.exactOptional(CREDENTIAL_ID),
      category: v.literal('ID'),
      country: v.exactOptional(presetValues(COUNTRY, false)),
      type: v.exactOptional(presetValues(oneOf(ID_TYPES, `an ID type (${ID_TYPES.join(', ')})`), false)),
    }),
    v.strictObject({
      id: v.exactOptional(CREDENTIAL_ID),
      category: v.literal('DOCUMENT'),
      country: presetValues(COUNTRY, true),
      type: presetValues(DOCUMENT_CODE, true),
    }),
    v.strictObject({
      id: v.exactOptional(CREDENTIAL_ID),
      category: v.literal('FACEMAP'),
      type: v.exactOptional(presetValues(oneOf(FACEMAP_TYPES, `a facemap type (${FACEMAP_TYPES.join(', ')})`), false)),
    }),
    v.strictObject({
      id: v.exactOptional(CREDENTIAL_ID),
      category: v.literal('SELFIE'),
    }),
  ],
  (issue) => `category ${issue.received} cannot be listed: use ID, DOCUMENT, FACEMAP or SELFIE`,
);

/**
 * Valibot schema of `workflowDefinition.capabilities`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { CapabilitiesSchema } from 'jumio-kyx/schemas';
 * v.is(CapabilitiesSchema, { documentVerification: { enableExtraction: false } }); // false: must be the string "false"
 * ```
 */
export const CapabilitiesSchema = v.strictObject({
  watchlistScreening: v.exactOptional(v.strictObject({ searchProfile: v.exactOptional(boundedString(255)) })),
  documentVerification: v.exactOptional(
    v.strictObject({ enableExtraction: v.picklist(['true', 'false'], 'must be the string "true" or "false"') }),
  ),
  ekycCheck: v.exactOptional(v.strictObject({ searchType: v.picklist(['one', 'two'], 'must be "one" or "two"') })),
  workflowDecision: v.exactOptional(v.strictObject({ riskScoreRulesetId: boundedString(255) })),
  ruleset: v.exactOptional(
    v.strictObject({ ids: v.pipe(v.array(boundedString(255)), v.minLength(1, 'must hold at least one ruleset id')) }),
  ),
});

/**
 * Valibot schema of `workflowDefinition`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { WorkflowDefinitionSchema } from 'jumio-kyx/schemas';
 * const result = v.safeParse(WorkflowDefinitionSchema, { key: 0 });
 * if (!result.success) result.issues[0].message; // 'must be a positive workflow key'
 * ```
 */
export const WorkflowDefinitionSchema = v.strictObject({
  key: v.pipe(
    v.number('must be a number'),
    v.integer('must be an integer'),
    v.minValue(1, 'must be a positive workflow key'),
  ),
  credentials: v.exactOptional(v.array(CredentialPresetSchema)),
  capabilities: v.exactOptional(CapabilitiesSchema),
});

/** A reference: 1..max characters, none of them a control or bidi character. */
function referenceString(max: number) {
  return v.pipe(
    boundedString(max),
    v.check(
      (s) => forbiddenControl(s) === undefined,
      (issue) =>
        `must not contain control characters or bidirectional overrides (found ${forbiddenControl(String(issue.input))})`,
    ),
  );
}

/** Finds any of FORBIDDEN_REFERENCE_CHARACTERS in one scan (a third of the time of one `includes` per character). */
const FORBIDDEN_REFERENCE = new RegExp(
  `[${FORBIDDEN_REFERENCE_CHARACTERS.map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`,
);

const REFERENCE = v.pipe(
  referenceString(100),
  v.check(
    (s) => !FORBIDDEN_REFERENCE.test(s),
    (issue) =>
      `${forbiddenCharactersMessage(FORBIDDEN_REFERENCE_CHARACTERS)} (found ${FORBIDDEN_REFERENCE_CHARACTERS.filter(
        (c) => String(issue.input).includes(c),
      )
        .map((c) => `'${c}'`)
        .join(', ')})`,
  ),
);

const TOKEN_LIFETIME = v.pipe(
  v.custom<TokenLifetime>((x) => typeof x === 'string', 'must be a string'),
  v.regex(/^\d+[smhd]$/, 'must be a whole number followed by s, m, h or d (e.g. 600s, 30m, 1d)'),
  v.check((s) => {
    // A malformed value is reported once, by the format check above.
    const seconds = parseTokenLifetime(s);
    return Number.isNaN(seconds) || (seconds >= TOKEN_LIFETIME_MIN_S && seconds <= TOKEN_LIFETIME_MAX_S);
  }, 'must be between 5m and 60d'),
);

const CALLBACK_URL = v.pipe(
  v.string('must be a string'),
  v.maxLength(255, (issue) => `must be at most 255 characters (got ${String(issue.input).length})`),
  v.check((s) => isAllowedUrl(s, 'https'), 'must be an https URL (plain http only for loopback hosts)'),
);

const WEB_URL = v.pipe(
  v.string('must be a string'),
  v.maxLength(1900, (issue) => `must be at most 1900 characters (got ${String(issue.input).length})`),
  v.check(
    (s) => isAllowedUrl(s, 'web'),
    'must be an absolute URL, not javascript:, data:, vbscript:, file: or blob: (http:, https: or a deep-link scheme)',
  ),
);

/**
 * Valibot schema of `web`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { WebSettingsSchema } from 'jumio-kyx/schemas';
 * v.is(WebSettingsSchema, { successUrl: 'https://acme.example/done', locale: 'pt-BR' }); // true
 * ```
 */
export const WebSettingsSchema = v.strictObject({
  successUrl: v.exactOptional(WEB_URL),
  errorUrl: v.exactOptional(WEB_URL),
  locale: v.exactOptional(
    v.pipe(
      v.custom<Locale>((x) => typeof x === 'string', 'must be a string'),
      v.maxLength(5, (issue) => `must be at most 5 characters (got ${String(issue.input).length})`),
      v.regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must look like "es" or "pt-BR"'),
    ),
  ),
});

const TIMESTAMP = v.pipe(
  v.string('must be a string'),
  v.regex(UTC_TIMESTAMP_PATTERN, 'must be a UTC timestamp like 2022-07-20T17:20:35.000Z'),
  // the fields read from the string checked above (building a Date was 5 % of a large request's build)
  v.check(isRealTimestamp, 'must be a real date and time'),
);

/**
 * Valibot schema of `userConsent`. Users in the USA need `consent`; `obtained: 'yes'` needs `obtainedAt`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { UserConsentSchema } from 'jumio-kyx/schemas';
 * v.is(UserConsentSchema, { userIp: '203.0.113.7', userLocation: { country: 'USA' } }); // false: consent is required
 * ```
 */
export const UserConsentSchema = v.pipe(
  v.strictObject({
    userIp: v.pipe(v.string('must be a string'), v.ip('must be an IPv4 or IPv6 address')),
    userLocation: v.strictObject({
      country: COUNTRY,
      state: v.exactOptional(boundedString(100)),
    }),
    consent: v.exactOptional(
      v.pipe(
        v.strictObject({
          obtained: v.picklist(['yes', 'no', 'na'], 'must be "yes", "no" or "na"'),
          obtainedAt: v.exactOptional(TIMESTAMP),
        }),
        v.forward(
          v.check(
            (c) => c.obtained !== 'yes' || c.obtainedAt !== undefined,
            'is required when consent was obtained ("yes")',
          ),
          ['obtainedAt'],
        ),
      ),
    ),
  }),
  v.forward(
    v.check((u) => u.userLocation.country !== 'USA' || u.consent !== undefined, 'is required for users in the USA'),
    ['consent'],
  ),
);

/**
 * Valibot schema of `overrideSettings`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { OverrideSettingsSchema } from 'jumio-kyx/schemas';
 * v.is(OverrideSettingsSchema, { crossDeviceOnly: true, crossDeviceOption: 'QR_ONLY' }); // true
 * ```
 */
export const OverrideSettingsSchema = v.strictObject({
  crossDeviceOnly: v.exactOptional(v.boolean('must be true or false')),
  crossDeviceOption: v.exactOptional(
    v.picklist(CROSS_DEVICE_OPTIONS, `must be one of ${CROSS_DEVICE_OPTIONS.join(', ')}`),
  ),
});

/**
 * Valibot schema of {@link AccountRequest}: every rule of the account API's request contract
 * that holds for any workflow (the workflow-specific rules live in the workflow catalog).
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { AccountRequestSchema } from 'jumio-kyx/schemas';
 * v.is(AccountRequestSchema, { customerInternalReference: 'x', workflowDefinition: { key: 10011 } }); // true
 * ```
 */
export const AccountRequestSchema = v.strictObject({
  customerInternalReference: REFERENCE,
  workflowDefinition: WorkflowDefinitionSchema,
  userReference: v.exactOptional(referenceString(100)),
  reportingCriteria: v.exactOptional(referenceString(255)),
  callbackUrl: v.exactOptional(CALLBACK_URL),
  tokenLifetime: v.exactOptional(TOKEN_LIFETIME),
  web: v.exactOptional(WebSettingsSchema),
  userConsent: v.exactOptional(UserConsentSchema),
  overrideSettings: v.exactOptional(OverrideSettingsSchema),
});
