import { describe, expect, it } from 'vitest';
import {
  type AccountResponse,
  account,
  type CredentialId,
  findCredential,
  KyxForbiddenError,
  KyxHttpError,
  KyxNotFoundError,
  KyxValidationError,
} from '../../src/index.js';
import {
  ACCOUNT_ID,
  caught,
  checkEachTestShowsNoSecret,
  EXECUTION,
  EXECUTION_ID,
  expectNoLeaks,
  type Handler,
  json,
  jumio,
  problem,
  type Recorded,
  SEED_JWT,
  SEED_RESPONSE,
  setup,
  TOKEN_PREFIX,
} from '../support/client-harness.js';

checkEachTestShowsNoSecret(); // every test: nothing it showed holds a secret

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9]);
const PDF = new TextEncoder().encode('%PDF-1.7 …');
const ID_CREDENTIAL = SEED_RESPONSE.workflowExecution.credentials.find((c) => c.category === 'ID');
const CREDENTIAL_ID = ID_CREDENTIAL?.id ?? '';
const apiBase = `https://api.amer-1.jumio.ai/api/v1/accounts/${ACCOUNT_ID}/workflow-executions/${EXECUTION_ID}`;
const DONE = {
  timestamp: '2022-11-28T23:46:00.000Z',
  account: { id: ACCOUNT_ID },
  workflowExecution: { id: EXECUTION_ID },
};

/** Jumio that answers everything the flow needs; records calls. */
function flowJumio(): Handler {
  const base = jumio();
  return (call, request) => {
    if (call.path.includes('/parts/')) {
      if (call.url.startsWith('https://retrieval.')) {
        return new Response(JPEG, { status: 200, headers: { 'content-type': 'image/jpeg' } });
      }
      return json({});
    }
    if (call.method === 'PUT' && call.path.endsWith(EXECUTION_ID)) return json(DONE);
    if (call.path.endsWith('/status')) {
      return json({
        account: { id: ACCOUNT_ID },
        workflowExecution: { id: EXECUTION_ID, definitionKey: '10011', status: 'NEW_STATE' },
      });
    }
    if (call.path.endsWith('/steps')) return json({ steps: [{ id: 's1', name: 'ID_IV', capabilityIds: ['c1'] }] });
    if (call.method === 'GET' && call.path.endsWith(EXECUTION_ID)) {
      return json({
        workflow: { id: EXECUTION_ID, status: 'PROCESSED', definitionKey: '10011' },
        account: { id: ACCOUNT_ID },
        createdAt: '2022-11-28T23:45:02.536Z',
        decision: { type: 'PASSED', details: { label: 'PASSED' }, risk: { score: 3 } },
        capabilities: { usability: [{ id: 'u1', decision: { type: 'PASSED', details: { label: 'OK' } } }] },
      });
    }
    if (call.method === 'DELETE') return new Response(null, { status: 200 });
    if (call.url.startsWith('https://status.')) return json({ status: 'DEGRADED', details: { retrieval: 'DOWN' } });
    return base(call, request);
  };
}

const line = (c: Recorded) => `${c.method} ${c.url}`;
const fileOf = (c: Recorded | undefined) => c?.form?.get('file') as File;

