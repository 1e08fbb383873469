import * as v from 'valibot';
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

/** Creates empty scripts. */
export function createFaultScripts(): FaultScripts {
  const scripts = new Map<SimulatorRoute, SimulatorFault[]>();
  return {
    set: (route, faults) => void scripts.set(route, [...faults]),
    clear: () => scripts.clear(),
    take: (route) => scripts.get(route)?.shift(),
    pending: () => Object.fromEntries([...scripts].filter(([, f]) => f.length > 0).map(([r, f]) => [r, f.length])),
  };
}

/** Schema of the admin body `{ route, faults }` (`POST /__admin/faults`). */
export const FaultScriptSchema = v.strictObject({
  route: v.picklist(SIMULATOR_ROUTES, `must be one of ${SIMULATOR_ROUTES.join(', ')}`),
  faults: v.array(
    v.strictObject({
      status: v.exactOptional(
        v.pipe(v.number(), v.integer(), v.minValue(200, 'must be 200..599'), v.maxValue(599, 'must be 200..599')),
      ),
      delayMs: v.exactOptional(v.pipe(v.number(), v.minValue(0, 'must not be negative'))),
      reset: v.exactOptional(v.picklist(['before', 'after'], 'must be "before" or "after"')),
      body: v.exactOptional(
        v.picklist(['malformed', 'truncated', 'empty'], 'must be "malformed", "truncated" or "empty"'),
      ),
      headers: v.exactOptional(v.record(v.string(), v.string())),
    }),
    'must be an array of faults',
  ),
});
