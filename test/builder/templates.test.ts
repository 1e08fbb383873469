import { describe, expect, it } from 'vitest';
import { type AccountFragment, type AccountTemplate, account } from '../../src/index.js';

describe('builders are immutable templates', () => {
  it('a template completed many times gives each request its own values', () => {
    const template = account().workflow(10026).document('USA', 'BS');
    const bodies = Array.from({ length: 1000 }, (_, i) => template.ref(`order-${i}`).build());
    expect(new Set(bodies.map((b) => b.customerInternalReference)).size).toBe(1000);
    expect(bodies[999]).toEqual({
      customerInternalReference: 'order-999',
      workflowDefinition: {
        key: 10026,
        credentials: [
          {
            category: 'DOCUMENT',
            country: { predefinedType: 'DEFINED', values: ['USA'] },
            type: { predefinedType: 'DEFINED', values: ['BS'] },
          },
        ],
      },
    });
    expect(template.validate().success).toBe(false); // the template itself still has no reference
  });

  it('branches do not leak into each other or into the base', () => {
    const base = account().ref('base').workflow(10011);
    const withId = base.id({ country: 'USA' });
    const withFacemap = base.facemap('IPROOV_PREMIUM');
    const withCallback = base.callback('https://acme.example/cb');
    expect(base.build()).toEqual({ customerInternalReference: 'base', workflowDefinition: { key: 10011 } });
    expect(withId.build().workflowDefinition.credentials).toHaveLength(1);
    expect(withFacemap.build().workflowDefinition.credentials).toEqual([
      { category: 'FACEMAP', type: { predefinedType: 'DEFINED', values: ['IPROOV_PREMIUM'] } },
    ]);
    expect(withCallback.build().callbackUrl).toBe('https://acme.example/cb');
    expect(withId.build().callbackUrl).toBeUndefined();
  });

  it('capability calls return a new builder and keep earlier capabilities', () => {
    const docv = account().ref('r').workflow(10026).document('USA', 'UB');
    const both = docv.capability.extraction(false).capability.ekyc('two');
    expect(both.build().workflowDefinition.capabilities).toEqual({
      documentVerification: { enableExtraction: 'false' },
      ekycCheck: { searchType: 'two' },
    });
    expect(docv.build().workflowDefinition.capabilities).toBeUndefined();
  });

  it('mutating a built body or an argument does not change the builder', () => {
    const countries: ('USA' | 'CAN')[] = ['USA'];
    const web = { locale: 'es' };
    const builder = account().ref('r').workflow(10011).id({ country: countries }).web(web);
    const first = builder.build();
    first.workflowDefinition.credentials?.push({ category: 'FACEMAP' });
    first.customerInternalReference = 'changed';
    countries.push('CAN');
    web.locale = 'pt-BR';
    expect(builder.build()).toEqual({
      customerInternalReference: 'r',
      workflowDefinition: {
        key: 10011,
        credentials: [{ category: 'ID', country: { predefinedType: 'DEFINED', values: ['USA'] } }],
      },
      web: { locale: 'es' },
    });
  });

  it('builders are frozen', () => {
    const builder = account().ref('r');
    expect(Object.isFrozen(builder)).toBe(true);
    expect(() => {
      (builder as unknown as Record<string, unknown>)['ref'] = () => 'x';
    }).toThrow(TypeError);
  });

  it('with(fragment) applies reusable fragments; templates can be held in a table', () => {
    const defaults: AccountFragment = (b) => b.callback('https://acme.example/jumio').tokenLifetime('1d');
    const templates = {
      docv: account().workflow(10026).document('USA', 'BS'),
      idv: account()
        .workflow(10011)
        .id({ type: ['PASSPORT'] }),
    } satisfies Record<string, AccountTemplate<'ref'>>;
    const onboard = (template: AccountTemplate<'ref'>, ref: string) => template.ref(ref).build();
    expect(onboard(templates.idv, 'user-7')).toEqual({
      customerInternalReference: 'user-7',
      workflowDefinition: {
        key: 10011,
        credentials: [{ category: 'ID', type: { predefinedType: 'DEFINED', values: ['PASSPORT'] } }],
      },
    });
    const body = templates.docv.with(defaults).ref('order-1').build();
    expect(body.callbackUrl).toBe('https://acme.example/jumio');
    expect(body.tokenLifetime).toBe('1d');
  });

  it('templates keep their optional setters before and after the missing parts are given', () => {
    const start = (t: AccountTemplate<'ref'>, id: string) =>
      t.ref(id).callback('https://acme.example/jumio').tokenLifetime('1h').build();
    const early = (t: AccountTemplate<'ref'>, id: string) => t.reporting('eu').user('u-1').ref(id).build();
    const template = account().workflow(10011);
    expect(start(template, 'order-1')).toEqual({
      customerInternalReference: 'order-1',
      callbackUrl: 'https://acme.example/jumio',
      tokenLifetime: '1h',
      workflowDefinition: { key: 10011 },
    });
    expect(early(template, 'order-2')).toEqual({
      customerInternalReference: 'order-2',
      userReference: 'u-1',
      reportingCriteria: 'eu',
      workflowDefinition: { key: 10011 },
    });
    expect(template.validate().success).toBe(false); // the template itself is unchanged
  });

  it('a template that still needs .user() and .ref() completes in either order', () => {
    const screening: AccountTemplate<'ref' | 'user'> = account().workflow(10010);
    expect(screening.user('u-1').ref('r-1').build()).toEqual(screening.ref('r-1').user('u-1').build());
  });
});
