import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  account,
  createCallbackHandler,
  createClient,
  createResults,
  type KyxClient,
  KyxNetworkError,
  type WorkflowDetails,
} from '../../src/index.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';

// ── The code under test: your app's onboarding (in your app, its own module) ──────────────────

interface Onboarding {
  state: 'pending' | 'started' | 'unknown' | 'approved' | 'rejected' | 'review' | 'expired';
  /** As read from the ID document, once approved. */
  lastName?: string | undefined;
}

/** How the app tells the customer: an e-mail, a push message, … */
type Notify = (reference: string, state: Onboarding['state']) => Promise<void>;

/** What a final result means for the order; `details` are Jumio's, retrieved once Jumio confirmed the status. */
function outcomeOf(details: WorkflowDetails): Onboarding {
  if (details.workflow.status !== 'PROCESSED') return { state: 'expired' }; // TOKEN_EXPIRED, SESSION_EXPIRED
  switch (details.decision?.type) {
    case 'PASSED':
      return { state: 'approved', lastName: details.capabilities?.extraction?.[0]?.data?.lastName };
    case 'REJECTED':
      return { state: 'rejected' };
    default:
      return { state: 'review' }; // WARNING, NOT_EXECUTED, or an older body without a decision
  }
}

function createOnboarding(
  client: KyxClient,
  store: Map<string, Onboarding>,
  notify: Notify,
  retrySchedule?: readonly number[], // default: Jumio's retry policy (40 s … 940 s)
) {
  /**
   * Acts on each execution's final result, at least once: verified with Jumio, retrieved, then
   * `onResult`. Call `results.start()` in every process that should do this work (with
   * `redisStore`, a fleet shares it); a throw runs it again on the retry schedule.
   */
  const results = createResults({
    client,
    ...(retrySchedule === undefined ? {} : { retrySchedule }),
    onResult: async (details) => {
      const reference = details.workflow.customerInternalReference ?? '';
      if (!store.has(reference)) return; // not one of ours
      const outcome = outcomeOf(details);
      await notify(reference, outcome.state); // if this throws, onResult runs again later
      store.set(reference, outcome);
    },
  });
  return {
    results,
    /** Starts ID + selfie verification (workflow 10011) for one order. */
    async start(reference: string, files: { front: Uint8Array; selfie: Uint8Array }) {
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
      await results.track(response); // polled if its callback never comes
      return response; // Jumio's account and execution ids, to keep with the order
    },

    /**
     * Receives Jumio's callbacks at the callback URL; serve it with `toNodeListener(callbacks)` on
     * node:http or Express, or pass it the `Request` in Hono, Next.js, Bun and Deno. It checks the
     * sender, stores the callback and answers 200; `results` does the rest.
     */
    callbacks: createCallbackHandler({ results }),
  };
}

// ── The test: the app against the in-process simulator ─────────────────────────────────────────

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const files = { front: JPEG, selfie: JPEG };

describe('onboarding', () => {
  let now = Date.parse('2025-01-01T00:00:00Z');
  let simulator: Simulator;
  let client: KyxClient;
  let store: Map<string, Onboarding>;
  let notices: string[];
  let onboarding: ReturnType<typeof createOnboarding>;

  beforeEach(() => {
    store = new Map();
    notices = [];
    simulator = createSimulator({
      now: () => now, // a test clock: nothing happens until the test moves it and calls tick()
      processingDelayMs: 1_000,
      seed: 1,
      trustedCallbackHosts: ['app.example'],
      callbackFetch: (request) => onboarding.callbacks(request), // callbacks go to the app's handler, in process
      callbackRetryDelayMs: 0, // a callback answered non-2xx is repeated at once
    });
    client = createClient({
      region: 'amer-1',
      credentials: { clientId: 'test', clientSecret: 'test' },
      userAgent: 'Acme Onboarding tests/1.0',
      baseUrl: 'http://localhost', // loopback: never a real Jumio host, and the handler accepts the simulator's callbacks
      fetch: simulator.fetch,
      retry: { delay: () => 0 }, // the retry table still applies; only the waits are skipped
    });
    onboarding = createOnboarding(
      client,
      store,
      async (reference, state) => void notices.push(`${reference}: ${state}`),
    );
  });
  afterEach(() => simulator.close());

  it('approves the order when Jumio passes it, with the name from the document', async () => {
    const execution = await onboarding.start('order-1', files);
    expect(store.get('order-1')).toEqual({ state: 'started' });

    now += 1_000; // the processing delay
    await simulator.tick(); // processes the execution and waits for the callback to be answered
    await onboarding.results.drain(); // what results.start() does in the app: verify, retrieve, act
    const document = (await client.details(execution)).capabilities?.extraction?.[0]?.data;
    expect(document?.lastName).toEqual(expect.stringMatching(/\w/));
    expect(store.get('order-1')).toEqual({ state: 'approved', lastName: document?.lastName });
    expect(notices).toEqual(['order-1: approved']); // once
  });

  it('rejects the order (a reference containing REJECT forces a rejection)', async () => {
    await onboarding.start('order-REJECT-2', files);
    now += 1_000;
    await simulator.tick();
    await onboarding.results.drain();
    expect(store.get('order-REJECT-2')).toEqual({ state: 'rejected' });
    expect(notices).toEqual(['order-REJECT-2: rejected']);
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
    await onboarding.results.drain();
    expect(store.get('order-4')).toEqual({ state: 'expired' });
    expect(notices).toEqual(['order-4: expired']);
  });

  it('a failure while acting on the result is not lost: onResult runs again, the app acts once', async () => {
    let down = true; // the mail service fails once
    const notify: Notify = async (reference, state) => {
      if (down) {
        down = false;
        throw new Error('mail service unavailable');
      }
      notices.push(`${reference}: ${state}`);
    };
    onboarding = createOnboarding(client, store, notify, [0]); // retry at once (the test's schedule)
    await onboarding.start('order-5', files);
    now += 1_000;
    await simulator.tick(); // one delivery, answered 200
    await onboarding.results.drain(); // onResult throws, and runs again
    expect(store.get('order-5')).toEqual({ state: 'approved', lastName: expect.stringMatching(/\w/) });
    expect(notices).toEqual(['order-5: approved']);
    expect(simulator.stats().callbacks).toEqual({ delivered: 1, failed: 0, skipped: 0, dropped: 0 });
  });
});
