import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { account, createClient, isKyxError, KyxNetworkError, KyxValidationError } from '../../src/index.js';
import { createSimulator } from '../../src/simulator/index.js';

// The failure kinds the fault matrix cannot script (its faults are played by a simulator that
// answers): a connection refused on a real loopback socket, a token request that fails before the
// account request is sent, and a request rejected before sending. None of them created anything.

/** A loopback port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('mayHaveCreated when nothing can have been created', () => {
  it('connection refused on the account request (real socket, after the retries): false', async () => {
    const sim = createSimulator({ rateLimits: false });
    const port = await closedPort();
    let refused = 0;
    const client = createClient({
      region: 'amer-1',
      credentials: { clientId: 'c', clientSecret: 's' },
      userAgent: 'Acme Hardening/1.0',
      baseUrl: 'http://127.0.0.1:1',
      retry: { limit: 2, delay: () => 0, jitter: false },
      // the token comes from the simulator; the account request goes to a port nobody listens on
      fetch: async (request) => {
        const url = new URL(request.url);
        if (url.pathname === '/oauth2/token') return sim.fetch(request);
        refused++;
        return globalThis.fetch(`http://127.0.0.1:${port}${url.pathname}`, {
          method: request.method,
          headers: request.headers,
          body: await request.text(),
          signal: request.signal,
        });
      },
    });
    const error = await failure(client.send(account().ref('refused-1').workflow(10011)));
    expect(error).toBeInstanceOf(KyxNetworkError);
    expect({
      code: (error as KyxNetworkError).code,
      mayHaveCreated: (error as KyxNetworkError).mayHaveCreated,
    }).toEqual({ code: 'ECONNREFUSED', mayHaveCreated: false });
    expect(refused).toBe(3); // refused is provably not processed, so it was retried
    expect(sim.stats().accountsCreated).toBe(0);
    await sim.close();
  });

  it('the token request fails during send: false (the account request was never sent)', async () => {
    const sim = createSimulator({ rateLimits: false });
    sim.setFaults('token', [{ status: 503 }, { status: 503 }, { status: 503 }]);
    const client = createClient({
      region: 'amer-1',
      credentials: { clientId: 'c', clientSecret: 's' },
      userAgent: 'Acme Hardening/1.0',
      baseUrl: 'https://jumio.test',
      retry: { limit: 2, delay: () => 0, jitter: false },
      fetch: (request) => sim.fetch(request),
    });
    const error = await failure(client.send(account().ref('token-1').workflow(10011)));
    expect(isKyxError(error) && { name: error.name, mayHaveCreated: error.mayHaveCreated }).toEqual({
      name: 'KyxServerError',
      mayHaveCreated: false,
    });
    expect(sim.stats().requests.createAccount ?? 0).toBe(0);
    await sim.close();
  });

  it('a request rejected before sending: false', async () => {
    const client = createClient({
      region: 'amer-1',
      credentials: { clientId: 'c', clientSecret: 's' },
      userAgent: 'Acme Hardening/1.0',
      fetch: () => Promise.reject(new Error('nothing may be sent')),
    });
    const reference: string = 'order/1';
    const error = await failure(client.send(account().ref(reference).workflow(10011)));
    expect(error).toBeInstanceOf(KyxValidationError);
    expect((error as KyxValidationError).mayHaveCreated).toBe(false);
  });
});
