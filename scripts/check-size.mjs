// `npm test` step: the size budgets of .size-limit.js (gzip, dependencies included), measured on
// the built dist by size-limit. Prints one line per budget and `size: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { budgets } from '../.size-limit.js';

const run = spawnSync('node_modules/.bin/size-limit', ['--json'], { encoding: 'utf8' });
let results;
try {
  results = JSON.parse(run.stdout);
} catch {}
if (!Array.isArray(results)) {
  console.error(run.stdout, run.stderr);
  console.log('size: 0 passed, 1 failed');
  process.exit(1);
}
let passed = 0;
let failed = 0;
for (const result of results) {
  const budget = budgets.find((b) => b.name === result.name);
  const line = `${result.name} (${budget?.import ?? ''}): ${(result.size / 1000).toFixed(2)} kB gzip, limit ${(result.sizeLimit / 1000).toFixed(2)} kB`;
  if (result.passed) {
    passed += 1;
    console.log(`✔ ${line}`);
  } else {
    failed += 1;
    console.error(`✖ ${line}`);
  }
}
if (results.length !== budgets.length) {
  failed += 1;
  console.error(`size-limit measured ${results.length} budgets, expected ${budgets.length}`);
}
console.log(`size: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && run.status === 0 ? 0 : 1);
