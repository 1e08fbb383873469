import fc from 'fast-check';
import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { account } from '../../src/index.js';

// Property: the builder accepts a request if and only if an independent reference predicate,
// written here from the seed's rules (not from src/), accepts it. Inputs mix valid values,
// boundary values and mutations, so both sides are exercised.

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);
const ISO3 = new Set(Object.keys(countries.getAlpha3Codes()).filter((c) => c !== 'XKK'));
const DOC_CODES = new Set(
  'BC BS CAAP CB CC CCS CRC HCC IC LAG LOAP MEDC MOAP PB SEL SENC SS SSC STUC TAC TR UB VC VT WWCC'.split(' '),
);
/** A standard code, or a tenant's own: 1–10 characters, no blanks, never the bare CUSTOM. */
const documentCodeOk = (code: string) =>
  DOC_CODES.has(code) || (code !== 'CUSTOM' && code.length >= 1 && code.length <= 10 && !/\s/.test(code));
const ID_TYPES = new Set(['ID_CARD', 'DRIVING_LICENSE', 'PASSPORT', 'VISA']);
const FACEMAP_TYPES = new Set(['IPROOV_STANDARD', 'IPROOV_PREMIUM', 'JUMIO_STANDARD']);
const UUID = '572ac7b5-9f83-409d-ba8e-f0014e411c7e';

// What the reference needs to know about workflows, restated independently of the catalog.
const WORKFLOWS: Record<
  number,
  { accepts: string[]; requires?: string; user?: true; updateOnly?: true; screening?: true; reuse?: true }
> = {
  10011: { accepts: ['ID', 'FACEMAP', 'SELFIE'] },
  10026: { accepts: ['DOCUMENT'], requires: 'DOCUMENT' },
  32: { accepts: ['ID', 'FACEMAP', 'SELFIE'], user: true, screening: true },
  10010: { accepts: [], user: true, screening: true },
  10014: { accepts: ['FACEMAP', 'SELFIE'], updateOnly: true },
  5: { accepts: ['ID', 'SELFIE'], requires: 'ID', updateOnly: true, reuse: true },
  10170: { accepts: ['DOCUMENT'] },
  20001: { accepts: ['ID', 'DOCUMENT', 'FACEMAP'] }, // not in the catalog: generic rules only
};

const text = (lengths: number[]) => fc.constantFrom(...lengths).map((n) => 'r'.repeat(n));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
/** Mostly valid values, sometimes a mutation: both outcomes stay frequent. */
const mix = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 30 }, { arbitrary: invalid, weight: 1 });
const forbidden = fc.constantFrom(...'<>"/;`%{}|').map((c) => `ref${c}x`);
const lifetime = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 6_000_000 }), fc.constantFrom('s', 'm', 'h', 'd')).map(([n, u]) => `${n}${u}`),
  fc.constantFrom('5m', '300s', '60d', '1440h', '30m'),
  fc.constantFrom('299s', '61d', '1441h', '30 minutes', '1.5h', '-5m', '30', ''),
);
const url = (max: number) =>
  mix(
    fc.oneof(
      fc.constantFrom(max - 1, max).map((n) => `https://acme.example/${'p'.repeat(n - 21)}`),
      fc.constantFrom('https://acme.example/cb', 'http://127.0.0.1:8080/cb', 'myapp://done'),
    ),
    fc.oneof(
      fc.constant(`https://acme.example/${'p'.repeat(max + 1 - 21)}`),
      fc.constantFrom('http://acme.example/cb', 'not a url'),
    ),
  );
const country = mix(fc.constantFrom('USA', 'DEU', 'CAN', 'BRA', 'ALA'), fc.constantFrom('US', 'XKX', 'usa', 'Germany'));

