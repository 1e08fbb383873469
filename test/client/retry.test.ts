import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  account,
  KyxNetworkError,
  KyxRateLimitError,
  KyxServerError,
  KyxTimeoutError,
  RETRY_POLICIES,
} from '../../src/index.js';
import {
  ACCOUNT_ID,
  caught,
  checkEachTestShowsNoSecret,
  EXECUTION,
  EXECUTION_ID,
  expectNoLeaks,
  type Handler,
  hang,
  json,
  jumio,
  problem,
  type Recorded,
  SEED_RESPONSE,
  setup,
  systemError,
} from '../support/client-harness.js';

checkEachTestShowsNoSecret(); // every test: nothing it showed holds a secret

const create = () => account().ref('myOrganization').workflow(10011);
const accountCalls = (calls: Recorded[]) => calls.filter((c) => c.path.startsWith('/api/v1/accounts'));
const STATUS = {
  account: { id: ACCOUNT_ID },
  workflowExecution: { id: EXECUTION_ID, definitionKey: '10011', status: 'PROCESSED' },
};

/** Jumio whose `path` answers with the scripted replies in turn (a function may throw). */
function scripted(
  match: (call: Recorded) => boolean,
  replies: ((request: Request) => Response | Promise<Response>)[],
): Handler {
  const base = jumio();
  let n = 0;
  return (call, request) => {
    if (!match(call)) return base(call, request);
    const reply = replies[Math.min(n++, replies.length - 1)];
    return reply ? reply(request) : base(call, request);
  };
}
const isAccount = (c: Recorded) => c.path === '/api/v1/accounts';
const ok = () => json(SEED_RESPONSE);

afterEach(() => {
  vi.useRealTimers();
});

describe('retry table', () => {
  it('is data in code: account POST/PUT retry only 429 and never-sent failures', () => {
    expect(RETRY_POLICIES.account).toMatchObject({ statusCodes: [429], timeouts: false, network: 'never-sent' });
    expect(RETRY_POLICIES.retrieval).toMatchObject({
      statusCodes: [429, 500, 502, 503, 504],
      timeouts: true,
      network: 'any',
    });
    expect(RETRY_POLICIES.token).toMatchObject({ timeouts: true, network: 'any' });
    expect(RETRY_POLICIES.upload.statusCodes).toEqual([429]);
    expect(RETRY_POLICIES.finalize.statusCodes).toEqual([429]);
  });
});

