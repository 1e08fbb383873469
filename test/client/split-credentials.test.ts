import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  account,
  type ClientOptions,
  createClient,
  KyxForbiddenError,
  type KyxStore,
  KyxValidationError,
  memoryStore,
} from '../../src/index.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';

// Permission-split credentials: one OAuth2 client that may only initiate, one that may only
// retrieve and delete (Jumio's Portal offers both). The simulator knows which client each token
// belongs to and answers 403 to a token used for a call its client may not make.

const ONBOARDING = { clientId: 'onboarding', clientSecret: 'onboarding-SECRET-7f3a' };
const BACK_OFFICE = { clientId: 'back-office', clientSecret: 'back-office-SECRET-91c2' };

function limitedSimulator(): Simulator {
  return createSimulator({
    processingDelayMs: 0,
    rateLimits: false,
    clients: [
      { ...ONBOARDING, permissions: ['initiate'] },
      { ...BACK_OFFICE, permissions: ['retrieve'] },
    ],
  });
}

function clientOf(simulator: Simulator, credentials: ClientOptions['credentials'], store?: KyxStore) {
  return createClient({
    region: 'amer-1',
    credentials,
    userAgent: 'Acme Onboarding/1.0',
    baseUrl: 'http://127.0.0.1:9',
    fetch: (request) => simulator.fetch(request),
    ...(store ? { store } : {}),
  });
}

const shown: string[] = [];
const record = (value: unknown) => {
  shown.push(String(value), inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value) ?? '');
  return value;
};
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => record(error),
  );
}

describe('permission-split credentials', () => {
  it('each call uses the token of the client its permission needs (the simulator checks each)', async () => {
    const simulator = limitedSimulator();
    const client = clientOf(simulator, { initiate: ONBOARDING, retrieval: BACK_OFFICE });
    record(client);
    const response = await client.send(account().ref('split-1').workflow(10011)); // initiate
    expect((await client.status(response)).workflowExecution.status).toBe('INITIATED'); // retrieve
    expect((await client.details(response)).account.id).toBe(response.account.id);
    expect(Array.isArray((await client.steps(response)).steps)).toBe(true);
    const again = await client.send(account(response.account.id).ref('split-1').workflow(10011)); // update: initiate
    await client.deleteExecution(again); // delete: retrieve
    await client.deleteAccount(response);
    const stats = simulator.stats();
    expect(stats.tokensIssued).toBe(2); // one token per client, each reused
    expect(stats.executionsCreated).toBe(2);
    await simulator.close();
  });

  it('a single client limited to one permission is refused the other: 403 from the simulator', async () => {
    const simulator = limitedSimulator();
    const onboarding = clientOf(simulator, ONBOARDING);
    const response = await onboarding.send(account().ref('only-initiate').workflow(10011));
    const refused = await failure(onboarding.status(response));
    expect(refused).toBeInstanceOf(KyxForbiddenError);
    expect((refused as KyxForbiddenError).message).toContain('may not retrieve or delete transactions');

    const swapped = clientOf(simulator, { initiate: BACK_OFFICE, retrieval: ONBOARDING });
    const denied = await failure(swapped.send(account().ref('swapped').workflow(10011)));
    expect(denied).toBeInstanceOf(KyxForbiddenError);
    expect((denied as KyxForbiddenError).message).toContain('may not initiate transactions');
    expect(simulator.stats().executionsCreated).toBe(1);
    await simulator.close();
  });

  it('both clients share one tenant: its idempotency keys (and limits), named after the initiate client', async () => {
    const simulator = limitedSimulator();
    const store = memoryStore();
    const first = clientOf(simulator, { initiate: ONBOARDING, retrieval: BACK_OFFICE }, store);
    const plain = clientOf(simulator, ONBOARDING, store); // the same initiate client alone
    const a = await first.send(account().ref('shared').workflow(10011), { idempotencyKey: 'shared-1' });
    const b = await plain.send(account().ref('shared').workflow(10011), { idempotencyKey: 'shared-1' });
    expect(b.workflowExecution.id).toBe(a.workflowExecution.id);
    expect(simulator.stats().executionsCreated).toBe(1);
    await simulator.close();
  });

  it('bad split credentials are a KyxValidationError naming the client; secrets are never shown', () => {
    const error = record(
      (() => {
        try {
          createClient({
            region: 'amer-1',
            credentials: { initiate: ONBOARDING, retrieval: { clientId: '', clientSecret: BACK_OFFICE.clientSecret } },
            userAgent: 'Acme Onboarding/1.0',
          });
        } catch (e) {
          return e;
        }
        return undefined;
      })(),
    );
    expect(error).toBeInstanceOf(KyxValidationError);
    expect((error as KyxValidationError).issues).toEqual([
      { path: 'credentials.retrieval.clientId', message: 'must not be empty' },
    ]);
    const secrets = [ONBOARDING.clientSecret, BACK_OFFICE.clientSecret];
    expect(shown.length).toBeGreaterThan(6);
    expect(shown.flatMap((text) => secrets.filter((secret) => text.includes(secret)))).toEqual([]);
  });
});
