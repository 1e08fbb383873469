import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  BIOMETRIC_AND_POR_DETAILS,
  DEVICE_RISK_DETAILS,
  EMAIL_DETAILS,
  EXECUTION,
  GEO_IP_DETAILS,
  GOVT_ID_DETAILS,
  PHONE_DETAILS,
} from '../../fixtures/risk-signals.js';
import { CAPABILITIES, capabilityResults } from '../../src/index.js';
import { CAPABILITY_DATA, WorkflowDetailsSchema } from '../../src/schemas.js';
import { jumio, setup } from '../support/client-harness.js';

/** A client whose retrieval answers with `body` (JSON text, as Jumio sends it). */
function answering(body: string) {
  const base = jumio();
  return setup((call, request) =>
    call.path.startsWith('/api/v1/accounts/') && call.method === 'GET'
      ? new Response(body, { headers: { 'content-type': 'application/json' } })
      : base(call, request),
  ).client;
}
const read = (body: string) => answering(body).details({ accountId: ACCOUNT, workflowExecutionId: EXECUTION });

const BODIES = {
  phone: PHONE_DETAILS,
  email: EMAIL_DETAILS,
  'geo IP': GEO_IP_DETAILS,
  'device risk': DEVICE_RISK_DETAILS,
  'government database': GOVT_ID_DETAILS,
  'biometric, proof of residency, DMV': BIOMETRIC_AND_POR_DETAILS,
};

describe('risk-signal results in the shapes of the documented examples', () => {
  it.each(Object.entries(BODIES))('%s: parses through the client with every value kept', async (_, body) => {
    expect(await read(body)).toEqual(JSON.parse(body));
    expect(v.parse(WorkflowDetailsSchema, JSON.parse(body))).toEqual(JSON.parse(body));
  });

  it('phone: typed reads of data and label', async () => {
    const result = (await read(PHONE_DETAILS)).capabilities?.phoneVerification?.[0];
    expect(result?.decision.details?.label).toBe('LOW_RISK');
    expect(result?.data?.phoneType).toBe('MOBILE');
    expect(result?.data?.blocked).toBe(false);
    expect(result?.data?.riskInsights?.applicationToPersonTraffic).toHaveLength(3);
  });

  it('email: totalHits stays a string; the workflow label TXN_PASSED is kept', async () => {
    const details = await read(EMAIL_DETAILS);
    const data = details.capabilities?.emailVerification?.[0]?.data;
    expect(data?.totalHits).toBe('2');
    expect(data?.domainCorporate).toBe(false);
    expect(details.decision?.details?.label).toBe('TXN_PASSED');
  });

  it('geo IP: numeric coordinates; device risk: string coordinates', async () => {
    const geo = (await read(GEO_IP_DETAILS)).capabilities?.geoIpVerification?.[0]?.data;
    expect(geo?.latitude).toBe(26.1995);
    expect(geo?.anonymousVPN).toBe(true);
    const device = (await read(DEVICE_RISK_DETAILS)).capabilities?.deviceRiskVerification?.[0];
    expect(device?.data?.ipLocationLatitude).toBe('33.9525');
    expect(device?.data?.metaDataAge).toBe('315515197');
    expect(device?.credentials?.[0]?.label).toBe('DATA');
    expect(device?.decision.details?.label).toBe('HIGH_RISK');
  });

  it('government database: match fields typed, an unknown field kept', async () => {
    const data = (await read(GOVT_ID_DETAILS)).capabilities?.govtIdVerification?.[0]?.data;
    expect(data?.nationalIdMatch).toBe('MATCH');
    expect((data as Record<string, unknown>)['documentStatus']).toBe('VALID');
  });

  it('capabilityResults lists the signals with their labels', async () => {
    expect(
      capabilityResults(await read(BIOMETRIC_AND_POR_DETAILS)).map((r) => `${r.name}:${r.type}/${r.label}`),
    ).toEqual([
      'proofOfResidency:REJECTED/DENY',
      'drivingLicenseVerification:WARNING/ALERT',
      'biometricVerification:WARNING/MEDIUM_RISK',
    ]);
  });

  it('the table has the documented labels of the signals', () => {
    for (const name of [
      'phoneVerification',
      'emailVerification',
      'geoIpVerification',
      'deviceRiskVerification',
    ] as const) {
      expect(CAPABILITIES[name].labels).toMatchObject({
        PASSED: ['LOW_RISK'],
        WARNING: ['MEDIUM_RISK'],
        REJECTED: ['HIGH_RISK'],
      });
      expect(Object.hasOwn(CAPABILITY_DATA, name)).toBe(true);
    }
    expect(CAPABILITIES.phoneVerification.labels.NOT_EXECUTED).toContain('PERMISSION_DENIED');
    expect(CAPABILITIES.govtIdVerification.labels.PASSED).toEqual(['OK', 'LOW_RISK']);
    expect(CAPABILITIES.proofOfResidency.labels.WARNING).toContain('NOT_ENOUGH_DATA');
    expect(CAPABILITIES.biometricVerification.labels.NOT_EXECUTED).toEqual(
      expect.arrayContaining(['TECHNICAL_ERROR', 'PERMISSION_DENIED']),
    );
  });
});
