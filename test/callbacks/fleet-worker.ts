// One process of the results fleet test: a client and a processor on one redisStore, a callback
// handler on a loopback port, results.start(). It reports every onResult start and end over IPC
// (ids only) and is SIGKILLed by test/callbacks/fleet.test.ts while an onResult runs.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCallbackHandler, createClient, createResults, toNodeListener } from '../../src/index.js';
import { redisStore } from '../../src/redis/index.js';

const [baseUrl, redisUrl, prefix, name] = process.argv.slice(2) as [string, string, string, string];
const send = (message: object) => process.send?.({ worker: name, ...message });

const store = redisStore({ url: redisUrl, prefix });
const client = createClient({
  region: 'amer-1',
  credentials: { clientId: 'fleet', clientSecret: 'fleet-secret' },
  userAgent: 'Results Fleet Test/1.0',
  baseUrl,
  store,
  rateLimits: false,
  retry: false, // a 503 reaches the processor, which retries on its schedule
});
const results = createResults({
  client,
  onResult: async (details, event) => {
    send({ event: 'start', id: details.workflow.id, run: event.run });
    await new Promise((resolve) => setTimeout(resolve, 20)); // the application's database write
    send({ event: 'done', id: details.workflow.id, status: details.workflow.status, run: event.run });
  },
  onError: (_, context) => send({ event: 'error', stage: context.stage }),
  concurrency: 4,
  retrySchedule: [100, 200, 400, 800, 1_600, 3_200],
  pollAfterMs: 1_000,
  leaseMs: 1_500,
  checkEveryMs: 50,
});
const server = createServer(toNodeListener(createCallbackHandler({ results })));
server.listen(0, '127.0.0.1', () => {
  results.start();
  send({ event: 'ready', port: (server.address() as AddressInfo).port });
});
process.on('message', async (message: { op: string }) => {
  if (message.op === 'stats') send({ event: 'stats', stats: results.stats() });
  if (message.op === 'stop') {
    await results.stop();
    server.close();
    await store.close();
    send({ event: 'stopped', stats: results.stats() });
    process.exit(0);
  }
});
