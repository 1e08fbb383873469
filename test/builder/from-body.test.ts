import { afterEach, describe, expect, it } from 'vitest';
import {
  account,
  createClient,
  defineWorkflow,
  fromBody,
  KyxHttpError,
  KyxValidationError,
  validateAccountRequest,
} from '../../src/index.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';

// fromBody: JSON from elsewhere → a request `client.send` accepts, validated as the builder
// validates, every problem at once, in words about the JSON body.

const UUID = '572ac7b5-9f83-409d-ba8e-f0014e411c7e';

/** Three different problems: a bad tokenLifetime (field), an alpha-2 country (field), no DOCUMENT preset (workflow rule). */
const THREE_PROBLEMS = {
  customerInternalReference: 'r',
  tokenLifetime: '90 days',
  workflowDefinition: { key: 10026 },
  userConsent: { userIp: '203.0.113.7', userLocation: { country: 'DE' } },
};
const THREE_ISSUES = [
  { path: 'tokenLifetime', message: 'must be a whole number followed by s, m, h or d (e.g. 600s, 30m, 1d)' },
  {
    path: 'userConsent.userLocation.country',
    message: "country 'DE' is an ISO alpha-2 code: use its alpha-3 code 'DEU'",
  },
  {
    path: 'workflowDefinition.credentials',
    message:
      'workflow 10026 requires a DOCUMENT credential: add {"category": "DOCUMENT", "country": …, "type": …} to "workflowDefinition.credentials"',
  },
];

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('every problem at once, in words about the JSON', () => {
  it('a body with three different problems gets three issues in one KyxValidationError', () => {
    const error = thrown(() => fromBody(THREE_PROBLEMS).build());
    expect(error).toBeInstanceOf(KyxValidationError);
    expect((error as KyxValidationError).issues).toEqual(THREE_ISSUES);
    expect(validateAccountRequest(THREE_PROBLEMS)).toEqual({ success: false, issues: THREE_ISSUES });
  });

  it('the builder reports the same problems at once in its own words (.document(country, type))', () => {
    const result = account()
      .ref('r')
      .tokenLifetime('90 days' as never)
      .workflow(10026)
      .consent(THREE_PROBLEMS.userConsent as never)
      .validate();
    expect(result).toEqual({
      success: false,
      issues: [
        THREE_ISSUES[0],
        THREE_ISSUES[1],
        { path: 'workflowDefinition.credentials', message: 'workflow 10026 requires .document(country, type)' },
      ],
    });
  });

  it('JSON wording for each rule: user reference, update-only, a credential on file named on a create', () => {
    const issues = (body: object, mode?: 'update') =>
      (validateAccountRequest(body, mode ? { mode } : {}) as { issues?: unknown }).issues;
    expect(issues({ customerInternalReference: 'r', workflowDefinition: { key: 10010 } })).toEqual([
      { path: 'userReference', message: 'workflow 10010 requires a user reference: add "userReference"' },
    ]);
    expect(issues({ customerInternalReference: 'r', workflowDefinition: { key: 10014 } })).toEqual([
      {
        path: 'workflowDefinition.key',
        message:
          'workflow 10014 runs only on an existing account: send it to an existing account (PUT /api/v1/accounts/{accountId}; kyx --update)',
      },
    ]);
    expect(
      issues({
        customerInternalReference: 'r',
        workflowDefinition: { key: 10011, credentials: [{ id: UUID, category: 'ID' }] },
      }),
    ).toEqual([
      {
        path: 'workflowDefinition.credentials.0.id',
        message:
          'reusing a credential needs an existing account: send the body to that account (PUT /api/v1/accounts/{accountId}; kyx --update)',
      },
    ]);
  });

  it('a rule is not reported twice where a field check already named the place', () => {
    const body = { customerInternalReference: 'r', workflowDefinition: { key: 10026, credentials: ['DOCUMENT'] } };
    expect(validateAccountRequest(body)).toEqual({
      success: false,
      issues: [
        // one issue at the entry; the rule's "does not accept a credential of no category" is not added
        { path: 'workflowDefinition.credentials.0', message: expect.stringContaining('cannot be listed') },
        expect.objectContaining({ path: 'workflowDefinition.credentials' }),
      ],
    });
  });
});

