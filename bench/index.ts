// `npm run bench`: runs every benchmark in turn and writes docs/benchmarks.md. A new benchmark is
// one file exporting `run…Bench(): Promise<BenchSection>`, added to BENCHMARKS below.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCallbacksBench } from './callbacks.js';
import { runDispatchBench } from './dispatch.js';
import { runEditorBench } from './editor.js';
import { runFleetBench } from './fleet.js';
import { runLibCheckBench } from './lib-check.js';
import { type BenchSection, printSection, writeReport } from './report.js';
import { runRetrievalBench } from './retrieval.js';
import { runRuntimeBench } from './runtime.js';
import { runSimulatorBench } from './simulator.js';
import { runSizeBench } from './size.js';
import { runTypesBench } from './types/index.js';

/** Every benchmark, in report order. */
const BENCHMARKS: readonly (() => Promise<BenchSection>)[] = [
  runTypesBench,
  runEditorBench,
  runLibCheckBench,
  runRuntimeBench,
  runDispatchBench,
  runRetrievalBench,
  runCallbacksBench,
  runFleetBench,
  runSimulatorBench,
  runSizeBench,
];

const sections: BenchSection[] = [];
for (const benchmark of BENCHMARKS) {
  const section = await benchmark();
  printSection(section);
  sections.push(section);
}
const target = new URL('../docs/benchmarks.md', import.meta.url);
writeReport(target, sections);
// The repository's formatter also formats markdown; format the report the way `npm test` lints it.
spawnSync(
  fileURLToPath(new URL('../node_modules/.bin/biome', import.meta.url)),
  ['format', '--write', fileURLToPath(target)],
  {
    stdio: 'inherit',
  },
);
console.log(`wrote ${target.pathname}`);
