import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { limitBody } from '../../src/simulator/exposure.js';
import { problem } from '../../src/simulator/problem.js';

// limitBody in a bare app with the simulator's error answer: what a route sees, and the 413/500.
function app() {
  const served = new Hono();
  served.use('*', limitBody(10));
  served.post('/', async (c) =>
    c.text(`${new TextDecoder().decode(await c.req.arrayBuffer())} ${c.req.header('transfer-encoding')}`),
  );
  served.onError(() => problem(500, 'Internal simulator error'));
  return served;
}

function stream(parts: string[], end: 'close' | 'error') {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      if (end === 'close') controller.close();
      else controller.error(new Error('connection lost'));
    },
  });
}

async function send(body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) {
  const response = await app().request('/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return { status: response.status, body: await response.text() };
}

const tooLarge = {
  status: 413,
  body: '{"title":"Payload Too Large","status":413,"detail":"The request body must be at most 10 bytes"}',
};

describe('limitBody', () => {
  it('passes a streamed body within the bound on whole, without Transfer-Encoding', async () => {
    expect(await send(stream(['abc', 'defg'], 'close'), { 'transfer-encoding': 'chunked' })).toEqual({
      status: 200,
      body: 'abcdefg undefined',
    });
  });

  it('answers 413 once a streamed body passes the bound, and for a declared length past it', async () => {
    expect(await send(stream(['abcdef', 'ghijk'], 'close'))).toEqual(tooLarge);
    expect(await send('x'.repeat(11))).toEqual(tooLarge);
    expect(await send('x'.repeat(10))).toEqual({ status: 200, body: `${'x'.repeat(10)} undefined` });
  });

  it('lets a body that fails midway reach the app’s error answer', async () => {
    expect(await send(stream(['ab'], 'error'))).toEqual({
      status: 500,
      body: '{"title":"Internal Server Error","status":500,"detail":"Internal simulator error"}',
    });
  });
});
