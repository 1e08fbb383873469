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
        v.picklist(
          ['malformed', 'truncated', 'empty', 'oversized', 'stalled'],
          'must be "malformed", "truncated", "empty", "oversized" or "stalled"',
        ),
      ),
      headers: v.exactOptional(v.record(v.string(), v.string())),
    }),
    'must be an array of faults',
  ),
});

/** Bytes an `oversized` fault adds to a body: past the client's default 1 MiB bound for JSON. */
export const OVERSIZED_PADDING_BYTES = 1536 * 1024;

/** The same answer padded with trailing whitespace (still valid JSON) past 1 MiB. */
export async function oversized(response: Response): Promise<Response> {
  const body = new Uint8Array(await response.arrayBuffer());
  const padded = new Uint8Array(body.byteLength + OVERSIZED_PADDING_BYTES).fill(0x20);
  padded.set(body);
  const headers = new Headers(response.headers);
  headers.set('content-length', String(padded.byteLength));
  return new Response(padded, { status: response.status, headers });
}

/** The same status and headers; the first half of the body, then nothing more, ever (until cancelled). */
export async function stalled(response: Response): Promise<Response> {
  const body = new Uint8Array(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  let sent = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return new Promise<void>(() => undefined); // never another byte
      sent = true;
      controller.enqueue(body.slice(0, Math.max(1, Math.floor(body.byteLength / 2))));
      return undefined;
    },
  });
  return new Response(stream, { status: response.status, headers });
}
