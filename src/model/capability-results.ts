import { CAPABILITY_NAMES, type CapabilityLabel, type CapabilityName, type DecisionType } from './capabilities.js';
import type { CapabilityCredential, CapabilityResult, WorkflowDetails } from './response.js';

/**
 * One capability result, flattened: what reason lists, logs and allow-lists need.
 *
 * @example
 * ```ts
 * import type { CapabilitySummary } from 'jumio-kyx';
 * declare const summary: CapabilitySummary;
 * const reason = `${summary.name}:${summary.type}/${summary.label ?? ''}`;
 * ```
 */
export interface CapabilitySummary {
  /** The capability, e.g. `usability`. */
  name: CapabilityName;
  /** The result's id (the steps endpoint lists it). */
  id: string;
  /** Its decision type. */
  type: DecisionType;
  /** Its label, when Jumio sent one. */
  label: CapabilityLabel | undefined;
  /** The credentials it evaluated (empty when Jumio sent none). */
  credentials: CapabilityCredential[];
}

/**
 * Every capability result of workflow details as `{ name, id, type, label, credentials }`, in
 * dependency order (usability → imageChecks → extraction → the checks on extracted data →
 * liveness, similarity, authentication, …), then capabilities this library does not know, in the
 * order Jumio sent them. Nothing is derived: `type` and `label` are what Jumio sent.
 *
 * @example
 * ```ts
 * import { capabilityResults, type WorkflowDetails } from 'jumio-kyx';
 * declare const details: WorkflowDetails;
 * const ALLOWED = new Set(['imageChecks:WARNING/REPEATED_FACE']);
 * const reasons = capabilityResults(details)
 *   .filter((r) => r.type !== 'PASSED')
 *   .map((r) => `${r.name}:${r.type}/${r.label ?? ''}`)
 *   .filter((reason) => !ALLOWED.has(reason));
 * ```
 */
export function capabilityResults(details: Pick<WorkflowDetails, 'capabilities'>): CapabilitySummary[] {
  const all: Record<string, CapabilityResult[] | undefined> = details.capabilities ?? {};
  const known: readonly string[] = CAPABILITY_NAMES;
  const names = [
    ...known.filter((name) => Object.hasOwn(all, name)),
    ...Object.keys(all).filter((n) => !known.includes(n)),
  ];
  return names.flatMap((name) =>
    (Array.isArray(all[name]) ? (all[name] as CapabilityResult[]) : []).map((result) => ({
      name,
      id: result.id,
      type: result.decision.type,
      label: result.decision.details?.label,
      credentials: result.credentials ?? [],
    })),
  );
}
