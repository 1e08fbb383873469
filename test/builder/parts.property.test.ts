import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { account } from '../../src/index.js';

// Property: the builder checks the parts it made by their leaves only (their shape is the
// schema's by construction). That must give exactly what checking the whole body with the
// request schema gives: the same success, output (and its key order), issues (paths, messages,
// order). `.extra({})` adds nothing but sends the body through the whole-body check, the oracle.

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2_000);

/** Valid values, wrong strings and values of other types (a caller in plain JavaScript). */
const leaf = (...good: string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...good), weight: 12 },
    { arbitrary: fc.constantFrom('', 'usa', 'CUSTOM', 'x'.repeat(256), 'one two', 'DE'), weight: 1 },
    { arbitrary: fc.constantFrom<unknown>(1, null, ['USA'], { a: 1 }, true), weight: 1 },
  );

/** Mostly absent: a part most workflows do not accept. */
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: arb, weight: 1 });

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const chain = fc.record({
  ref: fc.oneof({ arbitrary: fc.constant('order-1'), weight: 10 }, fc.constantFrom(undefined, '', 'a<b')),
  workflow: fc.oneof({ arbitrary: fc.constant(10026), weight: 10 }, fc.constantFrom<unknown>(3, 10011, 2, 0, 1.5, 'x')),
  document: maybe(fc.tuple(leaf('USA', 'DEU', 'BRA'), leaf('BS', 'PB', 'CUSTOM_X'))),
  facemap: rarely(fc.oneof(fc.constant(null), leaf('IPROOV_PREMIUM', 'JUMIO_STANDARD'))), // null: .facemap()
  selfie: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, fc.constant(true)),
  id: maybe(
    fc.record({ country: maybe(fc.constantFrom<unknown>('USA', ['USA', 'XX'])), type: maybe(leaf('PASSPORT')) }),
  ),
  watchlist: rarely(fc.oneof(fc.constant(undefined), leaf('profile-1'))),
  extraction: maybe(fc.boolean()),
  ekyc: maybe(leaf('one', 'two')),
  riskScore: maybe(leaf('81c616b7-d47e-4cb2-8c4f-17267f2106f3')),
  ruleset: rarely(fc.constantFrom<unknown>(['id1'], [], ['', 'x'], 'id1')),
  user: rarely(fc.constantFrom('user-1', '')),
});

type Chain = typeof chain extends fc.Arbitrary<infer T> ? T : never;

function build(c: Chain) {
  // biome-ignore lint/suspicious/noExplicitAny: the untyped calls a JavaScript caller makes
  let b: any = account();
  if (c.ref !== undefined) b = b.ref(c.ref);
  if (c.user !== undefined) b = b.user(c.user);
  if (c.workflow !== undefined) b = b.workflow(c.workflow);
  if (c.id !== undefined) b = b.id(c.id);
  if (c.document !== undefined) b = b.document(...c.document);
  if (c.selfie) b = b.selfie();
  if (c.facemap !== undefined) b = c.facemap === null ? b.facemap() : b.facemap(c.facemap);
  if (c.watchlist !== undefined) b = b.capability.watchlist(c.watchlist);
  if (c.ruleset !== undefined) b = b.capability.ruleset(c.ruleset);
  if (c.ekyc !== undefined) b = b.capability.ekyc(c.ekyc);
  if (c.extraction !== undefined) b = b.capability.extraction(c.extraction);
  if (c.riskScore !== undefined) b = b.capability.riskScore(c.riskScore);
  return b;
}

describe('the builder checks the parts it made by their leaves', () => {
  it('agrees with the whole-body check on every generated chain (result, output order, issues)', () => {
    let valid = 0;
    fc.assert(
      fc.property(chain, (c) => {
        const b = build(c);
        const parts = b.validate();
        const whole = b.extra({}).validate();
        expect(parts).toEqual(whole);
        if (parts.success) {
          valid++;
          expect(JSON.stringify(parts.output)).toBe(JSON.stringify(whole.output));
        }
      }),
      { numRuns: RUNS },
    );
    expect(valid).toBeGreaterThan(0);
  });

  it('reports a bad leaf at its place, with the schema message, and shares nothing with the builder', () => {
    const b = account()
      .ref('x')
      .workflow(10026)
      .document('DE' as never, 'CUSTOM' as never)
      .capability.ekyc('three' as never);
    const result = b.validate();
    expect(result).toEqual(b.extra({}).validate());
    expect(result.success ? [] : result.issues.map((i) => i.path)).toEqual([
      'workflowDefinition.credentials.0.country.values.0',
      'workflowDefinition.credentials.0.type.values.0',
      'workflowDefinition.capabilities.ekycCheck.searchType',
    ]);
    const good = account().ref('x').workflow(10026).document('USA', 'BS');
    const first = good.build();
    const preset = (first.workflowDefinition.credentials ?? [])[0] as { country: { values: string[] } };
    preset.country.values[0] = 'CAN';
    expect(good.build().workflowDefinition.credentials?.[0]).toEqual({
      category: 'DOCUMENT',
      country: { predefinedType: 'DEFINED', values: ['USA'] },
      type: { predefinedType: 'DEFINED', values: ['BS'] },
    });
  });
});
