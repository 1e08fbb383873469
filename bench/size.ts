// `npm run bench:size`: what the package adds to a user's bundle. Realistic imports of the built
// package are bundled with esbuild (minified, ESM, platform neutral) and gzipped at level 9, next
// to ky alone and valibot alone; the builder-only bundle is broken down by source module.
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { ensureBuilt, PACKAGE_ROOT } from './built.js';
import { type BenchFigure, type BenchSection, isMain, printSection, table } from './report.js';

/** The first size targets set for the package, in gzip bytes (the figures compare against them). */
export const SIZE_BUDGETS = { builder: 4 * 1024, client: 12 * 1024 } as const;

/** The 0.3 performance issue's target for the builder alone, with the same checks (gzip bytes). */
export const BUILDER_TARGET_0_3 = 6 * 1024;

/** The bundled entries: what a user writes. */
export const SIZE_ENTRIES = {
  builder: [
    "import { account } from 'jumio-kyx';",
    "export const body = account().ref('order-1').workflow(10026).document('USA', 'BS').capability.ekyc('one').build();",
  ].join('\n'),
  client: [
    "import { account, createClient } from 'jumio-kyx';",
    "const client = createClient({ region: 'amer-1', credentials: { clientId: 'id', clientSecret: 'secret' }, userAgent: 'Acme Onboarding/1.0' });",
    "export const send = () => client.send(account().ref('order-1').workflow(10026).document('USA', 'BS').capability.ekyc('one'));",
  ].join('\n'),
  ky: [
    "import ky from 'ky';",
    "export const send = (url, json) => ky.post(url, { json, headers: { 'User-Agent': 'Acme Onboarding/1.0' } }).json();",
  ].join('\n'),
  valibot: [
    "import * as v from 'valibot';",
    'const Schema = v.strictObject({ ref: v.pipe(v.string(), v.maxLength(100)), workflow: v.number(), country: v.optional(v.picklist(["USA", "CAN"])) });',
    'export const check = (input) => v.parse(Schema, input);',
  ].join('\n'),
  'ky + valibot': '',
} as const;

type EntryName = keyof typeof SIZE_ENTRIES;

const entrySource = (name: EntryName): string =>
  name === 'ky + valibot'
    ? `${SIZE_ENTRIES.ky}\n${SIZE_ENTRIES.valibot}`.replace(/^export const send/m, 'export const sendIt')
    : SIZE_ENTRIES[name];

/** One bundle: minified and gzip -9 bytes, and esbuild's metafile. */
export interface Bundle {
  readonly minified: number;
  readonly gzip: number;
  readonly metafile: Metafile;
}

/**
 * Bundles `source` as a user would (minified ESM, platform neutral). `jumio-kyx` resolves to the
 * built dist/ through the package's own `exports`, or to src/ when `fromSource` (for a per-module
 * breakdown: dist/ is already one bundle).
 */
