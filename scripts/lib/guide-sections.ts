// Generated sections inside the hand-written guides: tables whose facts live in the code (region
// hosts, the retry table, the simulator's default rate limits, the `kyx simulate` help, the
// callback source IPs) are rendered from it, and the simulator guide's complete example test is
// test/guides/onboarding.test.ts (which vitest runs), all between markers, so a guide cannot drift
// from the code. A section is written as
//
//   <!-- generated:NAME -->
//   …rendered text…
//   <!-- /generated:NAME -->
//
// `npm run docs` (scripts/docs.ts) rewrites them; `--check` and test/tooling/guide-sections.test.ts fail
// when a committed guide differs from what the code renders.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JUMIO_CALLBACK_IPS } from '../../src/callbacks/sources.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { overview } from '../../src/cli/help.js';
import { SIMULATE_USAGE } from '../../src/cli/simulate.js';
import { REGIONS, regionHosts } from '../../src/client/regions.js';
import { type Operation, RETRY_POLICIES, resolveRetrySettings } from '../../src/client/retry-policy.js';
import { DEFAULT_RATE_LIMITS } from '../../src/simulator/engine.js';

/** The folder of the guides. */
export const GUIDES_DIR = fileURLToPath(new URL('../../docs/guides/', import.meta.url));

/**
 * The client methods behind each operation (which retry policy a method gets).
 * test/tooling/guide-sections.test.ts calls every method and checks the operation its hook events report.
 */
export const OPERATION_METHODS: Readonly<Record<Operation, readonly string[]>> = {
  token: ['(the OAuth2 token request the client makes for you)'],
  account: ['send', 'sendAll'],
  upload: ['upload', 'uploadData'],
  finalize: ['finalize'],
  retrieval: ['status', 'details', 'steps', 'partImage', 'waitForResult'],
  deletion: ['deleteAccount', 'deleteExecution'],
  health: ['health'],
};

const code = (s: string) => `\`${s}\``;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

function regionHostsTable(): string {
  const families = ['auth', 'account', 'api', 'retrieval', 'status'] as const;
  const use: Record<(typeof families)[number], string> = {
    auth: 'OAuth2 token (`POST /oauth2/token`)',
    account: 'account create and update (`send`, `sendAll`)',
    api: 'uploads and finalize (the URLs of the account response, used as given)',
    retrieval: 'retrieval and deletion',
    status: 'health (`GET /`)',
  };
  return table(
    ['host', ...REGIONS.map(code)],
    families.map((family) => [use[family], ...REGIONS.map((region) => code(regionHosts(region)[family]))]),
  );
}

function retryTable(): string {
  const defaults = resolveRetrySettings(undefined);
  const rows = (Object.keys(RETRY_POLICIES) as Operation[]).map((operation) => {
    const policy = RETRY_POLICIES[operation];
    const methods = OPERATION_METHODS[operation].map((m) => (m.startsWith('(') ? m : code(m))).join(', ');
    return [
      code(operation),
      methods,
      policy.statusCodes.join(', '),
      policy.timeouts ? 'yes' : 'no',
      policy.network === 'any' ? 'any (also resets, TLS and socket errors)' : 'only when never sent (refused, DNS)',
      policy.network === 'any' && policy.timeouts ? 'read again (cut off or stalled)' : 'no',
      policy.reason,
    ];
  });
  return [
    table(
      [
        'operation',
        'client methods',
        'statuses retried',
        'timeouts retried',
        'network errors retried',
        'body cut off after the headers',
        'why',
      ],
      rows,
    ),
    '',
    `Defaults (the \`retry\` option): ${defaults.limit} retries after the first attempt; waits of ` +
      `${[1, 2, 3].map((n) => defaults.delay(n).toLocaleString('en-US')).join(', ')} ms and so on, each cut to a random 50–100 % ` +
      `(jitter) and capped at ${defaults.backoffLimit.toLocaleString('en-US')} ms. When a retried 429 or 503 carries ` +
      `\`Retry-After\`, that wait is used instead, up to ${defaults.maxRetryAfter.toLocaleString('en-US')} ms. ` +
      'A body read again counts against the same retries. A per-call `deadline` (ms) bounds all attempts of a call ' +
      'together, with their waits: past it the call fails with `KyxTimeoutError`.',
  ].join('\n');
}

