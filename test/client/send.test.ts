import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  account,
  createClient,
  KyxAuthenticationError,
  KyxResponseError,
  KyxValidationError,
  REGIONS,
} from '../../src/index.js';
import {
  ACCOUNT_ID,
  CLIENT_ID,
  CLIENT_SECRET,
  caught,
  checkEachTestShowsNoSecret,
  expectNoLeaks,
  json,
  jumio,
  problem,
  SEED_RESPONSE,
  setup,
  TOKEN_PREFIX,
} from '../support/client-harness.js';

/** For tests of token sharing: the tenant's account rate (1/s after a burst of 5) would only add waiting. */
const NO_RATE_LIMITS = { rateLimits: false } as const;

checkEachTestShowsNoSecret(); // every test: nothing it showed holds a secret

const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
const create = () => account().ref('myOrganization').workflow(10011);

afterEach(() => {
  vi.useRealTimers();
});

describe('send: request sequence and headers', () => {
  it('create: token (Basic, form body) then POST /api/v1/accounts with Bearer, Accept, Content-Type, User-Agent', async () => {
    const { client, calls } = setup();
    const response = await client.send(create());
    expect(response.account.id).toBe(ACCOUNT_ID);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST https://auth.amer-1.jumio.ai/oauth2/token',
      'POST https://account.amer-1.jumio.ai/api/v1/accounts',
    ]);
    const [token, create_] = calls;
    expect(token?.headers).toMatchObject({
      authorization: basic,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      'user-agent': 'Acme Onboarding/1.0',
    });
    expect(token?.body).toBe('grant_type=client_credentials');
    expect(create_?.headers).toMatchObject({
      authorization: `Bearer ${TOKEN_PREFIX}1`,
      accept: 'application/json',
      'content-type': 'application/json',
      'user-agent': 'Acme Onboarding/1.0',
    });
    expect(JSON.parse(create_?.body ?? '')).toEqual({
      customerInternalReference: 'myOrganization',
      workflowDefinition: { key: 10011 },
    });
  });

  it('update: PUT /api/v1/accounts/{accountId} with the same headers and body shape', async () => {
    const { client, calls } = setup();
    await client.send(account(ACCOUNT_ID).ref('x').workflow(10011));
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST https://auth.amer-1.jumio.ai/oauth2/token',
      `PUT https://account.amer-1.jumio.ai/api/v1/accounts/${ACCOUNT_ID}`,
    ]);
    expect(calls[1]?.headers['authorization']).toBe(`Bearer ${TOKEN_PREFIX}1`);
    expect(JSON.parse(calls[1]?.body ?? '')).toEqual({
      customerInternalReference: 'x',
      workflowDefinition: { key: 10011 },
    });
  });

  for (const region of REGIONS) {
    it(`region ${region}: auth and account hosts of that data center`, async () => {
      const { client, calls } = setup(jumio(), { region });
      expect(client.region).toBe(region);
      await client.send(create());
      expect(calls.map((c) => c.url)).toEqual([
        `https://auth.${region}.jumio.ai/oauth2/token`,
        `https://account.${region}.jumio.ai/api/v1/accounts`,
      ]);
    });
  }

  it('baseUrl points every host at one origin (loopback http allowed)', async () => {
    const { client, calls } = setup(jumio(), { baseUrl: 'http://127.0.0.1:4010/' });
    await client.send(create());
    expect(calls.map((c) => c.url)).toEqual([
      'http://127.0.0.1:4010/oauth2/token',
      'http://127.0.0.1:4010/api/v1/accounts',
    ]);
  });

  it('refuses plain http to a non-loopback baseUrl, bad regions and a missing User-Agent, naming the field', () => {
    const base = { region: 'amer-1' as const, credentials: { clientId: 'a', clientSecret: CLIENT_SECRET } };
    expect(() => createClient({ ...base, userAgent: 'x', baseUrl: 'http://simulator.example.com' })).toThrow(
      /baseUrl: must use https:/,
    );
    expect(() => createClient({ ...base, userAgent: '' })).toThrow(/userAgent: is required/);
    expect(() => createClient({ ...base, userAgent: 'x', region: 'us' as never })).toThrow(
      /region: must be one of amer-1, emea-1, apac-1/,
    );
    const error = (() => {
      try {
        createClient({ ...base, credentials: { clientId: '', clientSecret: CLIENT_SECRET }, userAgent: 'x' });
      } catch (e) {
        return e as KyxValidationError;
      }
    })();
    expect(error).toBeInstanceOf(KyxValidationError);
    expect(error?.issues).toEqual([{ path: 'credentials.clientId', message: 'must not be empty' }]);
    expect(error?.message).not.toContain(CLIENT_SECRET);
  });

  it('an invalid builder throws KyxValidationError and nothing is sent', async () => {
    const { client, calls } = setup();
    const error = await caught(
      client.send(
        account()
          .ref('bad/ref' as string)
          .workflow(10011),
      ),
    );
    expect(error).toBeInstanceOf(KyxValidationError);
    expect((error as KyxValidationError).issues[0]?.path).toBe('customerInternalReference');
    expect(calls).toEqual([]);
  });
});

