import { brotliCompressSync, constants } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReliability } from '../../scripts/lib/reliability-records.js';
import {
  type AccountResponse,
  account,
  assertSafeUrl,
  createClient,
  KyxRedirectError,
  KyxResponseError,
  KyxTimeoutError,
  KyxValidationError,
  RedactedError,
} from '../../src/index.js';
import { createExposure } from '../support/exposure.js';
import {
  ACCOUNT_ID,
  accountResponse,
  clientOn,
  EXECUTION_ID,
  json,
  jumio,
  peakMemory,
  rejection,
  serve,
  type TestServer,
} from '../support/hostile.js';
import { type HostileErrors, hostileCases, PLANTED } from '../support/hostile-cases.js';

// Client side: each way an attacker could misuse the client, against servers on
// loopback made here. An "elsewhere" server stands for any origin a hostile answer points at;
// the client must never contact it.

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const servers: TestServer[] = [];
const figures: Record<string, unknown> = {};
const exposure = createExposure();
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  writeReliability('attacks-client', figures);
});
const track = async (server: Promise<TestServer>) => {
  const s = await server;
  servers.push(s);
  return s;
};
/** Resolves on the response's next `drain` or `close`, whichever comes first (no listener left behind). */
const drained = (r: import('node:http').ServerResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      r.off('drain', done).off('close', done);
      resolve();
    };
    r.on('drain', done).on('close', done);
  });
const elsewhere = () => track(serve((_q, r) => json(r, { stolen: true })));

describe('tokens and ID images go only to the api origin', () => {
  it('an upload part URL on another origin: refused before anything is sent; elsewhere never contacted', async () => {
    const other = await elsewhere();
    const api = await track(jumio((_q, r) => json(r, accountResponse(other.url))));
    const client = clientOn(api.url);
    const response = await client.send(account().ref('off-host').workflow(10011));
    const error = await rejection(client.upload(response, 'front', JPEG));
    expect(error).toBeInstanceOf(KyxValidationError);
    expect((error as KyxValidationError).issues).toEqual([
      { path: 'api.parts.front', message: expect.stringContaining(`points at ${other.url}, not ${api.url}`) },
    ]);
    const finalize = await rejection(client.finalize(response));
    expect((finalize as KyxValidationError).issues[0]?.path).toBe('api.workflowExecution');
    expect(other.seen).toEqual([]);
    expect(api.seen.filter((s) => s.path.includes('/parts/') || s.method === 'PUT')).toEqual([]);
  });

  it('the same origin is used: upload and finalize reach the api host with the token', async () => {
    let base = '';
    const api = await track(
      jumio((q, r) =>
        q.method === 'POST' && q.url === '/api/v1/accounts' ? json(r, accountResponse(base)) : json(r, {}),
      ),
    );
    base = api.url;
    const client = clientOn(api.url);
    const response = await client.send(account().ref('on-host').workflow(10011));
    await client.upload(response, 'front', JPEG);
    expect(api.seen.at(-1)).toMatchObject({ method: 'POST', authorization: expect.stringMatching(/^Bearer eyJ/) });
  });

  it('region clients accept only https://api.<region>.jumio.ai for uploads', async () => {
    const client = createClient({
      region: 'emea-1',
      credentials: { clientId: 'a', clientSecret: 'b' },
      userAgent: 'A/1',
      fetch: async () => new Response('{}'),
    });
    const response = accountResponse('https://api.amer-1.jumio.ai') as unknown as AccountResponse;
    const error = await rejection(client.upload(response, 'front', JPEG));
    expect((error as KyxValidationError).issues[0]?.message).toContain('not https://api.emea-1.jumio.ai');
  });

  it('user info and non-canonical loopback spellings are refused in every URL the client calls', () => {
    const tricks = [
      'https://user:pw@api.amer-1.jumio.ai',
      'http://evil.localhost:4010',
      'http://127.1:4010',
      'http://0x7f.0.0.1:4010',
      'http://2130706433:4010',
      'http://127.000.000.001:4010',
      'http://[0:0:0:0:0:0:0:1]:4010',
      'https://%61pi.amer-1.jumio.ai',
    ];
    for (const url of tricks) {
      expect(() => assertSafeUrl(url, 'api.parts.front', 'upload'), url).toThrow(KyxValidationError);
      expect(() => clientOn(url), url).toThrow(KyxValidationError);
    }
    for (const url of [
      'http://127.0.0.1:4010',
      'http://[::1]:4010',
      'http://localhost:4010',
      'https://API.amer-1.jumio.ai',
    ]) {
      expect(assertSafeUrl(url, 'baseUrl'), url).toBe(url);
    }
  });
});

