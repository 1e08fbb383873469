import { describe, expect, it } from 'vitest';
import { seedJsonSnippets } from '../../fixtures/seed.js';
import { account } from '../../src/index.js';

// Every request snippet of the seed (fixtures/account-api.txt, read as text), reproduced by
// the builder and deep-equal to the seed's JSON.
const snippets = seedJsonSnippets() as Record<string, unknown>[];
const snippet = (i: number) => snippets[i] as Record<string, unknown>;

describe('seed examples', () => {
  it('the seed holds 10 request snippets and 1 response example', () => {
    expect(snippets).toHaveLength(11);
  });

  it('required fields example serializes to exactly the seed JSON', () => {
    const request = account().ref('myOrganization').workflow(10011);
    expect(request.build()).toEqual(snippet(0));
    expect(JSON.stringify(request)).toBe(
      '{"customerInternalReference":"myOrganization","workflowDefinition":{"key":10011}}',
    );
  });

  it('ID preset limited to USA/CAN and driving licence/ID card', () => {
    const body = account()
      .ref('myOrganization')
      .workflow(10011)
      .id({ country: ['USA', 'CAN'], type: ['DRIVING_LICENSE', 'ID_CARD'] })
      .build();
    expect({ credentials: body.workflowDefinition.credentials }).toEqual(snippet(1));
  });

  it('DOCUMENT preset for a USA bank statement', () => {
    const body = account().ref('myOrganization').workflow(10026).document('USA', 'BS').build();
    expect({ credentials: body.workflowDefinition.credentials }).toEqual(snippet(2));
  });

  it('capability examples', () => {
    const docv = account().ref('myOrganization').workflow(10026).document('USA', 'BS');
    const screening = account().ref('myOrganization').user('u-1').workflow(32);
    const capabilities = [
      screening.capability.watchlist(),
      docv.capability.extraction(false),
      docv.capability.ekyc('one'),
      docv.capability.riskScore('81c616b7-d47e-4cb2-8c4f-17267f2106f3'),
      docv.capability.ruleset(['id1', 'id2', 'id3']),
    ].map((b) => ({ capabilities: b.build().workflowDefinition.capabilities }));
    expect(capabilities).toEqual(snippets.slice(3, 8));
    expect(screening.capability.watchlist('profile-1').build().workflowDefinition.capabilities).toEqual({
      watchlistScreening: { searchProfile: 'profile-1' },
    });
  });

  it('web object example', () => {
    const web = (snippet(8) as { web: { successUrl: string; errorUrl: string; locale: string } }).web;
    expect({ web: account().ref('myOrganization').workflow(10011).web(web).build().web }).toEqual(snippet(8));
  });

  it('user consent JSON', () => {
    const body = account()
      .ref('myOrganization')
      .workflow(10011)
      .consent({
        userIp: '226.80.211.232',
        userLocation: { country: 'USA', state: 'IL' },
        consent: { obtained: 'yes', obtainedAt: '2022-07-20T17:20:35.000Z' },
      })
      .build();
    expect({ userConsent: body.userConsent }).toEqual(snippet(9));
  });

  it('overrideSettings object example (the seed elides workflowDefinition with "...")', () => {
    const body = account()
      .ref('myCompany')
      .overrides({ crossDeviceOnly: true, crossDeviceOption: 'QR_ONLY' })
      .workflow(10011)
      .build();
    expect(body).toEqual({
      customerInternalReference: 'myCompany',
      overrideSettings: { crossDeviceOnly: true, crossDeviceOption: 'QR_ONLY' },
      workflowDefinition: { key: 10011 },
    });
  });

  it('design card example', () => {
    const request = account().ref('x').workflow(10026).document('USA', 'BS').capability.ekyc('one');
    expect(request.compile()).toEqual({
      method: 'POST',
      path: '/api/v1/accounts',
      body: {
        customerInternalReference: 'x',
        workflowDefinition: {
          key: 10026,
          credentials: (snippet(2) as { credentials: unknown }).credentials,
          capabilities: (snippet(5) as { capabilities: unknown }).capabilities,
        },
      },
    });
  });

  it('update compiles to PUT with the account id', () => {
    const compiled = account('572ac7b5-9f83-409d-ba8e-f0014e411c7e').ref('x').workflow(10011).compile();
    expect(compiled).toEqual({
      method: 'PUT',
      path: '/api/v1/accounts/572ac7b5-9f83-409d-ba8e-f0014e411c7e',
      body: { customerInternalReference: 'x', workflowDefinition: { key: 10011 } },
    });
  });
});
