import { describe, expect, it } from 'vitest';
import {
  account,
  DOCUMENT_TYPES,
  type DocumentType,
  defineWorkflow,
  FORBIDDEN_REFERENCE_CHARACTERS,
  isKyxError,
  KyxError,
  KyxValidationError,
  validateAccountRequest,
} from '../../src/index.js';

// What the types cannot see is checked at run time: these drive the builder the way plain
// JavaScript (or a dynamic string) would, and read the issue path and message it reports.
// biome-ignore lint/suspicious/noExplicitAny: run-time checks are exercised without the types
const js = (): any => account();
const base = () => js().ref('ref-1').workflow(10011);

function issuesOf(builder: {
  validate(): { success: boolean; issues?: readonly { path: string; message: string }[] };
}) {
  const result = builder.validate();
  return result.success ? [] : (result.issues ?? []);
}
const paths = (builder: Parameters<typeof issuesOf>[0]) => issuesOf(builder).map((i) => i.path);

describe('customerInternalReference', () => {
  it('accepts 100 characters and rejects 101', () => {
    expect(paths(js().ref('a'.repeat(100)).workflow(10011))).toEqual([]);
    const issues = issuesOf(js().ref('a'.repeat(101)).workflow(10011));
    expect(issues).toEqual([
      { path: 'customerInternalReference', message: 'must be at most 100 characters (got 101)' },
    ]);
  });

  it('rejects an empty reference and a missing one', () => {
    expect(issuesOf(js().ref('').workflow(10011))).toEqual([
      { path: 'customerInternalReference', message: 'must not be empty' },
    ]);
    expect(issuesOf(js().workflow(10011))).toEqual([
      { path: 'customerInternalReference', message: 'set the reference first: .ref(customerInternalReference)' },
    ]);
  });

  it.each(FORBIDDEN_REFERENCE_CHARACTERS)('rejects the forbidden character %s', (character) => {
    const issues = issuesOf(js().ref(`order${character}1`).workflow(10011));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('customerInternalReference');
    expect(issues[0]?.message).toContain(`'${character}'`);
  });

  it('accepts characters outside the forbidden set', () => {
    expect(paths(js().ref("order-1_2.3:4 #5 'x' \\ (ok)").workflow(10011))).toEqual([]);
  });
});

describe('optional text fields', () => {
  it('userReference: 100 vs 101', () => {
    expect(paths(base().user('u'.repeat(100)))).toEqual([]);
    expect(paths(base().user('u'.repeat(101)))).toEqual(['userReference']);
  });
  it('reportingCriteria: 255 vs 256', () => {
    expect(paths(base().reporting('r'.repeat(255)))).toEqual([]);
    expect(issuesOf(base().reporting('r'.repeat(256)))).toEqual([
      { path: 'reportingCriteria', message: 'must be at most 255 characters (got 256)' },
    ]);
  });
});

describe('callbackUrl', () => {
  const url = (length: number) => `https://acme.example/${'c'.repeat(length - 'https://acme.example/'.length)}`;
  it('accepts 255 characters and rejects 256', () => {
    expect(paths(base().callback(url(255)))).toEqual([]);
    expect(paths(base().callback(url(256)))).toEqual(['callbackUrl']);
  });
  it('requires https, except plain http to a loopback host', () => {
    expect(issuesOf(base().callback('http://acme.example/cb'))).toEqual([
      { path: 'callbackUrl', message: 'must be an https URL (plain http only for loopback hosts)' },
    ]);
    expect(paths(base().callback('http://127.0.0.1:4010/cb'))).toEqual([]);
    expect(paths(base().callback('http://localhost/cb'))).toEqual([]);
    // One definition of loopback, shared with the client's baseUrl check.
    expect(paths(base().callback('http://127.0.0.2/cb'))).toEqual([]);
    expect(paths(base().callback('http://[::1]:8080/cb'))).toEqual([]);
    expect(paths(base().callback('http://127.0.0.1.evil.example/cb'))).toEqual(['callbackUrl']);
    expect(paths(base().callback('not a url'))).toEqual(['callbackUrl']);
  });
});