const requestInput = fc.record({
  mode: mix(fc.constantFrom('create', 'update'), fc.constant('update-bad-id')),
  ref: mix(text([1, 50, 100]), fc.oneof(text([101, 0]), forbidden, fc.constant(undefined))),
  user: maybe(mix(text([1, 100]), text([101, 0]))),
  reporting: maybe(mix(text([1, 255]), text([256]))),
  callback: maybe(url(255)),
  tokenLifetime: maybe(lifetime),
  workflow: mix(fc.constantFrom(...Object.keys(WORKFLOWS).map(Number)), fc.constant(undefined)),
  id: maybe(
    fc.record({
      country: maybe(fc.oneof(country, fc.array(country, { maxLength: 2 }))),
      type: maybe(mix(fc.constantFrom('PASSPORT', 'VISA'), fc.constantFrom('DRIVING LICENSE', 'PASSPRT'))),
      id: maybe(mix(fc.constant('fdb1bc31-99a0-4671-8f2a-2bf7ca2faace'), fc.constant('abc'))),
    }),
  ),
  document: maybe(
    fc.tuple(
      country,
      mix(fc.constantFrom('BS', 'UB', 'ACMEPAY', 'ZZ'), fc.constantFrom('CUSTOM', 'ACME PAY', 'ABCDEFGHIJK')),
    ),
  ),
  selfie: maybe(mix(fc.constantFrom('new', 'reuse', 'reuse-latest'), fc.constant('reuse-bad'))),
  facemap: maybe(mix(fc.constantFrom('none', 'IPROOV_PREMIUM'), fc.constant('IPROOV_ULTRA'))),
  extraction: maybe(fc.boolean()),
  ekyc: maybe(mix(fc.constantFrom('one', 'two'), fc.constant('three'))),
  watchlist: maybe(mix(fc.constant('profile-1'), fc.constant(''))),
  ruleset: maybe(mix<string[]>(fc.constant(['a', 'b']), fc.constantFrom([], ['a', '']))),
  web: maybe(
    fc.record({
      successUrl: maybe(url(1900)),
      locale: maybe(mix(fc.constantFrom('es', 'pt-BR', 'zh-CN'), fc.constantFrom('pt-BRA', 'EN'))),
    }),
  ),
  consent: maybe(
    fc.record({
      userIp: mix(fc.constantFrom('226.80.211.232', '2001:db8::1'), fc.constantFrom('300.1.1.1', 'localhost')),
      country,
      consent: maybe(
        fc.record({
          obtained: mix(fc.constantFrom('yes', 'no', 'na'), fc.constant('maybe')),
          obtainedAt: maybe(
            mix(
              fc.constantFrom('2022-07-20T17:20:35.000Z', '2022-07-20T17:20:35Z', '2022-07-20T17:20:35.5Z'),
              fc.constantFrom('2022-02-30T10:00:00Z', 'yesterday'),
            ),
          ),
        }),
      ),
    }),
  ),
  overrides: maybe(
    fc.record({
      crossDeviceOnly: maybe(fc.boolean()),
      crossDeviceOption: maybe(mix(fc.constantFrom('DEFAULT', 'QR_ONLY', 'EMAIL_ONLY'), fc.constant('SMS'))),
    }),
  ),
});
type Input = typeof requestInput extends fc.Arbitrary<infer T> ? T : never;

const validUrl = (s: string) => URL.canParse(s);
const isIp = (s: string) =>
  /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(s) ||
  (s.includes(':') && URL.canParse(`http://[${s}]`));

function lifetimeOk(s: string): boolean {
  const m = /^(\d+)([smhd])$/.exec(s);
  if (!m) return false;
  const seconds = Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's'];
  return seconds >= 300 && seconds <= 60 * 86400;
}

function timestampOk(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(s)) return false;
  const d = new Date(s);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s.slice(0, 10);
}

