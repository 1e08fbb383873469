import { match } from 'ts-pattern';
import { CAPABILITIES, type CapabilitySpec, type KnownCapabilityName } from '../model/capabilities.js';
import { CAPABILITY_DATA } from '../model/capability-data-schemas.js';
import type { PreparedData } from '../model/prepared-data.js';
import type { CapabilityResult, Decision } from '../model/response.js';
import { createRandom, type Random } from './random.js';
import { preparedDataOf, signalData, signalLabel, signalVerdict } from './risk-signals.js';
import type { CredentialRecord, Outcome, SimulatedExecution, StepResult } from './state.js';

// How the simulator decides an execution, from the capability table (src/model/capabilities.ts):
// which capabilities can carry which label, what each evaluates, its step, what must have run
// before it, and which carry data. Results are shaped as real bodies are.

/** How outcomes are drawn. */
export interface OutcomeOptions {
  readonly seed: string | number;
  readonly rejectRate: number;
  readonly warningRate: number;
}

type Verdict = 'PASSED' | 'REJECTED' | 'WARNING';
type Type = Verdict | 'NOT_EXECUTED';

const FIRST_NAMES = ['ALEX', 'MARIA', 'JONAS', 'AIKO', 'PRIYA', 'SAMUEL'] as const;
const LAST_NAMES = ['MUSTERMANN', 'ROSSI', 'TANAKA', 'SHARMA', 'OKAFOR', 'LINDQVIST'] as const;
const CITIES = [
  ['SPRINGFIELD', '62701'],
  ['ANYTOWN', '10001'],
  ['RIVERSIDE', '92501'],
] as const;

/** A risk score in the band of a verdict. */
const score = (random: Random, type: Verdict) =>
  match(type)
    .with('PASSED', () => random.int(0, 30))
    .with('WARNING', () => random.int(31, 70))
    .with('REJECTED', () => random.int(71, 100))
    .exhaustive();

const decision = (type: Type, label: string, risk: number): Decision => ({
  type,
  details: { label },
  risk: { score: risk },
});

/** The decision of an execution that expired before it was finalized. */
export const EXPIRED_DECISION: Decision = decision('NOT_EXECUTED', 'TOKEN_EXPIRED', -1);

/** The decision shown before processing completes. */
export const PENDING_DECISION: Decision = decision('NOT_EXECUTED', 'NOT_EXECUTED', -1);

const row = (name: string): CapabilitySpec | undefined =>
  Object.hasOwn(CAPABILITIES, name) ? CAPABILITIES[name as KnownCapabilityName] : undefined;
const labelsOf = (name: string, type: Type): readonly string[] => row(name)?.labels[type] ?? [];
const hasData = (name: string) => Object.hasOwn(CAPABILITY_DATA, name);

/** What a reference forces: `REJECT`/`WARN`, optionally naming a label (`REJECT_BLURRED`). */
export interface Forced {
  readonly verdict: 'REJECTED' | 'WARNING';
  readonly label?: string;
}

/**
 * Reads a forced outcome from a `customerInternalReference`: `REJECT` wins over `WARN`; what
 * follows `REJECT_`/`WARN_` up to a character other than A–Z, 0–9 or `_` may name a label (the
 * longest known label it starts with, so `REJECT_BLURRED_2` names `BLURRED`).
 */
export function forcedOutcome(reference: string): Forced | undefined {
  for (const [word, verdict] of [
    ['REJECT', 'REJECTED'],
    ['WARN', 'WARNING'],
  ] as const) {
    const at = reference.indexOf(word);
    if (at < 0) continue;
    const tail = /^_([A-Z0-9_]+)/.exec(reference.slice(at + word.length))?.[1];
    const parts = tail?.split('_') ?? [];
    for (let n = parts.length; n > 0; n--) {
      const label = parts.slice(0, n).join('_');
      if (Object.keys(CAPABILITIES).some((name) => labelsOf(name, verdict).includes(label))) return { verdict, label };
    }
    return { verdict };
  }
  return undefined;
}

function verdictOf(forced: Forced | undefined, random: Random, options: OutcomeOptions): Verdict {
  if (forced) return forced.verdict;
  const draw = random.next();
  if (draw < options.rejectRate) return 'REJECTED';
  if (draw < options.rejectRate + options.warningRate) return 'WARNING';
  return 'PASSED';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as Jumio sends it: `YYYY-MM-DD` plus string parts. */
function dateOf(random: Random, from: number, to: number) {
  const [year, month, day] = [random.int(from, to), random.int(1, 12), random.int(1, 28)];
  return { iso: `${year}-${pad(month)}-${pad(day)}`, parts: { year: String(year), month: pad(month), day: pad(day) } };
}

function ageAt(isoDate: string, now: number): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const today = new Date(now);
  const before = today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  return today.getUTCFullYear() - year - (before ? 1 : 0);
}

