import { describe, expect, it } from 'vitest';
import { EXIT, report } from '../../src/cli/exit.js';
import type { CliIo } from '../../src/cli/io.js';
import { KyxNetworkError, KyxResponseError, KyxResultPendingError, KyxTimeoutError } from '../../src/errors/index.js';

// Every error a command throws becomes one line on stderr that says what to do, and an exit code.
function reported(error: unknown) {
  const lines: string[] = [];
  const io: CliIo = {
    stdout: () => undefined,
    stderr: (line) => lines.push(line),
    readStdin: async () => '',
    signal: new AbortController().signal,
  };
  const code = report('wait', error, io);
  return { code, lines };
}

describe('report: one line per error, with what to do', () => {
  it('an answer that is not what Jumio documents names the issues and --base-url', () => {
    const error = new KyxResponseError({
      method: 'GET',
      path: '/api/v1/x',
      issues: [{ path: 'workflow.status', message: 'must be a string' }],
    });
    expect(reported(error)).toEqual({
      code: EXIT.failed,
      lines: [
        expect.stringMatching(
          /^kyx wait: the answer to GET \/api\/v1\/x is not what Jumio documents \(workflow\.status: must be a string\): check --base-url$/,
        ),
      ],
    });
  });

  it('a pending result says what its status means and to run kyx wait again', () => {
    const error = new KyxResultPendingError({
      status: 'ACQUIRED',
      statusCalls: 1,
      waitedMs: 40_000,
      accountId: 'a',
      workflowExecutionId: 'e',
    });
    const { code, lines } = reported(error);
    expect(code).toBe(EXIT.failed);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^kyx wait: still ACQUIRED after 1 scheduled status call \(.+\): run kyx wait again later$/,
    );
  });

  it('network failures say whether nothing listens; timeouts say to try again; an abort says stopped', () => {
    const reset = reported(new KyxNetworkError({ method: 'GET', path: '/x', code: 'ECONNRESET' }));
    expect(reset.lines[0]).toContain('the network failed; check --base-url / --region');
    const timeout = reported(new KyxTimeoutError({ method: 'GET', path: '/x', timeout: 100 }));
    expect(timeout).toMatchObject({
      code: EXIT.failed,
      lines: [expect.stringContaining(': try again, or check the network')],
    });
    const abort = new Error('aborted');
    abort.name = 'AbortError';
    expect(reported(abort)).toEqual({ code: EXIT.failed, lines: ['kyx wait: stopped'] });
    expect(reported('a string')).toEqual({ code: EXIT.failed, lines: ['kyx wait: a string'] });
  });
});