describe('send: response validation', () => {
  it("the seed's response example parses into AccountResponse", async () => {
    const { client } = setup();
    const response = await client.send(create());
    expect(response).toEqual(SEED_RESPONSE);
    const categories = response.workflowExecution.credentials.map((c) => c.category);
    expect(categories).toEqual(['ID', 'FACEMAP', 'SELFIE']);
  });

  it('lenient: unknown fields and categories pass', async () => {
    const extended = structuredClone(SEED_RESPONSE) as unknown as Record<string, unknown>;
    extended['newTopLevel'] = { x: 1 };
    (extended['workflowExecution'] as { credentials: unknown[] }).credentials.push({
      id: '0b9c7d1e-8a1f-4a57-9d6e-3f1b2c4d5e6f',
      category: 'VOICEPRINT',
      allowedChannels: ['SDK', 'TELEPATHY'],
    });
    const base = jumio();
    const { client } = setup((call, request) =>
      call.path === '/api/v1/accounts' ? json(extended) : base(call, request),
    );
    const response = await client.send(create());
    expect(response.workflowExecution.credentials.at(-1)?.category).toBe('VOICEPRINT');
  });

  const broken: [string, () => Response, string][] = [
    ['not JSON', () => new Response('<html>oops</html>', { status: 200 }), ''],
    ['no account id', () => json({ ...SEED_RESPONSE, account: {} }), 'account.id'],
    [
      'a part URL that is not a URL',
      () => {
        const bad = structuredClone(SEED_RESPONSE);
        const id = bad.workflowExecution.credentials.find((c) => c.category === 'ID');
        if (id?.api) id.api.parts['front'] = 'not a url';
        return json(bad);
      },
      'workflowExecution.credentials.0.api.parts.front',
    ],
    ['no workflow execution', () => json({ timestamp: 't', account: { id: ACCOUNT_ID } }), 'workflowExecution'],
  ];
  for (const [name, reply, path] of broken) {
    it(`malformed response (${name}) → KyxResponseError naming ${path || 'the body'}`, async () => {
      const base = jumio();
      const { client } = setup((call, request) => (call.path === '/api/v1/accounts' ? reply() : base(call, request)));
      const error = await caught(client.send(create()));
      expect(error).toBeInstanceOf(KyxResponseError);
      expect(error).toBeInstanceOf(KyxValidationError);
      expect((error as KyxResponseError).issues.map((i) => i.path)).toContain(path);
      expect((error as KyxResponseError).method).toBe('POST');
    });
  }
});