describe('redirects are never followed', () => {
  for (const status of [301, 302, 303, 307, 308]) {
    it(`${status} on the account POST: a KyxRedirectError naming the status and the target's origin; not retried; target never contacted`, async () => {
      const other = await elsewhere();
      const api = await track(
        jumio((_q, r) => {
          r.writeHead(status, { location: `${other.url}/api/v1/accounts?token=secret-in-location` });
          r.end();
        }),
      );
      const error = await rejection(clientOn(api.url).send(account().ref('redirected').workflow(10011)));
      expect(error).toBeInstanceOf(KyxRedirectError);
      expect(error).toMatchObject({ status, location: other.url });
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.message).toContain(other.url);
      expect(error.message).not.toContain('secret-in-location');
      expect(api.seen.filter((s) => s.path === '/api/v1/accounts')).toHaveLength(1);
      expect(other.seen).toEqual([]);
    });
  }

  it('307 on a part upload: the ID image is not re-sent to the target', async () => {
    const other = await elsewhere();
    let base = '';
    const api = await track(
      jumio((q, r) => {
        if (q.url === '/api/v1/accounts') return json(r, accountResponse(base));
        r.writeHead(307, { location: `${other.url}/upload` });
        r.end();
      }),
    );
    base = api.url;
    const client = clientOn(api.url);
    const response = await client.send(account().ref('upload-redirect').workflow(10011));
    const error = await rejection(client.upload(response, 'front', JPEG));
    expect(error).toMatchObject({ name: 'KyxRedirectError', status: 307, location: other.url });
    expect(other.seen).toEqual([]);
  });
});

