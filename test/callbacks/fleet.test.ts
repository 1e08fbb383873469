import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RedisServer, startRedisServer } from '../../scripts/lib/redis-server.js';
import { writeReliability } from '../../scripts/lib/reliability-records.js';
import { tools } from '../../scripts/lib/tools.js';
import { account, type CallbackPayload, createClient, createResults } from '../../src/index.js';
import { type RedisStore, redisStore } from '../../src/redis/index.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { createRandom } from '../../src/simulator/random.js';
import { forged, JPEG, PNG } from '../support/callback-harness.js';

// The results fleet: 3 processes, each a handler + createResults on one redisStore, against one
// loopback simulator (real clock, short schedules). 300 executions: 10 % never get a callback
// (the simulator's dropCallbacks fault; they are tracked and polled), 30 % of callbacks are
// delivered twice (to different processes), 30 forged callbacks (10 %) name executions nobody
// created, the retrieval answers 503 for a window, and one process is SIGKILLed while its
// onResult runs. Every genuine result must be delivered (0 lost), none for a forged one, and a
// result delivered twice only where the killed process had it in hand.

const WORKER = fileURLToPath(new URL('./fleet-worker.ts', import.meta.url));
const EXECUTIONS = 300;
const PREFIX = 'results-fleet:';

interface Message {
  worker: string;
  event: string;
  id?: string;
  port?: number;
  stage?: string;
  stats?: Record<string, number>;
}