/** The reference predicate: is this request valid according to the account API contract? */
function referenceAccepts(r: Input): boolean {
  const spec = r.workflow === undefined ? undefined : WORKFLOWS[r.workflow];
  const inCatalog = r.workflow !== undefined && r.workflow !== 20001;
  if (r.mode === 'update-bad-id') return false;
  if (r.ref === undefined || r.ref.length < 1 || r.ref.length > 100 || /[<>"/;`%{}|]/.test(r.ref)) return false;
  if (r.user !== undefined && (r.user.length < 1 || r.user.length > 100)) return false;
  if (r.reporting !== undefined && r.reporting.length > 255) return false;
  if (r.callback !== undefined) {
    if (r.callback.length > 255 || !validUrl(r.callback)) return false;
    const u = new URL(r.callback);
    if (!(u.protocol === 'https:' || (u.protocol === 'http:' && u.hostname === '127.0.0.1'))) return false;
  }
  if (r.tokenLifetime !== undefined && !lifetimeOk(r.tokenLifetime)) return false;
  if (!spec) return false;
  const presets: string[] = [];
  if (r.id) {
    presets.push('ID');
    const countries =
      r.id.country === undefined ? undefined : Array.isArray(r.id.country) ? r.id.country : [r.id.country];
    if (countries && (countries.length === 0 || !countries.every((c) => ISO3.has(c)))) return false;
    if (r.id.type !== undefined && !ID_TYPES.has(r.id.type)) return false;
    if (r.id.id === 'abc') return false;
    if (r.id.id !== undefined && r.mode === 'create') return false; // reuse needs an existing account
  }
  if (r.document) {
    presets.push('DOCUMENT');
    if (!ISO3.has(r.document[0]) || !documentCodeOk(r.document[1])) return false;
  }
  if (r.selfie) {
    presets.push('SELFIE');
    if (r.selfie === 'reuse-bad') return false;
    if (r.selfie === 'reuse' && r.mode === 'create') return false;
  }
  if (r.facemap) {
    presets.push('FACEMAP');
    if (r.facemap !== 'none' && !FACEMAP_TYPES.has(r.facemap)) return false;
  }
  if (inCatalog && presets.some((p) => !spec.accepts.includes(p))) return false;
  if (inCatalog && spec.requires && !presets.includes(spec.requires)) return false;
  if (inCatalog && spec.user && r.user === undefined) return false;
  if (inCatalog && spec.updateOnly && r.mode === 'create') return false;
  if (r.extraction !== undefined && inCatalog && !spec.accepts.includes('DOCUMENT')) return false;
  if (r.ekyc !== undefined && r.ekyc !== 'one' && r.ekyc !== 'two') return false;
  if (r.watchlist !== undefined && (r.watchlist === '' || (inCatalog && !spec.screening))) return false;
  if (r.ruleset !== undefined && (r.ruleset.length === 0 || r.ruleset.includes(''))) return false;
  if (r.web) {
    if (r.web.successUrl !== undefined && (r.web.successUrl.length > 1900 || !validUrl(r.web.successUrl))) return false;
    if (r.web.locale !== undefined && !/^[a-z]{2}(-[A-Z]{2})?$/.test(r.web.locale)) return false;
  }
  if (r.consent) {
    if (!isIp(r.consent.userIp) || !ISO3.has(r.consent.country)) return false;
    if (r.consent.country === 'USA' && r.consent.consent === undefined) return false;
    const c = r.consent.consent;
    if (c && !['yes', 'no', 'na'].includes(c.obtained)) return false;
    if (c?.obtainedAt !== undefined && !timestampOk(c.obtainedAt)) return false;
    if (c?.obtained === 'yes' && c.obtainedAt === undefined) return false;
  }
  if (
    r.overrides?.crossDeviceOption !== undefined &&
    !['DEFAULT', 'QR_ONLY', 'EMAIL_ONLY'].includes(r.overrides.crossDeviceOption)
  )
    return false;
  return true;
}

/** The same request, composed with the builder as plain JavaScript would call it. */
function viaBuilder(r: Input) {
  // biome-ignore lint/suspicious/noExplicitAny: driving the run-time checks without the compile-time ones
  let b: any = r.mode === 'create' ? account() : account(r.mode === 'update' ? UUID : 'not-a-uuid');
  if (r.ref !== undefined) b = b.ref(r.ref);
  if (r.user !== undefined) b = b.user(r.user);
  if (r.reporting !== undefined) b = b.reporting(r.reporting);
  if (r.callback !== undefined) b = b.callback(r.callback);
  if (r.tokenLifetime !== undefined) b = b.tokenLifetime(r.tokenLifetime);
  if (r.workflow !== undefined) b = b.workflow(r.workflow);
  if (r.id) b = b.id(r.id);
  if (r.document) b = b.document(...r.document);
  if (r.facemap) b = r.facemap === 'none' ? b.facemap() : b.facemap(r.facemap);
  if (r.selfie === 'new') b = b.selfie();
  if (r.selfie === 'reuse') b = b.reuse('SELFIE', 'aa1bc31f-99a0-4671-8f2a-2bf7ca2faace');
  if (r.selfie === 'reuse-latest') b = b.reuse('SELFIE');
  if (r.selfie === 'reuse-bad') b = b.reuse('SELFIE', 'abc');
  if (r.extraction !== undefined) b = b.capability.extraction(r.extraction);
  if (r.ekyc !== undefined) b = b.capability.ekyc(r.ekyc);
  if (r.watchlist !== undefined) b = b.capability.watchlist(r.watchlist);
  if (r.ruleset !== undefined) b = b.capability.ruleset(r.ruleset);
  if (r.web) b = b.web(r.web);
  if (r.consent)
    b = b.consent({
      userIp: r.consent.userIp,
      userLocation: { country: r.consent.country },
      consent: r.consent.consent,
    });
  if (r.overrides) b = b.overrides(r.overrides);
  return b;
}

describe('builder validation ≡ reference predicate', () => {
  it(`agrees on ${RUNS} generated requests, and only valid ones serialize`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(requestInput, (input) => {
        const builder = viaBuilder(input);
        const result = builder.validate();
        expect({ input, accepted: result.success }).toEqual({ input, accepted: referenceAccepts(input) });
        if (result.success) {
          accepted++;
          expect(JSON.parse(JSON.stringify(builder))).toEqual(result.output);
        } else {
          expect(() => builder.build()).toThrow(/Invalid request/);
          expect(result.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
    // Both outcomes must be well represented, or the property proves little.
    console.log(`property: ${accepted} of ${RUNS} generated requests valid`);
    expect(accepted).toBeGreaterThan(RUNS * 0.02);
    expect(accepted).toBeLessThan(RUNS * 0.98);
  }, 120_000);
});
