import { createSimulatorHandler, halfThen, type SimulatorHandler, type Transport } from './handler.js';
import type { Simulator, SimulatorOptions } from './types.js';

/** Undici's shape of a dropped connection: `TypeError('fetch failed')` caused by ECONNRESET. */
class ResetError extends TypeError {}

const socketError = (message: string, code: string) => Object.assign(new Error(message), { code });

const inProcess: Transport = {
  reset() {
    throw new ResetError('fetch failed', { cause: socketError('read ECONNRESET', 'ECONNRESET') });
  },
  truncate(head, body) {
    const stream = halfThen(body, (controller) =>
      controller.error(new TypeError('terminated', { cause: socketError('other side closed', 'UND_ERR_SOCKET') })),
    );
    return new Response(stream, { status: head.status, headers: head.headers });
  },
};

/**
 * The request as a server holds it once it arrived: the body read in full and detached from the
 * caller's signal, so a caller that gives up (a client timeout) no longer takes the body away
 * from a request the server is still handling — as on a real socket.
 */
async function received(request: Request): Promise<Request> {
  const body = request.body === null ? null : await request.arrayBuffer();
  return new Request(request.url, { method: request.method, headers: request.headers, body });
}

/**
 * Creates an in-process Jumio simulator: one simulated tenant whose `fetch` serves every Jumio
 * host's paths (auth, account, api, retrieval, status) on whatever origin the request names, so
 * it can be passed to a client as its `fetch` with no socket. URLs in responses point back at
 * that origin. It validates account requests with the builder's own schema and workflow catalog,
 * keeps state, runs each execution INITIATED → ACQUIRED → PROCESSED (or TOKEN_EXPIRED), sends
 * callbacks, enforces Jumio's rate limits and plays scripted faults.
 *
 * @example
 * ```ts
 * import { createSimulator } from 'jumio-kyx/simulator';
 *
 * const simulator = createSimulator({ seed: 1 });
 * const base = 'http://jumio.test';
 * const headers = { 'user-agent': 'Acme Onboarding/1.0' };
 * const token = await simulator.fetch(`${base}/oauth2/token`, {
 *   method: 'POST',
 *   headers: { ...headers, authorization: `Basic ${btoa('id:secret')}` },
 *   body: new URLSearchParams({ grant_type: 'client_credentials' }),
 * });
 * const { access_token } = (await token.json()) as { access_token: string };
 * const created = await simulator.fetch(`${base}/api/v1/accounts`, {
 *   method: 'POST',
 *   headers: { ...headers, authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
 *   body: JSON.stringify({ customerInternalReference: 'order-1', workflowDefinition: { key: 10011 } }),
 * });
 * console.log(created.status, simulator.stats().accountsCreated); // 200 1
 * await simulator.close();
 * ```
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  return simulatorOf(createSimulatorHandler(options));
}

/** The public face of a handler: in-process fetch, clock, stats, faults. */
export function simulatorOf({ engine, faults, handle }: SimulatorHandler): Simulator {
  return {
    fetch(input, init) {
      let request: Request;
      try {
        request = input instanceof Request && init === undefined ? input : new Request(input, init);
      } catch (error) {
        return Promise.reject(error);
      }
      const { signal } = request;
      if (signal.aborted) return Promise.reject(signal.reason);
      return new Promise<Response>((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        received(request)
          .then((copy) => handle(copy, inProcess))
          .then(resolve, reject)
          .finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    async tick() {
      engine.advance();
      await engine.callbacks.idle();
    },
    idle: () => engine.callbacks.idle(),
    stats: () => engine.stats(),
    setFaults: (route, list) => faults.set(route, list),
    clearFaults: () => faults.clear(),
    async close() {
      engine.close();
    },
  };
}
