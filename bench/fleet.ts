// `tsx bench/fleet.ts`: a fleet of processes on one redisStore against Jumio's default account
// limit (does it use the allowed rate, with no 429 surfaced?), and what the limiter costs per call
// on the memory store and on Redis. Needs redis-server on the PATH (else the Redis rows are skipped).
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startRedisServer } from '../scripts/lib/redis-server.js';
import { tools } from '../scripts/lib/tools.js';
import { loadBuiltPackage, loadBuiltRedis, loadBuiltSimulator } from './built.js';
import { type BenchFigure, type BenchSection, isMain, printSection, table } from './report.js';

/** Options of the fleet benchmark. */
export interface FleetBenchOptions {
  /** Processes in the fleet (default 4). */
  readonly processes?: number;
  /** Creates per process (default 7: 28 in all, about 24 s at 1/s after the burst). */
  readonly perProcess?: number;
  /** Timed `status` calls per side in the overhead rows (default 3000). */
  readonly calls?: number;
}

const WORKER = fileURLToPath(new URL('./fleet-worker.ts', import.meta.url));
const log = (text: string) => process.stderr.write(`bench:fleet ${text}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** N processes × M creates against a simulator with Jumio's default account limit. */
async function fleetRun(redisUrl: string, processes: number, perProcess: number) {
  const { startSimulator } = await loadBuiltSimulator();
  const arrivals: number[] = [];
  const simulator = await startSimulator({
    port: 0,
    processingDelayMs: 0,
    onRequest: (entry) => {
      if (entry.route === 'createAccount' && entry.status === 200) arrivals.push(performance.now());
    },
  });
  const prefix = `bench-fleet-${Date.now()}:`; // one prefix: one set of buckets for the whole fleet
  const workers = Array.from({ length: processes }, () =>
    fork(WORKER, [simulator.url, redisUrl, prefix], { execArgv: ['--import', 'tsx'] }),
  );
  try {
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
    const started = performance.now();
    const results = (
      await Promise.all(
        workers.map(
          (w, p) =>
            new Promise<{ ok: boolean; name: string }[]>((resolve) => {
              w.once('message', (m) => resolve(m as { ok: boolean; name: string }[]));
              w.send({ refs: Array.from({ length: perProcess }, (_, i) => `fleet-${p}-${i}`) });
            }),
        ),
      )
    ).flat();
    const elapsedMs = performance.now() - started;
    const stats = simulator.stats();
    arrivals.sort((a, b) => a - b);
    // after the burst (the first 4: Jumio's 5 less the one the limiter keeps in reserve)
    const steady = arrivals.slice(4);
    const spacing = ((steady.at(-1) as number) - (steady[0] as number)) / (steady.length - 1);
    return {
      sent: results.length,
      served: arrivals.length,
      surfaced429: results.filter((r) => r.name === 'KyxRateLimitError').length,
      failed: results.filter((r) => !r.ok).length,
      server429: stats.rateLimited.createAccount ?? 0,
      elapsedMs,
      spacing,
    };
  } finally {
    for (const w of workers) w.send('close');
    await simulator.close();
  }
}

/** Per-call time of `status` with the retrieval limiter on (never waiting) against without it. */
async function overhead(store: unknown, calls: number) {
  const { createClient } = await loadBuiltPackage();
  const { createSimulator } = await loadBuiltSimulator();
  const simulator = createSimulator({ rateLimits: false, processingDelayMs: 0 });
  const base = {
    region: 'amer-1',
    credentials: { clientId: 'bench-limit', clientSecret: 'bench-limit-secret' },
    userAgent: 'Bench Limiter/1.0',
    baseUrl: 'http://127.0.0.1:9',
    fetch: (request: Request) => simulator.fetch(request),
  } as const;
  const without = createClient({ ...base, rateLimits: false });
  const limited = createClient({
    ...base,
    rateLimits: { token: false, account: false, retrieval: { perSecond: 1e9, burst: 1e9 } },
    ...(store ? { store: store as never } : {}),
  });
  const response = await without.send((await loadBuiltPackage()).account().ref('bench-limit').workflow(10011));
  const time = async (client: typeof without) => {
    const t = performance.now();
    await client.status(response);
    return performance.now() - t;
  };
  for (let i = 0; i < 300; i++) {
    await time(without);
    await time(limited);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < calls; i++) {
    if (i % 2) {
      a.push(await time(without));
      b.push(await time(limited));
    } else {
      b.push(await time(limited));
      a.push(await time(without));
    }
  }
  await simulator.close();
  return { without: median(a) * 1e6, limited: median(b) * 1e6 };
}

/** The fleet and limiter-overhead figures. */
export async function runFleetBench(options: FleetBenchOptions = {}): Promise<BenchSection> {
  const processes = options.processes ?? 4;
  const perProcess = options.perProcess ?? 7;
  const calls = options.calls ?? 3000;
  const { memoryStore } = await loadBuiltPackage();
  log('limiter overhead, memory store');
  const memory = await overhead(memoryStore(), calls);
  const figures: BenchFigure[] = [
    {
      name: '`status` with the limiter on, memory store (median)',
      value: memory.limited,
      baselineName: 'limiter off',
      baseline: memory.without,
      unit: 'ns',
      target: 1.15,
    },
  ];
  let details = '';
  if (!tools.redis.available) {
    details = `Redis rows skipped: redis-server is not installed (${tools.redis.install}).`;
  } else {
    const server = await startRedisServer();
    try {
      const { redisStore } = await loadBuiltRedis();
      const store = redisStore({ url: server.url, prefix: 'bench:' });
      log('limiter overhead, Redis store');
      const redis = await overhead(store, Math.min(calls, 1500));
      await store.close();
      log(`fleet: ${processes} processes × ${perProcess} creates at 1/s (burst 5)`);
      const fleet = await fleetRun(server.url, processes, perProcess);
      figures.push(
        {
          name: '`status` with the limiter on, Redis store on loopback (median)',
          value: redis.limited,
          baselineName: 'limiter off',
          baseline: redis.without,
          unit: 'ns',
        },
        {
          name: `fleet of ${processes}: spacing of creates after the burst`,
          value: fleet.spacing,
          baselineName: 'allowed 1/s',
          baseline: 1000,
          unit: 'ms',
          target: 1.05,
        },
      );
      details = [
        table(
          [
            'fleet',
            'sent',
            'served',
            'surfaced 429',
            'other failures',
            'server 429s (retried)',
            'wall time',
            'rate after burst',
          ],
          [
            [
              `${processes} processes, one redisStore`,
              fleet.sent,
              fleet.served,
              fleet.surfaced429,
              fleet.failed - fleet.surfaced429,
              fleet.server429,
              `${(fleet.elapsedMs / 1000).toFixed(1)} s`,
              `${(1000 / fleet.spacing).toFixed(3)}/s (${((1000 / fleet.spacing) * 100).toFixed(1)} % of 1/s)`,
            ],
          ],
        ),
        `The Redis limiter costs one round trip per attempt (a Lua script on the server's clock): about ` +
          `${((redis.limited - redis.without) / 1000).toFixed(0)} µs here on loopback, against Jumio round trips of tens to hundreds of milliseconds. ` +
          'The memory store costs a few microseconds. The fleet target is the spacing after the burst: ≤ 1.05× of 1 s is ≥ 95 % of the allowed rate.',
      ].join('\n\n');
    } finally {
      await server.stop();
    }
  }
  return {
    title: 'Sending at scale: limiter cost and fleet throughput (bench/fleet.ts)',
    method:
      `Overhead: ${calls.toLocaleString('en-US')} interleaved \`client.status\` calls (after 300 warm-up pairs) against the in-process simulator, ` +
      'one client with the retrieval limit on but never waiting (1e9/s) against one with `rateLimits: false`; medians. ' +
      `Fleet: ${processes} child processes, each its own client of the built package on one \`redisStore\` (a redis-server started for the run), ` +
      `send ${perProcess} creates each at once to one loopback simulator with Jumio's default account limit (1/s, burst 5); ` +
      'the spacing is measured at the simulator between served creates after the first 4.',
    figures,
    details,
  };
}

if (isMain(import.meta.url)) printSection(await runFleetBench());
