import { match } from 'ts-pattern';
import { createApp } from './app.js';
import { createEngine, type Engine } from './engine.js';
import type { Exchange } from './env.js';
import { createFaultScripts, type FaultScripts } from './faults.js';
import { problem } from './problem.js';
import type { SimulatorOptions } from './types.js';

/** How network faults happen on a transport (in process, or on a real socket). */
export interface Transport {
  /** The connection is dropped: reject (in process) or destroy the socket and answer nothing. */
  reset(): Response;
  /** The body stops midway: the first half, then the connection drops. */
  truncate(response: Response, body: Uint8Array): Response;
}

/** The simulator's request handler with its engine, shared by the in-process and the server transports. */
export interface SimulatorHandler {
  readonly engine: Engine;
  readonly faults: FaultScripts;
  handle(request: Request, transport: Transport): Promise<Response>;
}

/** Where a server is reached, for the app: its own origin and whether admin routes are served. */
export interface HandlerSettings {
  readonly origin?: () => string | undefined;
  readonly admin?: boolean;
}

/** Builds the engine and the app, and wraps them with logging and network faults. */
export function createSimulatorHandler(
  options: SimulatorOptions = {},
  settings: HandlerSettings = {},
): SimulatorHandler {
  const engine = createEngine(options);
  const faults = createFaultScripts();
  const app = createApp(engine, faults, settings.admin ?? options.admin ?? true, settings.origin);
  return {
    engine,
    faults,
    async handle(request, transport) {
      const started = performance.now();
      const exchange: Exchange = {};
      let response: Response;
      try {
        response = await app.fetch(request, exchange);
      } catch {
        response = problem(500, 'Internal simulator error');
      }
      const { route, network } = exchange;
      options.onRequest?.({
        method: request.method,
        path: new URL(request.url).pathname,
        ...(route ? { route } : {}),
        status: network === 'reset' ? 0 : response.status,
        ms: Math.round(performance.now() - started),
      });
      return match(network)
        .with(undefined, () => response)
        .with('reset', () => transport.reset())
        .with('truncate', async () => {
          const body = new Uint8Array(await response.arrayBuffer());
          const headers = new Headers(response.headers);
          headers.set('content-length', String(body.byteLength));
          return transport.truncate(new Response(null, { status: response.status, headers }), body);
        })
        .exhaustive();
    },
  };
}

/** A stream of the first half of `body` that then fails with `fail()`. */
export function halfThen(body: Uint8Array, fail: (controller: ReadableStreamDefaultController<Uint8Array>) => void) {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(body.slice(0, Math.floor(body.byteLength / 2)));
      } else fail(controller);
    },
  });
}
