// Every line kyx shows a human goes through one terminal-safe printer, every CLI read is bounded,
// and every error is one line that names the option once (issue 23 #3, issue 24 #5 and #6).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_JSON_BYTES } from '../../src/cli/files.js';
import { jsonErrorPlace } from '../../src/cli/json-error.js';
import { terminalSafe } from '../../src/cli/terminal.js';
import { kyx, ONE_LINE, scratch } from './run.js';

const files = scratch('kyx-terminal-');
const ESC = '\u001b';
const ids = ['572ac7b5-9f83-409d-ba8e-f0014e411c7e', '9d5b9c3e-8f2a-4c1e-9b7d-2f6a1e0c4d3b'];
/** An OSC 8 hyperlink, a screen clear, a title change and a one-character CSI: what an attacker sends. */
const INJECTION = `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\${ESC}[2J${ESC}]0;pwned\u0007\u009b31m\r`;

/** No byte a terminal reads as a control: only printable text and the line feeds between lines. */
function expectTerminalSafe(lines: readonly string[]) {
  for (const line of lines) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(line).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  }
}

// A Jumio whose problem details carry terminal escapes.
let hostile: Server;
let hostileUrl: string;
beforeAll(async () => {
  hostile = createServer((request, response) => {
    if (request.url === '/oauth2/token') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ access_token: 'hostile-token', expires_in: 3600, token_type: 'Bearer' }));
      return;
    }
    response.writeHead(403, { 'content-type': 'application/problem+json' });
    response.end(JSON.stringify({ title: `Forbidden${ESC}[31m`, detail: INJECTION }));
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  hostileUrl = `http://127.0.0.1:${(hostile.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => hostile.close(resolve));
  files.remove();
});

describe('one terminal-safe printer', () => {
  it('escapes C0 (ESC, BEL, CR), DEL, C1 and bidi controls as \\uXXXX, keeps line feeds and text', () => {
    expect(terminalSafe(`a${ESC}[2Jb\u0007\r\u007f\u009b\u202e\n✔ ok`)).toBe(
      'a\\u001b[2Jb\\u0007\\u000d\\u007f\\u009b\\u202e\n✔ ok',
    );
  });

  it("a server problem's detail and title reach stderr escaped, on one line", async () => {
    const run = await kyx(['status', ...ids], {
      env: { JUMIO_CLIENT_ID: 'a', JUMIO_CLIENT_SECRET: 'b', JUMIO_BASE_URL: hostileUrl },
    });
    expect(run.code).toBe(3);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(ONE_LINE);
    expectTerminalSafe(run.err);
    expect(run.err[0]).toContain('\\u001b]8;;https://evil.example');
    expect(run.err[0]).toContain('Forbidden\\u001b[31m');
  });

  it('an unknown key in a request file (validate) is printed escaped', async () => {
    const body = files.file('unknown-key.json', {
      customerInternalReference: 'x',
      workflowDefinition: { key: 10011 },
      [`${ESC}[31mevil${ESC}]0;t\u0007`]: 1,
    });
    const run = await kyx(['validate', body]);
    expect(run.code).toBe(1);
    expectTerminalSafe(run.out);
    expect(run.out.join('\n')).toContain('\\u001b[31mevil');
  });

  it('an unknown command name is printed escaped', async () => {
    const run = await kyx([`${ESC}]0;pwned\u0007\n`]);
    expect(run).toMatchObject({ code: 2, out: [] });
    expect(run.err).toEqual(['kyx: unknown command "\\u001b]0;pwned\\u0007\\n": kyx help lists the commands']);
  });

  it('JSON on stdout stays JSON with the same value (escapes inside strings are JSON escapes)', async () => {
    const body = files.file('c1.json', {
      customerInternalReference: `x\u009b31m\u202e`,
      workflowDefinition: { key: 10011 },
    });
    const run = await kyx(['validate', body]);
    expectTerminalSafe(run.out);
    // a JSON string with \u009b in it, printed through the printer, parses back to the same string
    const printed = terminalSafe(JSON.stringify({ v: `a\u009bb${ESC}` }));
    expect(JSON.parse(printed)).toEqual({ v: `a\u009bb${ESC}` });
  });
});

describe('parse errors name the place, never the content', () => {
  it('kyx validate of a secret file shows none of it: only line, column and what was expected', async () => {
    const shadow = files.file(
      'shadow',
      'root:$6$s4ltS4lt$Q9hashHASHhashQ9abcdefghijklmnopqrstuvwxyz0123456789:19700:0:99999:7:::\ndaemon:*:19700:0:99999:7:::\n',
    );
    const run = await kyx(['validate', shadow]);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([
      `✖ ${shadow}: not readable JSON (at line 1, column 1: expected a JSON value): fix the file`,
    ]);
    for (const secret of ['root', 's4lt', 'hash', '19700', 'daemon']) expect(run.out.join('')).not.toContain(secret);
  });

  it('a broken body shows where it breaks, with an escape in it printed nowhere', async () => {
    const broken = files.file(
      'broken.json',
      `{\n  "customerInternalReference": "${ESC}[2Jsecret-value",\n  "x": tru\n}`,
    );
    const run = await kyx(['send', broken], { env: { JUMIO_CLIENT_ID: 'a', JUMIO_CLIENT_SECRET: 'b' } });
    expect(run.code).toBe(1);
    expect(run.err).toEqual([
      `kyx send: ${broken}: not readable JSON (at line 2, column 33: expected a closing quote (control characters must be escaped)): fix the file`,
    ]);
    expect(run.err[0]).not.toContain('secret-value');
  });

  it('the place finder agrees with JSON.parse on what is JSON', () => {
    for (const text of ['{}', '[1,"a",{"b":[true,false,null]}]', '-0.5e+3', ' "\\u00e9" ']) {
      expect(jsonErrorPlace(text)).toBeUndefined();
    }
    const cases: [string, string][] = [
      ['{"a":1,}', 'a property name in double quotes'],
      ['[1,2', "',' or ']' (the text ends)"],
      ['{"a" 1}', "':' after the property name"],
      ['[]x', 'the end of the text (one JSON value per file)'],
      ['', 'a JSON value (the text ends)'],
      ['[01]', "',' or ']'"],
    ];
    for (const [text, expected] of cases) {
      expect(() => JSON.parse(text)).toThrow();
      expect(jsonErrorPlace(text)?.expected).toBe(expected);
    }
    expect(jsonErrorPlace('['.repeat(200_000))?.expected).toBe('a JSON value (the text ends)'); // no stack overflow
  });
});

describe('every CLI read is bounded', () => {
  it('kyx validate /dev/zero stops at the bound with a clear error', async () => {
    const run = await kyx(['validate', '/dev/zero']);
    expect(run.code).toBe(1);
    expect(run.out).toEqual(['✖ /dev/zero: larger than 1 MiB, the most kyx reads there: name the right file']);
  });

  it('standard input over the bound is refused (in process and through the executable)', async () => {
    const inProcess = await kyx(['validate', '-'], { stdin: ' '.repeat(MAX_JSON_BYTES + 1) });
    expect(inProcess.out).toEqual(['✖ (stdin): larger than 1 MiB, the most kyx reads there: name the right file']);
    const bin = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', bin, 'send', '-'], {
      input: Buffer.alloc(3 * MAX_JSON_BYTES, 0x20),
      env: { ...process.env, JUMIO_CLIENT_ID: 'a', JUMIO_CLIENT_SECRET: 'b' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({
      status: 1,
      stderr: 'kyx send: (stdin): larger than 1 MiB, the most kyx reads there: name the right file\n',
    });
  }, 60_000);

  it('a request body, a --workflows file and an upload file over their bounds', async () => {
    const env = { JUMIO_CLIENT_ID: 'a', JUMIO_CLIENT_SECRET: 'b', JUMIO_BASE_URL: hostileUrl };
    const big = files.file('big.json', `{"a":"${'x'.repeat(MAX_JSON_BYTES)}"}`);
    expect((await kyx(['send', big], { env })).err).toEqual([
      `kyx send: ${big}: larger than 1 MiB, the most kyx reads there: name the right file`,
    ]);
    const body = files.file('ok.json', { customerInternalReference: 'x', workflowDefinition: { key: 10011 } });
    expect((await kyx(['validate', body, '--workflows', big])).err).toEqual([
      `kyx validate: ${big}: larger than 1 MiB, the most kyx reads there: name the right file`,
    ]);
    const response = files.file('response.json', {
      timestamp: '2026-01-01T00:00:00Z',
      account: { id: ids[0] },
      workflowExecution: { id: ids[1], credentials: [] },
    });
    const huge = join(files.dir, 'huge.jpg');
    writeFileSync(huge, new Uint8Array(MAX_FILE_BYTES + 1));
    const upload = await kyx(['upload', response, 'front', huge], { env });
    expect(upload).toMatchObject({ code: 1, out: [] });
    expect(upload.err).toEqual([
      `kyx upload: ${huge}: larger than 15 MiB, the most kyx reads there: name the right file`,
    ]);
  });
});

describe('every error is one line that names the option once', () => {
  const env = { JUMIO_CLIENT_ID: 'a', JUMIO_CLIENT_SECRET: 'b' };
  it.each([
    [['send', '--frobnicate'], 'kyx send: unknown option "--frobnicate": see kyx help send'],
    [['send', 'x.json', '--update'], 'kyx send: option --update needs a value: see kyx help send'],
    [['validate', '--update=yes', 'x.json'], 'kyx validate: option --update takes no value: see kyx help validate'],
    [['simulate', 'extra'], 'kyx simulate: unexpected argument "extra": see kyx help simulate'],
    [
      ['simulate', '--host', '0.0.0.0'],
      // both things binding 0.0.0.0 needs, in one line (the options are checked all at once)
      'kyx simulate: --host 0.0.0.0 is not a loopback interface: the simulator accepts made-up credentials and serves admin routes, so binding it needs expose: true (kyx simulate --expose); --clients must name the accepted client credentials when the simulator is exposed (kyx simulate --client id:secret)',
    ],
    [
      ['status', ...ids, '--base-url', 'http://example.com'],
      'kyx status: --base-url must use https: (plain http: is allowed only for a loopback host)',
    ],
    [
      ['delete', ids[0] as string],
      `kyx delete: deleting account ${ids[0]} and every execution of it is permanent: add --yes to confirm`,
    ],
    [['delete', 'nope', '--yes'], 'kyx delete: accountId must be a UUID (got nope)'],
    [
      ['upload', 'front'],
      'kyx upload: kyx upload [<response.json|->] <part> <file> (a saved kyx send response, or --account …; see kyx help upload)',
    ],
    [
      ['upload', 'r.json', 'selfie', 'f.jpg'],
      'kyx upload: part must be one of front, back, face, document, data (got selfie)',
    ],
    [
      ['upload', 'front', 'f.jpg', '--account', ids[0] as string],
      'kyx upload: name a saved kyx send response, or give --execution, --credential, --token (or KYX_API_TOKEN)',
    ],
    [
      ['send', 'x.json', '--upload', 'front'],
      'kyx send: --upload must be <part>=<file> with a part of front, back, face, document, data (got front)',
    ],
  ])('kyx %j', async (argv, line) => {
    const run = await kyx(argv as string[], { env });
    expect(run.code).toBe(2);
    expect(run.err).toEqual([line]);
    expect(line.split('--base-url').length).toBeLessThanOrEqual(2);
  });
});
