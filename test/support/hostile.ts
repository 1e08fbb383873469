import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ClientOptions, createClient, type KyxClient } from '../../src/index.js';

// Servers on 127.0.0.1 made by the tests: a "Jumio" that turns hostile on one route, and an
// "elsewhere" origin that must never be contacted. Each records what it received.

/** A request as a test server saw it. */
export interface Seen {
  method: string;
  path: string;
  authorization: string | undefined;
  bytes: number;
}

/** A loopback HTTP server with a request log. */
export interface TestServer {
  url: string;
  seen: Seen[];
  /** Sockets closed by the peer while the server was still answering (a cancelled reader). */
  aborted: number;
  close(): Promise<void>;
}

export type Route = (request: IncomingMessage, response: ServerResponse, body: Buffer) => void | Promise<void>;

/** Starts a server on 127.0.0.1 with a free port. */
export async function serve(route: Route): Promise<TestServer> {
  const seen: Seen[] = [];
  const state = { aborted: 0 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({
        method: request.method ?? '',
        path: new URL(request.url ?? '/', 'http://x').pathname,
        authorization: request.headers.authorization,
        bytes: body.byteLength,
      });
      response.on('close', () => {
        if (!response.writableFinished) state.aborted++;
      });
      Promise.resolve(route(request, response, body)).catch(() => response.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    get aborted() {
      return state.aborted;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const json = (response: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

/** A Jumio that issues tokens and hands every other request to `route`. */
export function jumio(route: Route): Promise<TestServer> {
  return serve((request, response, body) => {
    if (request.url === '/oauth2/token') {
      return json(response, { access_token: 'tenant-ACCESS-token-5d1e', expires_in: 3600, token_type: 'Bearer' });
    }
    return route(request, response, body);
  });
}

export const ACCOUNT_ID = '11111111-1111-4111-8111-111111111111';
export const EXECUTION_ID = '22222222-2222-4222-8222-222222222222';
export const CREDENTIAL_ID = '33333333-3333-4333-8333-333333333333';

/** An account response for workflow 10011 whose ID credential's URLs point at `apiOrigin`. */
export function accountResponse(
  apiOrigin: string,
  token = 'eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiJhcGkifQ.api-SIGNATURE-9d2c71',
) {
  const execution = `${apiOrigin}/api/v1/accounts/${ACCOUNT_ID}/workflow-executions/${EXECUTION_ID}`;
  return {
    timestamp: '2026-12-01T20:00:00.000Z',
    account: { id: ACCOUNT_ID },
    workflowExecution: {
      id: EXECUTION_ID,
      credentials: [
        {
          id: CREDENTIAL_ID,
          category: 'ID',
          allowedChannels: ['API'],
          api: {
            token,
            parts: { front: `${execution}/credentials/${CREDENTIAL_ID}/parts/FRONT` },
            workflowExecution: execution,
          },
        },
      ],
    },
  };
}

/** A client on `baseUrl` with quick retries. */
export function clientOn(baseUrl: string, options: Partial<ClientOptions> = {}): KyxClient {
  return createClient({
    region: 'amer-1',
    credentials: { clientId: 'hostile', clientSecret: 'hostile-SECRET-0b7e' },
    userAgent: 'Acme Hardening/1.0',
    baseUrl,
    retry: { delay: () => 0, jitter: false },
    ...options,
  });
}

/** The rejection of `promise` (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** Peak growth of heap + array buffers (bytes) while `run` runs, sampled every 5 ms. */
export async function peakMemory<T>(run: () => Promise<T>): Promise<{ result: T; peakBytes: number; ms: number }> {
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  (globalThis as { gc?: () => void }).gc?.();
  const base = used();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, used());
  }, 5);
  const started = performance.now();
  try {
    const result = await run();
    peak = Math.max(peak, used());
    return { result, peakBytes: peak - base, ms: Math.round(performance.now() - started) };
  } finally {
    clearInterval(timer);
  }
}
