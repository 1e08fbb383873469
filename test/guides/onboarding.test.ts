import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { account, createClient, type KyxClient, KyxNetworkError, parseCallback } from '../../src/index.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';

// ── The code under test: your app's onboarding (in your app, its own module) ──────────────────

interface Onboarding {
  state: 'pending' | 'started' | 'unknown' | 'done' | 'expired';
  decision?: string;
}

function createOnboarding(client: KyxClient, store: Map<string, Onboarding>) {
  return {
    /** Starts ID + selfie verification (workflow 10011) for one order. */
    async start(reference: string, files: { front: Uint8Array; selfie: Uint8Array }): Promise<void> {
      store.set(reference, { state: 'pending' });
      const request = account().ref(reference).workflow(10011).callback('https://app.example/jumio/callback');
      const response = await client.send(request).catch((error: unknown) => {
        store.set(reference, { state: 'unknown' }); // may exist: the callback will tell
        throw error;
      });
      await client.upload(response, 'front', files.front);
      await client.upload(response, 'face', files.selfie);
      await client.finalize(response);
      store.set(reference, { state: 'started' });
    },

    /** Handles Jumio's callback: re-fetches the details, records the outcome once. */
    async onCallback(body: string): Promise<void> {
      const callback = parseCallback(body);
      const details = await client.details(callback);
      const reference = details.workflow.customerInternalReference ?? '';
      const entry = store.get(reference);
      if (entry === undefined || entry.state === 'done' || entry.state === 'expired') return; // not ours, or seen
      const { status } = details.workflow;
      // older bodies have no top-level decision: NOT_EXECUTED is the safe reading
      if (status === 'PROCESSED')
        store.set(reference, { state: 'done', decision: details.decision?.type ?? 'NOT_EXECUTED' });
      if (status === 'TOKEN_EXPIRED') store.set(reference, { state: 'expired' });
    },
  };
}

// ── The test: the app against the in-process simulator ─────────────────────────────────────────

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const files = { front: JPEG, selfie: JPEG };

describe('onboarding', () => {
  let now = Date.parse('2025-01-01T00:00:00Z');
  let simulator: Simulator;
  let store: Map<string, Onboarding>;
  let onboarding: ReturnType<typeof createOnboarding>;

  beforeEach(() => {
    store = new Map();
    simulator = createSimulator({
      now: () => now, // a test clock: nothing happens until the test moves it and calls tick()
      processingDelayMs: 1_000,
      seed: 1,
      trustedCallbackHosts: ['app.example'],
      // callbacks go straight to the app's handler, in process
      callbackFetch: async (request) => {
        await onboarding.onCallback(await request.text());
        return new Response(null, { status: 200 });
      },
    });
    const client = createClient({
      region: 'amer-1',
      credentials: { clientId: 'test', clientSecret: 'test' },
      userAgent: 'Acme Onboarding tests/1.0',
      baseUrl: 'https://jumio.test', // never a real Jumio host, even if fetch were forgotten
      fetch: simulator.fetch,
      retry: { delay: () => 0 }, // the retry table still applies; only the waits are skipped
    });
    onboarding = createOnboarding(client, store);
  });
  afterEach(() => simulator.close());

  it('records the decision the callback announces', async () => {
    await onboarding.start('order-1', files);
    expect(store.get('order-1')).toEqual({ state: 'started' });

    now += 1_000; // the processing delay
    await simulator.tick(); // processes the execution and waits for the callback to be handled
    expect(store.get('order-1')).toEqual({ state: 'done', decision: 'PASSED' });
  });

  it('records a rejection (a reference containing REJECT forces one)', async () => {
    await onboarding.start('order-REJECT-2', files);
    now += 1_000;
    await simulator.tick();
    expect(store.get('order-REJECT-2')).toEqual({ state: 'done', decision: 'REJECTED' });
  });

  it('a 429 is retried by the client: one account, two attempts', async () => {
    simulator.setFaults('createAccount', [{ status: 429 }]);
    await onboarding.start('order-3', files);
    expect(simulator.stats()).toMatchObject({ accountsCreated: 1, requests: { createAccount: 2 } });
  });

  it('a connection lost after Jumio created the account is not resent; the callback reconciles it', async () => {
    simulator.setFaults('createAccount', [{ reset: 'after' }]); // created, but the answer is lost
    await expect(onboarding.start('order-4', files)).rejects.toBeInstanceOf(KyxNetworkError);
    expect(store.get('order-4')).toEqual({ state: 'unknown' });
    expect(simulator.stats()).toMatchObject({ accountsCreated: 1, requests: { createAccount: 1 } });

    now += 30 * 60_000; // the default tokenLifetime (30m): the orphan expires and Jumio calls back
    await simulator.tick();
    expect(store.get('order-4')).toEqual({ state: 'expired' });
  });
});
