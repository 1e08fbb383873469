import type { LiteralUnion } from 'type-fest';
import type { CredentialCategory } from './codes.js';

// The capability table: what Jumio runs on an execution and what each capability can answer
// (Jumio's documented labels plus the ones seen in real bodies). The response types (response.ts), the
// details schema, the simulator's outcomes and the generated page docs/guides/capabilities.md all
// read it. It is split in columns so a bundle takes only what it uses: the `data` column (the
// schema of each capability's data) is CAPABILITY_DATA in capability-data-schemas.ts, keyed as
// CapabilityDataMap, which the client's schemas need and the labels do not; kept apart, it also
// keeps valibot out of the root entry's declarations (this file's are part of them).

/**
 * The four documented decision types.
 *
 * @example
 * ```ts
 * import { DECISION_TYPES } from 'jumio-kyx';
 * DECISION_TYPES.includes('WARNING'); // true
 * ```
 */
export const DECISION_TYPES = ['PASSED', 'WARNING', 'REJECTED', 'NOT_EXECUTED'] as const;

/**
 * Decision types of a workflow, a step or a capability: the documented ones, and any newer value
 * Jumio sends (an open union: editors offer the known values, a new one still type-checks).
 */
export type DecisionType = LiteralUnion<(typeof DECISION_TYPES)[number], string>;

/**
 * One row of {@link CAPABILITIES}.
 *
 * @example
 * ```ts
 * import { CAPABILITIES, type CapabilitySpec } from 'jumio-kyx';
 * const row: CapabilitySpec = CAPABILITIES.liveness;
 * row.faceMap; // true: results carry validFaceMapForAuthentication
 * ```
 */
export interface CapabilitySpec {
  /** The step of the steps endpoint the capability reports under. */
  readonly step: string;
  /** The capabilities that must have run (PASSED or WARNING) for this one to run, when the workflow has them. */
  readonly after: readonly string[];
  /** The credential categories it evaluates (empty: real results carry no `credentials`). */
  readonly evaluates: readonly CredentialCategory[];
  /** Whether its result carries `validFaceMapForAuthentication` beside `data`. */
  readonly faceMap: boolean;
  /** Its labels by decision type (the keys are the decision types it can have); the first is the simulator's default. */
  readonly labels: { readonly [T in (typeof DECISION_TYPES)[number]]?: readonly string[] };
  /** Where a label comes from when the docs do not list it. */
  readonly notes?: string;
}

/**
 * The capability table, in dependency order (usability → imageChecks → extraction → the checks
 * on extracted data; usability → the face capabilities). Labels are Jumio's documented ones plus
 * those seen in real bodies.
 *
 * @example
 * ```ts
 * import { CAPABILITIES } from 'jumio-kyx';
 * CAPABILITIES.usability.labels.REJECTED.includes('BLURRED'); // true
 * CAPABILITIES.dataChecks.after; // ['extraction']
 * ```
 */