describe('every body is bounded in size and time', () => {
  /** A server whose status route answers headers at once, then one byte a second for a minute. */
  const dripping = () =>
    track(
      jumio((_q, r) => {
        r.writeHead(200, { 'content-type': 'application/json' });
        r.write('{');
        let n = 0;
        const timer = setInterval(() => {
          if (r.destroyed || ++n > 60) {
            clearInterval(timer);
            r.end();
          } else r.write(' ');
        }, 1000);
        r.on('close', () => clearInterval(timer));
      }),
    );

  /** Answers the token request without the network; every other request goes to `fetch`. */
  const tokenInProcess: typeof fetch = (input, init) =>
    (input instanceof Request ? input.url : String(input)).endsWith('/oauth2/token')
      ? Promise.resolve(
          Response.json({ access_token: 'tenant-ACCESS-token-5d1e', expires_in: 3600, token_type: 'Bearer' }),
        )
      : fetch(input, init);

  it('a dripping body ends at the per-attempt timeout (KyxTimeoutError); the reader is cancelled', async () => {
    const api = await dripping();
    const started = performance.now();
    const error = await rejection(
      // (retries off: a read-only call would read a stalled body again, see the fault matrix)
      // the token is answered in process: under load a loopback token call could itself outlast 400 ms
      clientOn(api.url, { timeout: 400, retry: false, fetch: tokenInProcess }).status({
        accountId: ACCOUNT_ID,
        workflowExecutionId: EXECUTION_ID,
      }),
    );
    figures['drip timeout ms'] = Math.round(performance.now() - started);
    expect(error).toBeInstanceOf(KyxTimeoutError);
    expect(error).toMatchObject({ timeout: 400, method: 'GET' });
    await expect.poll(() => api.aborted).toBe(1); // the socket was closed by the client
  }, 10_000);

  it("a dripping body ends when the call's signal fires (AbortSignal.timeout), with the signal's reason", async () => {
    const api = await dripping();
    const started = performance.now();
    const error = await rejection(
      clientOn(api.url, { timeout: 60_000 }).details(
        { accountId: ACCOUNT_ID, workflowExecutionId: EXECUTION_ID },
        { signal: AbortSignal.timeout(400) },
      ),
    );
    figures['drip signal ms'] = Math.round(performance.now() - started);
    expect(error.name).toBe('TimeoutError');
    await expect.poll(() => api.aborted).toBe(1);
  }, 10_000);

  it('a 100 MB JSON body (no Content-Length) is refused once past 1 MiB, with bounded memory', async () => {
    let sent = 0;
    const api = await track(
      jumio(async (_q, r) => {
        r.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        while (sent < 100 * 1024 * 1024 && !r.destroyed) {
          sent += chunk.byteLength;
          if (!r.write(chunk)) await drained(r);
        }
        r.end();
      }),
    );
    const {
      result: error,
      peakBytes,
      ms,
    } = await peakMemory(() =>
      rejection(clientOn(api.url).status({ accountId: ACCOUNT_ID, workflowExecutionId: EXECUTION_ID })),
    );
    expect(error).toBeInstanceOf(KyxResponseError);
    expect((error as KyxResponseError).issues[0]?.message).toContain('larger than 1048576 bytes');
    expect((error as KyxResponseError).issues[0]?.message).toContain('maxResponseBytes.json');
    await expect.poll(() => api.aborted).toBe(1);
    expect(sent).toBeLessThan(16 * 1024 * 1024); // the server was stopped early, not read to the end
    expect(peakBytes).toBeLessThan(48 * 1024 * 1024);
    Object.assign(figures, {
      'stream 100 MB sent bytes': sent,
      'stream 100 MB peak bytes': peakBytes,
      'stream 100 MB ms': ms,
    });
  }, 30_000);

  it('a 100 MB Content-Length is refused before reading; a smaller bound is configurable', async () => {
    const api = await track(
      jumio((_q, r) => {
        r.writeHead(200, { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) });
        r.write('{"a":');
      }),
    );
    const error = await rejection(
      clientOn(api.url).status({ accountId: ACCOUNT_ID, workflowExecutionId: EXECUTION_ID }),
    );
    expect((error as KyxResponseError).issues[0]?.message).toContain('Content-Length 104857600');
    const small = await track(jumio((_q, r) => json(r, { padding: 'x'.repeat(2000) })));
    const capped = await rejection(clientOn(small.url, { maxResponseBytes: { json: 1000 } }).health());
    expect((capped as KyxResponseError).issues[0]?.message).toContain('larger than 1000 bytes');
  });

  it('a brotli bomb (19 kB that expands to 100 MB) is refused as it expands, with bounded memory', async () => {
    const bomb = brotliCompressSync(Buffer.alloc(100 * 1024 * 1024, 0x20), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 1 },
    });
    const api = await track(
      jumio((_q, r) => {
        r.writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': 'br',
          'content-length': String(bomb.byteLength),
        });
        r.end(bomb);
      }),
    );
    const {
      result: error,
      peakBytes,
      ms,
    } = await peakMemory(() =>
      rejection(clientOn(api.url).details({ accountId: ACCOUNT_ID, workflowExecutionId: EXECUTION_ID })),
    );
    expect(error).toBeInstanceOf(KyxResponseError);
    expect((error as KyxResponseError).issues[0]?.message).toContain('went on past it');
    expect(peakBytes).toBeLessThan(48 * 1024 * 1024);
    Object.assign(figures, {
      'brotli compressed bytes': bomb.byteLength,
      'brotli peak bytes': peakBytes,
      'brotli ms': ms,
    });
  }, 30_000);

  it('part images have their own bound (maxResponseBytes.image)', async () => {
    const api = await track(
      jumio((_q, r) => {
        r.writeHead(200, { 'content-type': 'image/jpeg' });
        r.end(Buffer.alloc(5000, 0xff));
      }),
    );
    const client = clientOn(api.url, { maxResponseBytes: { image: 4096 } });
    const error = await rejection(client.partImage({ accountId: ACCOUNT_ID, credentialId: EXECUTION_ID }, 'FRONT'));
    expect((error as KyxResponseError).issues[0]?.message).toContain('maxResponseBytes.image');
    const fits = await clientOn(api.url).partImage({ accountId: ACCOUNT_ID, credentialId: EXECUTION_ID }, 'FRONT');
    expect(fits.data.byteLength).toBe(5000);
  });
});