describe('tokenLifetime', () => {
  it.each(['5m', '300s', '30m', '1d', '1440h', '60d', '86400m'])('accepts %s', (lifetime) => {
    expect(paths(base().tokenLifetime(lifetime))).toEqual([]);
  });
  it.each(['299s', '4m', '61d', '1441h', '0s'])('rejects %s as out of range', (lifetime) => {
    expect(issuesOf(base().tokenLifetime(lifetime))).toEqual([
      { path: 'tokenLifetime', message: 'must be between 5m and 60d' },
    ]);
  });
  it.each(['30 minutes', '30', 'm', '-5m', '1.5h', '10w', ' 30m'])('rejects the format of %j', (lifetime) => {
    expect(issuesOf(base().tokenLifetime(lifetime))).toEqual([
      { path: 'tokenLifetime', message: 'must be a whole number followed by s, m, h or d (e.g. 600s, 30m, 1d)' },
    ]);
  });
});

describe('web', () => {
  const long = (length: number) => `https://acme.example/${'w'.repeat(length - 'https://acme.example/'.length)}`;
  it('successUrl and errorUrl: 1900 vs 1901', () => {
    expect(paths(base().web({ successUrl: long(1900), errorUrl: long(1900) }))).toEqual([]);
    expect(paths(base().web({ successUrl: long(1901) }))).toEqual(['web.successUrl']);
    expect(paths(base().web({ errorUrl: long(1901) }))).toEqual(['web.errorUrl']);
  });
  it('accepts deep-link schemes, which Jumio allows for web redirects', () => {
    expect(paths(base().web({ successUrl: 'myapp://kyc/done' }))).toEqual([]);
  });
  it('locale: at most 5 characters, language or language-REGION', () => {
    expect(paths(base().web({ locale: 'pt-BR' }))).toEqual([]);
    expect(paths(base().web({ locale: 'es' }))).toEqual([]);
    // One message per field: the first rule it breaks.
    expect(issuesOf(base().web({ locale: 'pt-BRA' }))).toEqual([
      { path: 'web.locale', message: 'must be at most 5 characters (got 6)' },
    ]);
    expect(paths(base().web({ locale: 'EN' }))).toEqual(['web.locale']);
  });
  it('rejects fields the contract does not have', () => {
    expect(paths(base().web({ successUrl: 'https://a.example', color: 'red' }))).toEqual(['web.color']);
  });
});

