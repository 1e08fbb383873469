// `npm run bench:runtime`: the run-time cost of building, validating and serializing a request,
// against `JSON.stringify` of the same literal, and of validating a response, against `JSON.parse`.
// Each pair is measured back to back in this process, several rounds; the ratio is the median of
// the rounds' ratios (mitata's median time per iteration in each).
import { do_not_optimize, measure } from 'mitata';
import * as v from 'valibot';
import { seedJsonSnippets } from '../fixtures/seed.js';
import { loadBuiltPackage, loadBuiltSchemas } from './built.js';
import { type BenchFigure, type BenchSection, isMain, printSection, table } from './report.js';

/** Options of the run-time benchmark. */
export interface RuntimeBenchOptions {
  /** Rounds per pair (default 5). */
  readonly rounds?: number;
  /** Minimum CPU time per measurement, in milliseconds (default 300). */
  readonly minMs?: number;
}

type Package = typeof import('../src/index.js');

/** The two requests measured, built with the given package (the built dist). */
export function requests({ account, defineWorkflow }: Package) {
  /** A tenant workflow that accepts every preset and capability, so one request can set every field. */
  const everything = defineWorkflow({
    key: 20001,
    name: 'Bench: every credential and capability',
    credentials: ['ID', 'DOCUMENT', 'FACEMAP', 'SELFIE'],
    channels: ['API', 'SDK', 'WEB'],
    capabilities: ['usability', 'extraction', 'watchlistScreening', 'liveness', 'similarity'],
  });
  /** The design card's request. */
  const designCard = () => account().ref('x').workflow(10026).document('USA', 'BS').capability.ekyc('one');
  /** The largest request: every field and option the builder has. */
  const largest = () =>
    account('572ac7b5-9f83-409d-ba8e-f0014e411c7e')
      .ref('order-2024-000123')
      .user('user-8f14e45f')
      .reporting('campaign-spring')
      .callback('https://acme.example/jumio/callback')
      .tokenLifetime('1d')
      .workflow(everything)
      .id({ country: ['USA', 'CAN', 'MEX'], type: ['DRIVING_LICENSE', 'ID_CARD', 'PASSPORT'] })
      .document('USA', 'BS')
      .facemap('IPROOV_PREMIUM')
      .capability.watchlist('profile-1')
      .capability.extraction(false)
      .capability.ekyc('two')
      .capability.riskScore('81c616b7-d47e-4cb2-8c4f-17267f2106f3')
      .capability.ruleset(['id1', 'id2', 'id3'])
      .web({ successUrl: 'https://acme.example/done', errorUrl: 'https://acme.example/failed', locale: 'pt-BR' })
      .consent({
        userIp: '226.80.211.232',
        userLocation: { country: 'USA', state: 'IL' },
        consent: { obtained: 'yes', obtainedAt: '2022-07-20T17:20:35.000Z' },
      })
      .overrides({ crossDeviceOnly: true, crossDeviceOption: 'QR_ONLY' });
  return { designCard, largest };
}

/** The seed's account response example, as text and as a value. */
export function responseExample(): { readonly text: string; readonly value: unknown } {
  const value = seedJsonSnippets()[10];
  if (typeof value !== 'object' || value === null || !('account' in value)) {
    throw new Error('bench: seed snippet 10 is not the account response example');
  }
  return { text: JSON.stringify(value), value };
}

/** What the CPU profile showed (kept next to the code that measures it). */
const FINDINGS = [
  '**Findings.** `v.safeParse(AccountRequestSchema)` of the finished literal costs about 2.5–3.5× its ' +
    '`JSON.stringify` (row above), so a `build()` that runs the request schema on the whole body cannot come ' +
    'within 3×. Since issue 25 the builder does not: each field set from the caller is checked with its own ' +
    'schema, and the parts the builder makes itself (`.document()`, `.facemap()`, `.selfie()`, the capability ' +
    'options) only by their leaves, the caller’s strings, each with the schema at its place (their shape is the ' +
    'schema’s by construction); a body with `.extra()` is still checked whole. The same checks, issues and output ' +
    '(test/builder/parts.property.test.ts). `id()` options, `ruleset` ids and the object setters (web, consent, ' +
    'overrides) are the caller’s objects and go through their schemas whole, which is why the largest request ' +
    'gains less than the design card.',
  'Earlier profiles (`node --cpu-prof`, `JSON.stringify(largest())` in a loop against the built dist) removed: ' +
    'a deep copy of the whole body on every `build()` (parts are copied once, when set, and only what the caller ' +
    'passed: presets and capability options the builder makes are not copied again); a spread and two freezes ' +
    'per call; `Object.entries` pairs in `plainCopy`; a parse configuration made as an object literal with ' +
    'getters on every parse (now a class, about 7 % of a `build()`); five closures per `.capability` access (now ' +
    'one object with prototype methods); a scan of the 249 country codes (a Set behind `v.custom`, same ' +
    'message); a `Date` built and formatted back for every timestamp (the fields are read from the string, ' +
    'test/model/timestamp.property.test.ts); a `URL` per URL check (`URL.canParse`).',
  'Running the benchmark on src/ through tsx instead of dist/ nearly doubles the chain cost (esbuild’s `__name` ' +
    'helper wraps closures), so the figures use the built package. On the shared 2-core machine the figures are ' +
    'bimodal between runs of identical code (the design card came out at about 4.6× and 8.4× in consecutive ' +
    'runs before issue 25); compare a figure with an earlier one only over several runs, or both builds in one ' +
    'process.',
].join('\n\n');

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Median ns per iteration of `fn` and of `base`, measured alternately; the ratio is the median of round ratios. */
async function pair(fn: () => unknown, base: () => unknown, rounds: number, minMs: number) {
  const options = { min_cpu_time: minMs * 1e6 };
  const values: number[] = [];
  const baselines: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const a = (await measure(() => do_not_optimize(fn()), options)).p50;
    const b = (await measure(() => do_not_optimize(base()), options)).p50;
    values.push(a);
    baselines.push(b);
    ratios.push(a / b);
  }
  return { value: median(values), baseline: median(baselines), ratio: median(ratios) };
}

