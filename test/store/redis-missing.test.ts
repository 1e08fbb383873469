import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `redisStore` without the optional peer `redis`: a process whose module resolution does not find
// it (test/support/no-redis) constructs the store and gets the reason at once, not at the first send.
const register = fileURLToPath(new URL('../support/no-redis/register.mjs', import.meta.url));
const redisEntry = fileURLToPath(new URL('../../src/redis/index.ts', import.meta.url));

function run(script: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', '--import', register, '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('redisStore without the redis package', () => {
  it('fails at construction with a KyxStoreError that says "install redis"', () => {
    const child = run(`
      const { redisStore } = await import(${JSON.stringify(redisEntry)});
      let outcome = 'constructed';
      try { redisStore({ url: 'redis://127.0.0.1:6379' }); } catch (error) {
        outcome = { name: error.name, operation: error.operation, message: error.message, cause: error.cause?.code };
      }
      const imported = await import('redis').then(() => 'imported', (error) => error.code);
      console.log(JSON.stringify({ outcome, imported }));
    `);
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({
      outcome: {
        name: 'KyxStoreError',
        operation: 'connect',
        message:
          "The client's store failed (connect): redisStore: the optional peer dependency 'redis' is not installed: install redis (npm install redis), or pass a connected node-redis client as `client`",
        cause: 'ERR_MODULE_NOT_FOUND',
      },
      imported: 'ERR_MODULE_NOT_FOUND', // the hooks really hide it
    });
  }, 60_000);

  it('a connected client of your own needs no check: construction succeeds', () => {
    const child = run(`
      const { redisStore } = await import(${JSON.stringify(redisEntry)});
      const store = redisStore({ client: { sendCommand: async () => 'OK' } });
      console.log(typeof store.close);
    `);
    expect(child.stdout.trim()).toBe('function');
  }, 60_000);
});
