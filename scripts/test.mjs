// The whole check, in CI order: lint, typecheck, unit tests, build, type tests, doc examples,
// docs, package checks, size budgets, consumer smoke (and the steps later issues add). Each
// step's tests are counted; the last line is `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
let passed = 0;
let failed = 0;

function run(name, command, args, count) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const ok = result.status === 0;
  const counted = count?.(ok) ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  passed += counted.passed;
  failed += counted.failed;
  console.log(
    `\n[${ok ? 'ok' : 'FAILED'}] ${name}: ${counted.passed} passed, ${counted.failed} failed (${Date.now() - started} ms)\n`,
  );
  return ok;
}

function vitestCounts() {
  const file = '.vitest-results.json';
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  rmSync(file);
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.success ? 0 : report.numFailedTests ? 0 : 1),
  };
}

run('lint', bin('biome'), ['check', '.']);
run('typecheck', bin('tsc'), ['--noEmit']);
run(
  'unit tests',
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', '--outputFile.json=.vitest-results.json'],
  vitestCounts,
);
/** The `N passed, N failed` a step script prints last (each counts its own tests). */
function printedCounts(output) {
  return (ok) => {
    const last = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
    if (!last) return { passed: 0, failed: 1 };
    const counts = { passed: Number(last[1]), failed: Number(last[2]) };
    return ok || counts.failed > 0 ? counts : { passed: counts.passed, failed: 1 };
  };
}

/** Runs a step script that counts its own tests, echoing its output. */
function runCounted(name, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: ['inherit', 'pipe', 'pipe'], encoding: 'utf8' });
  const output = result.stdout ?? '';
  process.stdout.write(output);
  process.stdout.write(result.stderr ?? '');
  const counted = printedCounts(output)(result.status === 0);
  passed += counted.passed;
  failed += counted.failed;
  const ok = result.status === 0 && counted.failed === 0;
  console.log(
    `\n[${ok ? 'ok' : 'FAILED'}] ${name}: ${counted.passed} passed, ${counted.failed} failed (${Date.now() - started} ms)\n`,
  );
  return ok;
}

const built = run('build', bin('tsdown'), []);
if (built) {
  run('type tests (tsd)', bin('tsd'), []);
  runCounted('doc examples (type-checked against dist)', bin('tsx'), ['scripts/check-examples.ts']);
  run('docs (typedoc: API reference + guides)', bin('tsx'), ['scripts/docs.ts', '--check']);
  runCounted('package (publint, attw)', 'node', ['scripts/check-package.mjs']);
  runCounted('size budgets (size-limit, gzip)', 'node', ['scripts/check-size.mjs']);
  runCounted('consumer smoke (packed tarball)', 'node', ['scripts/consumer-smoke.mjs']);
} else failed += 1;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