/** A figure whose ratio is the median round ratio (value scaled so value / baseline equals it). */
function figure(
  name: string,
  measured: { value: number; baseline: number; ratio: number },
  baselineName: string,
  target?: number,
): BenchFigure {
  return {
    name,
    value: measured.ratio * measured.baseline,
    baseline: measured.baseline,
    baselineName,
    unit: 'ns',
    ...(target === undefined ? {} : { target }),
  };
}

/** Runs every pair; returns the section of the report. */
export async function runRuntimeBench(options: RuntimeBenchOptions = {}): Promise<BenchSection> {
  const pkg = await loadBuiltPackage();
  const { AccountRequestSchema, AccountResponseSchema } = await loadBuiltSchemas();
  const { designCard, largest } = requests(pkg);
  const rounds = options.rounds ?? 5;
  const minMs = options.minMs ?? 300;
  const card = designCard();
  const big = largest();
  const cardLiteral = card.build();
  const bigLiteral = big.build();
  const response = responseExample();
  // The builders must serialize to exactly the literals they are compared with.
  if (JSON.stringify(card) !== JSON.stringify(cardLiteral) || JSON.stringify(big) !== JSON.stringify(bigLiteral)) {
    throw new Error('bench: builder and literal differ');
  }
  if (!v.is(AccountResponseSchema, response.value)) throw new Error('bench: the seed response does not validate');

  const log = (name: string) => process.stderr.write(`bench:runtime ${name}\n`);
  const figures: BenchFigure[] = [];
  log('design card');
  figures.push(
    figure(
      'design card: chain + build (validate) + JSON.stringify',
      await pair(
        () => JSON.stringify(designCard()),
        () => JSON.stringify(cardLiteral),
        rounds,
        minMs,
      ),
      'JSON.stringify of the literal',
      3,
    ),
  );
  log('largest request');
  figures.push(
    figure(
      'largest request: chain + build (validate) + JSON.stringify',
      await pair(
        () => JSON.stringify(largest()),
        () => JSON.stringify(bigLiteral),
        rounds,
        minMs,
      ),
      'JSON.stringify of the literal',
      3,
    ),
  );
  log('response');
  figures.push(
    figure(
      'response: v.parse(AccountResponseSchema)',
      await pair(
        () => v.parse(AccountResponseSchema, response.value),
        () => JSON.parse(response.text),
        rounds,
        minMs,
      ),
      'JSON.parse of the response text',
      3,
    ),
  );
  log('breakdown');
  // Where the time goes (reported, no target): each part of the largest request against the same baseline.
  const parts: [string, () => unknown][] = [
    ['chain only (no build)', largest],
    ['build() of a ready builder', () => big.build()],
    ['v.safeParse(AccountRequestSchema) of the literal', () => v.safeParse(AccountRequestSchema, bigLiteral)],
  ];
  const breakdown: (string | number)[][] = [];
  for (const [name, fn] of parts) {
    const m = await pair(fn, () => JSON.stringify(bigLiteral), Math.max(1, Math.floor(rounds / 2)), minMs);
    figures.push(figure(`largest request: ${name}`, m, 'JSON.stringify of the literal'));
    breakdown.push([name, `${m.value.toFixed(0)} ns`, `${m.ratio.toFixed(2)}×`]);
  }
  figures.push(
    figure(
      'response: JSON.parse + v.parse (what a client does)',
      await pair(
        () => v.parse(AccountResponseSchema, JSON.parse(response.text)),
        () => JSON.parse(response.text),
        rounds,
        minMs,
      ),
      'JSON.parse of the response text',
    ),
  );
  return {
    title: 'Run-time cost (bench/runtime.ts)',
    method: [
      `Measured with mitata (median time per iteration), each figure and its baseline alternately in the same process, ${rounds} rounds of at least ${minMs} ms each; the ratio is the median of the rounds' ratios.`,
      "The design card request is `account().ref('x').workflow(10026).document('USA', 'BS').capability.ekyc('one')`; the largest request sets every field and option (`account(uuid)`, ref, user, reporting, callback, tokenLifetime, a `defineWorkflow` workflow accepting every preset, ID with 3 countries and 3 types, DOCUMENT, FACEMAP, all five capabilities, web, consent, overrides).",
      "Each builder figure includes building the chain, validating (valibot schema plus workflow rules) and serializing; the baseline is `JSON.stringify` of the literal it produces (checked equal). The response is the seed's account response example.",
    ].join(' '),
    figures,
    details: [
      '### Where the time goes (largest request)',
      table(
        ['part', 'median time', 'ratio to JSON.stringify'],
        breakdown.map((row) => row.map(String)),
      ),
      FINDINGS,
    ].join('\n\n'),
  };
}

if (isMain(import.meta.url)) {
  printSection(await runRuntimeBench());
}
