// Where the builder's instantiations go: chains that grow one call at a time, each checked with
// N distinct references, so the difference between two rows is the cost of one call. Plus a
// `tsc --generateTrace` summary of the types the builder project creates, by declaration.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { table } from '../report.js';
import { checkProject, writeProject } from './tsc.js';

/** Each step adds one call to the previous chain (`…` stands for it). */
const STEPS: readonly { label: string; chain: (i: number) => string; parent?: string }[] = [
  { label: 'account()', chain: () => 'account()' },
  { label: '….ref(unique literal)', chain: (i) => `account().ref("order-${i}")`, parent: 'account()' },
  {
    label: '….workflow(10011)',
    chain: (i) => `account().ref("order-${i}").workflow(10011)`,
    parent: '….ref(unique literal)',
  },
  {
    label: '….build()',
    chain: (i) => `account().ref("order-${i}").workflow(10011).build()`,
    parent: '….workflow(10011)',
  },
  {
    label: '….id({ country, type }) before build',
    chain: (i) => `account().ref("order-${i}").workflow(10011).id({ country: "USA", type: ["PASSPORT"] }).build()`,
    parent: '….build()',
  },
  {
    label: '….capability.ekyc("one") before build',
    chain: (i) => `account().ref("order-${i}").workflow(10011).capability.ekyc("one").build()`,
    parent: '….build()',
  },
  {
    label: '….callback(unique url) before build',
    chain: (i) => `account().ref("order-${i}").workflow(10011).callback("https://acme.example/${i}").build()`,
    parent: '….build()',
  },
  {
    label: '10026 with .document("USA", "BS")',
    chain: (i) => `account().ref("order-${i}").workflow(10026).document("USA", "BS").build()`,
    parent: '….build()',
  },
];

/** Instantiations per call, from chains of `n` distinct references each. */
export function attributionTable(workDir: string, n = 500): string {
  const counts = new Map<string, number>();
  for (const [index, step] of STEPS.entries()) {
    const dir = join(workDir, `attribution-${index}`);
    const lines = Array.from({ length: n }, (_, i) => `export const r${i} = ${step.chain(i)};`);
    writeProject(dir, { 'chains.ts': `import { account } from 'jumio-kyx';\n\n${lines.join('\n')}\n` });
    counts.set(step.label, checkProject(dir).instantiations);
  }
  const rows = STEPS.map((step) => {
    const total = counts.get(step.label) ?? 0;
    const parent = step.parent === undefined ? 0 : (counts.get(step.parent) ?? 0);
    return [step.label, total.toLocaleString('en-US'), ((total - parent) / n).toFixed(1)];
  });
  return table([`chain (N = ${n} distinct references)`, 'instantiations', 'per added call'], rows);
}

interface TraceType {
  readonly symbolName?: string;
  readonly flags?: readonly string[];
  readonly firstDeclaration?: { readonly path?: string };
}

/** Runs `tsc --generateTrace` on a project and counts the types it creates, by declaration. */
export function traceSummary(projectDir: string, traceDir: string, top = 10): string {
  rmSync(traceDir, { recursive: true, force: true });
  checkProject(projectDir, ['--generateTrace', traceDir]);
  const types = JSON.parse(readFileSync(join(traceDir, 'types.json'), 'utf8')) as TraceType[];
  const counts = new Map<string, number>();
  for (const type of types) {
    const path = type.firstDeclaration?.path ?? '';
    const where = path.includes('jumio-kyx') || path.includes('/dist/') ? 'jumio-kyx' : path ? 'lib / user code' : '—';
    const key = `${type.symbolName ?? '(anonymous)'} | ${(type.flags ?? []).join(', ')} | ${where}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, count]) => [...key.split(' | '), count.toLocaleString('en-US')]);
  return table(['symbol', 'kind', 'declared in', 'types created'], rows);
}
