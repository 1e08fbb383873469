import { afterEach, describe, expect, it } from 'vitest';
import {
  type AccountResponse,
  account,
  KyxHttpError,
  KyxValidationError,
  type PreparedData,
  type WorkflowDetails,
} from '../../src/index.js';
import type { Simulator } from '../../src/simulator/index.js';
import { simulatedClient } from '../support/simulated-client.js';
import { JPEG, PNG } from '../support/simulator.js';

// Each standalone risk signal end to end against the simulator (create → uploadData → finalize →
// result), with the outcome the prepared data's magic values ask for (src/simulator/risk-signals.ts).
const open: Simulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

function setup() {
  const { sim, client, clock } = simulatedClient(open);
  /** Finalizes, lets processing end, and reads the details. */
  const result = async (response: AccountResponse<unknown>): Promise<WorkflowDetails> => {
    await client.finalize(response);
    clock.advance(100);
    await sim.tick();
    return client.details(response);
  };
  return { sim, client, result };
}

const decisionOf = (details: WorkflowDetails, name: string) => {
  const entry = details.capabilities?.[name]?.[0];
  return `${entry?.decision.type}/${entry?.decision.details?.label}`;
};

describe('phone verification (10065)', () => {
  it.each([
    ['+15031234567', 'PASSED/LOW_RISK', 'PASSED'],
    ['+15035550142', 'REJECTED/HIGH_RISK', 'REJECTED'], // NANP fiction range 555-0100…0199
    ['+447700900123', 'WARNING/MEDIUM_RISK', 'WARNING'], // Ofcom drama range
  ])('%s → %s', async (phoneNumber, expected, workflowDecision) => {
    const { client, result } = setup();
    const res = await client.send(account().ref('phone-1').workflow(10065));
    await client.uploadData(res, { phoneNumber });
    const details = await result(res);
    expect(details.workflow.definitionKey).toBe('10065');
    expect(decisionOf(details, 'phoneVerification')).toBe(expected);
    expect(details.decision?.type).toBe(workflowDecision);
    const data = details.capabilities?.phoneVerification?.[0]?.data;
    expect(data?.phoneType).toBe('MOBILE');
    expect(data?.blocked).toBe(workflowDecision === 'REJECTED');
    expect(data?.riskInsights?.personToPersonTraffic).toEqual(['NO P2P DATA ANALYZED']);
    expect(details.capabilities?.phoneVerification?.[0]?.credentials?.[0]?.category).toBe('DATA');
  });

  it('a number without its country code is refused before anything is sent', async () => {
    const { sim, client } = setup();
    const res = await client.send(account().ref('phone-2').workflow(10065));
    const error = await client.uploadData(res, { phoneNumber: '5031234567' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KyxValidationError);
    expect((error as KyxValidationError).issues).toEqual([
      { path: 'phoneNumber', message: 'must be an E.164 phone number with its country code, e.g. +15031234567' },
    ]);
    expect(sim.stats().uploads).toBe(0);
  });

  it('missing phoneNumber (data from elsewhere): refused by the client, and by the simulator when sent around it', async () => {
    const { sim, client } = setup();
    const res = await client.send(account().ref('phone-3').workflow(10065));
    const fromJson = JSON.parse('{"email":"jane@example.com"}') as PreparedData;
    const error = (await client
      .uploadData(res as AccountResponse, fromJson)
      .catch((e: unknown) => e)) as KyxValidationError;
    expect(error.issues).toEqual([{ path: 'phoneNumber', message: 'is required by workflow 10065' }]);
    expect(sim.stats().uploads).toBe(0);
    // sent without the client's check: the simulator runs the same one
    const data = res.workflowExecution.credentials.find((c) => c.category === 'DATA');
    const answer = await sim.fetch(data?.api?.parts['prepared_data'] ?? '', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${data?.api?.token}`,
        'content-type': 'application/json',
        'user-agent': 'test',
      },
      body: JSON.stringify({ email: 'jane@example.com', phoneNumber: '5031234567' }),
    });
    expect(answer.status).toBe(400);
    const body = (await answer.json()) as { detail: string };
    expect(body.detail).toContain('phoneNumber: must be an E.164 phone number');
    expect(sim.stats().uploads).toBe(0);
  });
});

describe('email verification (10066)', () => {
  it.each([
    ['jane@example.com', 'PASSED/LOW_RISK', true],
    ['jane@mail.test', 'WARNING/MEDIUM_RISK', true],
    ['jane@nowhere.invalid', 'REJECTED/HIGH_RISK', false],
  ])('%s → %s', async (email, expected, exists) => {
    const { client, result } = setup();
    const res = await client.send(account().ref('email-1').workflow(10066));
    await client.uploadData(res, { email, ipAddress: '192.0.2.1' });
    const details = await result(res);
    expect(decisionOf(details, 'emailVerification')).toBe(expected);
    const data = details.capabilities?.emailVerification?.[0]?.data;
    expect(data?.emailExists).toBe(exists);
    expect(typeof data?.totalHits).toBe('string'); // as Jumio sends it
    expect(data?.domainName).toBe(email.split('@')[1]);
  });
  it('an address that is not one is refused, named by path', async () => {
    const { client } = setup();
    const res = await client.send(account().ref('email-2').workflow(10066));
    const error = (await client.uploadData(res, { email: 'jane' }).catch((e: unknown) => e)) as KyxValidationError;
    expect(error.issues).toEqual([{ path: 'email', message: 'must be an e-mail address' }]);
  });
});

describe('geo IP verification (10118, and 10120 with ID + identity verification)', () => {
  it.each([
    ['192.0.2.10', 'PASSED/LOW_RISK', false],
    ['2001:db8::7', 'PASSED/LOW_RISK', false],
    ['198.51.100.20', 'WARNING/MEDIUM_RISK', false],
    ['203.0.113.9', 'REJECTED/HIGH_RISK', true],
  ])('%s → %s', async (ipAddress, expected, vpn) => {
    const { client, result } = setup();
    const res = await client.send(account().ref('geo-1').workflow(10118));
    await client.uploadData(res, { ipAddress });
    const details = await result(res);
    expect(decisionOf(details, 'geoIpVerification')).toBe(expected);
    const data = details.capabilities?.geoIpVerification?.[0]?.data;
    expect(data?.anonymousVPN).toBe(vpn);
    expect(typeof data?.latitude).toBe('number');
  });

  it('the workflow travels with the response and its credentials; options.workflow names it for a stored response', async () => {
    const { sim, client } = setup();
    const res = await client.send(account().ref('geo-2').workflow(10118));
    const credential = res.workflowExecution.credentials.find((c) => c.category === 'DATA');
    if (!credential) throw new Error('10118 has a DATA credential');
    const required = [{ path: 'ipAddress', message: 'is required by workflow 10118' }];
    await expect(client.uploadData(credential, {})).rejects.toMatchObject({ issues: required });
    const stored = structuredClone(res) as AccountResponse; // read back from a database
    await expect(client.uploadData(stored, {}, { workflow: 10118 })).rejects.toMatchObject({ issues: required });
    expect(sim.stats().uploads).toBe(0);
    // without the workflow the client checks formats only; the simulator still refuses
    const refused = await client.uploadData(stored, {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KyxHttpError);
    expect((refused as KyxHttpError).status).toBe(400);
    expect(sim.stats().uploads).toBe(0);
  });

  it('10120: the IDIV result carries geoIpVerification from the device IP (userConsent.userIp)', async () => {
    const { client, result } = setup();
    const res = await client.send(
      account()
        .ref('geo-idiv')
        .workflow(10120)
        .consent({
          userIp: '203.0.113.50',
          userLocation: { country: 'USA', state: 'WA' },
          consent: { obtained: 'yes', obtainedAt: '2024-05-01T10:00:00.000Z' },
        }),
    );
    await client.upload(res, 'front', new Uint8Array(JPEG));
    await client.upload(res, 'face', new Uint8Array(PNG));
    const details = await result(res);
    expect(Object.keys(details.capabilities ?? {})).toEqual([
      'usability',
      'imageChecks',
      'extraction',
      'dataChecks',
      'liveness',
      'similarity',
      'geoIpVerification',
    ]);
    expect(decisionOf(details, 'geoIpVerification')).toBe('REJECTED/HIGH_RISK');
    expect(details.decision?.type).toBe('REJECTED');
    expect(decisionOf(details, 'similarity')).toBe('PASSED/MATCH');
  });
});

describe('government database check (10020) and eKYC checks (10148)', () => {
  const person = {
    firstName: 'ANA',
    lastName: 'GOMEZ',
    dateOfBirth: '1980-01-31',
    address: { country: 'COL' },
  } as const;
  it.each([
    ['1234567890', 'PASSED/OK', 'MATCH'],
    ['0000000000', 'REJECTED/HIGH_RISK', 'NOT_MATCH'],
  ])('id.idNumber %s → %s', async (idNumber, expected, match) => {
    const { client, result } = setup();
    const res = await client.send(account().ref('gdc-1').workflow(10020));
    await client.uploadData(res, { ...person, id: { idNumber, type: 'ID_CARD' } });
    const details = await result(res);
    expect(decisionOf(details, 'govtIdVerification')).toBe(expected);
    expect(details.capabilities?.govtIdVerification?.[0]?.data?.nationalIdMatch).toBe(match);
  });
  it('10020: an alpha-2 country is refused (alpha-3 only)', async () => {
    const { client, sim } = setup();
    const res = await client.send(account().ref('gdc-2').workflow(10020));
    const error = (await client
      .uploadData(res, { ...person, address: { country: 'CO' }, id: { idNumber: '1' } })
      .catch((e: unknown) => e)) as KyxValidationError;
    expect(error.issues.map((i) => i.path)).toEqual(['address.country']);
    expect(sim.stats().uploads).toBe(0);
  });
  it('10148: the eKYC flow runs with dob yyyy/mm/dd and searchType two (its result capability is undocumented)', async () => {
    const { client, result } = setup();
    const res = await client.send(account().ref('ekyc-1').workflow(10148).capability.ekyc('two'));
    await client.uploadData(res, {
      firstName: 'JANE',
      lastName: 'DOE',
      dob: '1990/05/17',
      address: { line1: '1 Main St', city: 'Portland', postalCode: '97201', country: 'US' },
    });
    const details = await result(res);
    expect(details.workflow.status).toBe('PROCESSED');
    expect(details.decision?.type).toBe('PASSED');
    expect(details.capabilities).toEqual({});
  });
});

describe('forced outcomes still apply', () => {
  it('a reference with REJECT_HIGH_RISK rejects a phone check whatever the number', async () => {
    const { client, result } = setup();
    const res = await client.send(account().ref('REJECT_HIGH_RISK').workflow(10065));
    await client.uploadData(res, { phoneNumber: '+15031234567' });
    const details = await result(res);
    expect(decisionOf(details, 'phoneVerification')).toBe('REJECTED/HIGH_RISK');
    expect(details.capabilities?.phoneVerification?.[0]?.data?.blocked).toBe(true);
  });
  it('finalize without the prepared data is refused by the simulator', async () => {
    const { client } = setup();
    const res = await client.send(account().ref('phone-x').workflow(10065));
    const error = await client.finalize(res).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KyxHttpError);
    expect((error as KyxHttpError).status).toBe(400);
  });
});
