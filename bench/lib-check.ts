// `npm run bench:lib-check` (a section of docs/benchmarks.md) and an `npm test` step (`--check`):
// what importing `account` from jumio-kyx costs a consumer whose tsconfig has `skipLibCheck: false`,
// so that tsc checks every declaration file the package pulls in. Two generated projects, both with
// @types/node and type-fest (type-fest is part of the chosen stack, so its price is in the
// baseline), differ by one import and the line that uses it. Each is checked with
// `tsc --extendedDiagnostics` in interleaved rounds; the bound (≤ 1.15× the baseline) is on the
// CPU time of the tsc process (user + system, less disturbed by a busy machine than wall-clock
// time); wall-clock "Total time", instantiations, types and files are reported beside it.
// `--check` prints one `note:` line and `N passed, N failed`, and fails when the bound is missed
// (one round; a miss is measured again, median of 3 fresh rounds, before it fails the step).
// What keeps it met: the root entry's .d.ts never reach valibot (the schemas are in
// `jumio-kyx/schemas`; scripts/check-dts-valibot.ts checks the built graph).
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ensureBuilt, PACKAGE_ROOT } from './built.js';
import { type BenchFigure, type BenchSection, isMain, met, printSection, ratio, table } from './report.js';
import { CONSUMER_OPTIONS, writeProject } from './types/tsc.js';

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** The bound: the import may cost at most this much of the baseline's CPU time. */
export const LIB_CHECK_TARGET = 1.15;

/** The consumer's compiler options: the strict ones of the other benches, lib checking on, Node types. */
export const LIB_CHECK_OPTIONS = { ...CONSUMER_OPTIONS, skipLibCheck: false, types: ['node'] } as const;

const IMPORT = "import { account } from 'jumio-kyx';";
const USE = "export const body = account().ref('order-1').workflow(10011).build();";

/** What the consumer file imports besides Node.js and type-fest. */
export type Variant = 'baseline' | 'jumio-kyx' | 'valibot';

/** The consumer file: Node.js and type-fest in use; the variant adds the import of `account` (or of valibot alone) and one use. */
export function consumerFile(variant: Variant): string {
  const extra = {
    baseline: { imports: [], uses: [] },
    'jumio-kyx': { imports: [IMPORT], uses: [USE] },
    valibot: {
      imports: ["import * as v from 'valibot';"],
      uses: ['export const Ref = v.pipe(v.string(), v.maxLength(100));'],
    },
  }[variant];
  return [
    ...extra.imports,
    "import { readFile } from 'node:fs/promises';",
    "import type { Simplify } from 'type-fest';",
    '',
    'export type Order = Simplify<{ id: string } & { total: number }>;',
    'export async function load(path: string): Promise<Order> {',
    "  return JSON.parse(await readFile(path, 'utf8')) as Order;",
    '}',
    ...extra.uses,
    '',
  ].join('\n');
}

/** Figures of one tsc run. */
interface Run {
  readonly cpuMs: number;
  readonly totalMs: number;
  readonly instantiations: number;
  readonly types: number;
  readonly files: readonly string[];
}

// Loaded into the tsc process with --require: prints the process's CPU time when it exits.
const CPU_HOOK = [
  "process.on('exit', () => {",
  '  const { user, system } = process.cpuUsage();',
  "  require('node:fs').writeSync(2, '\\nCPU time: ' + (user + system) / 1000 + 'ms\\n');",
  '});',
  '',
].join('\n');