describe('credential presets', () => {
  it('accepts each document code and a tenant code (1–10 characters, no blanks) in a DOCUMENT preset, not CUSTOM', () => {
    for (const code of Object.keys(DOCUMENT_TYPES) as DocumentType[]) {
      expect(paths(js().ref('r').workflow(10026).document('USA', code))).toEqual([]);
    }
    expect(paths(js().ref('r').workflow(10026).document('USA', 'ZZ'))).toEqual([]); // a tenant's own code
    for (const code of ['CUSTOM', 'ABCDEFGHIJK', 'A B', '']) {
      expect(paths(js().ref('r').workflow(10026).document('USA', code))).toEqual([
        'workflowDefinition.credentials.0.type.values.0',
      ]);
    }
  });
  it('rejects a country that is not ISO 3166-1 alpha-3, naming the alpha-3 code of an alpha-2 one', () => {
    expect(issuesOf(js().ref('r').workflow(10026).document('US', 'BS'))).toEqual([
      {
        path: 'workflowDefinition.credentials.0.country.values.0',
        message: "country 'US' is an ISO alpha-2 code: use its alpha-3 code 'USA'",
      },
    ]);
    expect(issuesOf(js().ref('r').workflow(10026).document('XX', 'BS'))).toEqual([
      {
        path: 'workflowDefinition.credentials.0.country.values.0',
        message: '"XX" is not an ISO 3166-1 alpha-3 country code',
      },
    ]);
  });
  it('rejects a DOCUMENT preset with more than one country or type', () => {
    expect(paths(js().ref('r').workflow(10026).document(['USA', 'CAN'], 'BS'))).toEqual([
      'workflowDefinition.credentials.0.country.values',
    ]);
  });
  it('ID types: the four documented ones, not the seed table typo "DRIVING LICENSE"', () => {
    expect(paths(base().id({ type: ['ID_CARD', 'DRIVING_LICENSE', 'PASSPORT', 'VISA'] }))).toEqual([]);
    expect(paths(base().id({ type: 'DRIVING LICENSE' }))).toEqual(['workflowDefinition.credentials.0.type.values.0']);
  });
  it('rejects an empty country list and a non-UUID credential id', () => {
    expect(paths(base().id({ country: [] }))).toEqual(['workflowDefinition.credentials.0.country.values']);
    expect(paths(base().id({ id: 'abc' }))).toEqual(['workflowDefinition.credentials.0.id']);
  });
  it('RECOMMENDED applies to both country and type', () => {
    const body = base().id({ country: 'USA', type: 'PASSPORT', predefinedType: 'RECOMMENDED' }).build();
    expect(body.workflowDefinition.credentials).toEqual([
      {
        category: 'ID',
        country: { predefinedType: 'RECOMMENDED', values: ['USA'] },
        type: { predefinedType: 'RECOMMENDED', values: ['PASSPORT'] },
      },
    ]);
  });
  it('a second preset of one category replaces the first, keeping its position', () => {
    const body = js().ref('r').workflow(10011).id({ country: 'USA' }).facemap().id({ country: 'CAN' }).build();
    expect(body.workflowDefinition.credentials).toEqual([
      { category: 'ID', country: { predefinedType: 'DEFINED', values: ['CAN'] } },
      { category: 'FACEMAP' },
    ]);
  });
});

describe('userConsent', () => {
  const consent = {
    userIp: '226.80.211.232',
    userLocation: { country: 'USA', state: 'IL' },
    consent: { obtained: 'yes', obtainedAt: '2022-07-20T17:20:35.000Z' },
  };
  it('requires consent for users in the USA, not elsewhere', () => {
    expect(issuesOf(base().consent({ ...consent, consent: undefined }))).toEqual([
      { path: 'userConsent.consent', message: 'is required for users in the USA' },
    ]);
    expect(paths(base().consent({ userIp: '203.0.113.10', userLocation: { country: 'DEU' } }))).toEqual([]);
  });
  it('requires obtainedAt when obtained is "yes"', () => {
    expect(issuesOf(base().consent({ ...consent, consent: { obtained: 'yes' } }))).toEqual([
      { path: 'userConsent.consent.obtainedAt', message: 'is required when consent was obtained ("yes")' },
    ]);
    expect(paths(base().consent({ ...consent, consent: { obtained: 'na' } }))).toEqual([]);
  });
  it('obtained is yes/no/na; obtainedAt is an ISO UTC timestamp; userIp is an IP', () => {
    expect(paths(base().consent({ ...consent, consent: { obtained: 'maybe' } }))).toEqual([
      'userConsent.consent.obtained',
    ]);
    expect(paths(base().consent({ ...consent, consent: { obtained: 'yes', obtainedAt: '2022-07-20 17:20' } }))).toEqual(
      ['userConsent.consent.obtainedAt'],
    );
    expect(
      paths(base().consent({ ...consent, consent: { obtained: 'yes', obtainedAt: '2022-02-30T10:00:00Z' } })),
    ).toEqual(['userConsent.consent.obtainedAt']);
    expect(paths(base().consent({ ...consent, userIp: '300.1.1.1' }))).toEqual(['userConsent.userIp']);
    expect(paths(base().consent({ ...consent, userIp: '2001:db8::1' }))).toEqual([]);
    expect(paths(base().consent({ ...consent, userLocation: { country: 'US' } }))).toEqual([
      'userConsent.userLocation.country',
    ]);
    expect(paths(base().consent({ ...consent, userLocation: { country: 'USA', state: 's'.repeat(101) } }))).toEqual([
      'userConsent.userLocation.state',
    ]);
  });
});