describe.skipIf(!tools.redis.available)('results across a fleet of 3 processes on one redisStore', () => {
  let redis: RedisServer;
  let simulator: RunningSimulator;
  let store: RedisStore;
  const workers = new Map<string, { child: ChildProcess; port: number; alive: boolean }>();
  const messages: Message[] = [];
  const noCallback = new Set<string>();
  const { next } = createRandom(22); // seeded: the run is the same every time

  function spawnWorker(name: string): Promise<void> {
    const child = fork(WORKER, [simulator.url, redis.url, PREFIX, name], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve) => {
      child.on('message', (message: Message) => {
        messages.push(message);
        if (message.event === 'ready') {
          workers.set(name, { child, port: message.port as number, alive: true });
          resolve();
        }
      });
    });
  }
  const live = () => [...workers.values()].filter((w) => w.alive);
  /** Delivers one callback to a live process (a load balancer in front of the fleet). */
  async function deliver(request: Request, skip?: number): Promise<Response> {
    const choices = live().filter((w) => w.port !== skip);
    const target = choices[Math.floor(next() * choices.length)] ?? live()[0];
    const url = `http://127.0.0.1:${target?.port}/jumio/callback`;
    return fetch(new Request(url, { method: 'POST', headers: request.headers, body: await request.clone().text() }));
  }

  beforeAll(async () => {
    redis = await startRedisServer();
    simulator = await startSimulator({
      port: 0,
      rateLimits: false,
      processingDelayMs: 20,
      seed: 22,
      dropCallbacks: (callback: CallbackPayload) => noCallback.has(callback.workflowExecution.id),
      callbackFetch: async (request) => {
        const first = await deliver(request);
        if (next() < 0.3) {
          // a duplicate, to another process
          const again = await deliver(request, Number(new URL(first.url).port));
          await again.arrayBuffer();
        }
        return first;
      },
    });
    await Promise.all(['p1', 'p2', 'p3'].map(spawnWorker));
    store = redisStore({ url: redis.url, prefix: PREFIX });
  }, 60_000);

  afterAll(async () => {
    for (const w of workers.values()) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await store?.close();
    await simulator?.close();
    await redis?.stop();
  });

  it('300 executions, duplicates, forgeries, no-callback executions, a 503 window and a SIGKILL: 0 lost, 0 forged delivered', {
    timeout: 120_000,
  }, async () => {
    // the application: starts executions and tracks them (its own processor is not started: it only records)
    const client = createClient({
      region: 'amer-1',
      credentials: { clientId: 'fleet', clientSecret: 'fleet-secret' },
      userAgent: 'Results Fleet Test/1.0',
      baseUrl: simulator.url,
      store,
      rateLimits: false,
    });
    const tracker = createResults({ client, onResult: () => undefined, retrySchedule: [100], pollAfterMs: 1_000 });
    const genuine: string[] = [];
    const victim = workers.get('p2');
    let killedInHand: string[] = [];
    let killed = false;
    // SIGKILL p2 at the 10th onResult it starts, while that onResult runs
    let p2Starts = 0;
    victim?.child.on('message', (message: Message) => {
      if (message.event !== 'start' || killed) return;
      if (++p2Starts === 10) {
        killed = true;
        victim.alive = false;
        victim.child.kill('SIGKILL');
        const started = messages.filter((m) => m.worker === 'p2' && m.event === 'start').map((m) => m.id as string);
        const done = new Set(messages.filter((m) => m.worker === 'p2' && m.event === 'done').map((m) => m.id));
        killedInHand = started.filter((id) => !done.has(id));
      }
    });

    const forgeries: string[] = [];
    const started = performance.now();
    const one = async (i: number) => {
      const response = await client.send(
        account().ref(`fleet-${i}`).workflow(10011).callback('http://127.0.0.1:9/jumio/callback'),
      );
      genuine.push(response.workflowExecution.id);
      if (i % 10 === 3) noCallback.add(response.workflowExecution.id); // 10 %: the callback never comes
      await client.upload(response, 'front', JPEG);
      await client.upload(response, 'face', PNG);
      await client.finalize(response);
      await tracker.track(response);
      if (i === 100) simulator.setFaults('details', Array(40).fill({ status: 503 })); // the retrieval outage window
      if (i % 10 === 7) {
        const forgery = forged() as { workflowExecution: { id: string } };
        forgeries.push(forgery.workflowExecution.id);
        const answer = await deliver(
          new Request('http://x/', {
            method: 'POST',
            body: JSON.stringify(forgery),
            headers: { 'content-type': 'application/json' },
          }),
        );
        expect(answer.status).toBe(200);
      }
    };
    for (let i = 0; i < EXECUTIONS; i += 10) await Promise.all(Array.from({ length: 10 }, (_, k) => one(i + k)));
    const sentMs = performance.now() - started;

    const doneIds = () => new Set(messages.filter((m) => m.event === 'done').map((m) => m.id as string));
    await vi.waitFor(
      () => {
        const done = doneIds();
        expect(genuine.filter((id) => !done.has(id))).toEqual([]);
      },
      { timeout: 90_000, interval: 100 },
    );
    // and the queue holds nothing more (every execution settled)
    const deliveredMs = performance.now() - started;
    await vi.waitFor(async () => expect(await store.queue.size('results')).toBe(0), { timeout: 30_000, interval: 100 });

    expect(killed).toBe(true);
    const done = doneIds();
    const lost = genuine.filter((id) => !done.has(id));
    const forgedDelivered = forgeries.filter((id) => done.has(id) || messages.some((m) => m.id === id));
    const starts = new Map<string, number>();
    for (const m of messages)
      if (m.event === 'start') starts.set(m.id as string, (starts.get(m.id as string) ?? 0) + 1);
    const duplicated = [...starts].filter(([, n]) => n > 1).map(([id]) => id);
    expect(lost).toEqual([]);
    expect(forgedDelivered).toEqual([]);
    // a result ran twice only where the killed process had it in hand: one it had started (its run
    // not settled when it died: onResult running, or returned and not yet recorded), at most its
    // concurrency of them
    const victimStarted = new Set(messages.filter((m) => m.worker === 'p2' && m.event === 'start').map((m) => m.id));
    for (const id of duplicated) expect(victimStarted).toContain(id);
    expect(duplicated.length).toBeLessThanOrEqual(4);
    expect(killedInHand.length).toBeGreaterThanOrEqual(1);
    expect(simulator.stats().callbacks.dropped).toBe(EXECUTIONS / 10);
    const errors = messages.filter((m) => m.event === 'error');
    expect(errors.some((m) => m.stage === 'details')).toBe(true); // the 503 window was met, and retried

    const stats = await Promise.all(
      live().map(
        (w) =>
          new Promise<Record<string, number>>((resolve) => {
            w.child.on('message', (m: Message) => m.event === 'stats' && resolve(m.stats ?? {}));
            w.child.send({ op: 'stats' });
          }),
      ),
    );
    writeReliability('results-fleet', {
      processes: 3,
      executions: EXECUTIONS,
      withoutCallback: noCallback.size,
      forged: forgeries.length,
      callbacksDelivered: simulator.stats().callbacks.delivered,
      detailsAnswered503: 40,
      killedWithOnResultInHand: killedInHand.length,
      delivered: done.size,
      lost: lost.length,
      forgedDelivered: forgedDelivered.length,
      duplicateRuns: duplicated.length,
      retrievalErrors: errors.filter((m) => m.stage === 'details' || m.stage === 'status').length,
      survivors: stats,
      // informational (not asserted): the time to start the 300 executions, and to the last delivery
      sentMs: Math.round(sentMs),
      lastDeliveredMs: Math.round(deliveredMs),
    });
  });
});
