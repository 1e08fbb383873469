import { afterEach, describe, expect, it } from 'vitest';
import {
  type AccountBuilder,
  type AccountMode,
  account,
  allReused,
  findCredential,
  KyxHttpError,
  KyxValidationError,
  validateAccountRequest,
} from '../../src/index.js';
import type { Simulator } from '../../src/simulator/index.js';
import { simulatedClient } from '../support/simulated-client.js';
import { JPEG, PNG } from '../support/simulator.js';

// Credential reuse (part 2 §2): Jumio's own workflow-5 example, built by the builder byte for
// byte, then run by the simulator through the client: the reused ID is echoed with
// `allowedChannels: []`, the new SELFIE is uploaded and finalized; a transaction whose
// credentials are all reused needs no upload and is finalized by Jumio (the simulator) itself.

const open: Simulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const setup = () => simulatedClient(open);

const consent = {
  userIp: '226.80.211.232',
  userLocation: { country: 'USA', state: 'IL' },
  consent: { obtained: 'yes', obtainedAt: '2022-07-20T17:20:35.000Z' },
} as const;

/** Jumio's workflow-5 example body (part 2 §2), with the ids filled in, as JSON text. */
function jumioExample(credentialId: string): string {
  return JSON.stringify({
    customerInternalReference: '123',
    workflowDefinition: {
      key: 5,
      credentials: [{ id: credentialId, category: 'ID' }, { category: 'SELFIE' }],
    },
    userConsent: {
      userIp: '226.80.211.232',
      userLocation: { country: 'USA', state: 'IL' },
      consent: { obtained: 'yes', obtainedAt: '2022-07-20T17:20:35.000Z' },
    },
  });
}

const accountId = '572ac7b5-9f83-409d-ba8e-f0014e411c7e';
const credentialId = 'fdb1bc31-99a0-4671-8f2a-2bf7ca2faace';

describe("Jumio's workflow-5 example", () => {
  it('serializes byte for byte from the builder chain', () => {
    const request = account(accountId).ref('123').workflow(5).reuse('ID', credentialId).selfie().consent(consent);
    expect(JSON.stringify(request)).toBe(jumioExample(credentialId));
    expect(request.compile()).toMatchObject({ method: 'PUT', path: `/api/v1/accounts/${accountId}` });
  });

  it('round-trips: the JSON body validates as an update and comes back unchanged', () => {
    const text = jumioExample(credentialId);
    const result = validateAccountRequest(JSON.parse(text), { mode: 'update' });
    expect(result.success).toBe(true);
    expect(result.success && JSON.stringify(result.output)).toBe(text);
  });

  it('refuses a credential on file on a create (JSON), naming the entry and saying what to do', () => {
    const result = validateAccountRequest(
      {
        customerInternalReference: 'x',
        workflowDefinition: { key: 10011, credentials: [{ id: credentialId, category: 'SELFIE' }] },
      },
      { mode: 'create' },
    );
    expect(result).toEqual({
      success: false,
      issues: [
        {
          path: 'workflowDefinition.credentials.0.id',
          message:
            'reusing a credential needs an existing account: send the body to that account (PUT /api/v1/accounts/{accountId}; kyx --update)',
        },
      ],
    });
  });

  it('refuses .reuse on a create chosen at run time, and a SELFIE where the workflow collects none', () => {
    // a builder whose mode the types do not know (e.g. from a factory typed loosely)
    const dynamic = account() as unknown as AccountBuilder<AccountMode>;
    const built = dynamic.ref('x').workflow(10011).reuse('ID', credentialId).validate();
    expect(built.success).toBe(false);
    expect(!built.success && built.issues.map((i) => i.path)).toEqual(['workflowDefinition.credentials.0.id']);
    const selfie = validateAccountRequest({
      customerInternalReference: 'x',
      workflowDefinition: { key: 10026, credentials: [{ category: 'SELFIE' }] },
    });
    expect(!selfie.success && selfie.issues[0]?.message).toMatch(/does not accept a SELFIE credential/);
  });
});