export const CAPABILITIES = {
  usability: {
    step: 'ID_IV',
    after: [],
    evaluates: ['ID', 'DOCUMENT', 'SELFIE'],
    faceMap: false,
    labels: {
      PASSED: ['OK'],
      WARNING: [
        'UNSUPPORTED_DOCUMENT_TYPE',
        'UNSUPPORTED_COUNTRY',
        'LIVENESS_UNDETERMINED',
        'DOCUMENT_EXPIRY_WITHIN_CONFIGURED_LIMIT',
      ],
      REJECTED: [
        'BAD_QUALITY',
        'BLURRED',
        'BAD_QUALITY_IMAGE',
        'PART_OF_DOCUMENT_MISSING',
        'PART_OF_DOCUMENT_HIDDEN',
        'DAMAGED_DOCUMENT',
        'GLARE',
        'MISSING_MANDATORY_DATAPOINTS',
        'BLACK_WHITE',
        'MISSING_PAGE',
        'MISSING_SIGNATURE',
        'NOT_A_DOCUMENT',
        'PHOTOCOPY',
      ],
      NOT_EXECUTED: ['NOT_UPLOADED', 'TECHNICAL_ERROR'],
    },
  },
  imageChecks: {
    step: 'ID_IV',
    after: ['usability'],
    evaluates: ['ID', 'DOCUMENT'],
    faceMap: false,
    labels: {
      PASSED: ['OK'],
      WARNING: ['REPEATED_FACE', 'DIFFERENT_PERSON'],
      REJECTED: [
        'MANIPULATED_DOCUMENT',
        'DIGITAL_COPY',
        'WATERMARK',
        'MANIPULATED_DOCUMENT_PHOTO',
        'MANIPULATED_DOCUMENT_EXPIRY',
        'MANIPULATED_DOCUMENT_NAME',
        'MANIPULATED_DOCUMENT_ADDRESS',
        'MANIPULATED_DOCUMENT_SECURITY_CHECKS',
        'MANIPULATED_DOCUMENT_SIGNATURE',
        'MANIPULATED_DOCUMENT_PERSONAL_NUMBER',
        'MANIPULATED_DOCUMENT_PLACE_OF_BIRTH',
        'MANIPULATED_DOCUMENT_GENDER',
        'MANIPULATED_DOCUMENT_ISSUING_DATE',
        'OTHER_REJECTION',
        'GHOST_IMAGE_DIFFERENT',
        'PUNCHED',
        'SAMPLE',
        'FAKE',
        'CHIP_MISSING',
        'DIGITAL_MANIPULATION',
        'MISMATCH_FRONT_BACK',
      ],
      NOT_EXECUTED: ['PRECONDITION_NOT_FULFILLED', 'TECHNICAL_ERROR'],
    },
  },
  extraction: {
    step: 'ID_IV',
    after: ['imageChecks'],
    evaluates: ['ID', 'DOCUMENT'],
    faceMap: false,
    labels: { PASSED: ['OK'], NOT_EXECUTED: ['PRECONDITION_NOT_FULFILLED', 'TECHNICAL_ERROR'] },
  },
  dataChecks: {
    step: 'ID_IV',
    after: ['extraction'],
    evaluates: ['ID'],
    faceMap: false,
    labels: {
      PASSED: ['OK'],
      REJECTED: [
        'MISMATCHING_DATAPOINTS',
        'NFC_CERTIFICATE',
        'MRZ_CHECKSUM',
        'MISMATCHING_DATA_REPEATED_FACE',
        'MISMATCH_FRONT_BACK',
        'SUPERIMPOSED_TEXT',
        'MISMATCH_HRZ_MRZ_DATA',
      ],
      NOT_EXECUTED: ['PRECONDITION_NOT_FULFILLED', 'TECHNICAL_ERROR'],
    },
    notes: '`MISMATCH_HRZ_MRZ_DATA` is seen in real bodies only.',
  },
  watchlistScreening: {
    step: 'SCREENING',
    after: ['extraction'],
    evaluates: [],
    faceMap: false,
    labels: {
      PASSED: ['OK'],
      WARNING: ['ALERT'],
      NOT_EXECUTED: [
        'PRECONDITION_NOT_FULFILLED',
        'NOT_ENOUGH_DATA',
        'VALIDATION_FAILED',
        'INVALID_MERCHANT_SETTINGS',
        'TECHNICAL_ERROR',
        'EXTRACTION_NOT_DONE',
        'NO_VALID_ID_CREDENTIAL',
      ],
    },
    notes: 'Real results carry no `credentials`; a hit is the WARNING label `ALERT`.',
  },
  addressValidation: {
    step: 'ADDRESS_VERIFICATION',
    after: ['extraction'],
    evaluates: ['ID', 'DOCUMENT'],
    faceMap: false,
    labels: {
      PASSED: ['OK'],
      WARNING: ['ALERT'],
      REJECTED: ['DENY'],
      NOT_EXECUTED: ['PRECONDITION_NOT_FULFILLED', 'NOT_ENOUGH_DATA', 'TECHNICAL_ERROR', 'UNSUPPORTED_COUNTRY'],
    },
  },
  proofOfResidency: {
    step: 'ADDRESS_VERIFICATION',
    after: ['extraction'],
    evaluates: ['DOCUMENT'],
    faceMap: false,
    labels: {
      PASSED: ['OK'],
      WARNING: ['ALERT', 'NOT_ENOUGH_DATA'],
      REJECTED: ['DENY'],
      NOT_EXECUTED: ['PRECONDITION_NOT_FULFILLED', 'NOT_ENOUGH_DATA', 'TECHNICAL_ERROR', 'UNSUPPORTED_COUNTRY'],
    },
    notes:
      'The Proof of Residency page lists `NOT_ENOUGH_DATA` under WARNING, the main reference under NOT_EXECUTED: both are typed.',
  },
  drivingLicenseVerification: {
    step: 'DL_VERIFICATION',
    after: ['extraction'],
    evaluates: [],
    faceMap: false,
    labels: {
      PASSED: ['OK'],
      WARNING: ['ALERT'],
      REJECTED: ['DENY'],
      NOT_EXECUTED: [
        'PRECONDITION_NOT_FULFILLED',
        'TECHNICAL_ERROR',
        'UNSUPPORTED_COUNTRY',
        'UNSUPPORTED_STATE',
        'VALIDATION_FAILED',
      ],
    },
    notes: 'Evaluates the DATA credential (docs); real results carry no `credentials`.',
  },
  braCpfValidation: {
    step: 'BRA_CPF_VALIDATION',
    after: ['extraction'],
    evaluates: ['DATA'],
    faceMap: false,
    labels: {
      PASSED: ['OK'],
      WARNING: ['UNSUPPORTED_COUNTRY'],
      REJECTED: ['DENY'],
      NOT_EXECUTED: [
        'PRECONDITION_NOT_FULFILLED',
        'NOT_ENOUGH_DATA',
        'TECHNICAL_ERROR',
        'INVALID_MERCHANT_SETTINGS',
        'VALIDATION_FAILED',
      ],
    },
  },
  liveness: {
    step: 'ID_IV',
    after: ['usability'],
    evaluates: ['FACEMAP', 'SELFIE'],
    faceMap: true,
    labels: {
      PASSED: ['OK'],
      WARNING: ['AGE_DIFFERENCE', 'BAD_QUALITY'],
      REJECTED: [
        'MANIPULATED',
        'LIVENESS_UNDETERMINED',
        'ID_USED_AS_SELFIE',
        'MULTIPLE_PEOPLE',
        'DIGITAL_COPY',
        'PHOTOCOPY',
        'NO_FACE_PRESENT',
        'FACE_NOT_FULLY_VISIBLE',
        'BLACK_WHITE',
      ],
      NOT_EXECUTED: ['PRECONDITION_NOT_FULFILLED', 'TECHNICAL_ERROR'],
    },
  },
  similarity: {
    step: 'ID_IV',
    after: ['usability'],
    evaluates: ['ID', 'SELFIE'],
    faceMap: false,
    labels: {
      PASSED: ['MATCH'],
      WARNING: ['NOT_POSSIBLE'],
      REJECTED: ['NO_MATCH'],
      NOT_EXECUTED: ['PRECONDITION_NOT_FULFILLED', 'TECHNICAL_ERROR'],
    },
    notes: 'The label and `data.similarity` may disagree (WARNING / `NOT_POSSIBLE` with `MATCH`): read both.',
  },
  authentication: {
    step: 'ID_IV',
    after: ['usability'],
    evaluates: ['SELFIE', 'FACEMAP'],
    faceMap: true,
    labels: {
      PASSED: ['OK'],
      REJECTED: ['FAILED'],
      NOT_EXECUTED: ['PRECONDITION_NOT_FULFILLED', 'TECHNICAL_ERROR'],
    },
  },
  biometricVerification: {
    step: 'ID_IV',
    after: [],
    evaluates: [],
    faceMap: false,
    labels: {
      PASSED: ['LOW_RISK'],
      WARNING: ['MEDIUM_RISK'],
      REJECTED: ['HIGH_RISK'],
      NOT_EXECUTED: ['PRECONDITION_NOT_FULFILLED', 'TECHNICAL_ERROR', 'PERMISSION_DENIED', 'BAD_REQUEST'],
    },
    notes: "Jumio's page lists the labels without their types (it has a TODO); the types here are ours.",
  },
  // Risk signals (fact sheet part 2 §1). Their pages are cut inside the label tables: the labels
  // listed are those the pages show; the step names are not documented (the simulator's).
  phoneVerification: {
    step: 'PHONE_VERIFICATION',
    after: [],
    evaluates: ['DATA'],
    faceMap: false,
    labels: {
      PASSED: ['LOW_RISK'],
      WARNING: ['MEDIUM_RISK'],
      REJECTED: ['HIGH_RISK'],
      NOT_EXECUTED: ['PERMISSION_DENIED'],
    },
    notes: 'Further NOT_EXECUTED labels are cut from the docs.',
  },
  emailVerification: {
    step: 'EMAIL_VERIFICATION',
    after: [],
    evaluates: ['DATA'],
    faceMap: false,
    labels: { PASSED: ['LOW_RISK'], WARNING: ['MEDIUM_RISK'], REJECTED: ['HIGH_RISK'], NOT_EXECUTED: [] },
    notes: 'The NOT_EXECUTED labels are cut from the docs. The example shows a workflow-level label `TXN_PASSED`.',
  },
  geoIpVerification: {
    step: 'GEO_IP_VERIFICATION',
    after: [],
    evaluates: ['DATA'],
    faceMap: false,
    labels: { PASSED: ['LOW_RISK'], WARNING: ['MEDIUM_RISK'], REJECTED: ['HIGH_RISK'], NOT_EXECUTED: [] },
    notes:
      'The docs are cut after PASSED / `LOW_RISK`; the other labels are those of phone and e-mail verification. With 10120 the IP comes from the device.',
  },
  deviceRiskVerification: {
    step: 'DEVICE_RISK',
    after: [],
    evaluates: ['DATA'],
    faceMap: false,
    labels: { PASSED: ['LOW_RISK'], WARNING: ['MEDIUM_RISK'], REJECTED: ['HIGH_RISK'], NOT_EXECUTED: [] },
    notes:
      'The docs show REJECTED / `HIGH_RISK` only (the table is cut); the others are those of the other risk signals. Its credential is DATA labelled `DATA`.',
  },
  govtIdVerification: {
    step: 'GOVT_ID_VERIFICATION',
    after: [],
    evaluates: ['DATA', 'ID'],
    faceMap: false,
    labels: {
      PASSED: ['OK', 'LOW_RISK'],
      WARNING: ['MEDIUM_RISK'],
      REJECTED: ['HIGH_RISK'],
      NOT_EXECUTED: [],
    },
    notes:
      'Examples pass with `OK` (Colombia, Brazilian digital DL) while the DL table lists `LOW_RISK` / `MEDIUM_RISK` / `HIGH_RISK`: both are typed.',
  },
} as const satisfies Record<string, CapabilitySpec>;

