import { describe, expect, it } from 'vitest';
import { redisStore } from '../../src/redis/index.js';

// Options are checked when the store is made, before any connection: no server is needed here.
describe('redisStore options', () => {
  const url = 'redis://127.0.0.1:1';
  it('a prefix that is not a string is refused, naming the option', () => {
    expect(() => redisStore({ url, prefix: 1 as unknown as string })).toThrow('redisStore: prefix must be a string');
  });
  it('neither a url nor a client is refused, saying what to give', () => {
    expect(() => redisStore({} as Parameters<typeof redisStore>[0])).toThrow(
      'redisStore: give a url or a connected node-redis client',
    );
  });
  it('a command timeout that is not a positive number of ms is refused', () => {
    for (const commandTimeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => redisStore({ url, commandTimeoutMs })).toThrow(
        'redisStore: commandTimeoutMs must be a positive number of milliseconds',
      );
    }
  });
  it('good options make a store without connecting (the first command connects)', async () => {
    const store = redisStore({ url, prefix: 'app:', commandTimeoutMs: 100, onPersistenceRisk: false });
    expect(typeof store.reserve).toBe('function');
    await store.close();
  });
});
