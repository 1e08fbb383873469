import * as v from 'valibot';
import { AccountResponseSchema } from '../../src/schemas.js';
import type { Simulator } from '../../src/simulator/index.js';
import { fileForm, JPEG, PNG, UA } from './simulator.js';

/** The origin in-process requests name; responses point back at it. */
export const BASE = 'http://jumio.test';

/** A tenant session against an in-process simulator: token plus helpers for each step. */
export async function session(sim: Simulator) {
  const tokenResponse = await sim.fetch(`${BASE}/oauth2/token`, {
    method: 'POST',
    headers: { ...UA, authorization: `Basic ${btoa('client:secret')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const headers = { ...UA, authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  async function create(body: unknown, accountId?: string) {
    const url = accountId ? `${BASE}/api/v1/accounts/${accountId}` : `${BASE}/api/v1/accounts`;
    const response = await sim.fetch(url, { method: accountId ? 'PUT' : 'POST', headers, body: JSON.stringify(body) });
    return response;
  }
  async function created(body: unknown, accountId?: string) {
    const response = await create(body, accountId);
    if (response.status !== 200) throw new Error(`create failed: ${response.status} ${await response.text()}`);
    return v.parse(AccountResponseSchema, await response.json());
  }
  type Created = Awaited<ReturnType<typeof created>>;
  const credential = (account: Created, category: string) => {
    const found = account.workflowExecution.credentials.find((c) => c.category === category);
    if (!found?.api) throw new Error(`no API credential ${category}`);
    return found as typeof found & { api: NonNullable<typeof found.api> };
  };
  const upload = (account: Created, category: string, part: string, bytes: Buffer) => {
    const c = credential(account, category);
    return sim.fetch(c.api.parts[part] as string, {
      method: 'POST',
      headers: { ...UA, authorization: `Bearer ${c.api.token}` },
      body: fileForm(bytes),
    });
  };
  const finalize = (account: Created, category = account.workflowExecution.credentials[0]?.category ?? 'ID') => {
    const c = credential(account, category);
    return sim.fetch(c.api.workflowExecution, {
      method: 'PUT',
      headers: { ...UA, authorization: `Bearer ${c.api.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
  };
  const executionUrl = (account: Created) =>
    `${BASE}/api/v1/accounts/${account.account.id}/workflow-executions/${account.workflowExecution.id}`;
  const get = (url: string) => sim.fetch(url, { headers });
  /** Uploads the API parts a 10011-style workflow needs (ID front, SELFIE face) and finalizes. */
  async function acquire(account: Created) {
    await upload(account, 'ID', 'front', JPEG);
    await upload(account, 'SELFIE', 'face', PNG);
    const response = await finalize(account, 'ID');
    if (response.status !== 200) throw new Error(`finalize failed: ${response.status} ${await response.text()}`);
  }
  return { token, headers, create, created, credential, upload, finalize, executionUrl, get, acquire };
}