describe('overrideSettings and capabilities', () => {
  it('crossDeviceOption is DEFAULT, QR_ONLY or EMAIL_ONLY', () => {
    expect(paths(base().overrides({ crossDeviceOption: 'EMAIL_ONLY', crossDeviceOnly: false }))).toEqual([]);
    expect(paths(base().overrides({ crossDeviceOption: 'SMS' }))).toEqual(['overrideSettings.crossDeviceOption']);
    expect(paths(base().overrides({ crossDeviceOnly: 'yes' }))).toEqual(['overrideSettings.crossDeviceOnly']);
  });
  it('ekyc search type is one or two', () => {
    expect(paths(base().capability.ekyc('three'))).toEqual(['workflowDefinition.capabilities.ekycCheck.searchType']);
  });
  it('extraction is sent as the string "false" (or "true")', () => {
    const docv = js().ref('r').workflow(10026).document('USA', 'BS');
    expect(docv.capability.extraction(false).build().workflowDefinition.capabilities).toEqual({
      documentVerification: { enableExtraction: 'false' },
    });
    expect(docv.capability.extraction(true).build().workflowDefinition.capabilities).toEqual({
      documentVerification: { enableExtraction: 'true' },
    });
  });
  it('ruleset needs at least one id', () => {
    expect(paths(base().capability.ruleset([]))).toEqual(['workflowDefinition.capabilities.ruleset.ids']);
  });
});

describe('workflow rules from the catalog', () => {
  it('10026 requires a DOCUMENT preset', () => {
    expect(issuesOf(js().ref('r').workflow(10026))).toEqual([
      {
        path: 'workflowDefinition.credentials',
        message: 'workflow 10026 requires .document(country, type)',
      },
    ]);
  });
  it('10011 does not accept a DOCUMENT preset', () => {
    expect(paths(base().document('USA', 'BS'))).toEqual(['workflowDefinition.credentials.0.category']);
  });
  it.each([32, 10010])('workflow %i requires userReference', (key) => {
    const issues = issuesOf(js().ref('r').workflow(key));
    expect(issues.map((i) => i.path)).toEqual(['userReference']);
    expect(issues[0]?.message).toBe(`workflow ${key} requires .user(userReference)`);
    expect(paths(js().ref('r').user('u-1').workflow(key))).toEqual([]);
  });
  it.each([5, 9, 10014])('workflow %i runs only on an existing account', (key) => {
    expect(paths(js().ref('r').workflow(key))).toContain('workflowDefinition.key');
    const update = account('572ac7b5-9f83-409d-ba8e-f0014e411c7e') as unknown as ReturnType<typeof js>;
    expect(paths(update.ref('r').workflow(key))).not.toContain('workflowDefinition.key');
  });
  it('workflow 5 needs the ID credential on file (by id, or the latest without one); reuse needs an update', () => {
    const update = account('572ac7b5-9f83-409d-ba8e-f0014e411c7e') as unknown as ReturnType<typeof js>;
    expect(issuesOf(update.ref('r').workflow(5))).toEqual([
      {
        path: 'workflowDefinition.credentials',
        message: "workflow 5 requires .reuse('ID', credentialId)",
      },
    ]);
    expect(paths(update.ref('r').workflow(5).reuse('ID'))).toEqual([]);
    expect(paths(update.ref('r').workflow(5).reuse('ID', 'fdb1bc31-99a0-4671-8f2a-2bf7ca2faace'))).toEqual([]);
    expect(paths(update.ref('r').workflow(5).id({ id: 'fdb1bc31-99a0-4671-8f2a-2bf7ca2faace' }))).toEqual([]);
    expect(paths(update.ref('r').workflow(5).reuse('ID', 'not-a-uuid'))).toEqual([
      'workflowDefinition.credentials.0.id',
    ]);
    expect(paths(js().ref('r').workflow(10011).id({ id: 'fdb1bc31-99a0-4671-8f2a-2bf7ca2faace' }))).toEqual([
      'workflowDefinition.credentials.0.id',
    ]);
  });
  it('extraction needs a workflow that accepts DOCUMENT; watchlist one that screens', () => {
    expect(paths(base().capability.extraction(false))).toEqual([
      'workflowDefinition.capabilities.documentVerification',
    ]);
    expect(paths(base().capability.watchlist('p'))).toEqual(['workflowDefinition.capabilities.watchlistScreening']);
  });
  it('a key outside the catalog gets the generic rules only (tenant keys are checked by types)', () => {
    expect(paths(js().ref('r').workflow(20001))).toEqual([]);
    expect(paths(js().ref('r').workflow(0))).toEqual(['workflowDefinition.key']);
    expect(paths(js().ref('r').workflow('10011'))).toEqual(['workflowDefinition.key']);
  });
  it('validateAccountRequest reports a key outside the catalog and the given workflows, unless allowed', () => {
    const body = { customerInternalReference: 'r', workflowDefinition: { key: 20001 } };
    expect(validateAccountRequest(body)).toEqual({
      success: false,
      issues: [
        {
          path: 'workflowDefinition.key',
          message:
            'workflow 20001 is neither in the catalog nor among your workflows: pass its definition (defineWorkflow; the workflows option; kyx --workflows <file.json>)',
        },
      ],
    });
    expect(validateAccountRequest(body, { unknownKeys: 'allow' }).success).toBe(true);
    const tenant = defineWorkflow({
      key: 20001,
      name: 'Tenant',
      credentials: ['DATA'],
      requiredFields: ['userReference'],
      channels: ['API'],
      capabilities: [],
    });
    expect(validateAccountRequest(body, { workflows: [tenant] })).toMatchObject({
      success: false,
      issues: [{ path: 'userReference', message: 'workflow 20001 requires a user reference: add "userReference"' }],
    });
    expect(validateAccountRequest({ ...body, userReference: 'u' }, { workflows: [tenant] }).success).toBe(true);
  });
});