describe('credential upload', () => {
  it('front: multipart field "file" to the URL from the response, Bearer api.token, JPEG typed', async () => {
    const { client, calls } = setup(flowJumio());
    await client.upload(SEED_RESPONSE, 'front', JPEG);
    expect(calls.map(line)).toEqual([`POST ${apiBase}/credentials/${CREDENTIAL_ID}/parts/FRONT`]);
    const [upload] = calls;
    expect(upload?.headers['authorization']).toBe(`Bearer ${SEED_JWT}`);
    expect(upload?.headers['user-agent']).toBe('Acme Onboarding/1.0');
    expect(upload?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const file = fileOf(upload);
    expect(file.type).toBe('image/jpeg');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(JPEG);
    expect([...(upload?.form?.keys() ?? [])]).toEqual(['file']);
  });

  it('finds the credential by category, not by index (order shuffled)', async () => {
    const shuffled = structuredClone(SEED_RESPONSE);
    shuffled.workflowExecution.credentials.reverse();
    const { client, calls } = setup(flowJumio());
    await client.upload(shuffled, 'face', PNG);
    await client.upload(shuffled, 'back', PNG);
    expect(calls.map((c) => c.path.split('/').slice(-3).join('/'))).toEqual([
      `${findCredential(SEED_RESPONSE, 'SELFIE')?.id}/parts/FACE`,
      `${CREDENTIAL_ID}/parts/BACK`,
    ]);
    expect(fileOf(calls[0]).type).toBe('image/png');
  });

  it('accepts a credential object directly', async () => {
    const { client, calls } = setup(flowJumio());
    await client.upload(ID_CREDENTIAL as NonNullable<typeof ID_CREDENTIAL>, 'front', new Blob([JPEG]));
    expect(calls).toHaveLength(1);
  });

  const rejected: [string, () => Uint8Array | Blob, string][] = [
    ['an empty file', () => new Uint8Array(), 'must not be empty'],
    ['a file over 15 MB', () => new Blob([JPEG, new Uint8Array(15 * 1024 * 1024)]), 'must be at most 15 MB'],
    ['a GIF', () => new TextEncoder().encode('GIF89a......'), 'must be a JPEG or PNG image'],
    [
      'a PDF for an ID part',
      () => PDF,
      'a PDF is accepted for an ID part only for the Brazilian digital driving licence',
    ],
  ];
  for (const [name, file, message] of rejected) {
    it(`rejects ${name} before sending anything`, async () => {
      const { client, calls } = setup(flowJumio());
      const error = await caught(client.upload(SEED_RESPONSE, 'front', file()));
      expect(error).toBeInstanceOf(KyxValidationError);
      expect((error as KyxValidationError).issues[0]).toMatchObject({ path: 'file' });
      expect((error as KyxValidationError).issues[0]?.message).toContain(message);
      expect(calls).toEqual([]);
    });
  }

  it('DOCUMENT parts also take PDF', async () => {
    const documentResponse: AccountResponse = structuredClone(SEED_RESPONSE);
    documentResponse.workflowExecution.credentials = [
      {
        id: '9d1f64c2-5b0e-4f7a-8a43-0c8f0e2b7d11' as CredentialId,
        category: 'DOCUMENT',
        allowedChannels: ['API'],
        api: {
          token: SEED_JWT,
          parts: { document: `${apiBase}/credentials/9d1f64c2-5b0e-4f7a-8a43-0c8f0e2b7d11/parts/DOCUMENT` },
          workflowExecution: apiBase,
        },
      },
    ];
    const { client, calls } = setup(flowJumio());
    await client.upload(documentResponse, 'document', PDF);
    expect(fileOf(calls[0]).type).toBe('application/pdf');
  });

  it('says what is missing: no credential of the category, or no API channel', async () => {
    const { client, calls } = setup(flowJumio());
    const noDoc = await caught(client.upload(SEED_RESPONSE, 'document', PDF));
    expect((noDoc as KyxValidationError).issues[0]?.message).toBe(
      "part 'document': the execution collects no DOCUMENT credential (it collects ID, SELFIE and FACEMAP): upload 'front', 'back' or 'face'",
    );
    const facemap = findCredential(SEED_RESPONSE, 'FACEMAP');
    const noApi = await caught(
      client.upload({ ...(facemap as NonNullable<typeof facemap>), category: 'SELFIE' }, 'face', JPEG),
    );
    expect((noApi as KyxValidationError).issues[0]?.path).toBe('SELFIE.api');
    expect(calls).toEqual([]);
  });

  it('names the workflow the client sent, the part and the parts it collects (like the compile-time message)', async () => {
    const { client, calls } = setup(flowJumio());
    const sent: AccountResponse = await client.send(account().ref('order-1').workflow(10011));
    const error = await caught(client.upload(sent, 'document', PDF));
    expect(error).toBeInstanceOf(KyxValidationError);
    expect((error as KyxValidationError).issues).toEqual([
      {
        path: 'workflowExecution.credentials',
        message:
          "part 'document': workflow 10011 collects no DOCUMENT credential (it collects ID, SELFIE and FACEMAP): upload 'front', 'back' or 'face'",
      },
    ]);
    expect(calls.filter((c) => c.path.includes('/parts/'))).toEqual([]);
  });

  it('refuses to send the api.token to a plain-http, non-loopback part URL', async () => {
    const tampered = structuredClone(SEED_RESPONSE);
    const id = tampered.workflowExecution.credentials.find((c) => c.category === 'ID');
    if (id?.api) id.api.parts['front'] = 'http://evil.example.com/upload';
    const { client, calls } = setup(flowJumio());
    const error = await caught(client.upload(tampered, 'front', JPEG));
    expect((error as KyxValidationError).issues[0]?.path).toBe('api.parts.front');
    expect(calls).toEqual([]);
  });

  it('prepared data: JSON to the DATA credential with its api.token', async () => {
    const withData: AccountResponse = structuredClone(SEED_RESPONSE);
    const dataUrl = `${apiBase}/credentials/3c0f8a9e-1d2b-4c5e-8f70-a1b2c3d4e5f6/parts/PREPARED_DATA`;
    withData.workflowExecution.credentials.unshift({
      id: '3c0f8a9e-1d2b-4c5e-8f70-a1b2c3d4e5f6' as CredentialId,
      category: 'DATA',
      label: 'DATA',
      allowedChannels: ['API'],
      api: { token: SEED_JWT, parts: { prepared_data: dataUrl }, workflowExecution: apiBase },
    });
    const { client, calls } = setup(flowJumio());
    await client.uploadData(withData, { firstName: 'Ada', lastName: 'Lovelace' });
    expect(calls.map(line)).toEqual([`POST ${dataUrl}`]);
    expect(calls[0]?.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: `Bearer ${SEED_JWT}`,
    });
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
  });
});

