import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { account, type KyxBadRequestError, type KyxResponseError } from '../../src/index.js';
import {
  ACCOUNT_ID,
  CLIENT_SECRET,
  caught,
  checkEachTestShowsNoSecret,
  EXECUTION,
  expectNoLeaks,
  type Handler,
  hang,
  json,
  jumio,
  problem,
  type Recorded,
  SEED_JWT,
  SEED_RESPONSE,
  secrets,
  setup,
  shown,
  systemError,
  TOKEN_PREFIX,
} from '../support/client-harness.js';

checkEachTestShowsNoSecret(); // every test: nothing it showed holds a secret

// Every failure kind, with a server that echoes secrets back in its problem details, while the
// harness collects each error (message, stack, inspect, JSON), hook event and inspect(client).

const create = () => account().ref('myOrganization').workflow(10011);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]);

/** A Jumio that answers `path` with `reply`, after echoing what it was sent into the detail. */
function hostile(
  match: (call: Recorded) => boolean,
  reply: (call: Recorded, request: Request) => Response | Promise<Response>,
): Handler {
  const base = jumio();
  return (call, request) => (match(call) ? reply(call, request) : base(call, request));
}
const echo = (status: number) => (call: Recorded) =>
  problem(
    status,
    `Echo ${call.headers['authorization']}`,
    `you sent ${call.headers['authorization']} and ${CLIENT_SECRET} and ${SEED_JWT}`,
  );

describe('no secret or token is ever shown', () => {
  it('the fake Jumio did receive the secrets (so the scan below could find them)', async () => {
    const { client, calls } = setup();
    const response = await client.send(create());
    await client.upload(response, 'front', JPEG).catch(() => undefined);
    const sent = JSON.stringify(calls.map((c) => c.headers));
    expect(sent).toContain(TOKEN_PREFIX);
    expect(sent).toContain(SEED_JWT);
    expect(sent).toContain(Buffer.from(`acme-client-id:${CLIENT_SECRET}`).toString('base64'));
  });

  it('the scan finds a planted secret (positive control)', () => {
    const texts = [`oops ${SEED_JWT}`, `Bearer ${TOKEN_PREFIX}9`, `x${CLIENT_SECRET}x`];
    const hits = texts.flatMap((t) => secrets().filter((s) => t.includes(s)));
    expect(hits.length).toBeGreaterThanOrEqual(3);
  });

  for (const status of [400, 401, 403, 404, 429, 500, 503]) {
    it(`HTTP ${status} whose body echoes Authorization, the client secret and the JWT`, async () => {
      const { client } = setup(
        hostile((c) => c.path === '/api/v1/accounts', echo(status)),
        {
          retry: { limit: 1, delay: () => 0, jitter: false },
        },
      );
      const error = await caught(client.send(create()));
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.message).toContain('[redacted]');
    });
  }

  it('HTTP errors on upload and finalize (the api.token is in play)', async () => {
    const { client } = setup(hostile((c) => c.url.startsWith('https://api.'), echo(401)));
    await caught(client.upload(SEED_RESPONSE, 'front', JPEG));
    await caught(client.finalize(SEED_RESPONSE));
  });

  it('HTTP errors on retrieval and deletion', async () => {
    const { client } = setup(hostile((c) => c.url.startsWith('https://retrieval.'), echo(404)));
    await caught(client.status(EXECUTION));
    await caught(client.details(EXECUTION));
    await caught(client.deleteAccount(ACCOUNT_ID));
  });

  it('token endpoint failures', async () => {
    const { client } = setup(hostile((c) => c.path === '/oauth2/token', echo(401)));
    await caught(client.send(create()));
    const broken = setup(
      hostile(
        (c) => c.path === '/oauth2/token',
        () => json({ access_token: '', expires_in: 'soon' }),
      ),
    );
    await caught(broken.client.send(create()));
  });

  it('network errors, timeouts and malformed responses', async () => {
    const refused = setup(
      hostile(
        (c) => c.path === '/api/v1/accounts',
        () => {
          throw systemError('ECONNRESET');
        },
      ),
    );
    await caught(refused.client.send(create()));
    const slow = setup(
      hostile(
        (c) => c.path === '/api/v1/accounts',
        (_c, request) => hang(request),
      ),
      { timeout: 10 },
    );
    await caught(slow.client.send(create()));
    const malformed = setup(
      hostile(
        (c) => c.path === '/api/v1/accounts',
        () => json({ ...SEED_RESPONSE, account: { id: SEED_JWT } }),
      ),
    );
    await caught(malformed.client.send(create()));
    const wrongShape = setup(
      hostile(
        (c) => c.path === '/api/v1/accounts',
        () =>
          json({
            ...SEED_RESPONSE,
            sdk: SEED_JWT,
            web: `https://x.web.amer-1.jumio.ai/?authorizationToken=${SEED_JWT}`,
          }),
      ),
    );
    const error = await caught(wrongShape.client.send(create()));
    expect((error as KyxResponseError).issues.map((i) => i.path)).toEqual(['web', 'sdk']);
  });

  it('validation errors (builder, options, upload checks)', async () => {
    const { client } = setup();
    await caught(
      client.send(
        account()
          .ref('bad/ref' as string)
          .workflow(10011),
      ),
    );
    await caught(client.upload(SEED_RESPONSE, 'front', new TextEncoder().encode(`GIF89a ${SEED_JWT}`)));
    await caught(client.sendAll([create()], { concurrency: 0 }));
  });

  it('inspect(client) shows region and user agent only', () => {
    const { client } = setup();
    expect(inspect(client)).toBe(`KyxClient { region: 'amer-1', userAgent: "Acme Onboarding/1.0" }`);
    expect(JSON.stringify(client)).toBe('{"region":"amer-1","userAgent":"Acme Onboarding/1.0"}');
  });

  it('problem details are kept, minus the secrets', async () => {
    const { client } = setup(
      hostile(
        (c) => c.path === '/api/v1/accounts',
        () => problem(400, 'Bad Request', `workflowDefinition.key is invalid; token was ${SEED_JWT}`),
      ),
    );
    const error = (await caught(client.send(create()))) as KyxBadRequestError;
    expect(error.detail).toBe('workflowDefinition.key is invalid; token was [redacted]');
  });

  it('leaked no secret or token anywhere in this file (errors, hook events, inspect output)', () => {
    expect(shown.some((text) => text.includes('"operation":"upload"'))).toBe(true);
    expect(shown.some((text) => text.includes('KyxTimeoutError'))).toBe(true);
    expectNoLeaks(100);
  });
});
