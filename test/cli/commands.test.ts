import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer } from '../../scripts/lib/redis-server.js';
import { tools } from '../../scripts/lib/tools.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { account, createClient, defineWorkflow } from '../../src/index.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { JPEG } from '../support/simulator.js';
import { closedPort, kyx, ONE_LINE, scratch } from './run.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const files = scratch('kyx-commands-');
const tenantKyc = defineWorkflow({
  key: 20001,
  name: 'Tenant KYC',
  credentials: ['ID'],
  channels: ['API'],
  capabilities: ['usability', 'extraction'],
});
const workflowsFile = files.file('workflows.json', [tenantKyc]);
const valid = { customerInternalReference: 'cli-1', workflowDefinition: { key: 10011 } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let simulator: RunningSimulator;
let env: Record<string, string>;
beforeAll(async () => {
  simulator = await startSimulator({ port: 0, processingDelayMs: 20, rateLimits: false, workflows: [tenantKyc] });
  env = { JUMIO_CLIENT_ID: 'cli-id', JUMIO_CLIENT_SECRET: 'cli-secret', JUMIO_BASE_URL: simulator.url };
});
afterAll(async () => {
  await simulator.close();
  files.remove();
});

/** Creates an execution through the CLI and returns its ids. */
async function created(body: unknown = valid) {
  const run = await kyx(['send', files.file('body.json', body)], { env });
  expect(run.code).toBe(0);
  const response = run.json();
  return { accountId: response.account.id as string, workflowExecutionId: response.workflowExecution.id as string };
}

describe('kyx --version and help', () => {
  it('--version, -v and version print the version of package.json', async () => {
    for (const argv of [['--version'], ['-v'], ['version']]) {
      expect(await kyx(argv)).toMatchObject({ code: 0, out: [pkg.version], err: [] });
    }
  });

  it('help lists every command, help <command> prints its usage, an unknown topic exits 2', async () => {
    const overview = await kyx(['help']);
    expect(overview.code).toBe(0);
    for (const name of [...Object.keys(COMMANDS), 'help'])
      expect(overview.out[0]).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(overview.out[0]).toContain('Exit codes:');
    for (const [name, command] of Object.entries(COMMANDS)) {
      expect(await kyx(['help', name])).toMatchObject({ code: 0, out: [command.usage] });
      expect((await kyx([name, '--help'])).out).toEqual([command.usage]);
    }
    const unknown = await kyx(['help', 'frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toEqual(['kyx: unknown command "frobnicate": kyx help lists the commands']);
    expect((await kyx([])).code).toBe(2);
  });
});

describe('kyx send', () => {
  it('sends a valid body and prints the account response as one JSON line when piped', async () => {
    const run = await kyx(['send', files.file('valid.json', valid)], { env });
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    expect(run.out).toHaveLength(1);
    const response = run.json();
    expect(response.account.id).toMatch(UUID);
    expect(response.web.href).toContain(`${simulator.url}/web/v4/app?authorizationToken=`);
    expect(response.workflowExecution.credentials.map((c: { category: string }) => c.category)).toEqual([
      'ID',
      'SELFIE',
      'FACEMAP',
    ]);
  });

  it('pretty-prints on a terminal and reads standard input with "-"', async () => {
    const run = await kyx(['send', '-'], { env, stdin: JSON.stringify(valid), tty: true });
    expect(run.code).toBe(0);
    expect(run.out[0]).toMatch(/^\{\n {2}"timestamp"/);
  });

  it('--update adds a transaction to an existing account (PUT)', async () => {
    const first = await created();
    const run = await kyx(['send', files.file('update.json', valid), '--update', first.accountId], { env });
    expect(run.code).toBe(0);
    expect(run.json().account.id).toBe(first.accountId);
    expect(run.json().workflowExecution.id).not.toBe(first.workflowExecutionId);
    const bad = await kyx(['send', files.file('update.json', valid), '--update', 'not-a-uuid'], { env });
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toContain('accountId: must be the UUID of an existing account');
  });

  it('validates like the builder before sending: nothing reaches Jumio, exit 1', async () => {
    const before = simulator.stats();
    const body = { customerInternalReference: 'a/b', workflowDefinition: { key: 10026 }, tokenLifetime: '30 minutes' };
    const run = await kyx(['send', files.file('invalid.json', body)], { env });
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(ONE_LINE);
    expect(run.err[0]).toContain("customerInternalReference: must not contain any of < > \" / ; ` % { } | (found '/')");
    expect(run.err[0]).toContain('tokenLifetime: must be a whole number');
    const after = simulator.stats();
    expect(after.tokensIssued).toBe(before.tokensIssued);
    expect(after.requests.createAccount).toBe(before.requests.createAccount);
    // every problem at once, the workflow's rule in words about the JSON body
    expect(run.err[0]).toContain(
      'workflowDefinition.credentials: workflow 10026 requires a DOCUMENT credential: add {"category": "DOCUMENT"',
    );
    // the builder finds the same problems, its rule in words about its methods
    // biome-ignore lint/suspicious/noExplicitAny: the same mistakes, made without the types
    const builder = (account() as any).ref('a/b').workflow(10026).tokenLifetime('30 minutes').validate();
    expect(builder.success).toBe(false);
    const issues = builder.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path)).toEqual([
      'customerInternalReference',
      'tokenLifetime',
      'workflowDefinition.credentials',
    ]);
    for (const issue of issues.slice(0, 2)) expect(run.err[0]).toContain(issue.message);
    expect(issues[2]?.message).toBe('workflow 10026 requires .document(country, type)');
  });

  it('--workflows: a tenant key is refused without its definition and sent with it', async () => {
    const tenant = files.file('tenant.json', { customerInternalReference: 't-1', workflowDefinition: { key: 20001 } });
    const refused = await kyx(['send', tenant], { env });
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toContain('workflowDefinition.key: workflow 20001 is neither in the catalog nor among your');
    const sent = await kyx(['send', tenant, '--workflows', workflowsFile], { env });
    expect(sent.code).toBe(0);
    expect(sent.json().workflowExecution.credentials).toEqual([
      expect.objectContaining({ category: 'ID', allowedChannels: ['API'] }),
    ]);
  });

  it('--idempotency-key without a shared store is a usage error (one kyx process remembers nothing)', async () => {
    const run = await kyx(['send', files.file('idem.json', valid), '--idempotency-key', 'signup-42'], { env });
    expect(run.code).toBe(2);
    expect(run.err).toEqual([
      'kyx send: --idempotency-key needs the store every sender shares: give --redis <url> (or KYX_REDIS_URL)',
    ]);
  });

  it.skipIf(!tools.redis.available)(
    '--idempotency-key with --redis sends once: a repeat prints the first execution',
    async () => {
      const redis = await startRedisServer();
      try {
        const body = files.file('idem-redis.json', { ...valid, customerInternalReference: 'cli-idem' });
        const argv = ['send', body, '--idempotency-key', 'signup-43', '--redis', redis.url];
        const first = await kyx(argv, { env });
        const again = await kyx(argv, { env });
        expect([first.code, again.code]).toEqual([0, 0]);
        expect(again.json().workflowExecution.id).toBe(first.json().workflowExecution.id);
        const other = await kyx(['send', body, '--idempotency-key', 'signup-44', '--redis', redis.url], { env });
        expect(other.json().workflowExecution.id).not.toBe(first.json().workflowExecution.id);
      } finally {
        await redis.stop();
      }
    },
  );
});

describe('kyx status, details, steps, wait, token', () => {
  it('status, details and steps print the Retrieval API answers', async () => {
    const ids = await created();
    const status = await kyx(['status', ids.accountId, ids.workflowExecutionId], { env });
    expect(status.code).toBe(0);
    expect(status.json().workflowExecution).toMatchObject({ id: ids.workflowExecutionId, status: 'INITIATED' });
    const details = await kyx(['details', ids.accountId, ids.workflowExecutionId], { env });
    expect(details.json()).toMatchObject({ workflow: { id: ids.workflowExecutionId, status: 'INITIATED' } });
    const steps = await kyx(['steps', ids.accountId, ids.workflowExecutionId], { env });
    expect(steps.json()).toEqual({ steps: [] });
  });

  it('wait prints a progress line per check on stderr and the details once PROCESSED', async () => {
    const client = createClient({
      region: 'amer-1',
      credentials: { clientId: 'app', clientSecret: 'app' },
      userAgent: 'kyx test/1.0',
      baseUrl: simulator.url,
    });
    const response = await client.send(account().ref('cli-wait').workflow(10011));
    await client.upload(response, 'front', JPEG);
    await client.upload(response, 'face', JPEG);
    await client.finalize(response);
    const run = await kyx(
      ['wait', response.account.id, response.workflowExecution.id, '--schedule', '0,0.05,0.1,0.2,0.4,0.8,1.6'],
      { env },
    );
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ workflow: { status: 'PROCESSED' }, decision: { type: 'PASSED' } });
    expect(run.err.length).toBeGreaterThanOrEqual(1);
    expect(run.err.at(-1)).toMatch(/^kyx wait: PROCESSED, done: the result is ready \(check \d+ of 7\)$/);
    for (const line of run.err.slice(0, -1)) {
      expect(line).toMatch(
        /^kyx wait: ACQUIRED, the credentials are in and being processed \(check \d of 7\); next check at [\d.]+ s$/,
      );
    }
  });

  it('wait exits 3 with one line when the schedule runs out', async () => {
    const ids = await created();
    const run = await kyx(['wait', ids.accountId, ids.workflowExecutionId, '--schedule', '0.01'], { env });
    expect(run.code).toBe(3);
    expect(run.err).toEqual([
      'kyx wait: INITIATED, nothing uploaded or finalized yet: kyx upload the parts, then kyx finalize (check 1 of 1)',
      'kyx wait: still INITIATED after 1 scheduled status call (nothing uploaded or finalized yet: kyx upload the parts, then kyx finalize): run kyx wait again later',
    ]);
    expect((await kyx(['wait', ids.accountId, ids.workflowExecutionId, '--schedule', '5,1'], { env })).code).toBe(2);
  });

  it('token prints an OAuth2 access token, on stdout only', async () => {
    const run = await kyx(['token'], { env });
    expect(run.code).toBe(0);
    expect(run.json()).toEqual({ access_token: expect.stringMatching(/^ey/), expires_in: 3600, token_type: 'Bearer' });
    expect(run.err).toEqual([]);
  });
});