describe('errors', () => {
  it('build(), compile() and JSON.stringify() of an incomplete builder throw KyxValidationError', () => {
    const incomplete = js().workflow(10026);
    for (const attempt of [() => incomplete.build(), () => incomplete.compile(), () => JSON.stringify(incomplete)]) {
      let thrown: unknown;
      try {
        attempt();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(KyxValidationError);
      expect(thrown).toBeInstanceOf(KyxError);
      expect(isKyxError(thrown)).toBe(true);
      // every problem at once: the missing reference and the workflow's missing preset
      expect((thrown as KyxValidationError).issues.map((i) => i.path)).toEqual([
        'customerInternalReference',
        'workflowDefinition.credentials',
      ]);
    }
  });
  it('the message lists every issue with its path', () => {
    try {
      js().ref('a/b').workflow(10011).tokenLifetime('1m').build();
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe(
        "Invalid request:\n  - customerInternalReference: must not contain any of < > \" / ; ` % { } | (found '/')\n  - tokenLifetime: must be between 5m and 60d",
      );
    }
  });
  it('validate() reports instead of throwing, also for a builder with nothing set', () => {
    expect(js().validate()).toEqual({
      success: false,
      issues: [
        { path: 'customerInternalReference', message: 'set the reference first: .ref(customerInternalReference)' },
        { path: 'workflowDefinition.key', message: 'choose a workflow first: .workflow(key)' },
      ],
    });
  });
  it('an update needs a UUID account id', () => {
    expect(paths(account('not-a-uuid').ref('r').workflow(10011))).toEqual(['accountId']);
  });
  it('isKyxError is false for other errors and values', () => {
    expect(isKyxError(new Error('x'))).toBe(false);
    expect(isKyxError(null)).toBe(false);
    expect(isKyxError({ name: 'KyxError' })).toBe(false);
  });
});
