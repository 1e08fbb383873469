import type { CredentialCategory } from '../model/codes.js';
import type { CapabilityResult, Decision } from '../model/response.js';
import { createRandom, type Random } from './random.js';
import type { CredentialRecord, ExecutionRecord } from './state.js';

/** A step of the steps endpoint. */
export interface StepResult {
  readonly id: string;
  readonly name: string;
  readonly capabilityIds: readonly string[];
  readonly decision: Decision;
}

/** What processing decided for an execution. */
export interface Outcome {
  readonly decision: Decision;
  readonly capabilities: Record<string, CapabilityResult[]>;
  readonly steps: readonly StepResult[];
}

/** How outcomes are drawn. */
export interface OutcomeOptions {
  readonly seed: string | number;
  readonly rejectRate: number;
  readonly warningRate: number;
}

type Verdict = 'PASSED' | 'REJECTED' | 'WARNING';

/** Labels a capability can carry per decision type (Jumio's retrieval docs); absent = never that type. */
const LABELS: Record<string, Partial<Record<Verdict, string>>> = {
  usability: { PASSED: 'OK', REJECTED: 'BAD_QUALITY', WARNING: 'UNSUPPORTED_DOCUMENT_TYPE' },
  imageChecks: { PASSED: 'OK', REJECTED: 'MANIPULATED_DOCUMENT', WARNING: 'REPEATED_FACE' },
  extraction: { PASSED: 'OK' },
  dataChecks: { PASSED: 'OK', REJECTED: 'MISMATCHING_DATAPOINTS' },
  liveness: { PASSED: 'OK', REJECTED: 'MANIPULATED', WARNING: 'AGE_DIFFERENCE' },
  similarity: { PASSED: 'MATCH', REJECTED: 'NO_MATCH', WARNING: 'NOT_POSSIBLE' },
  authentication: { PASSED: 'OK', REJECTED: 'FAILED' },
  watchlistScreening: { PASSED: 'OK', WARNING: 'ALERT' },
  addressValidation: { PASSED: 'OK', REJECTED: 'DENY', WARNING: 'ALERT' },
  proofOfResidency: { PASSED: 'OK', REJECTED: 'DENY', WARNING: 'ALERT' },
  drivingLicenseVerification: { PASSED: 'OK', REJECTED: 'DENY', WARNING: 'ALERT' },
  braCpfValidation: { PASSED: 'OK', REJECTED: 'DENY', WARNING: 'UNSUPPORTED_COUNTRY' },
  biometricVerification: { PASSED: 'LOW_RISK', REJECTED: 'HIGH_RISK', WARNING: 'MEDIUM_RISK' },
};

/** The credential categories each capability evaluates. */
const INPUTS: Record<string, readonly CredentialCategory[]> = {
  usability: ['ID', 'DOCUMENT', 'SELFIE'],
  imageChecks: ['ID', 'DOCUMENT'],
  extraction: ['ID', 'DOCUMENT'],
  dataChecks: ['ID'],
  liveness: ['FACEMAP', 'SELFIE'],
  similarity: ['ID', 'SELFIE'],
  authentication: ['SELFIE', 'FACEMAP'],
  biometricVerification: ['SELFIE', 'DATA'],
};

/** The step each capability reports under (the rest go to the identity or document step). */
const STEPS: Record<string, string> = {
  watchlistScreening: 'SCREENING',
  addressValidation: 'ADDRESS_VERIFICATION',
  proofOfResidency: 'ADDRESS_VERIFICATION',
  drivingLicenseVerification: 'DL_VERIFICATION',
  braCpfValidation: 'BRA_CPF_VALIDATION',
};

const FIRST_NAMES = ['ALEX', 'MARIA', 'JONAS', 'AIKO', 'PRIYA', 'SAMUEL'] as const;
const LAST_NAMES = ['MUSTERMANN', 'ROSSI', 'TANAKA', 'SHARMA', 'OKAFOR', 'LINDQVIST'] as const;

const score = (random: Random, type: Verdict) =>
  type === 'PASSED' ? random.int(0, 30) : type === 'WARNING' ? random.int(31, 70) : random.int(71, 100);

const decision = (type: Verdict | 'NOT_EXECUTED', label: string, risk: number): Decision => ({
  type,
  details: { label },
  risk: { score: risk },
});

/** The decision of an execution that expired before it was finalized. */
export const EXPIRED_DECISION: Decision = decision('NOT_EXECUTED', 'TOKEN_EXPIRED', -1);

