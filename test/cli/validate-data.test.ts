import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kyx, scratch } from './run.js';

const files = scratch('kyx-validate-data-');
afterAll(files.remove);
const { dir, file } = files;

describe('kyx validate --data', () => {
  it('accepts prepared data a workflow needs, exits 0', async () => {
    const result = await kyx([
      'validate',
      '--data',
      file('phone.json', { phoneNumber: '+15031234567' }),
      '--workflow',
      '10065',
    ]);
    expect(result).toMatchObject({ code: 0, out: [expect.stringContaining('valid prepared data for workflow 10065')] });
  });

  it('names every problem by path: formats, required keys, misspelt keys; exits 1', async () => {
    const data = file('bad.json', { phonenumber: '5031234567', email: 'nope', ine: { registrationYear: '2015' } });
    const result = await kyx(['validate', '--data', data, '--workflow', '10065']);
    expect(result.code).toBe(1);
    expect(result.out.slice(1)).toEqual([
      '    email: must be an e-mail address',
      '    ine.registrationYear: must be an integer (a number, not a string)',
      "    phonenumber: is not a documented prepared-data key (did you mean 'phoneNumber'?)",
      '    phoneNumber: is required by workflow 10065',
    ]);
  });

  it('without --workflow checks formats only; --allow-unknown keeps unknown keys; reads stdin', async () => {
    expect((await kyx(['validate', '--data', file('any.json', { ipAddress: '::1' })])).code).toBe(0);
    expect((await kyx(['validate', '--data', file('extra.json', { blackbox: 'x' })])).code).toBe(1);
    expect((await kyx(['validate', '--data', file('extra2.json', { blackbox: 'x' }), '--allow-unknown'])).code).toBe(0);
    expect(
      (await kyx(['validate', '--data', '-', '--workflow', '10118'], { stdin: '{"ipAddress":"300.0.0.1"}' })).out,
    ).toEqual([
      '✖ (stdin): invalid prepared data for workflow 10118',
      '    ipAddress: must be an IPv4 or IPv6 address',
    ]);
  });

  it('a tenant workflow from --workflows, an unknown key, a workflow without DATA', async () => {
    const workflows = file('tenant.json', [
      {
        key: 20100,
        name: 'Tenant address validation',
        credentials: ['DATA'],
        channels: ['API'],
        capabilities: ['addressValidation'],
        preparedData: { oneOf: [['socialSecurityNumber', 'personalNumber', 'id.idNumber']] },
      },
    ]);
    const data = file('av.json', { address: { country: 'USA' } });
    const tenant = await kyx(['validate', '--data', data, '--workflow', '20100', '--workflows', workflows]);
    expect(tenant.out.slice(1)).toEqual([
      '    socialSecurityNumber: workflow 20100 needs one of socialSecurityNumber, personalNumber or id.idNumber',
    ]);
    expect((await kyx(['validate', '--data', data, '--workflow', '424242'])).out.slice(1)).toEqual([
      '    workflow: workflow 424242 is neither in the catalog nor among your workflows: pass its definition',
    ]);
    expect((await kyx(['validate', '--data', data, '--workflow', '10011'])).code).toBe(1);
  });

  it('usage errors exit 2', async () => {
    expect((await kyx(['validate', '--data', file('x.json', {}), '--workflow', 'phone'])).code).toBe(2);
    expect((await kyx(['validate', '--workflow', '10065', file('y.json', {})])).code).toBe(2);
    expect((await kyx(['validate', '--data', join(dir, 'missing.json')])).code).toBe(2);
  });
});
