import { describe, expect, it } from 'vitest';
import { KyxValidationError } from '../../src/index.js';
import { redisStore } from '../../src/redis/index.js';

type Options = Parameters<typeof redisStore>[0];

/** The issues of the KyxValidationError that `redisStore(options)` throws (fails when it does not throw one). */
function issuesOf(options: unknown) {
  let error: unknown;
  try {
    redisStore(options as Options);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(KyxValidationError);
  return (error as KyxValidationError).issues;
}

// Options are checked when the store is made, before any connection: no server is needed here.
describe('redisStore options', () => {
  const url = 'redis://127.0.0.1:1';
  it('a prefix that is not a string is a KyxValidationError naming the option and the rule', () => {
    expect(issuesOf({ url, prefix: 1 })).toEqual([{ path: 'prefix', message: 'must be a string' }]);
    expect(() => redisStore({ url, prefix: 1 as unknown as string })).toThrow(
      'Invalid redisStore options:\n  - prefix: must be a string',
    );
  });
  it('neither a url nor a client is refused, saying what to give', () => {
    expect(issuesOf({})).toEqual([
      { path: 'url', message: 'must be a redis:// or rediss:// URL, or give a connected node-redis client as client' },
    ]);
  });
  it('a command timeout that is not a positive number of ms is refused', () => {
    for (const commandTimeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '5000']) {
      expect(issuesOf({ url, commandTimeoutMs })).toEqual([
        { path: 'commandTimeoutMs', message: 'must be a positive number of milliseconds' },
      ]);
    }
  });
  it('a client without sendCommand and an onPersistenceRisk that is neither a function nor false are named', () => {
    expect(issuesOf({ client: {}, onPersistenceRisk: true })).toEqual([
      { path: 'client', message: 'must be a connected node-redis client (with sendCommand)' },
      { path: 'onPersistenceRisk', message: 'must be a function (risks) => void, or false' },
    ]);
  });
  it('several problems are reported together, in one error', () => {
    expect(issuesOf({ url: 6379, prefix: null, commandTimeoutMs: -5 }).map((i) => i.path)).toEqual([
      'url',
      'prefix',
      'commandTimeoutMs',
    ]);
  });
  it('good options make a store without connecting (the first command connects)', async () => {
    const store = redisStore({ url, prefix: 'app:', commandTimeoutMs: 100, onPersistenceRisk: false });
    expect(typeof store.reserve).toBe('function');
    await store.close();
  });
});