describe('finalize, retrieval, deletion, health', () => {
  it('finalize: PUT on api.workflowExecution with the api.token; typed answer', async () => {
    const { client, calls } = setup(flowJumio());
    const done = await client.finalize(SEED_RESPONSE);
    expect(done.workflowExecution.id).toBe(EXECUTION_ID);
    expect(calls.map(line)).toEqual([`PUT ${apiBase}`]);
    expect(calls[0]?.headers['authorization']).toBe(`Bearer ${SEED_JWT}`);
  });

  it('retrieval: status, details, steps and a part image on the retrieval host with the tenant token', async () => {
    const { client, calls } = setup(flowJumio());
    const status = await client.status(EXECUTION);
    const details = await client.details(EXECUTION);
    const steps = await client.steps(EXECUTION);
    const image = await client.partImage({ accountId: ACCOUNT_ID, credentialId: CREDENTIAL_ID }, 'front');
    expect(status.workflowExecution.status).toBe('NEW_STATE'); // unknown states pass
    expect(details.decision?.type).toBe('PASSED');
    expect(details.capabilities?.['usability']?.[0]?.decision.details?.label).toBe('OK');
    expect(steps.steps[0]?.name).toBe('ID_IV');
    expect(image).toEqual({ contentType: 'image/jpeg', data: JPEG });
    const r = `https://retrieval.amer-1.jumio.ai/api/v1/accounts/${ACCOUNT_ID}`;
    expect(calls.map(line)).toEqual([
      'POST https://auth.amer-1.jumio.ai/oauth2/token',
      `GET ${r}/workflow-executions/${EXECUTION_ID}/status`,
      `GET ${r}/workflow-executions/${EXECUTION_ID}`,
      `GET ${r}/workflow-executions/${EXECUTION_ID}/steps`,
      `GET ${r}/credentials/${CREDENTIAL_ID}/parts/FRONT`,
    ]);
    for (const call of calls.slice(1)) {
      expect(call.headers).toMatchObject({
        authorization: `Bearer ${TOKEN_PREFIX}1`,
        'user-agent': 'Acme Onboarding/1.0',
      });
    }
  });

  it('deletion of an account and of one execution', async () => {
    const { client, calls } = setup(flowJumio());
    await client.deleteExecution(EXECUTION);
    await client.deleteAccount(ACCOUNT_ID);
    const r = `https://retrieval.amer-1.jumio.ai/api/v1/accounts/${ACCOUNT_ID}`;
    expect(calls.slice(1).map(line)).toEqual([`DELETE ${r}/workflow-executions/${EXECUTION_ID}`, `DELETE ${r}`]);
  });

  it('health: GET on the status host, no Authorization', async () => {
    const { client, calls } = setup(flowJumio(), { region: 'emea-1' });
    expect(await client.health()).toEqual({ status: 'DEGRADED', details: { retrieval: 'DOWN' } });
    expect(calls.map(line)).toEqual(['GET https://status.emea-1.jumio.ai/']);
    expect(calls[0]?.headers['authorization']).toBeUndefined();
  });

  it('ids are checked before sending (no path injection)', async () => {
    const { client, calls } = setup(flowJumio());
    const error = await caught(client.status({ accountId: '../../admin', workflowExecutionId: EXECUTION_ID }));
    expect((error as KyxValidationError).issues).toEqual([{ path: 'accountId', message: 'must be a UUID' }]);
    expect(calls).toEqual([]);
  });
});

describe('typed HTTP errors', () => {
  const failing = (status: number, title: string, detail: string): Handler => {
    const base = jumio();
    return (call, request) => (call.path.endsWith('/status') ? problem(status, title, detail) : base(call, request));
  };

  it('403 → KyxForbiddenError hinting at the User-Agent', async () => {
    const { client } = setup(failing(403, 'Forbidden', 'Access denied'));
    const error = await caught(client.status(EXECUTION));
    expect(error).toBeInstanceOf(KyxForbiddenError);
    expect(error.message).toContain('User-Agent');
  });

  it('404 → KyxNotFoundError with problem title/detail, method and path', async () => {
    const { client } = setup(failing(404, 'Not Found', 'workflow execution not found'));
    const error = await caught(client.status(EXECUTION));
    expect(error).toBeInstanceOf(KyxNotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      title: 'Not Found',
      detail: 'workflow execution not found',
      method: 'GET',
      path: `/api/v1/accounts/${ACCOUNT_ID}/workflow-executions/${EXECUTION_ID}/status`,
    });
  });

  it('405 → plain KyxHttpError (code HTTP_ERROR); a non-JSON body leaves title/detail undefined', async () => {
    const base = jumio();
    const { client } = setup((call, request) =>
      call.path.endsWith('/status') ? new Response('nope', { status: 405 }) : base(call, request),
    );
    const error = await caught(client.status(EXECUTION));
    expect(error).toBeInstanceOf(KyxHttpError);
    expect(error).toMatchObject({ status: 405, code: 'HTTP_ERROR', title: undefined, detail: undefined });
  });
});

describe('flow: redaction', () => {
  it('leaked no secret or token in this file', () => {
    expectNoLeaks(30);
  });
});