describe('options are checked: the message names the option', () => {
  const base = { region: 'amer-1' as const, credentials: { clientId: 'a', clientSecret: 'b' }, userAgent: 'A/1' };
  const cases: [string, Record<string, unknown>][] = [
    ['retry.limit', { retry: { limit: Number.NaN } }],
    ['retry.limit', { retry: { limit: Number.POSITIVE_INFINITY } }],
    ['retry.limit', { retry: { limit: -1 } }],
    ['retry.limit', { retry: { limit: 1e6 } }],
    ['retry.backoffLimit', { retry: { backoffLimit: -5 } }],
    ['retry.maxRetryAfter', { retry: { maxRetryAfter: Number.NaN } }],
    ['retry.delay', { retry: { delay: 100 } }],
    ['timeout', { timeout: Number.NaN }],
    ['timeout', { timeout: Number.POSITIVE_INFINITY }],
    ['timeout', { timeout: -1 }],
    ['maxResponseBytes.json', { maxResponseBytes: { json: Number.NaN } }],
    ['maxResponseBytes.image', { maxResponseBytes: { image: -1 } }],
    ['userAgent', { userAgent: 'Acme\u0000App/1' }],
    ['userAgent', { userAgent: 'Acmé Ünboarding/1' }],
    ['userAgent', { userAgent: 'x'.repeat(300) }],
  ];
  for (const [path, patch] of cases) {
    it(`${path}: ${JSON.stringify(patch, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)).slice(0, 60)}`, () => {
      let error: unknown;
      try {
        createClient({ ...base, ...patch } as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(KyxValidationError);
      expect((error as KyxValidationError).issues.map((i) => i.path)).toEqual([path]);
    });
  }

  it('a per-call timeout that is not a finite positive number is refused before sending', async () => {
    const api = await track(jumio((_q, r) => json(r, { status: 'UP' })));
    const error = await rejection(clientOn(api.url).health({ timeout: Number.NaN }));
    expect((error as KyxValidationError).issues[0]?.path).toBe('timeout');
    expect(api.seen).toEqual([]);
  });

  it('a delay function answering NaN or a negative number waits within [0, backoffLimit], a bounded number of times', async () => {
    const api = await track(jumio((_q, r) => json(r, {}, 503)));
    const client = clientOn(api.url, { retry: { limit: 3, delay: () => Number.NaN, backoffLimit: 10, jitter: false } });
    const error = await rejection(client.health());
    expect(error.name).toBe('KyxServerError');
    expect(api.seen).toHaveLength(4);
  });
});

describe('redaction: issue paths, causes and every token seen', () => {
  let errors: HostileErrors;
  beforeAll(async () => {
    errors = await hostileCases(exposure);
  });

  it('a key the server chose (holding the tenant token or a Bearer credential) is scrubbed from issue paths', () => {
    expect(errors.issuePaths).toBeInstanceOf(KyxResponseError);
    const paths = (errors.issuePaths as KyxResponseError).issues.map((i) => i.path);
    expect(paths).toHaveLength(2);
    expect(paths.every((p) => p.includes('[redacted]'))).toBe(true);
  });

  it('the raw cause of a failing fetch is kept only behind a redacting wrapper', () => {
    const cause = errors.cause.cause as RedactedError;
    expect(cause).toBeInstanceOf(RedactedError);
    expect(cause.message).toContain('[redacted]');
    expect(String((cause.unredacted() as Error).message)).toContain(PLANTED.headerUnsafe); // there for a debugger
  });

  it('opaque (non-JWT) sdk.token and web.href tokens are scrubbed from later errors', () => {
    expect(errors.opaqueTokens.name).toBe('KyxBadRequestError');
    expect(errors.opaqueTokens.message).toContain('rejected [redacted] and [redacted]');
  });

  it("a redirect's Location shows only its origin, never the token in its query", () => {
    expect(errors.redirect).toMatchObject({ name: 'KyxRedirectError', location: 'https://elsewhere.example' });
  });

  it('the scan over every error of this file finds none of the planted secrets', () => {
    expect(exposure.secrets.size).toBeGreaterThanOrEqual(6);
    expect(exposure.shown.length).toBeGreaterThan(20);
    expect(exposure.hits().map((h) => `${h.secret} in ${h.text.slice(0, 160)}`)).toEqual([]);
  });
});
