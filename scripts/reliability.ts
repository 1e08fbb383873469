// `npm run reliability`: runs the hardening tests (fault matrix, parser and request properties,
// load, the results fleet) and the callbacks benchmark with KYX_RELIABILITY_DIR set, so they write
// what they measured, and renders
// docs/reliability.md from it. Nothing here is typed in by hand: every figure comes from a test run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RETRY_POLICIES } from '../src/index.js';
import { SIMULATOR_ROUTES } from '../src/simulator/index.js';
import type { CellResult } from './lib/reliability-records.js';

/** The tests of issue 24 ("nothing billable twice when Redis fails, every input bounded"): file, finding, title (a substring; '' for every test of the file). */
const HARDENING_III: readonly (readonly [string, string, string])[] = [
  ['test/client/idempotency.test.ts', 'a store failure after the exchange', 'the store fails after the exchange'],
  ['test/store/redis-store.test.ts', 'a stalled Redis', 'a frozen Redis (SIGSTOP)'],
  ['test/store/redis-store.test.ts', 'Redis losing its data', 'checks persistence'],
  ['test/store/redis-store.test.ts', 'Redis losing its data', 'by default the risk is one process warning'],
  ['test/store/redis-store.test.ts', 'lone surrogates in keys', 'lone surrogates never meet'],
  ['test/store/memory-store.test.ts', 'lone surrogates in keys', 'lone surrogates never meet'],
  ['test/simulator/web-journey.test.ts', 'the journey upload bound', 'shares the API’s body bound'],
  ['test/client/bounded-issues.test.ts', 'issues bounded', ''],
  ['test/client/limits.test.ts', 'a slow first token', 'a slow first token'],
  ['test/client/deadline.test.ts', 'a per-call deadline', ''],
  ['test/client/fault-matrix.test.ts', 'reads cut off after the headers (the matrix rows above)', 'cells end as'],
];

const dir = mkdtempSync(join(tmpdir(), 'kyx-reliability-'));
const runs = process.env['FUZZ_RUNS'] ?? '10000';
const files = [
  'test/client/parsers.property.test.ts',
  'test/builder/request.property.test.ts',
  'test/client/fault-matrix.test.ts',
  'test/client/load.test.ts',
  'test/client/attacks.test.ts',
  'test/builder/traps.test.ts',
  'test/simulator/exposure.test.ts',
  'test/callbacks/load.test.ts',
  ...new Set(HARDENING_III.map(([file]) => file)),
  'test/callbacks/fleet.test.ts',
];
const vitest = spawnSync(
  'node_modules/.bin/vitest',
  ['run', ...files, '--reporter=default', '--reporter=json', `--outputFile.json=${join(dir, 'vitest.json')}`],
  { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, KYX_RELIABILITY_DIR: dir, FUZZ_RUNS: runs } },
);
if (vitest.status !== 0) {
  console.error('reliability: the tests failed; docs/reliability.md was not written');
  process.exit(1);
}
const bench = spawnSync('node_modules/.bin/tsx', ['bench/callbacks.ts'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, KYX_RELIABILITY_DIR: dir },
});
if (bench.status !== 0) {
  console.error('reliability: the callbacks benchmark failed; docs/reliability.md was not written');
  process.exit(1);
}
const read = <T>(name: string): T => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as T;

interface VitestReport {
  numPassedTests: number;
  testResults: { name: string; assertionResults: { fullName: string; title: string; status: string }[] }[];
}
const report = read<VitestReport>('vitest');
const inProcess = read<CellResult[]>('matrix-in-process');
const loopback = read<CellResult[]>('matrix-loopback');
const fuzz = read<Record<string, { runs: number; values: number; errors: number }>>('fuzz-parsers');
const load = read<{
  n: number;
  concurrency: number;
  warmup: number;
  fulfilled: number;
  rejectedCount: number;
  elapsedMs: number;
  before: number;
  after: number;
  accountsCreated: number;
  createRequests: number;
  distinctAccounts: number;
  refsSeenOnce: number;
}>('load');
const attacksClient = read<Record<string, number>>('attacks-client');
const attacksSimulator = read<Record<string, number>>('attacks-simulator');
const callbackLoad = read<{
  callbacks: number;
  executions: number;
  processed: number;
  expired: number;
  duplicates: number;
  concurrency: number;
  maxAttempts: number;
  requests: number;
  repeats: number;
  lost: number;
  handledOnce: number;
  outcomes: Record<string, number>;
  detailsFetched: number;
  elapsedMs: number;
  answerP50Ms: number;
  answerP99Ms: number;
  answerMaxMs: number;
  roundTripP50Ms: number;
  roundTripP99Ms: number;
}>('callback-load');
const fleet = read<{
  processes: number;
  executions: number;
  withoutCallback: number;
  forged: number;
  callbacksDelivered: number;
  detailsAnswered503: number;
  killedWithOnResultInHand: number;
  delivered: number;
  lost: number;
  forgedDelivered: number;
  duplicateRuns: number;
  retrievalErrors: number;
  survivors: Record<string, number>[];
  sentMs: number;
  lastDeliveredMs: number;
}>('results-fleet');
const callbacksBench = read<{
  concurrency: number;
  callbacks: number;
  rounds: number;
  failed: number;
  perSecond: Record<string, number>;
  ratio: Record<string, number>;
  latency: Record<string, { p50: number; p99: number; n: number }>;
}>('callbacks-bench');
const sum = (key: string) => fleet.survivors.reduce((n, s) => n + (s[key] ?? 0), 0);
rmSync(dir, { recursive: true, force: true });