describe('kyx validate and simulate with --workflows', () => {
  it('validate reports an unknown key, and accepts it with its definition', async () => {
    const body = files.file('unknown.json', { customerInternalReference: 'x', workflowDefinition: { key: 20001 } });
    const without = await kyx(['validate', body]);
    expect(without.code).toBe(1);
    expect(without.out[1]).toContain('workflowDefinition.key: workflow 20001 is neither in the catalog');
    const withIt = await kyx(['validate', body, '--workflows', workflowsFile]);
    expect(withIt).toMatchObject({ code: 0, out: [expect.stringContaining('valid (workflow 20001)')] });
  });

  it('simulate --workflows serves the tenant workflow', async () => {
    const controller = new AbortController();
    const lines: string[] = [];
    let announce: (url: string) => void = () => {};
    const url = new Promise<string>((resolve) => {
      announce = resolve;
    });
    const { main } = await import('../../src/cli/main.js');
    const exit = main(['simulate', '--port', '0', '--quiet', '--workflows', workflowsFile], {
      stdout: (line) => {
        lines.push(line);
        const match = /listening on (\S+)/.exec(line);
        if (match) announce(match[1] as string);
      },
      stderr: (line) => lines.push(line),
      signal: controller.signal,
      readStdin: async () => '',
    });
    const base = await url;
    expect(lines[0]).toBe(`Jumio KYX simulator listening on ${base} (tenant workflows: 20001)`);
    const body = files.file('tenant-sim.json', {
      customerInternalReference: 't-2',
      workflowDefinition: { key: 20001 },
    });
    const sent = await kyx(['send', body, '--workflows', workflowsFile], { env: { ...env, JUMIO_BASE_URL: base } });
    expect(sent.code).toBe(0);
    expect(sent.json().workflowExecution.credentials).toHaveLength(1);
    controller.abort();
    expect(await exit).toBe(0);
  });

  it('a broken --workflows file names every broken entry on one line, exit 1', async () => {
    const broken = files.file('broken-workflows.json', [
      tenantKyc,
      { key: 20002, name: 'x', credentials: ['PASSPORT'], channels: ['API'], capabilities: [] },
      { key: 'x', name: '', credentials: [], channels: [], capabilities: [], credential: ['ID'] },
      tenantKyc,
    ]);
    for (const command of [
      ['validate', files.file('v.json', valid)],
      ['send', files.file('v.json', valid)],
      ['simulate', '--port', '0'],
    ]) {
      const run = await kyx([...command, '--workflows', broken], { env });
      expect(run.code).toBe(1);
      expect(run.err).toHaveLength(1);
      expect(run.err[0]).toMatch(ONE_LINE);
      expect(run.err[0]).toContain(
        `--workflows ${broken}: entry 1 (key 20002): credentials.0 must be one of ID, SELFIE`,
      );
      expect(run.err[0]).toContain('entry 2: key must be a number');
      expect(run.err[0]).toContain('name must not be empty');
      expect(run.err[0]).toContain('credential is not a known field');
      expect(run.err[0]).toContain('entry 3 (key 20001): key 20001 is defined twice');
    }
    const notArray = await kyx(['validate', files.file('v.json', valid), '--workflows', files.file('o.json', {})]);
    expect(notArray.err).toEqual([
      `kyx validate: --workflows ${files.dir}/o.json: must be a JSON array of workflow definitions`,
    ]);
  });
});

