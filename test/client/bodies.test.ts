import { describe, expect, it } from 'vitest';
import { KyxNetworkError, KyxResponseError } from '../../src/index.js';
import { ACCOUNT_ID, caught, EXECUTION, jumio, SEED_RESPONSE, setup } from '../support/client-harness.js';

// Answers whose status arrives but whose body is cut off (found by the fault matrix): the client
// never lets the runtime's raw TypeError('terminated') out.

/** A 200 whose body sends half of `text`, then fails like undici when the socket closes. */
function truncated(text: string, contentType = 'application/json'): Response {
  let sent = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) {
        const cause = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
        controller.error(new TypeError('terminated', { cause }));
        return;
      }
      sent = true;
      controller.enqueue(new TextEncoder().encode(text.slice(0, text.length / 2)));
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': contentType } });
}

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]);

describe('a body cut off after the status', () => {
  it('delete succeeds: its body is not needed and dropping it does not fail the call', async () => {
    const base = jumio();
    const { client } = setup((call, request) =>
      call.method === 'DELETE' ? truncated('{"ok":true}') : base(call, request),
    );
    await expect(client.deleteAccount(ACCOUNT_ID)).resolves.toBeUndefined();
    await expect(client.deleteExecution(EXECUTION)).resolves.toBeUndefined();
  });

  it('a JSON answer is a KyxNetworkError at stage body, not a KyxResponseError', async () => {
    const base = jumio();
    const { client } = setup((call, request) =>
      call.path.endsWith('/status') ? truncated(JSON.stringify({ account: { id: ACCOUNT_ID } })) : base(call, request),
    );
    const error = await caught(client.status(EXECUTION));
    expect(error).toBeInstanceOf(KyxNetworkError);
    expect(error).not.toBeInstanceOf(KyxResponseError);
    expect(error).toMatchObject({ stage: 'body', code: 'UND_ERR_SOCKET', method: 'GET' });
    expect(error.message).toContain('lost the connection while reading the answer');
  });

  it('an upload answer (returned to the caller) is a KyxNetworkError at stage body', async () => {
    const base = jumio();
    const { client } = setup((call, request) =>
      call.method === 'POST' && call.path.includes('/parts/') ? truncated('{"api":{"parts":{}}}') : base(call, request),
    );
    const error = await caught(client.upload(SEED_RESPONSE, 'front', JPEG));
    expect(error).toMatchObject({ name: 'KyxNetworkError', stage: 'body', method: 'POST' });
  });

  it('a part image is a KyxNetworkError at stage body', async () => {
    const base = jumio();
    const { client } = setup((call, request) =>
      call.path.includes('/credentials/') ? truncated('\xff\xd8\xff\xe0abcdef', 'image/jpeg') : base(call, request),
    );
    const error = await caught(client.partImage(SEED_RESPONSE, 'FRONT'));
    expect(error).toBeInstanceOf(KyxNetworkError);
    expect((error as KyxNetworkError).stage).toBe('body');
  });

  it('a network error before the answer keeps stage request', async () => {
    const { client } = setup(() => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) });
    });
    const error = await caught(client.health());
    expect(error).toMatchObject({ name: 'KyxNetworkError', stage: 'request', code: 'ECONNRESET' });
  });
});
