import { match, P } from 'ts-pattern';
import type { PreparedData } from '../model/prepared-data.js';
import type { Random } from './random.js';
import type { SimulatedExecution } from './state.js';

// How the simulator answers the risk signals: deterministically from the prepared data (or, for
// geo IP in 10120, from the IP the request's userConsent names), with magic values taken from
// ranges reserved for documentation and fiction, so a test can ask for each outcome:
//
//   phoneNumber  +1 NPA 555-0100 … 555-0199 (NANP fiction range)  → REJECTED / HIGH_RISK
//                +44 7700 900000 … 900999 (Ofcom drama range)     → WARNING / MEDIUM_RISK
//   email        domain under .invalid                             → REJECTED / HIGH_RISK
//                domain under .test                                → WARNING / MEDIUM_RISK
//   ipAddress    203.0.113.0/24 (TEST-NET-3)                       → REJECTED / HIGH_RISK (anonymous VPN)
//                198.51.100.0/24 (TEST-NET-2)                      → WARNING / MEDIUM_RISK (satellite)
//   id.idNumber  only zeros                                        → REJECTED / HIGH_RISK (no match)
//
// Anything else passes (LOW_RISK; `OK` for the government database check).

type Verdict = 'PASSED' | 'WARNING' | 'REJECTED';

const RISK_LABEL = { PASSED: 'LOW_RISK', WARNING: 'MEDIUM_RISK', REJECTED: 'HIGH_RISK' } as const;

/** The verdict of a phone number (E.164). */
export function phoneVerdict(phone: string): Verdict {
  if (/^\+1\d{3}55501\d{2}$/.test(phone)) return 'REJECTED';
  if (/^\+447700900\d{3}$/.test(phone)) return 'WARNING';
  return 'PASSED';
}

/** The verdict of an e-mail address, by its domain's top-level domain. */
export function emailVerdict(email: string): Verdict {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  if (domain === 'invalid' || domain.endsWith('.invalid')) return 'REJECTED';
  if (domain === 'test' || domain.endsWith('.test')) return 'WARNING';
  return 'PASSED';
}

/** The verdict of an IP address. */
export function ipVerdict(ip: string): Verdict {
  if (ip.startsWith('203.0.113.')) return 'REJECTED';
  if (ip.startsWith('198.51.100.')) return 'WARNING';
  return 'PASSED';
}

/** The prepared data an execution received (its DATA credential's PREPARED_DATA part), or `{}`. */
export function preparedDataOf(execution: SimulatedExecution): PreparedData {
  const part = execution.credentials.find((c) => c.category === 'DATA')?.parts.get('PREPARED_DATA');
  if (!part) return {};
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(part.bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as PreparedData) : {};
  } catch {
    return {};
  }
}

function phoneData(type: Verdict, random: Random) {
  return {
    phoneType: 'MOBILE',
    carrier: random.pick(['Vi', 'SIMTEL', 'NORTHWIND MOBILE']),
    blocked: type === 'REJECTED',
    riskInsights: {
      relativeRisk: [type === 'PASSED' ? 'LOW ACTIVITY' : type === 'WARNING' ? 'MEDIUM ACTIVITY' : 'HIGH RISK RANGE'],
      applicationToPersonTraffic: ['SEEN IN THE LAST 1 DAY', 'LOW LONG-TERM ACTIVITY', 'NO RANGE ACTIVITY'],
      personToPersonTraffic: ['NO P2P DATA ANALYZED'],
    },
  };
}

function emailData(email: string | undefined, type: Verdict, random: Random, now: number) {
  const domain = email?.slice(email.lastIndexOf('@') + 1).toLowerCase() ?? 'example.com';
  const exists = type !== 'REJECTED';
  return {
    emailVerificationStatus: exists ? 'Verified' : 'Unverified',
    ...(exists ? { firstVerifiedAt: new Date(now - random.int(30, 3000) * 86_400_000).toISOString() } : {}),
    totalHits: String(exists ? random.int(1, 40) : 0), // a string, as Jumio sends it
    emailExists: exists,
    domainExists: exists,
    domainName: domain,
    domainRiskLevel: type === 'PASSED' ? 'VERY_LOW' : type === 'WARNING' ? 'MEDIUM' : 'HIGH',
    advice: type === 'PASSED' ? 'LOWER_FRAUD_RISK' : 'HIGHER_FRAUD_RISK',
    domainCountry: 'USA',
    domainCategory: 'Webmail',
    domainCorporate: false,
  };
}

function geoIpData(type: Verdict, random: Random) {
  const [city, state, latitude, longitude] = random.pick([
    ['Fort Lauderdale', 'FL', 26.1995, -80.0984],
    ['Portland', 'OR', 45.5152, -122.6784],
    ['Seattle', 'WA', 47.6062, -122.3321],
  ] as const);
  return {
    country: 'USA',
    state,
    city,
    isp: 'Northwind Telecom',
    organization: 'Northwind Telecom',
    latitude, // numbers here (strings in device risk), as Jumio sends them
    longitude,
    accuracyRadius: type === 'PASSED' ? 20 : 1000,
    anonymousVPN: type === 'REJECTED',
    satelliteProvider: type === 'WARNING',
  };
}

function govtIdData(type: Verdict) {
  const result = type === 'REJECTED' ? 'NOT_MATCH' : 'MATCH';
  return {
    completeNameMatch: result,
    firstNameMatch: result,
    lastNameMatch: result,
    nationalIdMatch: result,
    dobMatch: result,
  };
}

/** The IP a 10120 execution's geo IP check uses: the request's `userConsent.userIp`, or a documentation address. */
const deviceIp = (execution: SimulatedExecution) => execution.request.userConsent?.userIp ?? '192.0.2.10';

/**
 * The decision of a data-driven signal on an execution, from its input (see the table above);
 * `undefined` for a capability that is not one.
 */
export function signalVerdict(name: string, execution: SimulatedExecution, data: PreparedData): Verdict | undefined {
  return match(name)
    .with('phoneVerification', () => (data.phoneNumber ? phoneVerdict(data.phoneNumber) : 'PASSED'))
    .with('emailVerification', () => (data.email ? emailVerdict(data.email) : 'PASSED'))
    .with('geoIpVerification', () => ipVerdict(data.ipAddress ?? deviceIp(execution)))
    .with('govtIdVerification', () => (/^0+$/.test(data.id?.idNumber ?? '') ? 'REJECTED' : 'PASSED'))
    .with(P.string, () => undefined)
    .exhaustive();
}

/** The label of a signal's decision. */
export function signalLabel(name: string, type: Verdict): string {
  return name === 'govtIdVerification' && type === 'PASSED' ? 'OK' : RISK_LABEL[type];
}

/** The `data` of a signal's result, in the shape of Jumio's example; `undefined` for other capabilities. */
export function signalData(
  name: string,
  type: Verdict,
  data: PreparedData,
  random: Random,
  now: number,
): Record<string, unknown> | undefined {
  return match(name)
    .with('phoneVerification', () => phoneData(type, random))
    .with('emailVerification', () => emailData(data.email, type, random, now))
    .with('geoIpVerification', () => geoIpData(type, random))
    .with('govtIdVerification', () => govtIdData(type))
    .with(P.string, () => undefined)
    .exhaustive();
}
