import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { defineWorkflow, type KyxIssue, validatePreparedData, WORKFLOW_CATALOG } from '../../src/index.js';
import { PreparedDataSchema } from '../../src/schemas.js';
import { SAMPLE_PREPARED_DATA } from '../support/prepared-data.js';

const issuesOf = (data: unknown, options?: Parameters<typeof validatePreparedData>[1]): readonly KyxIssue[] => {
  const result = validatePreparedData(data, options);
  return result.success ? [] : result.issues;
};

describe('validatePreparedData: formats (every rule, named by its path)', () => {
  const E164 = 'must be an E.164 phone number with its country code, e.g. +15031234567';
  const DATE = 'must be a date written YYYY-MM-DD';
  it.each([
    ['phoneNumber', { phoneNumber: '5031234567' }, E164],
    ['phoneNumber', { phoneNumber: '+1 503 123 4567' }, E164],
    ['phoneNumber', { phoneNumber: '+0123456' }, E164],
    ['phoneNumber2', { phoneNumber2: '0044 20 7946 0958' }, E164],
    ['email', { email: 'jane.example.com' }, 'must be an e-mail address'],
    ['ipAddress', { ipAddress: '300.1.2.3' }, 'must be an IPv4 or IPv6 address'],
    ['ipAddress', { ipAddress: 'localhost' }, 'must be an IPv4 or IPv6 address'],
    ['dateOfBirth', { dateOfBirth: '16.11.1972' }, DATE],
    ['dateOfBirth', { dateOfBirth: '1972/11/16' }, DATE],
    ['dateOfBirth', { dateOfBirth: '1972-02-30' }, DATE],
    ['id.issuingDate', { id: { issuingDate: '2020-13-01' } }, DATE],
    ['id.expiryDate', { id: { expiryDate: '20300101' } }, DATE],
    ['dob', { dob: '17 May 1990' }, 'must be a date written YYYY-MM-DD or yyyy/mm/dd'],
    ['socialSecurityNumber', { socialSecurityNumber: '123-45-6789' }, 'must be 4 or 9 digits'],
    ['socialSecurityNumber', { socialSecurityNumber: '12345' }, 'must be 4 or 9 digits'],
    [
      'address.country',
      { address: { country: 'usa' } },
      'must be an ISO 3166-1 country code (alpha-3 such as USA, or alpha-2 such as US)',
    ],
    [
      'address.country',
      { address: { country: 'XYZ' } },
      'must be an ISO 3166-1 country code (alpha-3 such as USA, or alpha-2 such as US)',
    ],
    ['ine.registrationYear', { ine: { registrationYear: '2015' } }, 'must be an integer (a number, not a string)'],
    ['ine.registrationYear', { ine: { registrationYear: 2015.5 } }, 'must be an integer'],
    ['firstName', { firstName: 42 }, 'must be a string'],
  ])('%s: %j → %s', (path, data, message) => {
    expect(issuesOf(data)).toEqual([{ path, message }]);
  });

  it('accepts each format as documented', () => {
    const ok = {
      phoneNumber: '+6564412348',
      phoneNumber2: '+15031234567',
      email: 'martin.ng@gmail.com',
      ipAddress: '2001:db8::1',
      dateOfBirth: '1972-11-16',
      dob: '1972/11/16',
      socialSecurityNumber: '6789',
      address: { country: 'US', subdivision: 'OR', state: 'WA' },
      id: { issuingDate: '2020-01-31', expiryDate: '2030-01-31', type: 'PERMIT' },
      ine: { registrationYear: 2015, type: 'H', citizenID: '1234' },
    };
    expect(validatePreparedData(ok)).toEqual({ success: true, output: ok });
    expect(validatePreparedData({ ipAddress: '122.23.23.233' }).success).toBe(true);
    expect(validatePreparedData({ socialSecurityNumber: '123456789' }).success).toBe(true);
  });

  it('reports every problem at once, never quoting a value (prepared data is personal data)', () => {
    const issues = issuesOf({ phoneNumber: '4155550100', email: 'nope', ine: { registrationYear: '2015' } });
    expect(issues.map((i) => i.path)).toEqual(['email', 'phoneNumber', 'ine.registrationYear']);
    expect(JSON.stringify(issues)).not.toMatch(/4155550100|nope|2015/);
  });

  it('is not an object: one issue at data', () => {
    expect(issuesOf([])).toEqual([{ path: 'data', message: 'must be a JSON object' }]);
    expect(issuesOf('{"a":1}')).toEqual([{ path: 'data', message: 'must be a JSON object' }]);
  });
});

