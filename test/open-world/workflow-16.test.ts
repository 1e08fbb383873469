import { afterEach, describe, expect, it } from 'vitest';
import { account, KyxValidationError, validateAccountRequest } from '../../src/index.js';
import type { Simulator } from '../../src/simulator/index.js';
import { simulatedClient } from '../support/simulated-client.js';
import { JPEG, PDF } from '../support/simulator.js';

// Workflow 16 (Authentication on Premise, part 2 §3.1): update only; the response carries two
// FACEMAP credentials and the stored facemap (a binary file) goes to the one whose
// allowedChannels include API, as application/octet-stream. And PDF ID parts (§4): only for the
// Brazilian digital driving licence preset, in the client and in the simulator.

const open: Simulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const setup = (seen: Request[] = []) => simulatedClient(open, { onRequest: (request) => seen.push(request) });

const consent = {
  userIp: '203.0.113.7',
  userLocation: { country: 'USA', state: 'IL' },
  consent: { obtained: 'yes', obtainedAt: '2022-07-20T17:20:35.000Z' },
} as const;

/** A facemap as an on-premise store keeps it: opaque bytes, no image signature. */
const FACEMAP = new Uint8Array([0x00, 0x46, 0x4d, 0x01, 0x02, 0x03, 0xfe, 0xff]);

describe('workflow 16', () => {
  it('runs only on an existing account', () => {
    const result = validateAccountRequest({ customerInternalReference: 'x', workflowDefinition: { key: 16 } });
    expect(result).toEqual({
      success: false,
      issues: [
        {
          path: 'workflowDefinition.key',
          message:
            'workflow 16 runs only on an existing account: send it to an existing account (PUT /api/v1/accounts/{accountId}; kyx --update)',
        },
      ],
    });
  });

  it('end to end through the client: two FACEMAP credentials, the binary goes to the API one, finalize, authentication decided', async () => {
    const seen: Request[] = [];
    const { sim, client, clock } = setup(seen);
    const onboarding = await client.send(account().ref('onboard').workflow(10011).consent(consent));
    const response = await client.send(account(onboarding.account.id).ref('login').workflow(16).consent(consent));
    const facemaps = response.workflowExecution.credentials.filter((c) => c.category === 'FACEMAP');
    expect(facemaps.map((c) => c.allowedChannels)).toEqual([['API'], ['WEB', 'SDK']]);
    expect(response.workflowExecution.credentials.find((c) => c.category === 'SELFIE')?.allowedChannels).toEqual([
      'WEB',
      'SDK',
    ]);
    const uploaded = await client.upload(response, 'facemap', FACEMAP);
    expect(uploaded.workflowExecution?.id).toBe(response.workflowExecution.id);
    const upload = seen.find((r) => r.url.endsWith('/parts/FACEMAP'));
    expect(upload?.url).toContain(`/credentials/${facemaps[0]?.id}/`);
    const file = (await upload?.formData())?.get('file') as File;
    expect(file.type).toBe('application/octet-stream');
    expect(file.name).toBe('facemap.bin');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(FACEMAP);
    await client.finalize(response);
    clock.advance(100);
    await sim.tick();
    const details = await client.details(response);
    expect(details.workflow.definitionKey).toBe('16');
    expect(details.workflow.status).toBe('PROCESSED');
    expect(details.capabilities?.authentication?.length).toBeGreaterThan(0);
  });

  it('the simulator takes no facemap binary on other workflows (their FACEMAP is captured by SDK or WEB)', async () => {
    const { client } = setup();
    const response = await client.send(account().ref('idv').workflow(10011));
    // @ts-expect-error: 10011 takes no facemap binary (its FACEMAP is captured by SDK or WEB); checked at run time too
    const refused = await client.upload(response, 'facemap', FACEMAP).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KyxValidationError);
    expect((refused as KyxValidationError).issues[0]?.message).toMatch(/API channel is not allowed/);
  });
});

describe('PDF for an ID part', () => {
  it('is accepted for the Brazilian digital driving licence preset (client and simulator)', async () => {
    const { client } = setup();
    const response = await client.send(
      account().ref('cnh').workflow(10011).id({ country: 'BRA', type: 'DRIVING_LICENSE' }),
    );
    await client.upload(response, 'front', new Uint8Array(PDF));
    await client.upload(response, 'face', new Uint8Array(JPEG));
    await expect(client.finalize(response)).resolves.toMatchObject({
      workflowExecution: { id: response.workflowExecution.id },
    });
  });

  it('is refused elsewhere, before anything is sent, with a message that says why', async () => {
    const seen: Request[] = [];
    const { client } = setup(seen);
    for (const request of [
      account().ref('usa').workflow(10011).id({ country: 'USA', type: 'DRIVING_LICENSE' }),
      account()
        .ref('bra')
        .workflow(10011)
        .id({ country: 'BRA', type: ['DRIVING_LICENSE', 'ID_CARD'] }),
      account().ref('none').workflow(10011),
    ]) {
      const response = await client.send(request);
      const refused = await client.upload(response, 'front', new Uint8Array(PDF)).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(KyxValidationError);
      expect((refused as KyxValidationError).issues).toEqual([
        { path: 'file', message: expect.stringMatching(/only for the Brazilian digital driving licence/) },
      ]);
    }
    expect(seen.filter((r) => r.url.includes('/parts/'))).toEqual([]);
  });

  it('the simulator refuses it by itself too (a client that skipped the check)', async () => {
    const { client, sim } = setup();
    const response = await client.send(account().ref('usa').workflow(10011).id({ country: 'USA' }));
    const front = response.workflowExecution.credentials.find((c) => c.category === 'ID');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)]), 'front.pdf');
    const answer = await sim.fetch(
      new Request(front?.api?.parts['front'] ?? '', {
        method: 'POST',
        headers: { authorization: `Bearer ${front?.api?.token}`, 'user-agent': 'Acme Onboarding/1.0' },
        body: form,
      }),
    );
    expect(answer.status).toBe(400);
    expect(await answer.text()).toMatch(/only for the Brazilian digital driving licence/);
    const bra = await client.send(account().ref('cnh').workflow(10011).id({ country: 'BRA', type: 'DRIVING_LICENSE' }));
    const braFront = bra.workflowExecution.credentials.find((c) => c.category === 'ID');
    const ok = await sim.fetch(
      new Request(braFront?.api?.parts['front'] ?? '', {
        method: 'POST',
        headers: { authorization: `Bearer ${braFront?.api?.token}`, 'user-agent': 'Acme Onboarding/1.0' },
        body: form,
      }),
    );
    expect(ok.status).toBe(200);
  });
});
