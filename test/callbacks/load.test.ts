import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { writeReliability } from '../../scripts/lib/reliability-records.js';
import { type CallbackOutcome, type CallbackPayload, createCallbackHandler, toNodeListener } from '../../src/index.js';
import { createRandom } from '../../src/simulator/random.js';
import { harness } from '../support/callback-harness.js';

// 1,000 callbacks (700 executions, 300 duplicates of them, shuffled) POSTed over loopback through
// toNodeListener with 50 in flight, as Jumio might: a non-2xx answer is repeated (at most 5 times).
// The callbacks are the simulator's own (560 TOKEN_EXPIRED, 140 PROCESSED); the handler records
// them and its in-process processor verifies and retrieves the details from the simulator. Every
// execution must be handed to onResult exactly once, every callback must end 2xx (nothing lost),
// and the details fetched once per execution.

const EXECUTIONS = 700;
const PROCESSED = 140;
const DUPLICATES = 300;
const CONCURRENCY = 50;
const MAX_ATTEMPTS = 5;

const h = harness();
afterAll(() => h.simulator.close());

describe('callback load', () => {
  it('1,000 callbacks with 30 % duplicates through the node listener: each execution handled once, none lost', async () => {
    // the simulator's callbacks for 700 executions
    for (let i = 0; i < EXECUTIONS - PROCESSED; i++) await h.started(`cb-load-expired-${i}`);
    h.clock.advance(5 * 60_000);
    await h.simulator.tick();
    for (let i = 0; i < PROCESSED; i++) await h.processed(`cb-load-processed-${i}`);
    const originals = [...h.captured];
    expect(originals).toHaveLength(EXECUTIONS);
    const { next } = createRandom(13); // seeded: the run is the same every time
    const deliveries: CallbackPayload[] = [...originals];
    for (let i = 0; i < DUPLICATES; i++) deliveries.push(originals[Math.floor(next() * EXECUTIONS)] as CallbackPayload);
    for (let i = deliveries.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [deliveries[i], deliveries[j]] = [deliveries[j] as CallbackPayload, deliveries[i] as CallbackPayload];
    }

    const handled = new Map<string, number>();
    const outcomes: Partial<Record<CallbackOutcome, number>> = {};
    const answerMs: number[] = [];
    const fetchedBefore = h.detailsFetched();
    const handler = createCallbackHandler({
      client: h.client,
      onResult: async (details) => {
        await new Promise((resolve) => setTimeout(resolve, 1)); // a database write
        handled.set(details.workflow.id, (handled.get(details.workflow.id) ?? 0) + 1);
      },
      onOutcome: (e) => {
        outcomes[e.outcome] = (outcomes[e.outcome] ?? 0) + 1;
        answerMs.push(e.ms);
      },
    });
    const server: Server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jumio/callback`;

    const latencies: number[] = [];
    let repeats = 0;
    let lost = 0;
    const started = performance.now();
    try {
      let cursor = 0;
      const worker = async () => {
        while (cursor < deliveries.length) {
          const body = JSON.stringify(deliveries[cursor++]);
          let ok = false;
          for (let attempt = 1; attempt <= MAX_ATTEMPTS && !ok; attempt++) {
            if (attempt > 1) repeats++;
            const t = performance.now();
            const response = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body,
            });
            await response.arrayBuffer();
            latencies.push(performance.now() - t);
            ok = response.ok;
          }
          if (!ok) lost++;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await vi.waitFor(() => expect(handled.size).toBe(EXECUTIONS), { timeout: 30_000, interval: 20 });
    const elapsedMs = performance.now() - started;

    expect(lost).toBe(0);
    expect(handled.size).toBe(EXECUTIONS);
    expect([...handled.values()].every((count) => count === 1)).toBe(true);
    for (const callback of originals) expect(handled.get(callback.workflowExecution.id)).toBe(1);
    expect(repeats).toBe(0); // every callback answered 200 the first time
    expect((outcomes.recorded ?? 0) + (outcomes.duplicate ?? 0)).toBe(EXECUTIONS + DUPLICATES);
    const detailsFetched = h.detailsFetched() - fetchedBefore;
    expect(detailsFetched).toBe(EXECUTIONS);

    const at = (list: number[], q: number) => {
      const sorted = [...list].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    };
    writeReliability('callback-load', {
      callbacks: deliveries.length,
      executions: EXECUTIONS,
      processed: PROCESSED,
      expired: EXECUTIONS - PROCESSED,
      duplicates: DUPLICATES,
      concurrency: CONCURRENCY,
      maxAttempts: MAX_ATTEMPTS,
      requests: latencies.length,
      repeats,
      lost,
      handledOnce: [...handled.values()].filter((count) => count === 1).length,
      outcomes,
      detailsFetched,
      elapsedMs,
      // informational (not asserted): the handler's own answer time, and as the sender saw it
      answerP50Ms: at(answerMs, 0.5),
      answerP99Ms: at(answerMs, 0.99),
      answerMaxMs: Math.max(...answerMs),
      roundTripP50Ms: at(latencies, 0.5),
      roundTripP99Ms: at(latencies, 0.99),
    });
  }, 60_000);
});
