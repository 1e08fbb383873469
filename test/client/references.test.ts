import { describe, expect, it } from 'vitest';
import { type KyxClient, KyxValidationError, parseCallback, type UploadResponse } from '../../src/index.js';
import {
  ACCOUNT_ID,
  caught,
  checkEachTestShowsNoSecret,
  EXECUTION,
  EXECUTION_ID,
  expectNoLeaks,
  json,
  jumio,
  type Recorded,
  SEED_JWT,
  SEED_RESPONSE,
  setup,
} from '../support/client-harness.js';

checkEachTestShowsNoSecret(); // every test: nothing it showed holds a secret

// Execution references: every kind names the same execution (same URL), anything else is a
// KyxValidationError naming the field before a request is sent; upload answers are returned.
const R = `https://retrieval.amer-1.jumio.ai/api/v1/accounts/${ACCOUNT_ID}`;
const ID_CREDENTIAL = SEED_RESPONSE.workflowExecution.credentials.find((c) => c.category === 'ID');
const SELFIE_CREDENTIAL = SEED_RESPONSE.workflowExecution.credentials.find((c) => c.category === 'SELFIE');
const STATUS = {
  account: { id: ACCOUNT_ID, href: R },
  workflowExecution: { id: EXECUTION_ID, href: 'https://x', definitionKey: '10011', status: 'PROCESSED' },
};
const DETAILS = {
  workflow: { id: EXECUTION_ID, status: 'PROCESSED', definitionKey: '10011' },
  account: { id: ACCOUNT_ID },
  createdAt: '2022-11-28T23:45:02.536Z',
  credentials: [
    { id: SELFIE_CREDENTIAL?.id, category: 'SELFIE', parts: [{ classifier: 'FACE' }] },
    { id: ID_CREDENTIAL?.id, category: 'ID', parts: [{ classifier: 'FRONT' }, { classifier: 'BACK' }] },
  ],
  decision: { type: 'PASSED' },
};
const CALLBACK = parseCallback({
  callbackSentAt: '2023-03-15T19:14:51Z',
  workflowExecution: { id: EXECUTION_ID, href: 'https://x', definitionKey: '10011', status: 'PROCESSED' },
  account: { id: ACCOUNT_ID, href: 'https://y' },
});
const UPLOAD_ANSWER = {
  timestamp: '2022-11-28T23:45:10.000Z',
  account: { id: ACCOUNT_ID },
  workflowExecution: { id: EXECUTION_ID },
  api: { token: SEED_JWT, parts: { front: 'https://api.example/front' }, workflowExecution: 'https://api.example/w' },
};

function retrievalJumio() {
  const base = jumio();
  return (call: Recorded, request: Request) => {
    if (call.url.startsWith('https://retrieval.') && call.path.includes('/parts/')) {
      return new Response(new Uint8Array([0xff, 0xd8, 0xff]), {
        status: 200,
        headers: { 'content-type': 'image/jpeg' },
      });
    }
    if (call.path.includes('/parts/')) return json(UPLOAD_ANSWER);
    if (call.path.endsWith('/status')) return json(STATUS);
    if (call.method === 'GET' && call.path.endsWith(EXECUTION_ID)) return json(DETAILS);
    if (call.method === 'DELETE') return new Response(null, { status: 200 });
    return base(call, request);
  };
}
const urls = (calls: Recorded[]) => calls.filter((c) => c.url.startsWith('https://retrieval.')).map((c) => c.url);

describe('execution references', () => {
  it('an account response, a status, details, a callback payload and stored ids name the same execution', async () => {
    const { client, calls } = setup(retrievalJumio());
    const status = await client.status(SEED_RESPONSE);
    const details = await client.details(status);
    const stored = { accountId: String(ACCOUNT_ID), workflowExecutionId: String(EXECUTION_ID) };
    for (const reference of [SEED_RESPONSE, status, details, CALLBACK, stored, EXECUTION]) {
      await client.steps(reference).catch(() => undefined); // the fake has no steps: only the URL matters
    }
    await client.deleteExecution(CALLBACK);
    expect(urls(calls)).toEqual([
      `${R}/workflow-executions/${EXECUTION_ID}/status`,
      `${R}/workflow-executions/${EXECUTION_ID}`,
      ...Array.from({ length: 6 }, () => `${R}/workflow-executions/${EXECUTION_ID}/steps`),
      `${R}/workflow-executions/${EXECUTION_ID}`,
    ]);
    expect(calls.at(-1)?.method).toBe('DELETE');
  });

  it('anything else is a KyxValidationError naming the field, and nothing is sent', async () => {
    const { client, calls } = setup(retrievalJumio());
    const cases: [call: (c: KyxClient) => Promise<unknown>, path: string, message: string][] = [
      [(c) => c.status(ACCOUNT_ID as never), 'execution', 'must be an account response, a status or details response'],
      [(c) => c.status({ account: { id: ACCOUNT_ID } } as never), 'execution', 'or { accountId, workflowExecutionId }'],
      [(c) => c.details({ accountId: ACCOUNT_ID } as never), 'workflowExecutionId', 'must be a UUID'],
      [(c) => c.steps({ ...SEED_RESPONSE, account: { id: 'x/../y' } } as never), 'account.id', 'must be a UUID'],
      [(c) => c.details({ ...DETAILS, workflow: { id: 7 } } as never), 'workflow.id', 'must be a UUID'],
      [(c) => c.deleteAccount({ id: ACCOUNT_ID } as never), 'account', 'must be an account id, a response naming'],
      [(c) => c.deleteAccount('../admin'), 'accountId', 'must be a UUID'],
    ];
    for (const [call, path, message] of cases) {
      const error = await caught(call(client));
      expect(error).toBeInstanceOf(KyxValidationError);
      expect((error as KyxValidationError).issues[0]?.path).toBe(path);
      expect((error as KyxValidationError).issues[0]?.message).toContain(message);
    }
    expect(calls).toEqual([]);
  });

  it('deleteAccount takes an id, a response or { accountId }', async () => {
    const { client, calls } = setup(retrievalJumio());
    await client.deleteAccount(ACCOUNT_ID);
    await client.deleteAccount(SEED_RESPONSE);
    await client.deleteAccount({ accountId: String(ACCOUNT_ID) });
    expect(urls(calls)).toEqual([R, R, R]);
  });
});

