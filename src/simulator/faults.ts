import * as v from 'valibot';
import { KyxValidationError } from '../errors/index.js';
import { SIMULATOR_ROUTES, type SimulatorFault, type SimulatorRoute } from './types.js';

/** Per-route fault scripts, consumed one fault per request. */
export interface FaultScripts {
  set(route: SimulatorRoute, faults: readonly SimulatorFault[]): void;
  clear(): void;
  /** The next fault of a route's script, if any. */
  take(route: SimulatorRoute): SimulatorFault | undefined;
  /** Faults left per route. */
  pending(): Partial<Record<SimulatorRoute, number>>;
}

/** Most faults one route's script may hold. */
export const MAX_FAULTS_PER_ROUTE = 1000;
/** Longest scripted delay (10 minutes). */
export const MAX_FAULT_DELAY_MS = 600_000;

/** Creates empty scripts. */
export function createFaultScripts(): FaultScripts {
  const scripts = new Map<SimulatorRoute, SimulatorFault[]>();
  return {
    set(route, faults) {
      if (faults.length > MAX_FAULTS_PER_ROUTE) {
        throw new KyxValidationError({
          issues: [
            { path: 'faults', message: `must hold at most ${MAX_FAULTS_PER_ROUTE} faults (got ${faults.length})` },
          ],
          subject: 'fault script',
        });
      }
      scripts.set(route, [...faults]);
    },
    clear: () => scripts.clear(),
    take: (route) => scripts.get(route)?.shift(),
    pending: () => Object.fromEntries([...scripts].filter(([, f]) => f.length > 0).map(([r, f]) => [r, f.length])),
  };
}

/** Schema of the admin body `{ route, faults }` (`POST /__admin/faults`). */
export const FaultScriptSchema = v.strictObject({
  route: v.picklist(SIMULATOR_ROUTES, `must be one of ${SIMULATOR_ROUTES.join(', ')}`),
  faults: v.pipe(
    v.array(
      v.strictObject({
        status: v.exactOptional(
          v.pipe(v.number(), v.integer(), v.minValue(200, 'must be 200..599'), v.maxValue(599, 'must be 200..599')),
        ),
        delayMs: v.exactOptional(
          v.pipe(
            v.number(),
            v.minValue(0, 'must not be negative'),
            v.maxValue(MAX_FAULT_DELAY_MS, `must be at most ${MAX_FAULT_DELAY_MS} ms`),
          ),
        ),
        reset: v.exactOptional(v.picklist(['before', 'after'], 'must be "before" or "after"')),
        body: v.exactOptional(
          v.picklist(
            ['malformed', 'truncated', 'empty', 'oversized', 'stalled'],
            'must be "malformed", "truncated", "empty", "oversized" or "stalled"',
          ),
        ),
        headers: v.exactOptional(
          v.pipe(
            v.record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.string(), v.maxLength(1024))),
            v.check((h) => Object.keys(h).length <= 16, 'must hold at most 16 headers'),
          ),
        ),
      }),
      'must be an array of faults',
    ),
    v.maxLength(MAX_FAULTS_PER_ROUTE, `must hold at most ${MAX_FAULTS_PER_ROUTE} faults`),
  ),
});
