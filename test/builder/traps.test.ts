import { describe, expect, it } from 'vitest';
import { account, KyxValidationError } from '../../src/index.js';

// Builder side: hostile argument objects never escape as a raw RangeError, Error or
// TypeError, never reach the body through a prototype, and references cannot hide characters.

const base = () => account().ref('traps').workflow(10011);

/** The KyxValidationError a call throws (fails the test otherwise). */
function thrown(call: () => unknown): KyxValidationError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(KyxValidationError);
    return error as KyxValidationError;
  }
  throw new Error('expected a KyxValidationError');
}

describe('argument copies are guarded', () => {
  it('a cyclic object in .web(): KyxValidationError naming the field', () => {
    const web: Record<string, unknown> = { locale: 'en' };
    web['self'] = web;
    const error = thrown(() => base().web(web as never));
    expect(error.issues).toEqual([{ path: 'web.self', message: expect.stringContaining('cycle') }]);
  });

  it('a 100,000-deep object in .web(): KyxValidationError, not a RangeError', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) {
      const next = {};
      deep['a'] = next;
      deep = next;
    }
    const error = thrown(() => base().web(root as never));
    expect(error.issues[0]?.path.startsWith('web.a.a.a')).toBe(true);
    expect(error.issues[0]?.message).toContain('nested deeper than 32 levels');
  });

  it('a throwing getter in .consent(): KyxValidationError naming the property', () => {
    const consent = {
      userIp: '203.0.113.7',
      userLocation: { country: 'USA' },
      get consent(): never {
        throw new Error('boom');
      },
    };
    const error = thrown(() => base().consent(consent as never));
    expect(error.issues).toEqual([
      { path: 'userConsent.consent', message: expect.stringContaining('getter or Proxy') },
    ]);
  });

  it('a revoked Proxy in .overrides() and in .id(): KyxValidationError', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(thrown(() => base().overrides(proxy as never)).issues[0]?.path).toBe('overrideSettings');
    expect(
      thrown(() =>
        account()
          .ref('x')
          .workflow(10011)
          .id(proxy as never),
      ).issues[0]?.path,
    ).toBe('workflowDefinition.credentials');
  });

  it('a Proxy whose traps throw: KyxValidationError', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new TypeError('no keys for you');
        },
      },
    );
    expect(thrown(() => base().web(hostile as never)).issues[0]?.path).toBe('web');
  });

  it('__proto__ and constructor keys are dropped: nothing reaches the body through them', () => {
    const web = JSON.parse('{"locale":"en","__proto__":{"successUrl":"https://evil.example"},"constructor":{"x":1}}');
    const body = base().web(web).build();
    expect(body.web).toEqual({ locale: 'en' });
    expect(Object.getPrototypeOf(body.web)).toBe(Object.prototype);
    expect(JSON.stringify(body)).not.toContain('evil.example');
    expect(({} as { successUrl?: string }).successUrl).toBeUndefined(); // no prototype was polluted
  });
});

describe('web URLs a browser is sent to', () => {
  for (const url of [
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'file:///etc/passwd',
    'blob:https://x/1',
  ]) {
    it(`refuses ${url.slice(0, 24)}`, () => {
      const result = base().web({ successUrl: url, errorUrl: url }).validate();
      expect(result.success ? [] : result.issues.map((i) => i.path)).toEqual(['web.successUrl', 'web.errorUrl']);
    });
  }
  it('keeps https, http and deep-link schemes (the seed: "schemes for deep linking are supported")', () => {
    for (const url of ['https://acme.example/done', 'http://intranet.local/done', 'myapp://kyc/done']) {
      expect(base().web({ successUrl: url }).validate().success, url).toBe(true);
    }
  });
});

describe('references cannot hide characters', () => {
  const hidden = {
    NUL: 'order\u0000-1',
    'CR LF': 'order-1\r\nX-Injected: 1',
    TAB: 'order\t1',
    DEL: 'order\u007f1',
    'C1 (U+0085)': 'order\u00851',
    'RLO (U+202E)': 'invoice\u202Efdp.exe',
    'LRI (U+2066)': 'order\u20661',
    'RLM (U+200F)': 'order\u200f1',
  };
  for (const [name, value] of Object.entries(hidden)) {
    it(`${name}: refused in ref, user and reporting, naming the code point`, () => {
      const result = account().ref(value).user(value).reporting(value).workflow(10011).validate();
      expect(result.success).toBe(false);
      const issues = result.success ? [] : result.issues;
      for (const path of ['customerInternalReference', 'userReference', 'reportingCriteria']) {
        expect(issues.find((i) => i.path === path)?.message, path).toMatch(
          /control characters or bidirectional overrides \(found U\+[0-9A-F]{4}\)/,
        );
      }
    });
  }
  it('ordinary Unicode stays allowed', () => {
    expect(account().ref('Zoë-順序-١٢٣').user('Jürgen').workflow(10011).validate().success).toBe(true);
  });
});