describe('partImage', () => {
  it('finds the credential in details (by classifier), in a response (by category), or takes stored ids', async () => {
    const { client, calls } = setup(retrievalJumio());
    const details = await client.details(EXECUTION);
    await client.partImage(details, 'BACK');
    await client.partImage(details, 'face');
    await client.partImage(SEED_RESPONSE, 'FRONT');
    await client.partImage(SEED_RESPONSE, 'FACE');
    await client.partImage({ accountId: ACCOUNT_ID, credentialId: String(ID_CREDENTIAL?.id) }, 'FRONT');
    expect(urls(calls).slice(1)).toEqual([
      `${R}/credentials/${ID_CREDENTIAL?.id}/parts/BACK`,
      `${R}/credentials/${SELFIE_CREDENTIAL?.id}/parts/FACE`,
      `${R}/credentials/${ID_CREDENTIAL?.id}/parts/FRONT`,
      `${R}/credentials/${SELFIE_CREDENTIAL?.id}/parts/FACE`,
      `${R}/credentials/${ID_CREDENTIAL?.id}/parts/FRONT`,
    ]);
  });

  it('says what is missing, before sending', async () => {
    const { client, calls } = setup(retrievalJumio());
    const cases: [call: Promise<unknown>, path: string, message: string][] = [
      [
        client.partImage(SEED_RESPONSE, 'DOCUMENT'),
        'workflowExecution.credentials',
        'has no credential with a DOCUMENT part (a DOCUMENT credential)',
      ],
      [
        client.partImage(SEED_RESPONSE, 'LIVENESS_1'),
        'workflowExecution.credentials',
        'has no credential with a LIVENESS_1 part',
      ],
      [
        client.partImage({ ...DETAILS, credentials: [] } as never, 'FRONT'),
        'credentials',
        'has no credential with a FRONT part',
      ],
      [client.partImage({ accountId: ACCOUNT_ID, credentialId: 'nope' }, 'FRONT'), 'credentialId', 'must be a UUID'],
      [client.partImage(EXECUTION as never, 'FRONT'), 'credentialId', 'must be a UUID'],
      [client.partImage(SEED_RESPONSE, '../x'), 'classifier', 'must be a part classifier such as FRONT'],
    ];
    for (const [call, path, message] of cases) {
      const error = await caught(call);
      expect((error as KyxValidationError).issues[0]).toMatchObject({ path });
      expect((error as KyxValidationError).issues[0]?.message).toContain(message);
    }
    expect(calls).toEqual([]);
  });
});

describe('upload answers', () => {
  it('upload and uploadData return Jumio’s answer (ids branded, api block kept)', async () => {
    const { client } = setup(retrievalJumio());
    const answer: UploadResponse = await client.upload(
      SEED_RESPONSE,
      'front',
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
    );
    expect(answer).toEqual(UPLOAD_ANSWER);
  });

  it('an empty answer object is fine; a body that is not JSON is a KyxResponseError', async () => {
    const base = retrievalJumio();
    let body = '{}';
    const { client } = setup((call, request) =>
      call.path.includes('/parts/') && call.method === 'POST'
        ? new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })
        : base(call, request),
    );
    expect(await client.upload(SEED_RESPONSE, 'front', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toEqual({});
    body = 'OK';
    const error = await caught(client.upload(SEED_RESPONSE, 'front', new Uint8Array([0xff, 0xd8, 0xff, 0xe0])));
    expect(error).toMatchObject({ name: 'KyxResponseError' });
  });

  it('leaked no secret or token in this file (the answer’s api.token included)', () => {
    expectNoLeaks(10);
  });
});