describe('send: OAuth2 token', () => {
  it('one token for many sequential sends', async () => {
    const { client, calls } = setup(jumio(), NO_RATE_LIMITS);
    for (let i = 0; i < 5; i++) await client.send(create());
    expect(calls.filter((c) => c.path === '/oauth2/token')).toHaveLength(1);
    expect(new Set(calls.slice(1).map((c) => c.headers['authorization']))).toEqual(
      new Set([`Bearer ${TOKEN_PREFIX}1`]),
    );
  });

  it('one token request shared by concurrent sends', async () => {
    const { client, calls } = setup(jumio(), NO_RATE_LIMITS);
    await Promise.all(Array.from({ length: 6 }, () => client.send(create())));
    expect(calls.filter((c) => c.path === '/oauth2/token')).toHaveLength(1);
    expect(calls.filter((c) => c.path === '/api/v1/accounts')).toHaveLength(6);
  });

  it('the token is reused until shortly before expires_in, then renewed', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z'), toFake: ['Date'] });
    const { client, calls } = setup();
    await client.send(create());
    vi.setSystemTime(new Date('2026-01-01T00:58:00Z')); // 3480 s of 3600: still valid
    await client.send(create());
    vi.setSystemTime(new Date('2026-01-01T00:59:30Z')); // within the 60 s skew: renew
    await client.send(create());
    expect(calls.filter((c) => c.path === '/api/v1/accounts').map((c) => c.headers['authorization'])).toEqual([
      `Bearer ${TOKEN_PREFIX}1`,
      `Bearer ${TOKEN_PREFIX}1`,
      `Bearer ${TOKEN_PREFIX}2`,
    ]);
  });

  it('401 from the account endpoint → token refreshed and the request replayed once', async () => {
    const base = jumio();
    let rejected = false;
    const { client, calls, events } = setup((call, request) => {
      if (call.path === '/api/v1/accounts' && !rejected) {
        rejected = true;
        return problem(401, 'Unauthorized', 'The provided credentials are invalid');
      }
      return base(call, request);
    });
    const response = await client.send(create());
    expect(response.account.id).toBe(ACCOUNT_ID);
    expect(calls.map((c) => `${c.method} ${c.path} ${c.headers['authorization']?.split(' ')[0]}`)).toEqual([
      'POST /oauth2/token Basic',
      'POST /api/v1/accounts Bearer',
      'POST /oauth2/token Basic',
      'POST /api/v1/accounts Bearer',
    ]);
    expect(calls[1]?.headers['authorization']).toBe(`Bearer ${TOKEN_PREFIX}1`);
    expect(calls[3]?.headers['authorization']).toBe(`Bearer ${TOKEN_PREFIX}2`);
    expect(events.filter((e) => e.startsWith('retry'))).toHaveLength(1);
    expect(events.find((e) => e.startsWith('retry'))).toContain('token refreshed');
  });

  it('a second 401 is final: KyxAuthenticationError after exactly one replay', async () => {
    const base = jumio();
    const { client, calls } = setup((call, request) =>
      call.path === '/api/v1/accounts' ? problem(401, 'Unauthorized', 'expired') : base(call, request),
    );
    const error = await caught(client.send(create()));
    expect(error).toBeInstanceOf(KyxAuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED', title: 'Unauthorized', detail: 'expired' });
    expect(calls.filter((c) => c.path === '/api/v1/accounts')).toHaveLength(2);
    expect(calls.filter((c) => c.path === '/oauth2/token')).toHaveLength(2);
  });

  it('without an onResponse hook (no afterResponse clone), a 401 still refreshes and replays once, even with retry: false', async () => {
    const base = jumio();
    let rejected = false;
    const reasons: string[] = [];
    const { client, calls } = setup(
      (call, request) => {
        if (call.path === '/api/v1/accounts' && !rejected) {
          rejected = true;
          return problem(401, 'Unauthorized', 'expired');
        }
        return base(call, request);
      },
      { retry: false, hooks: { onRetry: (event) => reasons.push(event.reason) } },
    );
    const response = await client.send(create());
    expect(response.account.id).toBe(ACCOUNT_ID);
    expect(calls.filter((c) => c.path === '/api/v1/accounts').map((c) => c.headers['authorization'])).toEqual([
      `Bearer ${TOKEN_PREFIX}1`,
      `Bearer ${TOKEN_PREFIX}2`,
    ]);
    expect(reasons).toEqual(['token refreshed']);
  });

  it('without hooks, a retrieval 401 refreshes and replays once; a second 401 is final', async () => {
    const base = jumio();
    const details = `/api/v1/accounts/${ACCOUNT_ID}/workflow-executions/00000000-0000-4000-8000-000000000001`;
    const { client, calls } = setup(
      (call, request) => (call.path === details ? problem(401, 'Unauthorized', 'expired') : base(call, request)),
      { hooks: {} },
    );
    const error = await caught(
      client.details({ accountId: ACCOUNT_ID, workflowExecutionId: '00000000-0000-4000-8000-000000000001' }),
    );
    expect(error).toBeInstanceOf(KyxAuthenticationError);
    expect(error).toMatchObject({ status: 401, detail: 'expired' });
    expect(calls.map((c) => c.path)).toEqual(['/oauth2/token', details, '/oauth2/token', details]);
  });

  it('concurrent 401s share one refresh: each request replays once, one new token', async () => {
    const base = jumio();
    const { client, calls } = setup(
      (call, request) =>
        call.path === '/api/v1/accounts' && call.headers['authorization'] === `Bearer ${TOKEN_PREFIX}1`
          ? problem(401, 'Unauthorized', 'expired')
          : base(call, request),
      NO_RATE_LIMITS,
    );
    await Promise.all(Array.from({ length: 4 }, () => client.send(create())));
    expect(calls.filter((c) => c.path === '/oauth2/token')).toHaveLength(2);
    expect(calls.filter((c) => c.path === '/api/v1/accounts')).toHaveLength(8);
  });

  it('a hook that throws does not break the call', async () => {
    const { client } = setup(jumio(), {
      hooks: {
        onRequest: () => {
          throw new Error('broken logger');
        },
      },
    });
    expect((await client.send(create())).account.id).toBe(ACCOUNT_ID);
  });

  it('rejected client credentials → KyxAuthenticationError from the token endpoint, no account request', async () => {
    const { client, calls } = setup(() => problem(401, 'Unauthorized', 'bad client'));
    const error = await caught(client.send(create()));
    expect(error).toBeInstanceOf(KyxAuthenticationError);
    expect((error as KyxAuthenticationError).path).toBe('/oauth2/token');
    expect(calls.map((c) => c.path)).toEqual(['/oauth2/token']);
  });
});

describe('send: redaction', () => {
  it('leaked no secret or token in this file', () => {
    expectNoLeaks(20);
  });
});
