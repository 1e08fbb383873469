import { createServer, request as httpRequest, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CallbackHandler, createCallbackHandler, toNodeListener } from '../../src/index.js';
import { harness } from '../support/callback-harness.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((f) => f()));
});

/** A real loopback server running `listener`; resolves its URL. */
async function serve(listener: RequestListener) {
  const server: Server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}/jumio/callback`;
}

/** One raw request (node:http): chunks are written one by one, with no Content-Length. */
function send(url: string, method: string, chunks: string[]) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = httpRequest(url, { method, headers: { 'content-type': 'application/json' } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), headers: res.headers }),
      );
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

function setup(loopback = true) {
  const h = harness({ loopback });
  cleanup.push(() => h.simulator.close());
  const handled: string[] = [];
  const handler: CallbackHandler = createCallbackHandler({
    client: h.client,
    maxBodyBytes: 4_096,
    onResult: (details) => void handled.push(details.workflow.id),
  });
  return { ...h, handled, handler };
}

describe('toNodeListener over a real loopback server', () => {
  it('hands a callback POSTed over a socket to the handler (sender: the socket peer)', async () => {
    const s = setup();
    const callback = await s.processed('node-1');
    const url = await serve(toNodeListener(s.handler));
    const response = await fetch(url, { method: 'POST', body: JSON.stringify(callback) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ outcome: 'recorded' });
    await vi.waitFor(() => expect(s.handled).toEqual([callback.workflowExecution.id]), {
      timeout: 5_000,
      interval: 10,
    });
    // streamed in pieces, no Content-Length: the same, and now a duplicate
    const text = JSON.stringify(callback);
    const pieces = await send(url, 'POST', [text.slice(0, 10), text.slice(10, 100), text.slice(100)]);
    expect([pieces.status, JSON.parse(pieces.body)]).toEqual([200, { outcome: 'duplicate' }]);
    expect(s.handled).toHaveLength(1);
  });

  it('answers junk with 400, a streamed oversize body with 413 and GET with 405, over the same socket rules', async () => {
    const s = setup();
    const url = await serve(toNodeListener(s.handler));
    const junk = await send(url, 'POST', ['{"message":"Test callback"}']);
    expect([junk.status, JSON.parse(junk.body).outcome]).toEqual([400, 'invalid']);
    const big = await send(
      url,
      'POST',
      Array.from({ length: 64 }, () => 'x'.repeat(1_024)),
    );
    expect([big.status, JSON.parse(big.body)]).toEqual([413, { outcome: 'too-large' }]);
    const get = await send(url, 'GET', []);
    expect([get.status, get.headers['allow']]).toEqual([405, 'POST']);
    expect(s.detailsFetched()).toBe(0);
  });

  it('refuses 127.0.0.1 when the client talks to a non-loopback base', async () => {
    const s = setup(false);
    const callback = await s.processed('node-refused');
    const url = await serve(toNodeListener(s.handler));
    const response = await fetch(url, { method: 'POST', body: JSON.stringify(callback) });
    expect([response.status, await response.json()]).toEqual([403, { outcome: 'refused' }]);
    expect(s.detailsFetched()).toBe(0);
  });

  it('reads a body a parser already consumed (Express after express.json())', async () => {
    const s = setup();
    const callback = await s.processed('node-parsed');
    const listener = toNodeListener(s.handler);
    const url = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }); // what express.json() does
        listener(req, res);
      });
    });
    const response = await fetch(url, { method: 'POST', body: JSON.stringify(callback) });
    expect(await response.json()).toEqual({ outcome: 'recorded' });
    await vi.waitFor(() => expect(s.handled).toEqual([callback.workflowExecution.id]), {
      timeout: 5_000,
      interval: 10,
    });
  });
});