describe('the simulator runs credential reuse through the client', () => {
  it('workflow 5: the reused ID has no channels, the new selfie is uploaded and finalized, similarity is decided', async () => {
    const { sim, client, clock } = setup();
    const onboarding = await client.send(account().ref('onboard').workflow(10011).consent(consent));
    await client.upload(onboarding, 'front', new Uint8Array(JPEG));
    await client.upload(onboarding, 'face', new Uint8Array(PNG));
    await client.finalize(onboarding);
    const idOnFile = findCredential(onboarding, 'ID')?.id;
    expect(idOnFile).toBeDefined();

    const request = account(onboarding.account.id)
      .ref('123')
      .workflow(5)
      .reuse('ID', idOnFile)
      .selfie()
      .consent(consent);
    const response = await client.send(request);
    const reused = findCredential(response, 'ID');
    expect(reused).toEqual({ id: idOnFile, category: 'ID', allowedChannels: [] });
    expect(findCredential(response, 'SELFIE')?.allowedChannels).toEqual(['API']);
    expect(allReused(response)).toBe(false);
    const front = await client.upload(response, 'front', new Uint8Array(JPEG)).catch((e: unknown) => e);
    expect(front).toBeInstanceOf(KyxValidationError); // the reused ID takes no upload
    expect((front as KyxValidationError).issues[0]?.message).toMatch(/reused from the account/);
    await client.upload(response, 'face', new Uint8Array(PNG));
    await client.finalize(response);
    clock.advance(100);
    await sim.tick();
    const details = await client.details(response);
    expect(details.workflow.definitionKey).toBe('5');
    expect(details.workflow.status).toBe('PROCESSED');
    const similarity = details.capabilities?.similarity?.[0];
    expect(similarity?.credentials?.map((c) => c.id)).toContain(idOnFile);
  });

  it("workflow 5 without an id takes the account's latest ID; an account without one gets a 400", async () => {
    const { client } = setup();
    const onboarding = await client.send(account().ref('onboard').workflow(10011));
    await client.upload(onboarding, 'front', new Uint8Array(JPEG));
    const latest = await client.send(account(onboarding.account.id).ref('again').workflow(5).reuse('ID').selfie());
    expect(findCredential(latest, 'ID')).toEqual({
      id: findCredential(onboarding, 'ID')?.id,
      category: 'ID',
      allowedChannels: [],
    });
    const empty = await client.send(account().ref('docv').workflow(10026).document('USA', 'BS'));
    const refused = await client
      .send(account(empty.account.id).ref('none').workflow(5).reuse('ID').selfie())
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KyxHttpError);
    expect((refused as KyxHttpError).status).toBe(400);
    expect((refused as KyxHttpError).detail).toMatch(/has none on file/);
  });

  it('all credentials reused: no upload, no finalize, Jumio (the simulator) finalizes and processes it', async () => {
    const { sim, client, clock } = setup();
    const onboarding = await client.send(account().ref('onboard').workflow(10011).consent(consent));
    await client.upload(onboarding, 'front', new Uint8Array(JPEG));
    await client.upload(onboarding, 'face', new Uint8Array(PNG));
    await client.finalize(onboarding);
    const id = findCredential(onboarding, 'ID')?.id;
    const selfie = findCredential(onboarding, 'SELFIE')?.id;
    const response = await client.send(
      account(onboarding.account.id).ref('reused').workflow(5).reuse('ID', id).reuse('SELFIE', selfie).consent(consent),
    );
    expect(response.workflowExecution.credentials.map((c) => c.allowedChannels)).toEqual([[], []]);
    expect(allReused(response)).toBe(true);
    const finalize = await client.finalize(response).catch((e: unknown) => e);
    expect(finalize).toBeInstanceOf(KyxValidationError);
    expect((finalize as KyxValidationError).issues[0]?.message).toMatch(/Jumio finalizes this transaction itself/);
    expect((await client.status(response)).workflowExecution.status).toBe('ACQUIRED');
    clock.advance(100);
    await sim.tick();
    expect((await client.status(response)).workflowExecution.status).toBe('PROCESSED');
  });
});