function extractionData(credential: CredentialRecord | undefined, random: Random, now: number) {
  const document = credential?.category === 'DOCUMENT';
  const country = credential?.preset?.country ?? 'USA';
  const [city, postalCode] = random.pick(CITIES);
  const street = `${random.int(1, 999)} MAIN ST`;
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const address = {
    line1: street,
    city,
    postalCode,
    country,
    formattedAddress: `${street}, ${city} ${postalCode}, ${country}`,
  };
  if (document) {
    const issued = dateOf(random, 2023, 2025);
    return {
      type: credential?.preset?.type ?? 'UB',
      issuingCountry: country,
      firstName,
      lastName,
      name: `${firstName} ${lastName}`,
      issuingDate: issued.iso,
      address,
    };
  }
  const birth = dateOf(random, 1950, 2004);
  const expiry = dateOf(random, 2027, 2034);
  return {
    type: credential?.preset?.type ?? random.pick(['PASSPORT', 'ID_CARD', 'DRIVING_LICENSE']),
    issuingCountry: country,
    firstName,
    lastName,
    dateOfBirth: birth.iso,
    dateOfBirthParts: birth.parts,
    expiryDate: expiry.iso,
    expiryDateParts: expiry.parts,
    documentNumber: String(random.int(100_000_000, 999_999_999)),
    personalNumber: '<<<<<<<<<<<<<<',
    gender: random.pick(['M', 'F']),
    nationality: country,
    currentAge: String(ageAt(birth.iso, now)), // real bodies send a string
    address,
  };
}

/** The `data` of a capability that ran, shaped as real bodies are; undefined: no `data` field. */
function capabilityData(
  name: string,
  type: Verdict,
  label: string,
  credential: CredentialRecord | undefined,
  random: Random,
  now: number,
  prepared: PreparedData,
): Record<string, unknown> | undefined {
  switch (name) {
    case 'extraction':
      return extractionData(credential, random, now);
    case 'imageChecks':
      return label === 'REPEATED_FACE'
        ? { faceSearchFindings: { status: 'DONE', findings: [random.uuid(), random.uuid()] } }
        : undefined;
    case 'similarity':
      // as a real body did: WARNING / NOT_POSSIBLE while the data says MATCH
      return { similarity: type === 'REJECTED' ? 'NOT_MATCH' : 'MATCH' };
    case 'liveness': {
      const age = random.int(20, 70);
      const low = Math.max(18, age - random.int(3, 10));
      return { type: 'IPROOV_STANDARD', predictedAge: age, ageConfidenceRange: `${low}-${age + random.int(3, 10)}` };
    }
    case 'authentication':
      return { type: 'IPROOV_STANDARD' };
    case 'watchlistScreening': {
      const searchReference = `${random.int(1_000_000_000, 9_999_999_999)}-${random.int(1000, 9999)}`;
      return {
        searchDate: new Date(now).toISOString(),
        searchStatus: 'SUCCESS', // real bodies; the docs list DONE/NOT_DONE/ERROR
        searchId: String(random.int(100_000_000, 999_999_999)),
        searchReference,
        searchResultUrl: `https://screening.example/search/${searchReference}`,
        searchResults: label === 'ALERT' ? random.int(1, 5) : 0,
      };
    }
    default:
      return signalData(name, type, prepared, random, now);
  }
}

const SEVERITY: Readonly<Record<Verdict, number>> = { PASSED: 0, WARNING: 1, REJECTED: 2 };
const worst = (verdicts: readonly Verdict[]): Verdict =>
  verdicts.reduce<Verdict>((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a), 'PASSED');

/** The capability that carries a non-PASSED verdict, and its label. */
function failingCapability(
  names: readonly string[],
  verdict: Verdict,
  forced: Forced | undefined,
  random: Random,
): { name: string; label: string } | undefined {
  if (verdict === 'PASSED') return undefined;
  const named = forced?.label;
  const byLabel = named === undefined ? undefined : names.find((n) => labelsOf(n, verdict).includes(named));
  if (byLabel !== undefined && named !== undefined) return { name: byLabel, label: named };
  const candidates = names.filter((n) => labelsOf(n, verdict).length > 0);
  if (candidates.length === 0) return undefined;
  const name = random.pick(candidates);
  return { name, label: labelsOf(name, verdict)[0] as string };
}

function resultFor(
  name: string,
  execution: SimulatedExecution,
  id: string,
  type: Type,
  label: string,
  data: Record<string, unknown> | undefined,
): CapabilityResult {
  const evaluates: readonly string[] = row(name)?.evaluates ?? execution.credentials.map((c) => c.category);
  const credentials = execution.credentials.filter((c) => evaluates.includes(c.category));
  return {
    id,
    ...(credentials.length > 0 ? { credentials: credentials.map((c) => ({ id: c.id, category: c.category })) } : {}),
    decision: { type, details: { label } },
    ...(data ? { data } : {}),
  };
}

