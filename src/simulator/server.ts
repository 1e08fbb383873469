import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { randomSeed, resolveExposure } from './exposure.js';
import { createSimulatorHandler, type Transport } from './handler.js';
import { simulatorOf } from './simulator.js';
import type { RunningSimulator, StartSimulatorOptions } from './types.js';

/** Network faults on a real socket: reset it, or end it after half the body. */
function socketTransport(incoming: IncomingMessage, outgoing: ServerResponse): Transport {
  return {
    reset() {
      incoming.socket.resetAndDestroy();
      return RESPONSE_ALREADY_SENT;
    },
    truncate(head, body) {
      outgoing.writeHead(head.status, Object.fromEntries(head.headers));
      outgoing.write(body.slice(0, Math.floor(body.byteLength / 2)), () => incoming.socket.end());
      return RESPONSE_ALREADY_SENT;
    },
  };
}

/**
 * Starts the simulator on a loopback port (Node.js): the same app as {@link createSimulator},
 * reachable by any HTTP client at `url`. `port: 0` picks a free port. Each start draws a random
 * seed unless `seed` is given. Another interface needs `expose: true` and `clients` (admin
 * routes are then off unless `admin: true`); URLs in answers always use `publicUrl` or `url`,
 * never the request's `Host` header.
 *
 * @example
 * ```ts
 * import { startSimulator } from 'jumio-kyx/simulator';
 *
 * const simulator = await startSimulator({ port: 0, processingDelayMs: 50 });
 * const health = await fetch(`${simulator.url}/`);
 * console.log(await health.json()); // { status: 'UP' }
 * await simulator.close();
 * ```
 */
export async function startSimulator(options: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const { serve } = await import('@hono/node-server');
  const { host, admin } = resolveExposure(options);
  let own: string | undefined;
  const handler = createSimulatorHandler(
    { ...options, seed: options.seed ?? randomSeed() },
    { admin, origin: () => own },
  );
  const server = serve({
    fetch: (request, env) => {
      const { incoming, outgoing } = env as { incoming: IncomingMessage; outgoing: ServerResponse };
      return handler.handle(request, socketTransport(incoming, outgoing));
    },
    port: options.port ?? 0,
    hostname: host,
    overrideGlobalObjects: false,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const simulator = simulatorOf(handler);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  own = new URL(options.publicUrl ?? url).origin;
  return {
    ...simulator,
    url,
    async close() {
      await simulator.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
    },
  };
}
