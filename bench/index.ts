// `npm run bench`: runs every benchmark in turn and writes docs/benchmarks.md. A new benchmark is
// one file exporting `run…Bench(): Promise<BenchSection>`, added to BENCHMARKS below.
import { type BenchSection, printSection, writeReport } from './report.js';
import { runRuntimeBench } from './runtime.js';
import { runTypesBench } from './types.js';

/** Every benchmark, in report order. */
const BENCHMARKS: readonly (() => Promise<BenchSection>)[] = [runTypesBench, runRuntimeBench];

const sections: BenchSection[] = [];
for (const benchmark of BENCHMARKS) {
  const section = await benchmark();
  printSection(section);
  sections.push(section);
}
const target = new URL('../docs/benchmarks.md', import.meta.url);
writeReport(target, sections);
console.log(`wrote ${target.pathname}`);