/**
 * A capability this library knows (a key of {@link CAPABILITIES}).
 */
export type KnownCapabilityName = keyof typeof CAPABILITIES;

/**
 * A capability name: the 18 known ones, or one Jumio adds later (an open union).
 */
export type CapabilityName = LiteralUnion<KnownCapabilityName, string>;

/**
 * The known capability names in dependency order (the order of {@link CAPABILITIES}).
 *
 * @example
 * ```ts
 * import { CAPABILITY_NAMES } from 'jumio-kyx';
 * CAPABILITY_NAMES[0]; // 'usability'
 * ```
 */
export const CAPABILITY_NAMES = [
  'usability',
  'imageChecks',
  'extraction',
  'dataChecks',
  'watchlistScreening',
  'addressValidation',
  'proofOfResidency',
  'drivingLicenseVerification',
  'braCpfValidation',
  'liveness',
  'similarity',
  'authentication',
  'biometricVerification',
  'phoneVerification',
  'emailVerification',
  'geoIpVerification',
  'deviceRiskVerification',
  'govtIdVerification',
] as const satisfies readonly KnownCapabilityName[];

type Row<N> = N extends KnownCapabilityName ? (typeof CAPABILITIES)[N] : never;
type LabelsOf<N> = N extends KnownCapabilityName
  ? {
      [T in keyof Row<N>['labels']]: Row<N>['labels'][T] extends readonly (infer L)[] ? L : never;
    }[keyof Row<N>['labels']]
  : never;
type AllLabels = LabelsOf<KnownCapabilityName>;

/**
 * The labels a capability's decision can carry: the documented ones of capability `N` (all known
 * labels when `N` is not a known name), and any newer string.
 *
 * @example
 * ```ts
 * import type { CapabilityLabel } from 'jumio-kyx';
 * const label: CapabilityLabel<'usability'> = 'BLURRED';
 * const newer: CapabilityLabel<'usability'> = 'SOMETHING_NEW'; // still type-checks
 * ```
 */
export type CapabilityLabel<N extends string = string> = LiteralUnion<
  [N] extends [KnownCapabilityName] ? LabelsOf<N> : AllLabels,
  string
>;

/**
 * The decision types a capability can have: its documented ones (e.g. `extraction`:
 * `PASSED`, `NOT_EXECUTED`), and any newer string.
 */
export type CapabilityDecisionType<N extends string = string> = LiteralUnion<
  [N] extends [KnownCapabilityName] ? keyof Row<N>['labels'] & string : (typeof DECISION_TYPES)[number],
  string
>;