describe('validatePreparedData: keys', () => {
  it('reports keys PreparedData does not list, nested too, with a hint for the letter case', () => {
    expect(issuesOf({ phonenumber: '+15031234567', address: { postcode: '1' }, id: { idnumber: 'x' } })).toEqual([
      { path: 'phonenumber', message: "is not a documented prepared-data key (did you mean 'phoneNumber'?)" },
      { path: 'address.postcode', message: 'is not a documented prepared-data key' },
      { path: 'id.idnumber', message: "is not a documented prepared-data key (did you mean 'id.idNumber'?)" },
    ]);
  });
  it("unknownFields: 'allow' keeps them", () => {
    const result = validatePreparedData({ blackbox: '0400abc', email: 'a@b.co' }, { unknownFields: 'allow' });
    expect(result).toEqual({ success: true, output: { blackbox: '0400abc', email: 'a@b.co' } });
  });
});

describe('validatePreparedData: the rules of a workflow (from its catalog entry)', () => {
  it('required keys: 10065 phoneNumber, 10066 email, 10118 ipAddress', () => {
    expect(issuesOf({}, { workflow: 10065 })).toEqual([
      { path: 'phoneNumber', message: 'is required by workflow 10065' },
    ]);
    expect(issuesOf({}, { workflow: 10066 })).toEqual([{ path: 'email', message: 'is required by workflow 10066' }]);
    expect(issuesOf({}, { workflow: 10118 })).toEqual([
      { path: 'ipAddress', message: 'is required by workflow 10118' },
    ]);
  });
  it('required nested keys: 10148 eKYC (names, address)', () => {
    expect(issuesOf({ firstName: 'JANE', address: { city: 'Portland' } }, { workflow: 10148 })).toEqual([
      { path: 'lastName', message: 'is required by workflow 10148' },
      { path: 'address.line1', message: 'is required by workflow 10148' },
      { path: 'address.postalCode', message: 'is required by workflow 10148' },
      { path: 'address.country', message: 'is required by workflow 10148' },
    ]);
  });
  it('eKYC is lenient where its pages disagree: dob or dateOfBirth, YYYY-MM-DD or yyyy/mm/dd, alpha-2 or alpha-3', () => {
    const base = { firstName: 'JANE', lastName: 'DOE', address: { line1: '1 Main', city: 'X', postalCode: '1' } };
    for (const extra of [
      { dob: '1990/05/17', address: { ...base.address, country: 'US' } },
      { dateOfBirth: '1990/05/17', address: { ...base.address, country: 'USA' } },
      { dateOfBirth: '1990-05-17', address: { ...base.address, country: 'USA' } },
    ]) {
      expect(validatePreparedData({ ...base, ...extra }, { workflow: 10148 }).success).toBe(true);
    }
    // elsewhere dateOfBirth is YYYY-MM-DD only
    expect(issuesOf({ ...SAMPLE_PREPARED_DATA, dateOfBirth: '1972/11/16' }, { workflow: 10020 })).toEqual([
      { path: 'dateOfBirth', message: 'must be a date written YYYY-MM-DD' },
    ]);
  });
  it('alpha-3 where only alpha-3 is accepted (10020), alpha-2 elsewhere', () => {
    const data = { ...SAMPLE_PREPARED_DATA, address: { country: 'AR' } };
    expect(issuesOf(data, { workflow: 10020 })).toEqual([
      {
        path: 'address.country',
        message:
          'must be an ISO 3166-1 alpha-3 code for workflow 10020, which does not accept alpha-2 (got a two-letter code)',
      },
    ]);
    expect(validatePreparedData({ ...data, address: { country: 'ARG' } }, { workflow: 10020 }).success).toBe(true);
  });
  it('one-of groups: socialSecurityNumber | personalNumber | id.idNumber (a tenant address-validation workflow)', () => {
    const addressValidation = defineWorkflow({
      key: 20100,
      name: 'Tenant address validation',
      credentials: ['DATA'],
      channels: ['API'],
      capabilities: ['addressValidation'],
      preparedData: {
        required: ['address.city', 'address.postalCode', 'address.subdivision', 'address.country'],
        oneOf: [['socialSecurityNumber', 'personalNumber', 'id.idNumber']],
      },
    });
    const address = { city: 'Portland', postalCode: '97201', subdivision: 'OR', country: 'USA' };
    expect(issuesOf({ address }, { workflow: addressValidation })).toEqual([
      {
        path: 'socialSecurityNumber',
        message: 'workflow 20100 needs one of socialSecurityNumber, personalNumber or id.idNumber',
      },
    ]);
    for (const one of [{ socialSecurityNumber: '123456789' }, { personalNumber: 'X1' }, { id: { idNumber: 'D1' } }]) {
      expect(validatePreparedData({ address, ...one }, { workflow: addressValidation }).success).toBe(true);
    }
    // a numeric key finds the definition among `workflows`
    expect(issuesOf({ address }, { workflow: 20100, workflows: [addressValidation] })).toHaveLength(1);
  });
  it('a workflow without a DATA credential takes no prepared data; an unknown key is reported', () => {
    expect(issuesOf({ firstName: 'A' }, { workflow: 10011 })).toEqual([
      {
        path: 'data',
        message:
          'workflow 10011 collects no DATA credential (it collects ID, SELFIE, FACEMAP), so it takes no prepared data',
      },
    ]);
    expect(issuesOf({}, { workflow: 424242 })).toEqual([
      {
        path: 'workflow',
        message: 'workflow 424242 is neither in the catalog nor among your workflows: pass its definition',
      },
    ]);
  });
  it('the sample meets every catalog workflow that collects DATA', () => {
    const failing = WORKFLOW_CATALOG.filter((w) => w.credentials.some((c) => c === 'DATA'))
      .map((w) => [w.key, issuesOf(SAMPLE_PREPARED_DATA, { workflow: w.key })] as const)
      .filter(([, issues]) => issues.length > 0);
    expect(failing).toEqual([]);
  });
});

