import { describe, expect, it } from 'vitest';
import { account, KyxTimeoutError, KyxValidationError } from '../../src/index.js';
import {
  caught,
  EXECUTION,
  expectNoLeaks,
  type Handler,
  hang,
  jumio,
  problem,
  type Recorded,
  setup,
} from '../support/client-harness.js';

// `deadline`: one bound for a whole call (attempts, rate-limit waits, retry delays together).

const statusCalls = (calls: Recorded[]) => calls.filter((c) => c.path.endsWith('/status'));

/** Jumio whose status answers 503 forever (each attempt quick, the retries many). */
function unavailable(): Handler {
  const base = jumio();
  return (call, request) =>
    call.path.endsWith('/status') ? problem(503, 'Unavailable', 'try later') : base(call, request);
}

describe('a per-call deadline', () => {
  it('bounds all attempts of a read together: KyxTimeoutError naming the deadline, no further attempt', async () => {
    const { client, calls } = setup(unavailable(), { retry: { limit: 10, delay: () => 150, jitter: false } });
    const error = await caught(client.status(EXECUTION, { deadline: 400 }));
    expect(error).toBeInstanceOf(KyxTimeoutError);
    expect(error).toMatchObject({ method: 'GET', timeout: 400, mayHaveCreated: false });
    expect(error.message).toContain('did not complete within its deadline of 400 ms (all attempts together)');
    const made = statusCalls(calls).length;
    expect(made).toBeGreaterThanOrEqual(1);
    expect(made).toBeLessThan(11); // without the deadline all 11 attempts would run
  });

  it('an account request sent and not answered within the deadline may have created: mayHaveCreated true', async () => {
    const base = jumio();
    const { client } = setup((call, request) =>
      call.path === '/api/v1/accounts' ? hang(request) : base(call, request),
    );
    const error = await caught(client.send(account().ref('deadline-1').workflow(10011), { deadline: 300 }));
    expect(error).toBeInstanceOf(KyxTimeoutError);
    expect(error).toMatchObject({ method: 'POST', path: '/api/v1/accounts', mayHaveCreated: true });
  });

  it('a deadline that passes while the call waits for a slot: nothing was sent, mayHaveCreated false', async () => {
    const { client, calls } = setup(jumio(), { rateLimits: { account: { perSecond: 0.01, burst: 1 } } });
    await client.send(account().ref('first').workflow(10011)); // takes the only slot for 100 s
    const error = await caught(client.send(account().ref('second').workflow(10011), { deadline: 200 }));
    expect(error).toMatchObject({ name: 'KyxTimeoutError', mayHaveCreated: false });
    expect(calls.filter((c) => c.path === '/api/v1/accounts')).toHaveLength(1);
  });

  it("the caller's own signal still wins with its reason; a bad deadline is a KyxValidationError", async () => {
    const base = jumio();
    const { client } = setup((call, request) => (call.path.endsWith('/status') ? hang(request) : base(call, request)));
    const reason = new Error('user left');
    const controller = new AbortController();
    const pending = caught(client.status(EXECUTION, { deadline: 60_000, signal: controller.signal }));
    controller.abort(reason);
    expect(await pending).toBe(reason);
    const invalid = await caught(client.status(EXECUTION, { deadline: -1 }));
    expect(invalid).toBeInstanceOf(KyxValidationError);
    expect((invalid as KyxValidationError).issues).toEqual([
      { path: 'deadline', message: 'must be a positive number of milliseconds, at most 86400000' },
    ]);
  });

  it('leaked no secret or token in this file', () => {
    expectNoLeaks(4);
  });
});
