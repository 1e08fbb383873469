import { describe, expect, it } from 'vitest';
import { account, type ClientOptions, createClient, type KyxIssue, KyxValidationError } from '../../src/index.js';
import { ACCOUNT_ID, CLIENT_SECRET, EXECUTION_ID, setup } from '../support/client-harness.js';

// Every options object of the client is checked by its schema before anything is sent: each
// problem is an issue naming the field and the rule, and all of one object's problems come in
// one KyxValidationError.

const base: ClientOptions = {
  region: 'amer-1',
  credentials: { clientId: 'acme', clientSecret: CLIENT_SECRET },
  userAgent: 'Acme Onboarding/1.0',
};

/** The issues of the KyxValidationError `run` throws or rejects with (undefined when it does not fail so). */
async function issuesOf(run: () => unknown): Promise<readonly KyxIssue[] | undefined> {
  try {
    await run();
  } catch (error) {
    if (error instanceof KyxValidationError) return error.issues;
    throw error;
  }
  return undefined;
}

const client = (patch: Record<string, unknown>) => () => createClient({ ...base, ...patch } as ClientOptions);

describe('createClient options', () => {
  it('one bad nested value names its path and the rule', async () => {
    expect(await issuesOf(client({ idempotency: { leaseMs: 50 } }))).toEqual([
      { path: 'idempotency.leaseMs', message: 'must be a number of milliseconds ≥ 100' },
    ]);
    expect(await issuesOf(client({ rateLimits: { account: { perSecond: 1, burst: 0 } } }))).toEqual([
      { path: 'rateLimits.account.burst', message: 'must be an integer ≥ 1' },
    ]);
    expect(await issuesOf(client({ retry: { jitter: 'yes' } }))).toEqual([
      { path: 'retry.jitter', message: 'must be true or false' },
    ]);
    expect(await issuesOf(client({ maxResponseBytes: { json: 0.5 } }))).toEqual([
      { path: 'maxResponseBytes.json', message: 'must be a whole number of bytes from 1 to 268435456' },
    ]);
  });

  it('a baseUrl is checked with the others (absolute, no user info, https: off loopback)', async () => {
    expect(await issuesOf(client({ baseUrl: 'https://user:pw@jumio.example.com', timeout: -1 }))).toEqual([
      {
        path: 'baseUrl',
        message: 'must not carry user info (user:password@): credentials go in headers, never in URLs',
      },
      { path: 'timeout', message: 'must be a positive number of milliseconds, at most 600000' },
    ]);
    expect(await issuesOf(client({ baseUrl: 4010 }))).toEqual([
      { path: 'baseUrl', message: 'must be an absolute URL' },
    ]);
    expect(await issuesOf(client({ baseUrl: 'http://127.0.0.1:4010' }))).toBeUndefined();
  });

  it('a wrong kind of value names the object and what it must be', async () => {
    expect(await issuesOf(client({ rateLimits: [] }))).toEqual([
      { path: 'rateLimits', message: 'must be an object of limits or false' },
    ]);
    expect(await issuesOf(client({ rateLimits: { upload: 5 } }))).toEqual([
      { path: 'rateLimits.upload', message: 'must be { perSecond, burst? } or false' },
    ]);
    expect(await issuesOf(client({ retry: 3 }))).toEqual([
      { path: 'retry', message: 'must be retry settings or false' },
    ]);
    expect(await issuesOf(client({ idempotency: 'on' }))).toEqual([
      { path: 'idempotency', message: 'must be an object' },
    ]);
  });

  it('false turns limits and retries off; the defaults and good values pass', async () => {
    for (const patch of [
      { rateLimits: false, retry: false },
      { rateLimits: { account: false, retrieval: { perSecond: 2, burst: 3 } } },
      { retry: { limit: 0, backoffLimit: 0, jitter: false, delay: () => 10 } },
      { idempotency: { leaseMs: 100, retentionMs: 60_000 }, maxResponseBytes: { json: 1, image: 1024 } },
      {
        credentials: {
          initiate: { clientId: 'a', clientSecret: 'b' },
          retrieval: { clientId: 'c', clientSecret: 'd' },
        },
      },
    ]) {
      expect(await issuesOf(client(patch))).toBeUndefined();
    }
  });

  it('missing required options are each named with what to give, together', async () => {
    expect(await issuesOf(() => createClient(undefined as unknown as ClientOptions))).toEqual([
      { path: 'region', message: 'must be one of amer-1, emea-1, apac-1' },
      { path: 'credentials.clientId', message: 'must not be empty' },
      { path: 'credentials.clientSecret', message: 'must not be empty' },
      { path: 'userAgent', message: 'is required: Jumio answers 403 without one (e.g. "Acme Onboarding/1.0")' },
    ]);
    expect(await issuesOf(client({ credentials: { initiate: { clientId: 'a', clientSecret: 'b' } } }))).toEqual([
      { path: 'credentials.retrieval.clientId', message: 'must not be empty' },
      { path: 'credentials.retrieval.clientSecret', message: 'must not be empty' },
    ]);
  });

  it('several problems of one options object are reported together, in the order of the fields', async () => {
    const issues = await issuesOf(
      client({
        userAgent: 'Acme\nApp/1',
        fetch: 'global',
        baseUrl: 'http://simulator.example.com',
        timeout: 0,
        rateLimits: { account: { perSecond: -1 }, token: { perSecond: 'ten' }, bogus: { perSecond: 1 } },
        idempotency: { leaseMs: Number.POSITIVE_INFINITY, retentionMs: 1 },
        store: { get: () => undefined },
        retry: { limit: 2.5, maxRetryAfter: -1, delay: 5 },
        maxResponseBytes: { image: Number.NaN },
      }),
    );
    expect(issues).toEqual([
      { path: 'userAgent', message: 'must not contain line breaks' },
      { path: 'fetch', message: 'must be a function' },
      { path: 'baseUrl', message: 'must use https: (plain http: is allowed only for a loopback host)' },
      { path: 'timeout', message: 'must be a positive number of milliseconds, at most 600000' },
      { path: 'rateLimits.token.perSecond', message: 'must be a positive number' },
      { path: 'rateLimits.account.perSecond', message: 'must be a positive number' },
      { path: 'rateLimits.bogus', message: 'is not a limit (token, account, retrieval, upload)' },
      { path: 'idempotency.leaseMs', message: 'must be a number of milliseconds ≥ 100' },
      { path: 'idempotency.retentionMs', message: 'must be a number of milliseconds ≥ 60000' },
      { path: 'store', message: expect.stringMatching(/^must be a KyxStore \(reserve, /) },
      { path: 'retry.limit', message: 'must be a whole number of retries from 0 to 10' },
      { path: 'retry.maxRetryAfter', message: 'must be a number of milliseconds from 0 to 3600000' },
      { path: 'retry.delay', message: 'must be a function (attempt) => milliseconds' },
      { path: 'maxResponseBytes.image', message: 'must be a whole number of bytes from 1 to 268435456' },
    ]);
  });

  it('messages never echo a value: not the secret, not the user agent given', async () => {
    let error: unknown;
    try {
      createClient({
        ...base,
        credentials: { clientId: CLIENT_SECRET, clientSecret: 42 },
        userAgent: 'Acmé/1',
      } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KyxValidationError);
    expect((error as KyxValidationError).issues).toEqual([
      { path: 'credentials.clientSecret', message: 'must not be empty' },
      {
        path: 'userAgent',
        message: 'must be a valid header value: at most 256 visible ASCII characters and spaces, no control characters',
      },
    ]);
    expect((error as Error).message).not.toContain(CLIENT_SECRET);
    expect((error as Error).message).not.toContain('Acmé');
  });
});

describe('send options', () => {
  it('a bad idempotencyKey names the field and the rule; nothing is sent', async () => {
    const { client, calls } = setup();
    for (const idempotencyKey of ['', 'x'.repeat(201), 'a\u0000b', 42]) {
      expect(
        await issuesOf(() => client.send(account().ref('x').workflow(10011), { idempotencyKey } as never)),
      ).toEqual([
        { path: 'idempotencyKey', message: 'must be a string of 1–200 characters without control characters' },
      ]);
    }
    expect(calls).toEqual([]);
  });
});

describe('sendAll options', () => {
  it('a bad concurrency names the field and the rule; nothing is sent', async () => {
    const { client, calls } = setup();
    expect(await issuesOf(() => client.sendAll([], { concurrency: 0 }))).toEqual([
      { path: 'concurrency', message: 'must be an integer ≥ 1' },
    ]);
    expect(calls).toEqual([]);
  });

  it('several problems are reported together', async () => {
    const { client, calls } = setup();
    expect(
      await issuesOf(() => client.sendAll([], { concurrency: 1.5, ratePerSecond: Number.POSITIVE_INFINITY })),
    ).toEqual([
      { path: 'concurrency', message: 'must be an integer ≥ 1' },
      { path: 'ratePerSecond', message: 'must be a positive number' },
    ]);
    expect(calls).toEqual([]);
  });
});

describe('waitForResult options', () => {
  const execution = { accountId: ACCOUNT_ID, workflowExecutionId: EXECUTION_ID };

  it('a bad schedule entry names the schedule and the rule; nothing is called', async () => {
    const { client, calls } = setup();
    expect(await issuesOf(() => client.waitForResult(execution, { schedule: [0, 'soon' as never] }))).toEqual([
      { path: 'schedule', message: 'entry 1 must be a non-negative number of ms' },
    ]);
    expect(calls).toEqual([]);
  });

  it('a bad schedule and a bad deadline are reported together', async () => {
    const { client, calls } = setup();
    expect(await issuesOf(() => client.waitForResult(execution, { schedule: [5, 1], deadline: Number.NaN }))).toEqual([
      { path: 'schedule', message: 'entry 1 must not be earlier than entry 0' },
      { path: 'deadline', message: 'must be a non-negative number of ms' },
    ]);
    expect(await issuesOf(() => client.waitForResult(execution, { schedule: 'often' as never, deadline: -1 }))).toEqual(
      [
        { path: 'schedule', message: 'must list 1 to 10 times in ms (Jumio allows at most 10 status calls)' },
        { path: 'deadline', message: 'must be a non-negative number of ms' },
      ],
    );
    expect(calls).toEqual([]);
  });
});