const SHORT: Record<string, string> = {
  ok: 'ok',
  KyxRateLimitError: 'RateLimit',
  KyxServerError: 'Server',
  KyxNetworkError: 'Network',
  KyxTimeoutError: 'Timeout',
  KyxResponseError: 'Response',
  KyxAuthenticationError: 'Auth',
  KyxRedirectError: 'Redirect',
};
const short = (outcome: string) => SHORT[outcome] ?? outcome;

function grid(results: CellResult[]): string {
  const faults = [...new Set(results.map((r) => r.fault))];
  const lines = [
    `| route (call) | ${faults.join(' | ')} |`,
    `|---|${faults.map(() => '---').join('|')}|`,
    ...SIMULATOR_ROUTES.map((route) => {
      const cells = faults.map((fault) => {
        const r = results.find((x) => x.route === route && x.fault === fault);
        if (!r) return '';
        const made =
          route === 'createAccount' ? ` +${r.newAccounts}a` : route === 'updateAccount' ? ` +${r.newExecutions}e` : '';
        const flag = r.outcome === r.expected.outcome && r.attempts === r.expected.attempts ? '' : ' ≠';
        return `${short(r.outcome)} ${r.attempts}×${made}${flag}`;
      });
      const call = results.find((x) => x.route === route)?.call ?? '';
      return `| \`${route}\` (${call}) | ${cells.join(' | ')} |`;
    }),
  ];
  return lines.join('\n');
}

const mismatches = [...inProcess, ...loopback].filter(
  (r) => r.outcome !== r.expected.outcome || r.attempts !== r.expected.attempts,
).length;
const maxAccounts = Math.max(...[...inProcess, ...loopback].map((r) => r.newAccounts));
const maxExecutions = Math.max(...[...inProcess, ...loopback].map((r) => r.newExecutions));
const properties = report.testResults
  .filter((file) => file.name.endsWith('.property.test.ts'))
  .flatMap((file) => file.assertionResults);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const attackFiles = ['test/client/attacks.test.ts', 'test/builder/traps.test.ts', 'test/simulator/exposure.test.ts'];
const attackTests = report.testResults
  .filter((file) => attackFiles.some((name) => file.name.endsWith(`/${name}`)))
  .map((file) => ({
    file: file.name.slice(file.name.indexOf('test/')),
    tests: file.assertionResults,
  }));
const hardeningRows = HARDENING_III.flatMap(([file, finding, title]) => {
  const tests =
    report.testResults
      .find((f) => f.name.endsWith(`/${file}`))
      ?.assertionResults.filter((t) => t.fullName.includes(title)) ?? [];
  if (tests.length === 0) return [`| ${finding} | \`${file}\`: “${title}” | ✗ (not run) |`];
  return tests.map((t) => `| ${finding} | \`${file}\`: ${t.fullName} | ${t.status === 'passed' ? '✓' : '✗'} |`);
});
const c = (name: string) => attacksClient[name] ?? Number.NaN;
const sm = (name: string) => attacksSimulator[name] ?? Number.NaN;

const doc = `# Reliability

_Generated by \`npm run reliability\` (scripts/reliability.ts) from a run of the hardening tests
(\`${files.join('`, `')}\`, FUZZ_RUNS=${runs}); do not edit by hand. The same tests run in \`npm test\`.
${report.numPassedTests} tests passed in that run._

## Retry table (\`RETRY_POLICIES\`)

| operation | statuses retried | timeouts retried | network errors retried | why |
|---|---|---|---|---|
${Object.entries(RETRY_POLICIES)
  .map(
    ([op, p]) =>
      `| \`${op}\` | ${p.statusCodes.join(', ')} | ${p.timeouts ? 'yes' : 'no'} | ${p.network === 'any' ? 'any (also resets)' : 'never-sent only (refused, DNS)'} | ${p.reason} |`,
  )
  .join('\n')}