/** The decision shown before processing completes. */
export const PENDING_DECISION: Decision = decision('NOT_EXECUTED', 'NOT_EXECUTED', -1);

function verdictOf(reference: string, random: Random, options: OutcomeOptions): Verdict {
  if (reference.includes('REJECT')) return 'REJECTED';
  if (reference.includes('WARN')) return 'WARNING';
  const draw = random.next();
  if (draw < options.rejectRate) return 'REJECTED';
  if (draw < options.rejectRate + options.warningRate) return 'WARNING';
  return 'PASSED';
}

const isoDate = (random: Random, from: number, to: number) =>
  `${random.int(from, to)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;

function capabilityData(
  name: string,
  label: string,
  credential: CredentialRecord | undefined,
  random: Random,
  now: number,
): Record<string, unknown> | undefined {
  switch (name) {
    case 'extraction': {
      const document = credential?.category === 'DOCUMENT';
      return {
        type: credential?.preset?.type ?? (document ? 'UB' : random.pick(['PASSPORT', 'ID_CARD', 'DRIVING_LICENSE'])),
        issuingCountry: credential?.preset?.country ?? 'USA',
        firstName: random.pick(FIRST_NAMES),
        lastName: random.pick(LAST_NAMES),
        ...(document
          ? { issuingDate: isoDate(random, 2023, 2025) }
          : {
              dateOfBirth: isoDate(random, 1950, 2004),
              expiryDate: isoDate(random, 2027, 2034),
              documentNumber: String(random.int(100_000_000, 999_999_999)),
            }),
      };
    }
    case 'similarity':
      return { similarity: label === 'NO_MATCH' ? 'NOT_MATCH' : label };
    case 'liveness': {
      const age = random.int(20, 70);
      return { type: 'IPROOV_STANDARD', predictedAge: age, ageConfidenceRange: `${age - 5}-${age + 5}` };
    }
    case 'watchlistScreening':
      return {
        searchDate: new Date(now).toISOString(),
        searchStatus: 'DONE',
        searchId: String(random.int(10_000_000, 99_999_999)),
        searchResults: label === 'ALERT' ? random.int(1, 5) : 0,
      };
    default:
      return undefined;
  }
}

/**
 * Decides an execution: deterministic for a seed, its creation order and its reference. A
 * `customerInternalReference` containing `REJECT` or `WARN` forces REJECTED or WARNING.
 */
export function decideOutcome(execution: ExecutionRecord, options: OutcomeOptions, now: number): Outcome {
  const reference = execution.request.customerInternalReference;
  const random = createRandom(`${options.seed}:${execution.ordinal}:${reference}`);
  const verdict = verdictOf(reference, random, options);
  const risk = score(random, verdict);
  const names = execution.spec.capabilities;
  const candidates = verdict === 'PASSED' ? [] : names.filter((n) => LABELS[n]?.[verdict] !== undefined);
  const failing = candidates.length > 0 ? random.pick(candidates) : undefined;

  const capabilities: Record<string, CapabilityResult[]> = {};
  const stepOf = new Map<string, { ids: string[]; verdicts: Verdict[] }>();
  const hasDocument = execution.credentials.some((c) => c.category === 'DOCUMENT');
  for (const name of names) {
    const type: Verdict = name === failing ? verdict : 'PASSED';
    const label = LABELS[name]?.[type] ?? 'OK';
    const inputs = INPUTS[name];
    const credentials = execution.credentials.filter((c) => !inputs || inputs.includes(c.category));
    const id = random.uuid();
    const data = capabilityData(name, label, credentials[0], random, now);
    capabilities[name] = [
      {
        id,
        credentials: credentials.map((c) => ({ id: c.id, category: c.category })),
        decision: { type, details: { label } },
        ...(data ? { data } : {}),
      },
    ];
    const step = STEPS[name] ?? (hasDocument ? 'DOCUMENT_VERIFICATION' : 'ID_IV');
    const entry = stepOf.get(step) ?? { ids: [], verdicts: [] };
    entry.ids.push(id);
    entry.verdicts.push(type);
    stepOf.set(step, entry);
  }
  const steps = [...stepOf].map(([name, { ids, verdicts }]): StepResult => {
    const type = verdicts.includes(verdict) ? verdict : 'PASSED';
    return {
      id: random.uuid(),
      name,
      capabilityIds: ids,
      decision: decision(type, type, type === verdict ? risk : score(random, 'PASSED')),
    };
  });
  return { decision: decision(verdict, verdict, risk), capabilities, steps };
}