describe('PreparedDataSchema (jumio-kyx/schemas)', () => {
  it('parses the documented example bodies with every value kept', () => {
    const examples = [
      { phoneNumber: '+6564412348' }, // the phone page masks it: "+65644***8"
      { email: 'martin.ng@gmail.com' },
      { ipAddress: '122.23.23.233' },
      {
        firstName: 'JANE',
        middleName: '',
        lastName: 'DOE',
        dateOfBirth: '1972-11-16',
        socialSecurityNumber: '123456789',
        address: { line1: '1 Main St', postalCode: '97201', city: 'Portland', subdivision: 'OR', country: 'USA' },
      },
      {
        firstName: 'JANE',
        middleName: 'Q',
        lastName: 'DOE',
        dateOfBirth: '1972-11-16',
        address: { line1: '1 Main St', postalCode: '97201', city: 'Portland', subdivision: 'OR', country: 'USA' },
        id: { idNumber: 'D1234567', type: 'DRIVING_LICENSE', issuingDate: '2020-01-01', expiryDate: '2028-01-01' },
      },
      { address: { country: 'MEX' }, id: { type: 'ID_CARD' }, ine: { cic: '156885641', ocr: '3614093418420' } },
      { firstName: 'ANA', lastName: 'GOMEZ', sex: 'F', id: { idNumber: '12345678', Type: 'ID_CARD' } },
    ];
    for (const example of examples) expect(v.parse(PreparedDataSchema, example)).toEqual(example);
  });
});
