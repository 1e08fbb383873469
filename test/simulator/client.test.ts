import { afterEach, describe, expect, it } from 'vitest';
import { account, KyxHttpError } from '../../src/index.js';
import type { Simulator } from '../../src/simulator/index.js';
import { simulatedClient } from '../support/simulated-client.js';
import { JPEG, PDF, PNG } from '../support/simulator.js';

// The library's own client against the in-process simulator: the two sides of the contract
// agree (no socket; the simulator's fetch is the client's fetch).
const open: Simulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const setup = () => simulatedClient(open);

describe('createClient against the simulator', () => {
  it('runs the whole ID + selfie flow: send, upload, finalize, status, details, steps, part image, delete', async () => {
    const { sim, client, clock } = setup();
    expect(await client.health()).toEqual({ status: 'UP' });
    const created = await client.send(account().ref('client-flow').workflow(10011));
    await client.upload(created, 'front', new Uint8Array(JPEG));
    await client.upload(created, 'face', new Uint8Array(PNG));
    await client.finalize(created);
    expect((await client.status(created)).workflowExecution.status).toBe('ACQUIRED');
    clock.advance(100);
    await sim.tick();
    expect((await client.status(created)).workflowExecution.status).toBe('PROCESSED');
    const details = await client.details(created);
    expect(details.decision?.type).toBe('PASSED');
    const steps = await client.steps(created);
    expect(steps.steps.length).toBeGreaterThan(0);
    const image = await client.partImage(details, 'FRONT'); // the credential whose parts name FRONT
    expect(image.contentType).toBe('image/jpeg');
    expect(Buffer.from(image.data).equals(JPEG)).toBe(true);
    expect((await client.partImage(created, 'face')).contentType).toBe('image/png'); // by category: SELFIE
    await client.deleteExecution(created);
    const gone = await client.status(created).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(KyxHttpError);
    expect((gone as KyxHttpError).status).toBe(404);
    await client.deleteAccount(created);
    expect(sim.stats()).toMatchObject({ accounts: 0, accountsCreated: 1, uploads: 2 });
  });

  it('uploads a PDF document (10026) and prepared data (10010)', async () => {
    const { sim, client } = setup();
    const docv = await client.send(account().ref('docv').workflow(10026).document('USA', 'BS'));
    await client.upload(docv, 'document', new Uint8Array(PDF));
    await client.finalize(docv);
    const screening = await client.send(account().ref('wl').user('u-1').workflow(10010));
    await client.uploadData(screening, { firstName: 'ALEX', lastName: 'ROSSI' });
    await client.finalize(screening);
    expect(sim.stats().executions).toEqual({ ACQUIRED: 2 });
  });

  it('surfaces the simulator’s 404 for an update of an unknown account as a KyxHttpError', async () => {
    const { client } = setup();
    const error = await client
      .send(account('00000000-0000-4000-8000-000000000000').ref('x').workflow(10011))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KyxHttpError);
    expect((error as KyxHttpError).status).toBe(404);
  });
});