## Fault matrix

Every simulator route × every fault, generated from \`SIMULATOR_ROUTES\` and the fault list in
test/support/fault-matrix.ts. Each cell is one client call (its public method in brackets) against a
fresh simulator whose route plays the fault once; clients retry at most twice. The expected end
of each cell is derived from the retry table above, not written per cell; **${mismatches} of
${inProcess.length + loopback.length} cells differ from it** (a differing cell is marked ≠ and fails the test).

Cell: how the call ended (\`ok\`, or the typed error: \`RateLimit\` = \`KyxRateLimitError\`,
\`Server\` = \`KyxServerError\`, \`Network\` = \`KyxNetworkError\`, \`Timeout\` = \`KyxTimeoutError\`,
\`Response\` = \`KyxResponseError\`, \`Auth\` = \`KyxAuthenticationError\`, \`Redirect\` =
\`KyxRedirectError\`), then the requests the
route received (attempts), and for create/update how many accounts (\`a\`) or executions (\`e\`)
the call made. No call made more than ${maxAccounts} account or ${maxExecutions} execution.

Faults: \`429\`, \`429 + Retry-After\` (1 s; honoured), \`500\`/\`502\`/\`503\` (status faults: nothing is
handled), \`reset before\` (dropped before handling), \`reset after\` (handled, answer lost),
\`timeout\` (answer delayed past the ${(inProcess[0]?.timeoutMs ?? 0) / 1000} s per-attempt timeout; handled late), \`malformed JSON\`
(handled, half the body), \`truncated body\` (handled, connection dropped midway through the body),
\`empty body\` (handled, no body), \`oversized body\` (handled, the answer padded with 1.5 MiB of
whitespace: past the 1 MiB JSON bound, within the 16 MiB image bound), \`stalled body\` (handled,
half the body, then nothing: the attempt's deadline ends the read), \`redirect 302\` (a 302 to
another origin, with a token in its query: never followed), \`expired token\` (the simulator's
clock moved 2 h ahead: the tenant access token and every \`api.token\` have expired).

### In process (fake timers)

${grid(inProcess)}

### Over loopback (real sockets; faults scripted with \`POST /__admin/faults\`; no timeout or stalled-body cells, which would need real waiting)

${grid(loopback)}

What the matrix shows:

- Account create/update (billable) is repeated only after \`429\`; a 5xx, a reset or a timeout ends in a
  typed error, and where the simulator had handled the request (\`reset after\`, \`timeout\`, body
  faults) exactly one account or execution exists — the client never sends it twice.
- Reads (status, details, steps, part image, health) and the token request are repeated after 429,
  5xx, resets and timeouts.
- A body that breaks after the status is read again by the read-only calls (token, retrieval,
  health: their policy repeats resets and timeouts), within the same retries; elsewhere it is a
  \`KyxNetworkError\` with \`stage: 'body'\` where the client reads the body (account, upload and
  finalize answers: never repeated), and is ignored where it does not (deletion).
- An expired tenant token is refreshed and the request replayed once; an expired \`api.token\`
  cannot be refreshed (\`KyxAuthenticationError\`).
- A redirect is a \`KyxRedirectError\` on every route, after one attempt: nothing is followed or retried.
- An oversized JSON body is a \`KyxResponseError\` (not retried); a stalled one ends at the attempt's
  deadline, and is read again by the read-only calls (\`KyxTimeoutError\` elsewhere).

## Hostile servers and inputs

Each hole a probe of 0.1 found, as a test against servers on loopback made by the test
(test/client/attacks.test.ts, test/builder/traps.test.ts, test/simulator/exposure.test.ts).
Figures measured in this run (informational; the tests assert the bounds in the right column):

| case | measured | asserted bound |
|---|---|---|
| body dripping 1 byte/s, per-attempt timeout 400 ms | ended after ${c('drip timeout ms')} ms (\`KyxTimeoutError\`; socket closed by the client) | ends; the server sees the socket closed |
| same, \`timeout\` 60 s and \`AbortSignal.timeout(400)\` | ended after ${c('drip signal ms')} ms (the signal's \`TimeoutError\`) | ends; the server sees the socket closed |
| 100 MB JSON body, chunked | refused after the server wrote ${mb(c('stream 100 MB sent bytes'))}; peak heap + buffers +${mb(c('stream 100 MB peak bytes'))}; ${c('stream 100 MB ms')} ms | server stopped before 16 MB; peak < 48 MB |
| brotli bomb: ${(c('brotli compressed bytes') / 1024).toFixed(1)} kB expanding to 100 MB | refused while expanding; peak heap + buffers +${mb(c('brotli peak bytes'))}; ${c('brotli ms')} ms | peak < 48 MB |
| 50 MB chunked upload to the simulator | 413 after ${mb(sm('upload 50 MB sent when answered'))} had been sent; ${sm('upload 50 MB ms')} ms | 413 before 32 MB was sent |
| malformed 15 MB multipart | 400 after ${sm('malformed 15 MB multipart ms')} ms | a 400 |

Memory is sampled every 5 ms (\`heapUsed + arrayBuffers\`, after a GC when \`--expose-gc\` is on)
while the call runs; bytes sent are counted by the test's own server or client.

${attackTests
  .map(
    (f) => `### \`${f.file}\`

