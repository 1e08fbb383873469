// The whole check, in CI order: lint, typecheck, unit tests, build, type tests, doc examples,
// docs, package checks, size budgets, consumer smoke (and the steps later issues add). Each
// step's tests are counted; the last line is `N passed, N failed`.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const bin = (name) => `node_modules/.bin/${name}`;
let passed = 0;
let failed = 0;
let skipped = 0;
/** Suites that need a program this machine lacks (see scripts/lib/tools.ts): named in the summary. */
const missingTools = [
  ['redis-server', 'Redis suites', 'apt-get install -y redis-server'],
  ['chromium', 'browser suites', 'apt-get install -y chromium'],
].filter(([name]) => !onPathOrUsrBin(name));

function onPathOrUsrBin(name) {
  if (name === 'chromium') return existsSync('/usr/bin/chromium');
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, name)));
}

/** How often a step that is still running says so (a long step is never silent for longer). */
const PROGRESS_EVERY_MS = 30_000;

/** Runs one step; its exit code decides whether it passed, its output (when counted) how many tests. */
async function run(name, command, args, count) {
  const started = Date.now();
  const progress = setInterval(() => {
    console.log(`…      ${name}: still running (${Math.round((Date.now() - started) / 1000)} s)`);
  }, PROGRESS_EVERY_MS);
  const { status, output } = await new Promise((resolve) => {
    // picocolors treats any FORCE_COLOR value as "on": NO_COLOR is what turns colour off.
    const child = spawn(command, args, {
      stdio: ['inherit', 'pipe', 'pipe'],
      env: { ...withoutForceColor(process.env), NO_COLOR: '1' },
    });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => resolve({ status: null, output: String(error) }));
    child.on('close', (code) => resolve({ status: code, output: Buffer.concat(chunks).toString('utf8') }));
  });
  clearInterval(progress);
  const ok = status === 0;
  const counted = count?.(ok, output) ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  passed += counted.passed;
  failed += counted.failed;
  // Quiet when green: one line per step. A failing step prints the tool's whole output first.
  if (!ok || counted.failed > 0) process.stdout.write(`${output.trimEnd()}\n`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const skips = counted.skipped ? `, ${counted.skipped} skipped` : '';
  // A step may add one `note: …` line (a figure it measured) to its line.
  const note = /^note: (.+)$/m.exec(output)?.[1];
  console.log(
    `${ok ? 'ok    ' : 'FAILED'} ${name}: ${counted.passed} passed, ${counted.failed} failed${skips} (${seconds} s)${note ? ` — ${note}` : ''}`,
  );
  return ok;
}

/** The installed version of a devDependency (the runtimes' binaries come from npm packages). */
function versionOf(name) {
  return JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version;
}

function withoutForceColor(env) {
  const { FORCE_COLOR: _ignored, ...rest } = env;
  return rest;
}

/** Vitest's JSON report; a non-zero exit without a failed test (a coverage floor, an unhandled error) is one failure. */
function vitestCounts(ok) {
  const file = '.vitest-results.json';
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  rmSync(file);
  const skippedHere = report.numPendingTests + (report.numTodoTests ?? 0);
  skipped += skippedHere;
  return {
    skipped: skippedHere,
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numFailedTests === 0 && (!ok || !report.success) ? 1 : 0),
  };
}

await run('lint', bin('biome'), ['check', '.']);
await run('typecheck', bin('tsc'), ['--noEmit']);
await run(
  'tests (vitest projects unit + hardening; coverage of src/ no lower than its floors)',
  bin('vitest'),
  ['run', '--coverage', '--reporter=dot', '--reporter=json', '--outputFile.json=.vitest-results.json'],
  vitestCounts,
);
/** tsd prints one ✖ line per failed assertion; every expect*() call in test-d is one assertion. */
function tsdCounts(ok, output) {
  const assertions = readdirSync('test-d')
    .filter((file) => file.endsWith('.test-d.ts'))
    .reduce((sum, file) => sum + (readFileSync(`test-d/${file}`, 'utf8').match(/^\s*expect\w*[<(]/gm) ?? []).length, 0);
  const failures = (output.match(/✖/g) ?? []).length;
  if (!ok && failures === 0) return { passed: 0, failed: 1 };
  return { passed: assertions - failures, failed: failures };
}

/** The last `N passed, N failed` a step script prints (such scripts count their own tests). */
function printedCounts(ok, output) {
  const last = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  if (!last) return { passed: 0, failed: 1 };
  const counts = { passed: Number(last[1]), failed: Number(last[2]) };
  return ok || counts.failed > 0 ? counts : { passed: counts.passed, failed: 1 };
}

const built = await run('build', bin('tsdown'), []);
if (built) {
  await run('type tests (tsd)', bin('tsd'), [], tsdCounts);
  await run('type tests with TypeScript 7 (typescript@latest)', 'node', ['scripts/check-types-ts7.mjs'], printedCounts);
  await run(
    'root declarations reach no valibot (scripts/check-dts-valibot.ts)',
    bin('tsx'),
    ['scripts/check-dts-valibot.ts'],
    printedCounts,
  );
  await run('kyx cli smoke (dist/cli.js)', process.execPath, ['scripts/cli-smoke.mjs']);
  await run('doc examples (type-checked against dist)', bin('tsx'), ['scripts/check-examples.ts'], printedCounts);
  await run('docs (typedoc: API reference + guides)', bin('tsx'), ['scripts/docs.ts', '--check']);
  if (onPathOrUsrBin('chromium')) {
    await run('docs screenshots (headless Chromium)', bin('tsx'), ['scripts/docs-screenshots.ts'], printedCounts);
  }
  await run('package (publint, attw)', 'node', ['scripts/check-package.mjs'], printedCounts);
  await run('size budgets (size-limit, gzip)', 'node', ['scripts/check-size.mjs'], printedCounts);
  await run('consumer smoke (packed tarball)', 'node', ['scripts/consumer-smoke.mjs'], printedCounts);
  await run(
    'type-check cost, skipLibCheck off (bench/lib-check.ts)',
    bin('tsx'),
    ['bench/lib-check.ts', '--check'],
    printedCounts,
  );
  // The whole flow (builder, client, in-process simulator) from the packed tarball, per runtime.
  for (const [runtime, label] of [
    ['node', `Node.js ${process.versions.node}`],
    ['bun', `Bun ${versionOf('bun')}`],
    ['deno', `Deno ${versionOf('deno')}`],
    ['workerd', `Cloudflare Workers (workerd ${versionOf('workerd')})`],
  ]) {
    await run(`runtime smoke: ${label}`, 'node', ['scripts/runtime-smoke.mjs', runtime], printedCounts);
  }
} else failed += 1;
await run('demo (npm run demo: the whole flow against the simulator)', bin('tsx'), ['scripts/demo/index.ts']);

if (missingTools.length > 0) {
  const names = missingTools.map(([name, suites, install]) => `${suites} (${name} not installed: ${install})`);
  if (process.env.CI === 'true') {
    console.log(`FAILED: CI must run every suite; missing: ${names.join('; ')}`);
    failed += missingTools.length;
  } else console.log(`skipped: ${names.join('; ')}`);
}
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