function rateLimitTable(): string {
  const what: Record<keyof typeof DEFAULT_RATE_LIMITS, string> = {
    token: '`POST /oauth2/token`',
    account: 'account create and update (each starts a transaction)',
    retrieval: 'retrieval and deletion',
  };
  return table(
    ['limit', 'applies to', 'per second', 'burst'],
    (Object.keys(DEFAULT_RATE_LIMITS) as (keyof typeof DEFAULT_RATE_LIMITS)[]).map((name) => {
      const limit = DEFAULT_RATE_LIMITS[name];
      return [code(name), what[name], String(limit.perSecond), String(limit.burst ?? limit.perSecond)];
    }),
  );
}

function callbackIpTable(): string {
  return table(
    ['region', 'callback source addresses'],
    REGIONS.map((region) => [code(region), JUMIO_CALLBACK_IPS[region].map(code).join(', ')]),
  );
}

/** `kyx help`, then `kyx help <command>` for every command: the CLI guide's reference. */
function kyxHelp(): string {
  const commands = Object.values(COMMANDS).map((command) =>
    [`### \`kyx ${command.name}\``, '', '```text', `$ npx kyx help ${command.name}`, command.usage, '```'].join('\n'),
  );
  return [['```text', '$ npx kyx help', overview(), '```'].join('\n'), ...commands].join('\n\n');
}

/** The test file the simulator guide shows as its complete example (it runs in `npm test`). */
export const ONBOARDING_TEST = fileURLToPath(new URL('../../test/guides/onboarding.test.ts', import.meta.url));

/** A test file as a consumer writes it: imports from the package, not from src. */
export function asConsumerCode(source: string): string {
  return source
    .replaceAll("from '../../src/simulator/index.js'", "from 'jumio-kyx/simulator'")
    .replaceAll("from '../../src/index.js'", "from 'jumio-kyx'")
    .trimEnd();
}

/** Every generated section, by name. */
export const SECTIONS: Readonly<Record<string, () => string>> = {
  'region-hosts': regionHostsTable,
  'retry-policies': retryTable,
  'simulator-rate-limits': rateLimitTable,
  'kyx-simulate-usage': () => ['```text', `$ npx kyx simulate --help`, SIMULATE_USAGE, '```'].join('\n'),
  'kyx-help': kyxHelp,
  'callback-ips': callbackIpTable,
  'onboarding-test': () => ['```ts', asConsumerCode(readFileSync(ONBOARDING_TEST, 'utf8')), '```'].join('\n'),
};

const MARKER = /<!-- generated:([\w-]+) -->\n[\s\S]*?<!-- \/generated:\1 -->/g;

/** `text` with every generated section rendered afresh; throws on an unknown section name. */
export function fillSections(text: string): string {
  return text.replace(MARKER, (_, name: string) => {
    const render = SECTIONS[name];
    if (!render) throw new Error(`unknown generated section "${name}" (known: ${Object.keys(SECTIONS).join(', ')})`);
    return `<!-- generated:${name} -->\n${render()}\n<!-- /generated:${name} -->`;
  });
}

/** The names of the generated sections in `text`, in order. */
export function sectionNames(text: string): string[] {
  return [...text.matchAll(MARKER)].map((m) => m[1] as string);
}

/** The guides (absolute paths). */
export function guideFiles(): string[] {
  return readdirSync(GUIDES_DIR)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(GUIDES_DIR, f));
}

/** Guides whose generated sections are out of date. */
export function staleGuides(): string[] {
  return guideFiles().filter((file) => {
    const text = readFileSync(file, 'utf8');
    return fillSections(text) !== text;
  });
}
