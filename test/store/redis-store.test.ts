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

  it('a frozen Redis (SIGSTOP): a send with a signal rejects with its reason at once; without one, the command timeout fails it', async () => {
    const simulator = createSimulator({ processingDelayMs: 0 });
    const frozen = redisStore({
      url: server.url,
      prefix: 'frozen:',
      commandTimeoutMs: 60_000,
      onPersistenceRisk: false,
    });
    const bounded = redisStore({
      url: server.url,
      prefix: 'bounded:',
      commandTimeoutMs: 300,
      onPersistenceRisk: false,
    });
    const options = {
      region: 'amer-1',
      credentials: { clientId: 'id', clientSecret: 'secret' },
      userAgent: 'Acme Onboarding/1.0',
      baseUrl: 'http://127.0.0.1:9',
      fetch: (request: Request) => simulator.fetch(request),
      rateLimits: false,
    } as const;
    await frozen.get('warm-up'); // both connected before the server freezes
    await bounded.get('warm-up');
    process.kill(server.pid, 'SIGSTOP');
    try {
      const sent = createClient({ ...options, store: frozen }).send(account().ref('frozen-1').workflow(10011), {
        idempotencyKey: 'frozen-1',
        signal: AbortSignal.timeout(300),
      });
      await expect(sent).rejects.toMatchObject({ name: 'TimeoutError' }); // the signal's reason

      const timedOut = await createClient({ ...options, store: bounded })
        .send(account().ref('frozen-2').workflow(10011), { idempotencyKey: 'frozen-2' })
        .catch((e: unknown) => e);
      expect(timedOut).toBeInstanceOf(KyxStoreError);
      expect(String((timedOut as KyxStoreError).cause)).toContain('did not answer GET within 300 ms');
      expect(simulator.stats().requests.createAccount ?? 0).toBe(0); // nothing was sent
    } finally {
      process.kill(server.pid, 'SIGCONT');
    }
    expect(await bounded.get('after-thaw')).toBeUndefined(); // it answers again
    await frozen.close();
    await bounded.close();
    await simulator.close();
  });

  it('checks persistence: this server (no AOF, no RDB) and an evicting policy are reported; AOF everysec with noeviction is not', async () => {
    const raw = await import('redis');
    const admin = await raw.createClient({ url: server.url }).connect();
    try {
      let report: (risks: readonly string[]) => void = () => undefined;
      const reported = new Promise<readonly string[]>((resolve) => {
        report = resolve;
      });
      const checked = redisStore({ url: server.url, prefix: 'p:', onPersistenceRisk: (risks) => report(risks) });
      await checked.get('first-use'); // the first connection runs the check
      expect(await reported).toEqual([expect.stringContaining('appendonly is no and no RDB save is configured')]);
      await checked.close();

      await admin.configSet({ appendonly: 'yes', appendfsync: 'everysec', 'maxmemory-policy': 'volatile-lru' });
      const store2 = redisStore({ url: server.url, prefix: 'p:', onPersistenceRisk: false });
      expect(await store2.checkPersistence()).toEqual([expect.stringContaining('maxmemory-policy is volatile-lru')]);
      await admin.configSet({ 'maxmemory-policy': 'noeviction', save: '3600 1' });
      expect(await store2.checkPersistence()).toEqual([]);
      await admin.configSet({ appendonly: 'no' });
      expect(await store2.checkPersistence()).toEqual([expect.stringContaining('RDB save "3600 1" only')]);
      await store2.close();
    } finally {
      await admin.configSet({ appendonly: 'no', save: '', 'maxmemory-policy': 'noeviction' });
      await admin.close();
    }
  });

  it('by default the risk is one process warning (KyxRedisPersistenceWarning), not a log line per call', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => {
      if (warning.name === 'KyxRedisPersistenceWarning') warnings.push(warning);
    };
    process.on('warning', onWarning);
    const quiet = redisStore({ url: server.url, prefix: 'w:' });
    try {
      for (let i = 0; i < 5; i++) await quiet.get(`w-${i}`);
      await expect.poll(() => warnings.length).toBe(1);
      expect(warnings[0]?.message).toContain('may lose idempotency keys');
    } finally {
      process.off('warning', onWarning);
      await quiet.close();
    }
  });
});
