import { describe, expect, it } from 'vitest';
import {
  type AccountFragment,
  type AccountTemplate,
  account,
  fromBody,
  KyxValidationError,
  validateAccountRequest,
} from '../../src/index.js';

// `.extra(patch)`: fields the types do not know reach the wire through it, and only through it;
// known fields keep every check; a value the builder set is not changed by it.

/** The body a production integration sends (watchlistScreening.additionalProperties), in the builder's order. */
const WATCHLIST_BODY = {
  customerInternalReference: 'r',
  workflowDefinition: {
    key: 10013,
    capabilities: { watchlistScreening: { searchProfile: 'p', additionalProperties: '' } },
  },
};

const JSON_DATA = 'must be JSON data: a string, a finite number, true, false, null, a list or a plain object';
const CHANGED = "is set by the builder: .extra() adds fields, it does not change the builder's";

const issuesOf = (request: { validate(): { success: boolean; issues?: unknown } }) => {
  const result = request.validate();
  return result.success ? [] : (result as { issues: unknown }).issues;
};

describe('.extra(patch)', () => {
  it('a body with watchlistScreening.additionalProperties round-trips exactly through .extra', () => {
    const request = account()
      .ref('r')
      .workflow(10013)
      .capability.watchlist('p')
      .extra({ workflowDefinition: { capabilities: { watchlistScreening: { additionalProperties: '' } } } });
    expect(JSON.stringify(request.build())).toBe(JSON.stringify(WATCHLIST_BODY));
    expect(request.compile()).toEqual({ method: 'POST', path: '/api/v1/accounts', body: WATCHLIST_BODY });
  });

  it('the same body round-trips exactly through fromBody with unknownFields: allow, and is rejected without it', () => {
    const json = JSON.parse(JSON.stringify(WATCHLIST_BODY));
    expect(JSON.stringify(fromBody(json, { unknownFields: 'allow' }).build())).toBe(JSON.stringify(WATCHLIST_BODY));
    expect(fromBody(json).validate()).toEqual({
      success: false,
      issues: [
        {
          path: 'workflowDefinition.capabilities.watchlistScreening.additionalProperties',
          message: 'is not a known field',
        },
      ],
    });
    expect(validateAccountRequest(json, { unknownFields: 'allow' })).toEqual({ success: true, output: WATCHLIST_BODY });
  });

  it('adds unknown fields at any depth, also into presets (arrays merge by index) and at the top level', () => {
    const body = account()
      .ref('r')
      .workflow(10026)
      .document('USA', 'BS')
      .extra({ riskSignals: { level: 2 }, workflowDefinition: { credentials: [{ note: ['a', null, true] }] } })
      .build() as unknown as Record<string, unknown>;
    expect(body).toEqual({
      customerInternalReference: 'r',
      workflowDefinition: {
        key: 10026,
        credentials: [
          {
            category: 'DOCUMENT',
            country: { predefinedType: 'DEFINED', values: ['USA'] },
            type: { predefinedType: 'DEFINED', values: ['BS'] },
            note: ['a', null, true],
          },
        ],
      },
      riskSignals: { level: 2 },
    });
  });

  it('may set a known field the builder did not set; it keeps every check', () => {
    const base = account().ref('r').workflow(10011);
    expect(base.extra({ tokenLifetime: '1h' }).build().tokenLifetime).toBe('1h');
    expect(issuesOf(base.extra({ tokenLifetime: '1y' as never }))).toEqual([
      { path: 'tokenLifetime', message: 'must be a whole number followed by s, m, h or d (e.g. 600s, 30m, 1d)' },
    ]);
    // the types refuse these; at run time they are issues naming the field
    expect(issuesOf(base.extra({ callbackUrl: 5 } as never))).toEqual([
      { path: 'callbackUrl', message: 'must be a string' },
    ]);
    expect(issuesOf(base.extra({ web: { locale: 'english' } }))).toEqual([
      { path: 'web.locale', message: 'must be at most 5 characters (got 7)' },
    ]);
    // a known field that a workflow rule reads is read with the patch applied
    expect(issuesOf(account().ref('r').workflow(32).extra({ userReference: 'u' }))).toEqual([]);
  });

  it('a patch that changes a value the builder set is an issue naming the path', () => {
    expect(
      issuesOf(
        account()
          .ref('r')
          .workflow(10011)
          .extra({ customerInternalReference: 1 } as never),
      ),
    ).toEqual([
      {
        path: 'customerInternalReference',
        message: CHANGED,
      },
    ]);
    expect(
      issuesOf(
        account()
          .ref('r')
          .workflow(10013)
          .capability.watchlist('p')
          .extra({
            workflowDefinition: { key: 10011, capabilities: { watchlistScreening: { searchProfile: 'q' } } },
          }),
      ),
    ).toEqual([
      {
        path: 'workflowDefinition.key',
        message: CHANGED,
      },
      {
        path: 'workflowDefinition.capabilities.watchlistScreening.searchProfile',
        message: CHANGED,
      },
    ]);
    // giving the value the builder set changes nothing
    expect(issuesOf(account().ref('r').workflow(10011).extra({ customerInternalReference: 'r' }))).toEqual([]);
    expect(() =>
      account()
        .ref('r')
        .workflow(10011)
        .extra({ workflowDefinition: { key: 2 } })
        .build(),
    ).toThrow(KyxValidationError);
  });

  it('unknown fields pass only through .extra: a misspelt field in an object a setter takes still fails', () => {
    const misspelt = account()
      .ref('r')
      .workflow(10011)
      .web({ sucessUrl: 'https://a.example' } as never);
    expect(issuesOf(misspelt)).toEqual([{ path: 'web.sucessUrl', message: 'is not a known field' }]);
    // .extra() elsewhere does not open the setter's object
    expect(issuesOf(misspelt.extra({ web: { locale: 'en' }, other: 1 }))).toEqual([
      { path: 'web.sucessUrl', message: 'is not a known field' },
    ]);
  });

  it('values that are not JSON data are issues; a patch that is not an object throws at once', () => {
    expect(
      issuesOf(
        account()
          .ref('r')
          .workflow(10011)
          .extra({ run: () => 1, n: Number.NaN, big: 1n }),
      ),
    ).toEqual([
      { path: 'run', message: JSON_DATA },
      { path: 'n', message: JSON_DATA },
      { path: 'big', message: JSON_DATA },
    ]);
    expect(() => account().extra([] as never)).toThrow(KyxValidationError);
  });

  it('later calls merge over earlier ones; the builder and the patch are copied, never shared', () => {
    const patch = { a: { b: 1, c: 2 } };
    const request = account()
      .ref('r')
      .workflow(10011)
      .extra(patch)
      .extra({ a: { c: 3 } });
    patch.a.b = 99;
    const body = request.build() as unknown as { a: unknown };
    expect(body.a).toEqual({ b: 1, c: 3 });
    (body.a as { b: number }).b = 7;
    expect((request.build() as unknown as { a: unknown }).a).toEqual({ b: 1, c: 3 });
  });

  it('templates and .with() fragments carry it', () => {
    const template: AccountTemplate<'ref'> = account().workflow(10011).extra({ tenantFlag: true });
    expect(template.ref('r').build()).toMatchObject({ tenantFlag: true });
    const fragment: AccountFragment = (b) => b.extra({ workflowDefinition: { tenantSetting: 'x' } });
    expect(account().ref('r').workflow(10011).with(fragment).build().workflowDefinition).toEqual({
      key: 10011,
      tenantSetting: 'x',
    });
    expect(template.ref('r').extra({ other: 1 }).build()).toMatchObject({ tenantFlag: true, other: 1 });
  });
});
