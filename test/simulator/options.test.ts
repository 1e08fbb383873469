import { describe, expect, it } from 'vitest';
import { KyxValidationError } from '../../src/index.js';
import { startSimulator } from '../../src/simulator/index.js';

// Where a simulator server may listen is checked by its schema before anything listens: each
// problem names the option and the rule, all of them in one KyxValidationError.

async function issuesOf(options: Parameters<typeof startSimulator>[0]) {
  const error = await startSimulator(options).then(
    async (sim) => {
      await sim.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KyxValidationError);
  return (error as KyxValidationError).issues;
}

describe('startSimulator options', () => {
  it('a publicUrl that is not an absolute URL names the option and the rule', async () => {
    expect(await issuesOf({ port: 0, publicUrl: 'simulator.local' })).toEqual([
      { path: 'publicUrl', message: 'must be an absolute URL (the origin clients use to reach the simulator)' },
    ]);
  });

  it('off loopback without expose, clients and a valid publicUrl: every problem together', async () => {
    const issues = await issuesOf({ host: '192.0.2.10', port: 0, publicUrl: '/relative' });
    expect(issues.map((i) => i.path)).toEqual(['host', 'clients', 'publicUrl']);
    expect(issues[0]?.message).toBe(
      '192.0.2.10 is not a loopback interface: the simulator accepts made-up credentials and serves admin routes, so binding it needs expose: true (kyx simulate --expose)',
    );
    expect(issues[1]?.message).toBe(
      'must name the accepted client credentials when the simulator is exposed (kyx simulate --client id:secret)',
    );
  });
});