export async function bundle(source: string, fromSource = false): Promise<Bundle> {
  const result = await build({
    stdin: { contents: source, resolveDir: PACKAGE_ROOT, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    // platform neutral has no main fields; ky, valibot and this package all have `exports`.
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    ...(fromSource ? { alias: { 'jumio-kyx': `${PACKAGE_ROOT}src/index.ts` } } : {}),
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('bench: esbuild produced no output');
  return {
    minified: output.contents.byteLength,
    gzip: gzipSync(output.contents, { level: 9 }).byteLength,
    metafile: result.metafile,
  };
}

/** The part of our source (or a dependency) an input path belongs to. */
export function moduleGroup(path: string): string {
  if (path.includes('node_modules/valibot/')) return 'valibot';
  if (path.includes('node_modules/ky/')) return 'ky';
  const src = /(?:^|\/)src\/(.+)$/.exec(path)?.[1];
  if (src === undefined) return path.includes('node_modules/') ? 'other dependencies' : 'entry';
  if (src === 'workflows/catalog.ts') return 'workflow catalog (src/workflows/catalog.ts)';
  if (src === 'model/countries.ts') return 'countries (src/model/countries.ts)';
  if (src.startsWith('model/')) return 'request model and schemas (src/model, other files)';
  if (src.startsWith('workflows/')) return 'workflow rules (src/workflows, other files)';
  if (src.startsWith('builder/')) return 'builder (src/builder)';
  if (src.startsWith('client/')) return 'client (src/client)';
  return `src/${src}`;
}

/** Minified bytes per group, from the metafile, largest first. */
export function breakdown(metafile: Metafile): [string, number][] {
  const output = Object.values(metafile.outputs)[0];
  const groups = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const group = moduleGroup(path);
    groups.set(group, (groups.get(group) ?? 0) + bytesInOutput);
  }
  return [...groups].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]);
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** Bundles every entry; returns the section of the report. */
export async function runSizeBench(): Promise<BenchSection> {
  ensureBuilt();
  const sizes = {} as Record<EntryName, Bundle>;
  for (const name of Object.keys(SIZE_ENTRIES) as EntryName[]) sizes[name] = await bundle(entrySource(name));
  const fromSource = await bundle(SIZE_ENTRIES.builder, true);
  const clientFromSource = await bundle(SIZE_ENTRIES.client, true);
  const parts = breakdown(fromSource.metafile);
  const clientParts = breakdown(clientFromSource.metafile);
  const totalMin = parts.reduce((sum, [, bytes]) => sum + bytes, 0);
  const clientMin = clientParts.reduce((sum, [, bytes]) => sum + bytes, 0);
  const builderOnly = sizes.builder;
  const withClient = sizes.client;
  const floor = sizes['ky + valibot'];

  const figures: BenchFigure[] = [
    {
      name: 'builder only, gzip',
      value: builderOnly.gzip,
      baseline: SIZE_BUDGETS.builder,
      baselineName: 'first target, bytes',
      target: 1,
    },
    {
      name: 'builder only, gzip (the 0.3 target, same checks)',
      value: builderOnly.gzip,
      baseline: BUILDER_TARGET_0_3,
      baselineName: '0.3 target, bytes',
      target: 1,
    },
    {
      name: 'builder + client, gzip',
      value: withClient.gzip,
      baseline: SIZE_BUDGETS.client,
      baselineName: 'first target, bytes',
      target: 1,
    },
    {
      name: 'builder only, gzip',
      value: builderOnly.gzip,
      baseline: sizes.valibot.gzip,
      baselineName: 'valibot alone',
    },
    { name: 'builder + client, gzip', value: withClient.gzip, baseline: floor.gzip, baselineName: 'ky + valibot' },
  ];
  const row = (name: string, b: Bundle) => [
    name,
    b.minified.toLocaleString('en-US'),
    b.gzip.toLocaleString('en-US'),
    kB(b.gzip),
  ];
  const rows = [
    ...(Object.keys(SIZE_ENTRIES) as EntryName[]).map((name) => row(name, sizes[name])),
    row('builder, bundled from src/', fromSource),
    row('client, bundled from src/', clientFromSource),
  ];
  const share = (groups: [string, number][], total: number, gzip: number) =>
    groups.map(([group, bytes]) => [
      group,
      bytes.toLocaleString('en-US'),
      `${((bytes / total) * 100).toFixed(1)} %`,
      `≈ ${kB((bytes / total) * gzip)}`,
    ]);
  const group = (groups: [string, number][], name: string) => groups.find(([g]) => g === name)?.[1] ?? 0;
  const ours = (groups: [string, number][]) =>
    groups.filter(([g]) => g !== 'valibot' && g !== 'ky').reduce((sum, [, b]) => sum + b, 0);
  const builderGzip = builderOnly.gzip;
  const findings = [
    `**Findings.** The budgets are missed: builder only is ${kB(builderGzip)} gzip against 4 kB (and 6 kB, the 0.3 target), builder + client ${kB(withClient.gzip)} against 12 kB.`,
    `Of the builder-only bundle (bundled from src/, ${kB(fromSource.gzip)}), valibot is ${((group(parts, 'valibot') / totalMin) * 100).toFixed(0)} % of the minified bytes (≈ ${kB((group(parts, 'valibot') / totalMin) * fromSource.gzip)} gzip by share), ` +
      `our code ${((ours(parts) / totalMin) * 100).toFixed(0)} % (≈ ${kB((ours(parts) / totalMin) * fromSource.gzip)}): the workflow catalog, the country list, the request schemas and the builder, in the proportions of the table above.`,
    `valibot alone with a small schema is ${kB(sizes.valibot.gzip)}, ky alone ${kB(sizes.ky.gzip)}, both together ${kB(floor.gzip)}: that is the floor of a builder + client that validates with valibot and sends with ky, ` +
      `so the 12 kB budget leaves about ${kB(SIZE_BUDGETS.client - floor.gzip)} for everything of ours, and the builder alone pays for the valibot functions its schemas use (more than the small schema's) before any code of ours.`,
    `Adding the client adds ${kB(withClient.gzip - builderGzip)} gzip: ky (${((group(clientParts, 'ky') / clientMin) * 100).toFixed(0)} % of the builder + client minified bytes), the client (${((group(clientParts, 'client (src/client)') / clientMin) * 100).toFixed(0)} %, with its response schemas) and the rest of valibot it uses.`,
    `The built dist/ costs more than its own source: the same builder-only entry bundled from src/ is ${kB(fromSource.gzip)} gzip (builder + client ${kB(clientFromSource.gzip)}). ` +
      'From src/, esbuild drops whole unused modules (the package declares `sideEffects: false`), such as the response and client schemas; in dist/ they sit in one file next to what is used, as module-level `const X = v.looseObject(…)`, and esbuild keeps those calls: ' +
      "it does not apply valibot's `/* @__NO_SIDE_EFFECTS__ */` across modules here (even `const X = string();` left unused keeps valibot's `string`). " +
      'A build that keeps modules apart (or marks those calls `/* @__PURE__ */`) would give users the smaller figure.',
    'The 0.3 work made `build()` faster at a cost in size (checking the parts the builder made by their leaves, ≈ 0.8 kB) and trimmed nothing: ' +
      'valibot, the workflow catalog and the request schemas alone are above 6 kB, so that target means dropping checks or data ' +
      '(the catalog names and notes are ≈ 1 kB and part of the public WORKFLOW_CATALOG), a decision for the maintainers.',
  ].join(' ');
  return {
    title: 'Bundle size (bench/size.ts)',
    method: [
      'Each entry is bundled with esbuild (minified, ESM, `platform: neutral`, tree-shaken) and gzipped with `zlib` at level 9.',
      '`jumio-kyx` is the built package (dist/, through its own `exports`). The entries are what a user writes: builder only builds the design card request; builder + client also creates a client and sends it; ky alone sends one JSON POST; valibot alone parses a small strict object schema (string with a length check, number, optional picklist); `ky + valibot` is both, the floor of a client made of them.',
      'The first targets: builder ≤ 4 kB gzip, builder + client ≤ 12 kB gzip; the 0.3 target: builder ≤ 6 kB with the same checks (1 kB = 1,024 bytes).',
    ].join(' '),
    figures,
    details: [
      '### Bundles',
      'The two rows bundled from src/ are the same entries with `jumio-kyx` aliased to src/index.ts, for comparison.',
      table(['entry', 'minified bytes', 'gzip bytes', 'gzip'], rows),
      `\`\`\`js\n${(Object.keys(SIZE_ENTRIES) as EntryName[])
        .filter((n) => n !== 'ky + valibot')
        .map((n) => `// ${n}\n${SIZE_ENTRIES[n]}`)
        .join('\n\n')}\n\`\`\``,
      '### Where the builder-only bytes go',
      `The same entry bundled from src/ (dist/ is already a single bundle, so its metafile has no modules): ${totalMin.toLocaleString('en-US')} minified bytes of inputs (the dist bundle: ${builderOnly.minified.toLocaleString('en-US')}). Gzip does not split by input; the last column is each part's share of the bundle's gzip size, an estimate.`,
      table(['part', 'minified bytes', 'share', 'gzip (by share)'], share(parts, totalMin, fromSource.gzip)),
      '### Where the builder + client bytes go',
      table(
        ['part', 'minified bytes', 'share', 'gzip (by share)'],
        share(clientParts, clientMin, clientFromSource.gzip),
      ),
      findings,
    ].join('\n\n'),
  };
}

if (isMain(import.meta.url)) {
  printSection(await runSizeBench());
}