describe('clean failures: one line on stderr, the documented exit code', () => {
  const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']; // never issued

  async function failure(argv: string[], options: Parameters<typeof kyx>[1] = { env }) {
    const run = await kyx(argv, options);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(ONE_LINE);
    expect(run.err[0]).not.toMatch(/\n|\bat .+:\d+:\d+/);
    expect(run.out).toEqual([]);
    return { code: run.code, line: run.err[0] as string };
  }

  it('a missing file (2) and unreadable JSON (1)', async () => {
    expect(await failure(['send', `${files.dir}/nope.json`])).toEqual({
      code: 2,
      line: `kyx send: ${files.dir}/nope.json: no such file: check the path`,
    });
    const broken = await failure(['send', files.file('broken.json', '{"customerInternalReference":')]);
    expect(broken.code).toBe(1);
    expect(broken.line).toMatch(/^kyx send: .*broken\.json: not readable JSON \(.+\): fix the file$/);
    const validate = await kyx(['validate', files.file('ok.json', valid), `${files.dir}/nope.json`]);
    expect(validate.code).toBe(2);
    expect(validate.out[1]).toBe(`✖ ${files.dir}/nope.json: no such file: check the path`);
    expect(
      (await failure(['send', valid.customerInternalReference, '--workflows', `${files.dir}/none.json`])).code,
    ).toBe(2);
  });

  it('a refused connection (3)', async () => {
    const port = await closedPort();
    const refused = await failure(['status', ...ids], { env: { ...env, JUMIO_BASE_URL: `http://127.0.0.1:${port}` } });
    expect(refused.code).toBe(3);
    expect(refused.line).toContain('(ECONNREFUSED): nothing listens there; check --base-url / --region');
    const sent = await failure(['send', files.file('r.json', valid), '--base-url', `http://127.0.0.1:${port}`]);
    expect(sent.code).toBe(3);
  });

  it('a busy port (3)', async () => {
    const port = Number(new URL(simulator.url).port);
    expect(await failure(['simulate', '--port', String(port)])).toEqual({
      code: 3,
      line: `kyx simulate: port ${port} is in use (127.0.0.1:${port}): pick another with --port (0 picks a free one)`,
    });
  });

  it('HTTP failures (3): an unknown execution, refused credentials', async () => {
    const notFound = await failure(['details', ...ids]);
    expect(notFound.code).toBe(3);
    expect(notFound.line).toContain('failed with HTTP 404');
    const strict = await startSimulator({ port: 0, clients: [{ clientId: 'acme', clientSecret: 'right' }] });
    try {
      const denied = await failure(['token'], {
        env: { ...env, JUMIO_BASE_URL: strict.url, JUMIO_CLIENT_SECRET: 'wrong' },
      });
      expect(denied.code).toBe(3);
      expect(denied.line).toContain('HTTP 401');
      expect(denied.line).toContain('check JUMIO_CLIENT_ID and JUMIO_CLIENT_SECRET');
      expect(denied.line).not.toContain('wrong');
    } finally {
      await strict.close();
    }
  });

  it('usage errors (2): credentials, region, base URL, options, arguments, commands', async () => {
    const cases: [string[], Record<string, string>, string][] = [
      [['status', ...ids], {}, 'kyx status: set JUMIO_CLIENT_ID and JUMIO_CLIENT_SECRET'],
      [['token'], { JUMIO_CLIENT_ID: 'x' }, 'kyx token: set JUMIO_CLIENT_SECRET'],
      [['token', '--region', 'mars-1'], env, 'kyx token: region "mars-1" is not one of amer-1, emea-1, apac-1'],
      [['token'], { ...env, JUMIO_REGION: 'eu' }, 'kyx token: region "eu" is not one of'],
      [['token', '--base-url', 'http://example.com'], env, 'kyx token: --base-url must use https:'],
      [['status', '--nope', ...ids], env, 'kyx status: unknown option "--nope": see kyx help status'],
      [['status', ids[0] as string], env, 'kyx status: missing workflowExecutionId'],
      [['send'], env, 'kyx send: missing file.json|-'],
      [['token', 'extra'], env, 'kyx token: too many arguments'],
      [['frobnicate'], env, 'kyx: unknown command "frobnicate"'],
      [['validate'], env, 'kyx validate: name at least one file'],
      [['simulate', '--port', 'x'], env, 'kyx simulate: --port must be a whole number'],
    ];
    for (const [argv, environment, start] of cases) {
      const run = await kyx(argv, { env: environment });
      expect({ argv, code: run.code }).toEqual({ argv, code: 2 });
      expect(run.err).toHaveLength(1);
      expect(run.err[0]?.startsWith(start), `${run.err[0]} starts with ${start}`).toBe(true);
    }
  });
});