function figure(output: string, label: string): number {
  const match = new RegExp(`^${label}:\\s+([\\d.]+)(s|ms)?$`, 'm').exec(output);
  if (!match) throw new Error(`lib-check: tsc printed no "${label}" line:\n${output.slice(-4000)}`);
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

function check(dir: string, hook: string): Run {
  const inProject = `${dir}${sep}`;
  const result = spawnSync(
    process.execPath,
    ['--require', hook, TSC, '-p', dir, '--extendedDiagnostics', '--listFiles'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`lib-check: tsc failed on ${dir}:\n${output.slice(0, 4000)}`);
  return {
    cpuMs: figure(output, 'CPU time'),
    totalMs: figure(output, 'Total time'),
    instantiations: figure(output, 'Instantiations'),
    types: figure(output, 'Types'),
    // Files of the project itself are named alike in every project.
    files: output
      .split('\n')
      .filter((line) => line.startsWith('/'))
      .map((file) => (file.startsWith(inProject) ? `<project>/${file.slice(inProject.length)}` : file)),
  };
}

/** Writes one consumer project: the file, the tsconfig, links to the package, type-fest, valibot and @types/node. */
function writeConsumer(dir: string, variant: Variant): void {
  writeProject(dir, { 'index.ts': consumerFile(variant) });
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: LIB_CHECK_OPTIONS, include: ['src'] }, null, 2),
  );
  mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
  for (const name of ['type-fest', 'valibot', '@types/node']) {
    symlinkSync(join(PACKAGE_ROOT, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** The package a declaration file belongs to (`valibot`, `@types/node`, `jumio-kyx (dist)`, `typescript (lib)`). */
function packageOf(file: string): string {
  const path = relative(PACKAGE_ROOT, file).split(sep).join('/');
  if (path.startsWith('dist/')) return 'jumio-kyx (dist)';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (inModules?.[1] === 'typescript') return 'typescript (lib)';
  return inModules?.[1] ?? 'the consumer file';
}

export interface LibCheckOptions {
  /** Interleaved rounds (each checks every project once); times are medians (default 3). */
  readonly rounds?: number;
  /** Only the two projects the bound needs (the `npm test` step). */
  readonly bound?: boolean;
  readonly workDir?: string;
}

/** The measured section of the report. */
export async function runLibCheckBench(options: LibCheckOptions = {}): Promise<BenchSection> {
  const rounds = options.rounds ?? 3;
  const workDir = options.workDir ?? join(tmpdir(), 'jumio-kyx-bench-lib-check');
  ensureBuilt();
  // --check measures the bound only; the report adds valibot's declarations alone.
  const variants: Variant[] = options.bound ? ['baseline', 'jumio-kyx'] : ['baseline', 'jumio-kyx', 'valibot'];
  for (const variant of variants) writeConsumer(join(workDir, variant), variant);
  const hook = join(workDir, 'cpu-time.cjs');
  writeFileSync(hook, CPU_HOOK);

  const runs = new Map<Variant, Run[]>(variants.map((v) => [v, []]));
  for (let round = 0; round < rounds; round++) {
    for (const variant of variants) runs.get(variant)?.push(check(join(workDir, variant), hook));
  }
  const first = (variant: Variant): Run => {
    const run = runs.get(variant)?.[0];
    if (!run) throw new Error(`lib-check: no run of ${variant}`);
    return run;
  };
  const med = (variant: Variant, key: 'cpuMs' | 'totalMs') => median((runs.get(variant) ?? []).map((r) => r[key]));
  const baselineName = 'the same file without the import';
  const figures: BenchFigure[] = [
    {
      name: 'tsc CPU time, skipLibCheck off',
      value: med('jumio-kyx', 'cpuMs'),
      baselineName,
      baseline: med('baseline', 'cpuMs'),
      unit: 'ms',
      target: LIB_CHECK_TARGET,
    },
    {
      name: 'tsc Total time (wall clock), skipLibCheck off',
      value: med('jumio-kyx', 'totalMs'),
      baselineName,
      baseline: med('baseline', 'totalMs'),
      unit: 'ms',
    },
    {
      name: 'instantiations, skipLibCheck off',
      value: first('jumio-kyx').instantiations,
      baselineName,
      baseline: first('baseline').instantiations,
    },
    {
      name: 'types, skipLibCheck off',
      value: first('jumio-kyx').types,
      baselineName,
      baseline: first('baseline').types,
    },
    {
      name: 'files in the program',
      value: first('jumio-kyx').files.length,
      baselineName,
      baseline: first('baseline').files.length,
    },
  ];

  if (variants.includes('valibot')) {
    figures.push({
      name: "tsc CPU time, valibot's declarations alone (no jumio-kyx)",
      value: med('valibot', 'cpuMs'),
      baselineName,
      baseline: med('baseline', 'cpuMs'),
      unit: 'ms',
    });
    figures.push({
      name: "instantiations, valibot's declarations alone (no jumio-kyx)",
      value: first('valibot').instantiations,
      baselineName,
      baseline: first('baseline').instantiations,
    });
  }

  const inBaseline = new Set(first('baseline').files);
  const addedFiles = new Map<string, number>();
  for (const file of first('jumio-kyx').files.filter((f) => !inBaseline.has(f))) {
    addedFiles.set(packageOf(file), (addedFiles.get(packageOf(file)) ?? 0) + 1);
  }
  const addedRows = [...addedFiles].sort((a, b) => b[1] - a[1]).map(([name, count]) => [name, count]);
  const cpu = figures[0] as BenchFigure;
  const added = (variant: Variant) => Math.round(med(variant, 'cpuMs') - med('baseline', 'cpuMs'));
  const valibotAlone = variants.includes('valibot')
    ? ` The root entry's declarations reach no valibot file (its schemas are in \`jumio-kyx/schemas\`; scripts/check-dts-valibot.ts checks the built graph after every build): valibot's declarations alone add ${added('valibot')} ms of CPU time (${(med('valibot', 'cpuMs') / med('baseline', 'cpuMs')).toFixed(2)}× the baseline), against ${added('jumio-kyx')} ms for the import of \`account\`. Before they moved there (CHANGELOG, 0.2.0), the import cost 1.43–1.54×.`
    : '';
  return {
    title: 'Type-check cost with skipLibCheck off (bench/lib-check.ts)',
    method: [
      'A consumer file that uses Node.js (`node:fs/promises`) and type-fest (`Simplify`) is checked twice with `tsc --extendedDiagnostics`: with `import { account } from',
      "'jumio-kyx'` and one request built with it, and without those two lines (the baseline).",
      'Both projects have `@types/node` and type-fest (its ~215 declaration files are the price of the chosen stack, so they are in the baseline).',
      "A third project imports valibot instead of jumio-kyx and builds one schema: what valibot's declarations cost, which the root entry keeps out (`npm test` checks the first two only, once each, and a miss again over 3 rounds).",
      'Compiler options:',
      `${Object.entries(LIB_CHECK_OPTIONS)
        .map(([k, v]) => `\`${k}: ${JSON.stringify(v)}\``)
        .join(', ')}; the package is the built \`dist/\`.`,
      `${rounds} interleaved rounds; times are medians, counts from one run. The target (≤ ${LIB_CHECK_TARGET}×) is on the CPU time of the tsc process (user + system),`,
      'which a busy machine disturbs less than the wall-clock "Total time" reported beside it.',
    ].join(' '),
    figures,
    details: [
      '### Declaration files the import adds',
      table(['package', 'files'], addedRows),
      `${
        met(cpu)
          ? `**Findings.** The import costs ${ratio(cpu).toFixed(2)}× the baseline's CPU time: within the bound.`
          : `**Findings.** The bound is missed: the import costs ${ratio(cpu).toFixed(2)}× the baseline's CPU time.`
      }${valibotAlone}`,
    ].join('\n\n'),
  };
}

if (isMain(import.meta.url)) {
  const checking = process.argv.includes('--check');
  if (!checking) printSection(await runLibCheckBench());
  else {
    // One round; a miss is measured again as the report measures (median of 3 fresh rounds), so
    // that one run slowed by a busy machine does not fail the step and a real regression still does.
    let section = await runLibCheckBench({ rounds: 1, bound: true });
    let rounds = 1;
    if (met(section.figures[0] as BenchFigure) !== true) {
      rounds = 3;
      section = await runLibCheckBench({ rounds, bound: true });
    }
    const [cpu, wall] = section.figures as [BenchFigure, BenchFigure];
    const ok = met(cpu) === true;
    const measured = rounds === 1 ? 'one round' : 'median of 3 rounds, after a first round above the bound';
    console.log(
      `note: importing account costs ${ratio(cpu).toFixed(2)}× the baseline's tsc CPU time (${Math.round(cpu.value)} ms vs ${Math.round(cpu.baseline)} ms; wall-clock Total time ${ratio(wall).toFixed(2)}×; ${measured}), ${ok ? 'within' : 'above the bound'} ≤ ${LIB_CHECK_TARGET}×`,
    );
    const failed = ok ? 0 : 1;
    console.log(`lib-check: ${1 - failed} passed, ${failed} failed`);
    process.exit(failed);
  }
}
