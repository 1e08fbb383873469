import type { SimulatorRoute } from './types.js';

/** A network fault the transport plays on an answer: drop the connection, or cut the body midway. */
export type NetworkFault = 'reset' | 'truncate';

/**
 * Hono's `env` of one request (`app.fetch(request, exchange)`, a fresh object each time): what
 * the app tells the transport around it. Middleware writes it, the handler reads it once the app
 * answered, so nothing internal travels in a response header.
 */
export interface Exchange {
  /** The matched route, for the request log. */
  route?: SimulatorRoute;
  /** A scripted network fault to play on the answer. */
  network?: NetworkFault;
}

/** The app's Hono environment: the exchange as its bindings, the matched route as a variable. */
export type SimulatorEnv = {
  Bindings: Exchange;
  Variables: { route: SimulatorRoute };
};
