import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  asConsumerCode,
  fillSections,
  guideFiles,
  ONBOARDING_TEST,
  OPERATION_METHODS,
  SECTIONS,
  sectionNames,
} from '../../scripts/lib/guide-sections.js';
import { account, createClient, type KyxClient, type Operation, RETRY_POLICIES } from '../../src/index.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';

// The guides' generated sections (region hosts, retry table, simulator limits and CLI help,
// callback IPs, the simulator guide's example test) must be what the code renders today.
describe('generated sections of the guides', () => {
  const guides = guideFiles().map((file) => ({ name: basename(file), text: readFileSync(file, 'utf8') }));

  for (const { name, text } of guides) {
    it(`${name} is up to date (run \`npm run docs\` after changing the code behind a section)`, () => {
      expect(fillSections(text)).toBe(text);
    });
  }

  it('every section is used by a guide, and every marker names a known section', () => {
    const used = guides.flatMap((g) => sectionNames(g.text));
    expect([...new Set(used)].sort()).toEqual(Object.keys(SECTIONS).sort());
    expect(() => fillSections('<!-- generated:nope -->\n<!-- /generated:nope -->')).toThrow(
      /unknown generated section/,
    );
  });

  it('detects a stale section (a hand edit, or a code change not yet rendered)', () => {
    const client = guides.find((g) => g.name === 'client.md')?.text ?? '';
    const edited = client.replace('https://account.emea-1.jumio.ai', 'https://account.eu.jumio.ai');
    expect(edited).not.toBe(client);
    expect(fillSections(edited)).toBe(client);
  });

  it('the retry table shows every operation of RETRY_POLICIES with its statuses', () => {
    const table = SECTIONS['retry-policies']?.() ?? '';
    for (const [operation, policy] of Object.entries(RETRY_POLICIES)) {
      expect(table).toContain(`| \`${operation}\` |`);
      expect(table).toContain(`| ${policy.statusCodes.join(', ')} | ${policy.timeouts ? 'yes' : 'no'} |`);
    }
  });

  it('the example test is the consumer form of test/guides/onboarding.test.ts', () => {
    const code = asConsumerCode(readFileSync(ONBOARDING_TEST, 'utf8'));
    expect(code).not.toContain('../../src');
    expect(code).toContain("from 'jumio-kyx'");
    expect(code).toContain("from 'jumio-kyx/simulator'");
    const guide = guides.find((g) => g.name === 'simulator.md')?.text ?? '';
    expect(guide).toContain(`\`\`\`ts\n${code}\n\`\`\``);
  });
});

// The retry table names the client methods behind each operation; the client's own hook events
// say which operation each method really is.
describe('OPERATION_METHODS', () => {
  let simulator: Simulator | undefined;
  afterEach(async () => simulator?.close());

  it('matches the operation every client method reports, and lists every method', async () => {
    simulator = createSimulator({ rateLimits: false });
    const events: Operation[] = [];
    const client = createClient({
      region: 'amer-1',
      credentials: { clientId: 'id', clientSecret: 'secret' },
      userAgent: 'Docs test/1.0',
      baseUrl: 'https://jumio.test',
      fetch: simulator.fetch,
      retry: false,
      hooks: { onRequest: (event) => events.push(event.operation) },
    });
    const observed: Record<string, Operation[]> = {};
    const run = async <T>(method: keyof KyxClient, call: () => Promise<T>): Promise<T> => {
      events.length = 0;
      const result = await call();
      observed[method] = [...new Set(events)].filter((operation) => operation !== 'token');
      return result;
    };
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);

    const created = await run('send', () => client.send(account().ref('ops-1').workflow(10011)));
    expect(events).toEqual(['token', 'account']); // the first call gets the token: an operation of its own
    await run('sendAll', () => client.sendAll([account().ref('ops-2').workflow(10011)]));
    await run('upload', () => client.upload(created, 'front', jpeg));
    await client.upload(created, 'face', jpeg);
    const screening = await client.send(account().ref('ops-3').user('u-1').workflow(10010));
    await run('uploadData', () => client.uploadData(screening, { firstName: 'ALEX' }));
    await run('finalize', () => client.finalize(created));
    await run('status', () => client.status(created));
    await run('details', () => client.details(created));
    await run('steps', () => client.steps(created));
    await run('waitForResult', () => client.waitForResult(created, { schedule: [250, 500, 1000, 2000] }));
    await run('partImage', () => client.partImage(created, 'FRONT'));
    await run('health', () => client.health());
    await run('deleteExecution', () => client.deleteExecution(created));
    await run('deleteAccount', () => client.deleteAccount(created));

    const expected: Record<string, Operation[]> = {};
    for (const [operation, methods] of Object.entries(OPERATION_METHODS) as [Operation, string[]][]) {
      for (const method of methods) if (operation !== 'token') expected[method] = [operation];
    }
    expect(observed).toEqual(expected);
    // releaseIdempotencyKey only touches the client's store: it sends nothing
    const methods = Object.keys(client).filter(
      (key) => typeof client[key as keyof KyxClient] === 'function' && key !== 'releaseIdempotencyKey',
    );
    expect(methods.sort()).toEqual(Object.keys(expected).sort());
  });
});
