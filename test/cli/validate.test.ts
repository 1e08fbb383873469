import { afterAll, describe, expect, it } from 'vitest';
import { kyx, scratch } from './run.js';

const files = scratch('kyx-validate-');
afterAll(files.remove);
const { file } = files;

describe('kyx validate', () => {
  const valid = { customerInternalReference: 'myOrganization', workflowDefinition: { key: 10011 } };

  it('accepts a valid body and exits 0', async () => {
    const result = await kyx(['validate', file('valid.json', valid)]);
    expect(result).toMatchObject({ code: 0, out: [expect.stringContaining('valid (workflow 10011)')] });
  });

  it('names each broken field and rule in one run (three different problems, three issues), exits 1', async () => {
    const bad = { customerInternalReference: 'a/b', workflowDefinition: { key: 10026 }, tokenLifetime: '30 minutes' };
    const result = await kyx(['validate', file('bad.json', bad)]);
    expect(result.code).toBe(1);
    expect(result.out.slice(1)).toEqual([
      `    customerInternalReference: must not contain any of < > " / ; \` % { } | (found '/')`,
      '    tokenLifetime: must be a whole number followed by s, m, h or d (e.g. 600s, 30m, 1d)',
      '    workflowDefinition.credentials: workflow 10026 requires a DOCUMENT credential: add {"category": "DOCUMENT", "country": …, "type": …} to "workflowDefinition.credentials"',
    ]);
  });

  it('speaks about the JSON body: fields to add, the alpha-2 hint, unknown fields only when allowed', async () => {
    const body = {
      customerInternalReference: 'r',
      workflowDefinition: {
        key: 32,
        credentials: [{ category: 'FACEMAP' }],
        capabilities: { watchlistScreening: { additionalProperties: '' } },
      },
      userConsent: { userIp: '203.0.113.7', userLocation: { country: 'US' } },
    };
    const result = await kyx(['validate', file('json-words.json', body)]);
    expect(result.code).toBe(1);
    expect(result.out.slice(1)).toEqual([
      '    workflowDefinition.capabilities.watchlistScreening.additionalProperties: is not a known field',
      "    userConsent.userLocation.country: country 'US' is an ISO alpha-2 code: use its alpha-3 code 'USA'",
      '    userReference: workflow 32 requires a user reference: add "userReference"',
    ]);
    const allowed = await kyx(['validate', '--allow-unknown-fields', file('json-words.json', body)]);
    expect(allowed.out.slice(1)).toEqual(result.out.slice(2));
  });

  it('applies the workflow catalog and the mode', async () => {
    const docv = file('docv.json', { customerInternalReference: 'r', workflowDefinition: { key: 10026 } });
    expect((await kyx(['validate', docv])).out.join('\n')).toContain(
      'workflowDefinition.credentials: workflow 10026 requires a DOCUMENT credential: add {"category": "DOCUMENT"',
    );
    const auth = file('auth.json', { customerInternalReference: 'r', workflowDefinition: { key: 10014 } });
    expect((await kyx(['validate', auth])).code).toBe(1);
    expect((await kyx(['validate', '--update', auth])).code).toBe(0);
  });

  it('reads standard input with "-", reports unreadable JSON, and several files at once', async () => {
    expect((await kyx(['validate', '-'], { stdin: JSON.stringify(valid) })).code).toBe(0);
    const broken = await kyx([
      'validate',
      file('ok.json', valid),
      file('broken.json', '{"customerInternalReference":'),
    ]);
    expect(broken.code).toBe(1);
    expect(broken.out[1]).toMatch(/broken\.json: not readable JSON/);
  });

  it('usage errors exit 2', async () => {
    expect((await kyx(['validate'])).code).toBe(2);
    expect((await kyx(['validate', '--nope', 'x.json'])).code).toBe(2);
    expect((await kyx(['validate', '--help'])).code).toBe(0);
  });
});