function stepName(name: string, execution: SimulatedExecution): string {
  const step = row(name)?.step ?? 'ID_IV';
  const documentOnly = !execution.credentials.some((c) => c.category === 'ID');
  return step === 'ID_IV' && documentOnly && execution.credentials.some((c) => c.category === 'DOCUMENT')
    ? 'DOCUMENT_VERIFICATION'
    : step;
}

/**
 * Decides an execution: deterministic for a seed, its creation order and its reference. A
 * `customerInternalReference` containing `REJECT` or `WARN` forces REJECTED or WARNING, and
 * `REJECT_<LABEL>` / `WARN_<LABEL>` the capability and label that carry it. A capability whose
 * precondition (a capability of {@link CAPABILITIES} `after`) did not pass or warn is
 * NOT_EXECUTED / `PRECONDITION_NOT_FULFILLED`, with `data: {}` where it carries data.
 */
export function decideOutcome(execution: SimulatedExecution, options: OutcomeOptions, now: number): Outcome {
  const reference = execution.request.customerInternalReference;
  const random = createRandom(`${options.seed}:${execution.ordinal}:${reference}`);
  const forced = forcedOutcome(reference);
  const names = execution.spec.capabilities;
  // risk signals decide from their input (./risk-signals.ts); a drawn verdict falls on the others
  const prepared = preparedDataOf(execution);
  const signals = new Map<string, Verdict>();
  for (const name of names) {
    const signal = signalVerdict(name, execution, prepared);
    if (signal !== undefined) signals.set(name, signal);
  }
  const drawn = verdictOf(forced, random, options);
  const others = forced || signals.size === 0 ? names : names.filter((n) => !signals.has(n));
  const carried = others.some((n) => labelsOf(n, drawn).length > 0) ? drawn : 'PASSED';
  const verdict = signals.size === 0 ? drawn : worst([forced ? drawn : carried, ...signals.values()]);
  const risk = score(random, verdict);
  const failing = failingCapability(others, drawn, forced, random);

  const capabilities: Record<string, CapabilityResult[]> = {};
  const typeOf = new Map<string, Type>();
  const stepOf = new Map<string, { ids: string[]; types: Type[] }>();
  for (const name of names) {
    const blocked = (row(name)?.after ?? []).some((dep) => {
      const t = typeOf.get(dep);
      return t === 'REJECTED' || t === 'NOT_EXECUTED';
    });
    const signal = signals.get(name);
    const type: Type = blocked ? 'NOT_EXECUTED' : name === failing?.name ? drawn : (signal ?? 'PASSED');
    const label =
      type === 'NOT_EXECUTED'
        ? 'PRECONDITION_NOT_FULFILLED'
        : name === failing?.name
          ? failing.label
          : signal !== undefined
            ? signalLabel(name, type)
            : (labelsOf(name, 'PASSED')[0] ?? 'OK');
    typeOf.set(name, type);
    const id = random.uuid();
    const evaluated = execution.credentials.find((c) => (row(name)?.evaluates ?? []).some((e) => e === c.category));
    const data =
      type === 'NOT_EXECUTED'
        ? hasData(name)
          ? {}
          : undefined
        : capabilityData(name, type, label, evaluated, random, now, prepared);
    capabilities[name] = [resultFor(name, execution, id, type, label, data)];
    const step = stepName(name, execution);
    const entry = stepOf.get(step) ?? { ids: [], types: [] };
    entry.ids.push(id);
    entry.types.push(type);
    stepOf.set(step, entry);
  }
  const steps = [...stepOf].map(([name, { ids, types }]): StepResult => {
    const ran = types.filter((t): t is Verdict => t !== 'NOT_EXECUTED');
    const type: Type = types.includes(verdict) ? verdict : ran.length === 0 ? 'NOT_EXECUTED' : worst(ran);
    const stepRisk = type === verdict ? risk : type === 'NOT_EXECUTED' ? -1 : score(random, type);
    return { id: random.uuid(), name, capabilityIds: ids, decision: decision(type, type, stepRisk) };
  });
  return { decision: decision(verdict, verdict, risk), capabilities, steps };
}

/**
 * The outcome of an execution that expired unfinished: decision NOT_EXECUTED / `TOKEN_EXPIRED`,
 * every capability NOT_EXECUTED (usability `NOT_UPLOADED`, the others `PRECONDITION_NOT_FULFILLED`),
 * no steps.
 */
export function expiredOutcome(execution: SimulatedExecution): Outcome {
  const random = createRandom(`expired:${execution.id}`);
  const capabilities: Record<string, CapabilityResult[]> = {};
  for (const name of execution.spec.capabilities) {
    const label = labelsOf(name, 'NOT_EXECUTED').includes('NOT_UPLOADED')
      ? 'NOT_UPLOADED'
      : 'PRECONDITION_NOT_FULFILLED';
    capabilities[name] = [
      resultFor(name, execution, random.uuid(), 'NOT_EXECUTED', label, hasData(name) ? {} : undefined),
    ];
  }
  return { decision: EXPIRED_DECISION, capabilities, steps: [] };
}
