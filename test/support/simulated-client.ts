// A client talking in process to a simulator on a manual clock: the set-up of the flow tests.
import { createClient } from '../../src/index.js';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';
import { manualClock } from './simulator.js';

/** Options of {@link simulatedClient}. */
export interface SimulatedClientOptions {
  /** Simulator options beside the defaults (manual clock, 100 ms processing, no rate limits). */
  readonly simulator?: Partial<SimulatorOptions>;
  /** Sees (a clone of) every request the client sends. */
  readonly onRequest?: (request: Request) => void;
}

/**
 * A simulator (pushed to `open`, for the file's afterEach to close) and a client on it without
 * retries; `clock` drives the simulator's time.
 */
export function simulatedClient(open: Simulator[], options: SimulatedClientOptions = {}) {
  const clock = manualClock();
  const sim = createSimulator({ now: clock.now, processingDelayMs: 100, rateLimits: false, ...options.simulator });
  open.push(sim);
  const { onRequest } = options;
  const client = createClient({
    region: 'amer-1',
    credentials: { clientId: 'acme', clientSecret: 'secret' },
    userAgent: 'Acme Onboarding/1.0',
    baseUrl: 'https://jumio.test',
    fetch: onRequest
      ? async (input, init) => {
          const request = new Request(input, init);
          onRequest(request.clone());
          return sim.fetch(request);
        }
      : sim.fetch,
    retry: false,
  });
  return { sim, client, clock };
}
