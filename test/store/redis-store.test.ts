import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedisServer } from '../../scripts/lib/redis-server.js';
import { tools } from '../../scripts/lib/tools.js';
import { account, createClient, KyxStoreError } from '../../src/index.js';
import { type RedisStore, redisStore } from '../../src/redis/index.js';
import { createSimulator } from '../../src/simulator/index.js';
import { queueContract } from './queue-contract.js';
import { storeContract } from './store-contract.js';

describe.skipIf(!tools.redis.available)('redisStore on a real redis-server', () => {
  let server: RedisServer;
  let store: RedisStore;
  beforeAll(async () => {
    server = await startRedisServer();
    store = redisStore({ url: server.url, prefix: 'test:' });
  });
  afterAll(async () => {
    await store?.close();
    await server?.stop();
  });

  describe('the KyxStore contract', () => {
    storeContract(() => store);
  });

  describe('the KyxWorkQueue contract', () => {
    queueContract(() => store.queue);
  });

  it('writes every key under its prefix', async () => {
    const raw = await import('redis');
    const client = await raw.createClient({ url: server.url }).connect();
    try {
      await store.setIfAbsent('prefixed', '1', 10_000);
      expect(await client.get('test:prefixed')).toBe('1');
      // a connected client of yours works too, and is left open
      const mine = redisStore({ client, prefix: 'mine:' });
      expect(await mine.setIfAbsent('k', 'v', 10_000)).toBe(true);
      expect(await client.get('mine:k')).toBe('v');
      await mine.close();
      expect(await client.ping()).toBe('PONG');
    } finally {
      await client.close();
    }
  });

  it('reloads its scripts when the server lost them (SCRIPT FLUSH)', async () => {
    const raw = await import('redis');
    const client = await raw.createClient({ url: server.url }).connect();
    try {
      await store.reserve('flush', { intervalMs: 10, burst: 1 });
      await client.scriptFlush();
      expect(await store.reserve('flush-2', { intervalMs: 10, burst: 1 })).toBe(0);
    } finally {
      await client.close();
    }
  });

  it('a client on it: limits and keys in Redis; a store that is down is a KyxStoreError, nothing sent', async () => {
    const simulator = createSimulator({ processingDelayMs: 0 });
    const options = {
      region: 'amer-1',
      credentials: { clientId: 'id', clientSecret: 'secret' },
      userAgent: 'Acme Onboarding/1.0',
      baseUrl: 'http://127.0.0.1:9',
      fetch: (request: Request) => simulator.fetch(request),
    } as const;
    const client = createClient({ ...options, store });
    const first = await client.send(account().ref('redis-1').workflow(10011), { idempotencyKey: 'redis-1' });
    const again = await createClient({ ...options, store }).send(account().ref('redis-1').workflow(10011), {
      idempotencyKey: 'redis-1',
    });
    expect(again.workflowExecution.id).toBe(first.workflowExecution.id);
    expect(simulator.stats().executionsCreated).toBe(1);

    const down = redisStore({ url: 'redis://127.0.0.1:1', prefix: 'x:' });
    const error = await createClient({ ...options, store: down })
      .send(account().ref('redis-2').workflow(10011))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KyxStoreError);
    expect(simulator.stats().requests.createAccount).toBe(1);
    await down.close();
    await simulator.close();
  });
});