describe('fromBody', () => {
  it('creates (POST) or updates (PUT) with the body validated; the body is copied when given', () => {
    const json = { customerInternalReference: 'r', workflowDefinition: { key: 10011 } };
    const create = fromBody(json);
    json.customerInternalReference = 'changed';
    expect(create.compile()).toEqual({
      method: 'POST',
      path: '/api/v1/accounts',
      body: { customerInternalReference: 'r', workflowDefinition: { key: 10011 } },
    });
    expect(fromBody(json, { accountId: UUID }).compile()).toMatchObject({
      method: 'PUT',
      path: `/api/v1/accounts/${UUID}`,
    });
    expect(fromBody(json, { accountId: 'nope' }).validate()).toEqual({
      success: false,
      issues: [{ path: 'accountId', message: 'must be the UUID of an existing account' }],
    });
  });

  it('applies tenant workflows and refuses an unknown key without one', () => {
    const body = { customerInternalReference: 'r', workflowDefinition: { key: 20001 } };
    expect(fromBody(body).validate().success).toBe(false);
    const tenant = defineWorkflow({ key: 20001, name: 'T', credentials: ['ID'], channels: ['API'], capabilities: [] });
    expect(fromBody(body, { workflows: [tenant] }).validate().success).toBe(true);
  });

  it('with unknownFields allow, unknown fields are sent as given and known ones keep every check', () => {
    const body = {
      customerInternalReference: 'r',
      workflowDefinition: { key: 10011 },
      web: { theme: 'dark', locale: 'x-y-z' },
    };
    expect(fromBody(body, { unknownFields: 'allow' }).validate()).toEqual({
      success: false,
      issues: [{ path: 'web.locale', message: 'must look like "es" or "pt-BR"' }],
    });
    const fine = { ...body, web: { theme: 'dark', locale: 'de' } };
    expect(fromBody(fine, { unknownFields: 'allow' }).build()).toEqual(fine);
  });
});

describe('client.send accepts fromBody and .extra() requests; the simulator takes them as sent', () => {
  const open: Simulator[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  function setup() {
    const sim = createSimulator({ rateLimits: false });
    open.push(sim);
    const sent: unknown[] = [];
    const client = createClient({
      region: 'amer-1',
      credentials: { clientId: 'acme', clientSecret: 'secret' },
      userAgent: 'Acme Onboarding/1.0',
      baseUrl: 'https://jumio.test',
      retry: false,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.url.includes('/api/v1/accounts')) sent.push(await request.clone().json());
        return sim.fetch(request);
      },
    });
    return { client, sent, sim };
  }

  const body = {
    customerInternalReference: 'r',
    workflowDefinition: {
      key: 10013,
      capabilities: { watchlistScreening: { searchProfile: 'p', additionalProperties: '' } },
    },
  };

  it('sends the additionalProperties body exactly, from fromBody and from .extra(), and the simulator accepts both', async () => {
    const { client, sent, sim } = setup();
    const fromJson = await client.send(fromBody(body, { unknownFields: 'allow' }));
    const fromBuilder = await client.send(
      account()
        .ref('r')
        .workflow(10013)
        .capability.watchlist('p')
        .extra({ workflowDefinition: { capabilities: { watchlistScreening: { additionalProperties: '' } } } }),
    );
    expect(fromJson.account.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fromBuilder.workflowExecution.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent).toEqual([body, body]);
    expect(sim.stats()).toMatchObject({ accountsCreated: 2 });
  });

  it('an invalid body is never sent', async () => {
    const { client, sent } = setup();
    await expect(client.send(fromBody(THREE_PROBLEMS))).rejects.toBeInstanceOf(KyxValidationError);
    await expect(client.send(fromBody(body))).rejects.toBeInstanceOf(KyxValidationError);
    expect(sent).toEqual([]);
  });
});

describe("the simulator's 400s speak about the JSON body", () => {
  it('reports every problem of a body sent without the checks, in JSON words', async () => {
    const sim = createSimulator({ rateLimits: false });
    try {
      const client = createClient({
        region: 'amer-1',
        credentials: { clientId: 'acme', clientSecret: 'secret' },
        userAgent: 'Acme Onboarding/1.0',
        baseUrl: 'https://jumio.test',
        retry: false,
        fetch: sim.fetch,
      });
      const body = { customerInternalReference: 'r', tokenLifetime: '1y', workflowDefinition: { key: 32 } };
      // a request that skips the library's checks, as another Jumio client would send it
      const unchecked = {
        build: () => body,
        toJSON: () => body,
        compile: () => ({ method: 'POST', path: '/api/v1/accounts', body }),
        validate: () => ({ success: true, output: body }),
      } as unknown as Parameters<typeof client.send>[0];
      const error = await client.send(unchecked).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(KyxHttpError);
      expect((error as KyxHttpError).status).toBe(400);
      expect((error as KyxHttpError).detail).toBe(
        'Invalid request: tokenLifetime: must be a whole number followed by s, m, h or d (e.g. 600s, 30m, 1d); userReference: workflow 32 requires a user reference: add "userReference"',
      );
    } finally {
      await sim.close();
    }
  });
});
