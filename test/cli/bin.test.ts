// The real executable (src/cli/bin.ts through tsx): exit codes, stdout and stderr of a process.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function kyxProcess(args: string[], env: Record<string, string> = {}, input = '') {
  const { JUMIO_CLIENT_ID: _, JUMIO_CLIENT_SECRET: __, JUMIO_BASE_URL: ___, JUMIO_REGION: ____, ...rest } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', bin, ...args], {
    env: { ...rest, ...env },
    input,
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('the kyx executable', () => {
  it('--version prints the version of package.json and exits 0', () => {
    const run = kyxProcess(['--version']);
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 0,
      stdout: `${pkg.version}\n`,
      stderr: '',
    });
  }, 30_000);

  it('a usage error is one line on stderr with exit code 2; invalid input from stdin exits 1', () => {
    const usage = kyxProcess([
      'status',
      '572ac7b5-9f83-409d-ba8e-f0014e411c7e',
      '9d5b9c3e-8f2a-4c1e-9b7d-2f6a1e0c4d3b',
    ]);
    expect(usage.status).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr).toBe(
      "kyx status: set JUMIO_CLIENT_ID and JUMIO_CLIENT_SECRET (your tenant's OAuth2 client credentials)\n",
    );
    const invalid = kyxProcess(
      ['send', '-'],
      {},
      '{"customerInternalReference":"x","workflowDefinition":{"key":99999}}',
    );
    expect(invalid.status).toBe(1);
    expect(invalid.stderr.trimEnd().split('\n')).toEqual([
      expect.stringContaining('kyx send: invalid input, nothing was sent: workflowDefinition.key: workflow 99999'),
    ]);
  }, 30_000);
});
