import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { basic, raw, UA } from '../support/simulator.js';

/** Runs `kyx` in process; resolves once it printed its URL. */
function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const controller = new AbortController();
  let onLine: (() => void) | undefined;
  const exit = main(argv, {
    stdout: (line) => {
      out.push(line);
      onLine?.();
    },
    stderr: (line) => err.push(line),
    signal: controller.signal,
    readStdin: async () => '',
  });
  const url = new Promise<string>((resolve) => {
    onLine = () => {
      const match = out.map((l) => /listening on (\S+)/.exec(l)).find(Boolean);
      if (match) resolve(match[1] as string);
    };
  });
  return { out, err, exit, url, stop: () => controller.abort() };
}

describe('kyx CLI', () => {
  it('simulate prints its URL and one line per request, and stops when signalled', async () => {
    const cli = run(['simulate', '--port', '0', '--processing-delay', '10']);
    const url = await cli.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await raw(`${url}/`, { headers: UA });
    await raw(`${url}/api/v1/accounts`, { method: 'POST', headers: UA });
    cli.stop();
    expect(await cli.exit).toBe(0);
    expect(cli.out).toEqual([
      `Jumio KYX simulator listening on ${url}`,
      expect.stringMatching(/^GET \/ 200 \d+ms$/),
      expect.stringMatching(/^POST \/api\/v1\/accounts 401 \d+ms$/),
      'Simulator stopped',
    ]);
    await expect(raw(`${url}/`)).rejects.toThrow(); // the port is closed
  });

  it('--client restricts the accepted client credentials', async () => {
    const cli = run(['simulate', '--port', '0', '--client', 'acme:s3cret', '--quiet']);
    const url = await cli.url;
    const token = (authorization: string) =>
      raw(`${url}/oauth2/token`, {
        method: 'POST',
        headers: { ...UA, authorization },
        body: 'grant_type=client_credentials',
      });
    expect((await token(basic('acme', 's3cret'))).status).toBe(200);
    expect((await token(basic('other', 'secret'))).status).toBe(401);
    cli.stop();
    expect(await cli.exit).toBe(0);
    expect(cli.out).toHaveLength(2); // --quiet: URL and stop only
  });

  it('rejects bad usage with exit code 2 and a usage text', async () => {
    const bad = run(['simulate', '--port', 'x']);
    expect(await bad.exit).toBe(2);
    expect(bad.err.join('\n')).toContain('--port must be a whole number');
    const badClient = run(['simulate', '--client', 'no-secret']);
    expect(await badClient.exit).toBe(2);
    const unknown = run(['frobnicate']);
    expect(await unknown.exit).toBe(2);
    expect(unknown.err.join('\n')).toContain('unknown command "frobnicate"');
    const help = run(['simulate', '--help']);
    expect(await help.exit).toBe(0);
    expect(help.out.join('\n')).toContain('Usage: kyx simulate');
  });

  it('the kyx executable stops cleanly on SIGTERM (spawned process)', async () => {
    const bin = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', bin, 'simulate', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = createInterface({ input: child.stdout });
    const seen: string[] = [];
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      lines.on('line', (line) => {
        seen.push(line);
        const match = /listening on (\S+)/.exec(line);
        if (match) resolve(match[1] as string);
      });
    });
    expect((await raw(`${url}/`, { headers: UA })).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(seen).toContain('Simulator stopped');
  }, 20_000);
});