describe('account create (billable)', () => {
  it('429 → retried, then succeeds; each attempt is visible to the hooks', async () => {
    const { client, calls, events } = setup(
      scripted(isAccount, [() => problem(429, 'Too Many Requests', 'Request limit exceeded'), ok]),
    );
    const response = await client.send(create());
    expect(response.account.id).toBe(ACCOUNT_ID);
    expect(accountCalls(calls)).toHaveLength(2);
    const accountEvents = events.filter((e) => e.includes('"operation":"account"'));
    expect(accountEvents.map((e) => e.replace(/ \{.*"attempt":(\d+).*\}/, ' $1'))).toEqual([
      'request 1',
      'response 1',
      'retry 2',
      'request 2',
      'response 2',
    ]);
    expect(accountEvents.find((e) => e.startsWith('retry'))).toContain('status 429');
  });

  it('Retry-After is honoured: the retry waits the seconds the server asked for', async () => {
    vi.useFakeTimers();
    const { client, calls } = setup(
      scripted(isAccount, [() => problem(429, 'Too Many Requests', 'slow down', { 'Retry-After': '3' }), ok]),
    );
    const pending = client.send(create());
    await vi.advanceTimersByTimeAsync(2_999);
    expect(accountCalls(calls)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(accountCalls(calls)).toHaveLength(2);
  });

  it('backoff without Retry-After is capped by backoffLimit', async () => {
    vi.useFakeTimers();
    const { client, calls } = setup(
      scripted(isAccount, [
        () => problem(429, 'Too Many Requests', ''),
        () => problem(429, 'Too Many Requests', ''),
        ok,
      ]),
      { retry: { delay: () => 60_000, backoffLimit: 1_000, jitter: false } },
    );
    const pending = client.send(create());
    await vi.advanceTimersByTimeAsync(999);
    expect(accountCalls(calls)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(accountCalls(calls)).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    await pending;
    expect(accountCalls(calls)).toHaveLength(3);
  });

  it('persistent 429 → KyxRateLimitError after limit + 1 attempts', async () => {
    const { client, calls } = setup(
      scripted(isAccount, [() => problem(429, 'Too Many Requests', 'Request limit exceeded', { 'Retry-After': '0' })]),
      { retry: { limit: 3, delay: () => 0, jitter: false } },
    );
    const error = await caught(client.send(create()));
    expect(error).toBeInstanceOf(KyxRateLimitError);
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfter: 0, detail: 'Request limit exceeded' });
    expect(accountCalls(calls)).toHaveLength(4);
  });

  it('500 → not retried (the transaction may exist): KyxServerError', async () => {
    const { client, calls } = setup(scripted(isAccount, [() => problem(500, 'Internal Server Error', 'boom'), ok]));
    const error = await caught(client.send(create()));
    expect(error).toBeInstanceOf(KyxServerError);
    expect(accountCalls(calls)).toHaveLength(1);
  });

  it('503 → not retried either', async () => {
    const { client, calls } = setup(scripted(isAccount, [() => problem(503, 'Service Unavailable', ''), ok]));
    expect(await caught(client.send(create()))).toBeInstanceOf(KyxServerError);
    expect(accountCalls(calls)).toHaveLength(1);
  });

  it('connection reset → not retried: KyxNetworkError ECONNRESET', async () => {
    const { client, calls } = setup(
      scripted(isAccount, [
        () => {
          throw systemError('ECONNRESET');
        },
        ok,
      ]),
    );
    const error = await caught(client.send(create()));
    expect(error).toBeInstanceOf(KyxNetworkError);
    expect(error).toMatchObject({ code: 'ECONNRESET', method: 'POST', path: '/api/v1/accounts' });
    expect(accountCalls(calls)).toHaveLength(1);
  });

  it('a bare "fetch failed" TypeError → treated as ambiguous, not retried', async () => {
    const { client, calls } = setup(
      scripted(isAccount, [
        () => {
          throw new TypeError('fetch failed');
        },
        ok,
      ]),
    );
    expect(await caught(client.send(create()))).toBeInstanceOf(KyxNetworkError);
    expect(accountCalls(calls)).toHaveLength(1);
  });

  it('timeout → not retried: KyxTimeoutError', async () => {
    const { client, calls } = setup(scripted(isAccount, [hang, ok]), { timeout: 20 });
    const error = await caught(client.send(create()));
    expect(error).toBeInstanceOf(KyxTimeoutError);
    expect(error).toMatchObject({ timeout: 20, method: 'POST' });
    expect(accountCalls(calls)).toHaveLength(1);
  });

  it('connection refused → retried (provably not processed), then succeeds', async () => {
    const { client, calls, events } = setup(
      scripted(isAccount, [
        () => {
          throw systemError('ECONNREFUSED');
        },
        ok,
      ]),
    );
    expect((await client.send(create())).account.id).toBe(ACCOUNT_ID);
    expect(accountCalls(calls)).toHaveLength(2);
    expect(events.some((e) => e.startsWith('retry') && e.includes('network ECONNREFUSED'))).toBe(true);
  });

  it('update (PUT) follows the same table: 500 not retried, 429 retried', async () => {
    const isUpdate = (c: Recorded) => c.method === 'PUT';
    const update = () => account(ACCOUNT_ID).ref('x').workflow(10011);
    const failing = setup(scripted(isUpdate, [() => problem(502, 'Bad Gateway', ''), ok]));
    expect(await caught(failing.client.send(update()))).toBeInstanceOf(KyxServerError);
    expect(accountCalls(failing.calls)).toHaveLength(1);
    const limited = setup(scripted(isUpdate, [() => problem(429, 'Too Many Requests', ''), ok]));
    await limited.client.send(update());
    expect(accountCalls(limited.calls)).toHaveLength(2);
  });

  it('retry: false disables retries', async () => {
    const { client, calls } = setup(scripted(isAccount, [() => problem(429, 'Too Many Requests', ''), ok]), {
      retry: false,
    });
    expect(await caught(client.send(create()))).toBeInstanceOf(KyxRateLimitError);
    expect(accountCalls(calls)).toHaveLength(1);
  });
});