${f.tests.map((t) => `- ${t.status === 'passed' ? '✓' : '✗'} ${t.fullName}`).join('\n')}`,
  )
  .join('\n\n')}

## Redis, deadlines and bounds (issue 24)

Each finding of the 0.2 probe as a test that failed before its fix (the CLI's are in the CLI suites):

| finding | test | |
|---|---|---|
${hardeningRows.join('\n')}

## Fuzzing (fast-check)

| property | cases | returned a value | threw a KyxError |
|---|---|---|---|
${Object.entries(fuzz)
  .map(([name, t]) => `| ${name} | ${t.runs.toLocaleString('en')} | ${t.values} | ${t.errors} |`)
  .join('\n')}

Every case either returned a value or threw a \`KyxError\` (never a \`TypeError\` or a raw valibot
error), and no error's message, stack or \`inspect\` output contained a planted token. Bodies:
arbitrary JSON, arbitrary text, and valid bodies captured from the simulator and the seed with
1–3 random edits (drop, replace, put a token in place, wrap in a list, stringify).

Property tests of this run:

${properties.map((t) => `- ${t.status === 'passed' ? '✓' : '✗'} ${t.fullName}`).join('\n')}

## Load

${load.n.toLocaleString('en')} account requests through \`client.sendAll\` with concurrency ${load.concurrency} against the
loopback simulator (rate limits off), after ${load.warmup.toLocaleString('en')} warm-up requests; the client runs in its own
process with \`--expose-gc\`.

| figure | value |
|---|---|
| fulfilled / rejected | ${load.fulfilled.toLocaleString('en')} / ${load.rejectedCount} |
| simulator create requests (incl. warm-up) | ${load.createRequests.toLocaleString('en')} |
| simulator accounts created (incl. warm-up) | ${load.accountsCreated.toLocaleString('en')} |
| distinct accounts returned | ${load.distinctAccounts.toLocaleString('en')} |
| references seen by the simulator exactly once | ${load.refsSeenOnce.toLocaleString('en')} |
| heap after GC, before → after | ${mb(load.before)} → ${mb(load.after)} (${(((load.after - load.before) / load.before) * 100).toFixed(1)} %; limit +10 %) |
| elapsed (informational, not asserted) | ${(load.elapsedMs / 1000).toFixed(1)} s (${Math.round(load.n / (load.elapsedMs / 1000))} requests/s) |

## Callback load

${callbackLoad.callbacks.toLocaleString('en')} callbacks POSTed over loopback to \`createCallbackHandler\` through \`toNodeListener\`, ${callbackLoad.concurrency} in
flight: the simulator's own callbacks for ${callbackLoad.executions.toLocaleString('en')} executions (${callbackLoad.processed} PROCESSED, ${callbackLoad.expired} TOKEN_EXPIRED) plus
${callbackLoad.duplicates} duplicates of them (${Math.round((callbackLoad.duplicates / callbackLoad.callbacks) * 100)} %), shuffled. A non-2xx answer would be repeated, up to
${callbackLoad.maxAttempts} attempts (Jumio documents no redelivery; none was needed). The handler records each callback and
answers; its in-process \`createResults\` verifies each execution with a status call, retrieves the
details from the simulator (in process) and runs \`onResult\`, which waits 1 ms (a database write).
Asserted: every execution handed to \`onResult\` exactly once, every callback answered 200 the first
time, details fetched once per execution. Rate limits are off on both sides here.

| figure | value |
|---|---|
| executions handed to \`onResult\` exactly once | ${callbackLoad.handledOnce.toLocaleString('en')} of ${callbackLoad.executions.toLocaleString('en')} |
| callbacks lost (never answered 2xx) | ${callbackLoad.lost} |
| answers by outcome | ${Object.entries(callbackLoad.outcomes)
  .map(([outcome, count]) => `${outcome} ${count.toLocaleString('en')}`)
  .join(', ')} |
| requests (incl. repeats after non-2xx) | ${callbackLoad.requests.toLocaleString('en')} (${callbackLoad.repeats} repeats) |
| details retrieved | ${callbackLoad.detailsFetched.toLocaleString('en')} |
| handler answer time p50 / p99 / max (informational) | ${Math.round(callbackLoad.answerP50Ms)} / ${Math.round(callbackLoad.answerP99Ms)} / ${Math.round(callbackLoad.answerMaxMs)} ms (deadline 5,000 ms) |
| round trip seen by the sender p50 / p99 (informational) | ${Math.round(callbackLoad.roundTripP50Ms)} / ${Math.round(callbackLoad.roundTripP99Ms)} ms |
| elapsed (informational, not asserted) | ${(callbackLoad.elapsedMs / 1000).toFixed(1)} s (${Math.round(callbackLoad.callbacks / (callbackLoad.elapsedMs / 1000))} callbacks/s) |

## Results across a fleet (\`test/callbacks/fleet.test.ts\`)

${fleet.processes} processes, each a callback handler and a \`createResults\` on one \`redisStore\` (a real
redis-server), against one loopback simulator on a real clock with short schedules.
${fleet.executions} executions, each tracked: ${fleet.withoutCallback} never get a callback (the simulator's
\`dropCallbacks\` fault), about 30 % of the others are delivered twice (to two processes), ${fleet.forged}
forged callbacks name executions nobody created, the details endpoint answers 503 ${fleet.detailsAnswered503} times in a
row mid-run, and one process is \`SIGKILL\`ed while its \`onResult\` runs. Asserted: every genuine
execution's result delivered (0 lost), none for a forgery, an \`onResult\` run twice only for what
the killed process had in hand, the queue empty at the end.

| figure | value |
|---|---|
| results delivered | ${fleet.delivered} of ${fleet.executions} |
| lost | ${fleet.lost} |
| delivered for a forged callback | ${fleet.forgedDelivered} |
| callbacks the simulator delivered (the rest dropped) | ${fleet.callbacksDelivered} |
| executions the killed process had in \`onResult\` | ${fleet.killedWithOnResultInHand} |
| \`onResult\` run twice (only those) | ${fleet.duplicateRuns} |
| retrieval errors reported and retried | ${fleet.retrievalErrors} |
| survivors: callbacks recorded / runs / unknown executions dropped / delivered | ${sum('recorded')} / ${sum('runs')} / ${sum('dropped')} / ${sum('delivered')} |
| time to start the executions / to the last delivery (informational) | ${(fleet.sentMs / 1000).toFixed(1)} s / ${(fleet.lastDeliveredMs / 1000).toFixed(1)} s |

## Callbacks accepted per second, and callback → onResult (\`bench/callbacks.ts\`)

One process; ${callbacksBench.callbacks.toLocaleString('en')} callbacks per side and round over loopback, ${callbacksBench.concurrency} in flight, ${callbacksBench.rounds} interleaved
rounds, the best kept. The baseline is a bare \`node:http\` handler that reads the body, parses it
and answers 200; the target is at least 0.5× its rate. Latency: one real execution per callback,
from the POST to the start of \`onResult\` (a status call and a details call in between). Figures
from this machine, in this run; ${callbacksBench.failed} answers were not 200.

| receiver | callbacks/s | of bare | target |
|---|---|---|---|
${Object.entries(callbacksBench.perSecond)
  .map(
    ([name, perSecond]) =>
      `| ${name} | ${Math.round(perSecond).toLocaleString('en')} | ${(callbacksBench.ratio[name] ?? 0).toFixed(2)}× | ${name.startsWith('bare') ? '' : '≥ 0.5×'} |`,
  )
  .join('\n')}

| callback → onResult | p50 | p99 | executions |
|---|---|---|---|
${Object.entries(callbacksBench.latency)
  .map(([name, l]) => `| ${name} | ${l.p50.toFixed(1)} ms | ${l.p99.toFixed(1)} ms | ${l.n} |`)
  .join('\n')}
`;

const target = 'docs/reliability.md';
mkdirSync('docs', { recursive: true });
writeFileSync(target, doc);
// The repository's formatter also formats markdown; format the report the way `npm test` lints it.
spawnSync('node_modules/.bin/biome', ['format', '--write', target], { stdio: 'inherit' });
console.log(`reliability: wrote ${target}`);
