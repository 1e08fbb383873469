// The measured side of the load test, run in its own process with --expose-gc (so the heap holds
// only the client): `node --expose-gc --import tsx test/support/load-client.ts <simulator url> [n] [concurrency]`.
// Prints two JSON lines: the sent requests' ids, then the summary with the heap figures.
import { account, createClient } from '../../src/index.js';

const [url, total = '2000', width = '50'] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!url || !gc) throw new Error('usage: node --expose-gc --import tsx load-client.ts <url> [n] [concurrency]');

const client = createClient({
  region: 'amer-1',
  credentials: { clientId: 'load', clientSecret: 'load-secret' },
  userAgent: 'Acme Load/1.0',
  baseUrl: url,
  retry: { limit: 0 },
  rateLimits: false, // the simulator has none either: this measures the client's memory under load
});
const n = Number(total);
/** Enough to reach the steady state (JIT, ky, sockets, token): the heap settles after ~1,000 requests. */
const WARMUP = 1_000;
const concurrency = Number(width);
const batch = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => account().ref(`${prefix}-${i}`).workflow(10011));
const settle = () => new Promise((resolve) => setImmediate(resolve));
async function heap() {
  for (let i = 0; i < 4; i++) {
    gc?.();
    await settle();
  }
  return process.memoryUsage().heapUsed;
}

// warm up (JIT, ky, sockets, the token) so the baseline is the steady state
await client.sendAll(batch('warmup', WARMUP), { concurrency, ratePerSecond: 1_000_000 });
const before = await heap();
const started = performance.now();
let outcomes = await client.sendAll(batch('load', n), { concurrency, ratePerSecond: 1_000_000 });
const elapsedMs = performance.now() - started;
const fulfilled = outcomes.filter((o) => o.status === 'fulfilled').length;
const rejected = outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
process.stdout.write(
  `${JSON.stringify(outcomes.map((o) => (o.status === 'fulfilled' ? [o.index, o.value.account.id, o.value.workflowExecution.id] : [o.index])))}\n`,
);
outcomes = [];
const after = await heap();
process.stdout.write(
  `${JSON.stringify({ n, concurrency, warmup: WARMUP, fulfilled, rejected: rejected.slice(0, 5), rejectedCount: rejected.length, elapsedMs, before, after })}\n`,
);