describe('token and retrieval (safe to repeat)', () => {
  const isStatus = (c: Recorded) => c.path.endsWith('/status');

  it('token endpoint 503 and reset → retried', async () => {
    const { client, calls } = setup(
      scripted(
        (c) => c.path === '/oauth2/token',
        [
          () => problem(503, 'Service Unavailable', ''),
          () => {
            throw systemError('ECONNRESET');
          },
          () => json({ access_token: 'tenant-token-x', expires_in: 3600 }),
        ],
      ),
    );
    await client.send(create());
    expect(calls.map((c) => c.path)).toEqual(['/oauth2/token', '/oauth2/token', '/oauth2/token', '/api/v1/accounts']);
  });

  it('status GET: 500, reset and timeout → retried', async () => {
    const { client, calls } = setup(
      scripted(isStatus, [
        () => problem(500, 'Internal Server Error', ''),
        () => {
          throw systemError('ECONNRESET');
        },
        hang,
        () => json(STATUS),
      ]),
      { timeout: 20, retry: { limit: 3, delay: () => 0, jitter: false } },
    );
    const status = await client.status(EXECUTION);
    expect(status.workflowExecution.status).toBe('PROCESSED');
    expect(calls.filter(isStatus)).toHaveLength(4);
  });

  it('status GET: 404 → not retried', async () => {
    const { client, calls } = setup(scripted(isStatus, [() => problem(404, 'Not Found', 'gone'), () => json(STATUS)]));
    await caught(client.status(EXECUTION));
    expect(calls.filter(isStatus)).toHaveLength(1);
  });
});

describe('uploads and finalize (transaction token)', () => {
  const isFront = (c: Recorded) => c.path.endsWith('/parts/FRONT');
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]);

  it('upload: 429 retried; 500 not retried', async () => {
    const limited = setup(scripted(isFront, [() => problem(429, 'Too Many Requests', ''), () => json({})]));
    await limited.client.upload(SEED_RESPONSE, 'front', jpeg);
    expect(limited.calls.filter(isFront)).toHaveLength(2);
    const failing = setup(scripted(isFront, [() => problem(500, 'Internal Server Error', ''), () => json({})]));
    expect(await caught(failing.client.upload(SEED_RESPONSE, 'front', jpeg))).toBeInstanceOf(KyxServerError);
    expect(failing.calls.filter(isFront)).toHaveLength(1);
  });

  it('upload: 401 is final (api.token cannot be refreshed): no token request, no replay', async () => {
    const { client, calls } = setup(scripted(isFront, [() => problem(401, 'Unauthorized', 'expired'), () => json({})]));
    const error = await caught(client.upload(SEED_RESPONSE, 'front', jpeg));
    expect(error).toMatchObject({ status: 401 });
    expect(calls.map((c) => c.path.split('/').at(-1))).toEqual(['FRONT']);
  });

  it('finalize: 429 retried, timeout not retried', async () => {
    const isFinalize = (c: Recorded) => c.method === 'PUT' && c.path.endsWith(EXECUTION_ID);
    const done = { account: { id: ACCOUNT_ID }, workflowExecution: { id: EXECUTION_ID } };
    const limited = setup(scripted(isFinalize, [() => problem(429, 'Too Many Requests', ''), () => json(done)]));
    await limited.client.finalize(SEED_RESPONSE);
    expect(limited.calls.filter(isFinalize)).toHaveLength(2);
    const slow = setup(scripted(isFinalize, [hang, () => json(done)]), { timeout: 20 });
    expect(await caught(slow.client.finalize(SEED_RESPONSE))).toBeInstanceOf(KyxTimeoutError);
    expect(slow.calls.filter(isFinalize)).toHaveLength(1);
  });
});

describe('retry: redaction', () => {
  it('leaked no secret or token in this file', () => {
    expectNoLeaks(40);
  });
});
