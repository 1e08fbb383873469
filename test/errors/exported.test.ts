import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as folder from '../../src/errors/index.js';
import * as root from '../../src/index.js';

// Every error class lives in src/errors/ (one class or one family a file). Walk the folder's
// files, not a list kept by hand: each class found there must reach users from the package root
// and be a KyxError; a class added without an export (or without a sample below) fails here.
const errorsDir = fileURLToPath(new URL('../../src/errors/', import.meta.url));
const srcDir = fileURLToPath(new URL('../../src/', import.meta.url));

type ErrorClass = abstract new (...args: never[]) => Error;

async function classesOfTheFolder(): Promise<Map<string, ErrorClass>> {
  const found = new Map<string, ErrorClass>();
  for (const file of readdirSync(errorsDir).filter((name) => name.endsWith('.ts') && name !== 'index.ts')) {
    const module: Record<string, unknown> = await import(`${errorsDir}${file}`);
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === 'function' && value.prototype instanceof Error) found.set(name, value as ErrorClass);
    }
  }
  return found;
}

/** One construction of each class from its init object (the one constructor shape). */
const SAMPLES: Record<string, () => Error> = {
  KyxError: () => new folder.KyxError('x'),
  KyxValidationError: () => new folder.KyxValidationError({ issues: [{ path: 'a', message: 'b' }] }),
  KyxHttpError: () => new folder.KyxHttpError({ status: 418, method: 'GET', path: '/x' }),
  KyxBadRequestError: () => new folder.KyxBadRequestError({ status: 400, method: 'GET', path: '/x' }),
  KyxAuthenticationError: () => new folder.KyxAuthenticationError({ status: 401, method: 'GET', path: '/x' }),
  KyxForbiddenError: () => new folder.KyxForbiddenError({ status: 403, method: 'GET', path: '/x' }),
  KyxNotFoundError: () => new folder.KyxNotFoundError({ status: 404, method: 'GET', path: '/x' }),
  KyxRateLimitError: () => new folder.KyxRateLimitError({ status: 429, method: 'GET', path: '/x', retryAfter: 1 }),
  KyxServerError: () => new folder.KyxServerError({ status: 503, method: 'GET', path: '/x' }),
  KyxRedirectError: () =>
    new folder.KyxRedirectError({ status: 302, method: 'GET', path: '/x', location: 'https://a.example' }),
  KyxNetworkError: () => new folder.KyxNetworkError({ method: 'GET', path: '/x', code: 'ECONNRESET' }),
  KyxTimeoutError: () => new folder.KyxTimeoutError({ method: 'GET', path: '/x', timeout: 5 }),
  KyxResponseError: () =>
    new folder.KyxResponseError({ method: 'GET', path: '/x', issues: [{ path: 'account.id', message: 'is missing' }] }),
  KyxIdempotencyError: () => new folder.KyxIdempotencyError({ key: 'k', reason: 'ambiguous' }),
  KyxResultPendingError: () =>
    new folder.KyxResultPendingError({
      status: 'ACQUIRED',
      statusCalls: 3,
      waitedMs: 9_000,
      accountId: 'a',
      workflowExecutionId: 'w',
    }),
  KyxResultsError: () => new folder.KyxResultsError({ code: 'LEASE_LOST', workflowExecutionId: 'w' }),
  KyxStoreError: () => new folder.KyxStoreError({ operation: 'reserve', cause: new Error('down') }),
  RedactedError: () => new folder.RedactedError({ raw: new Error('Bearer abc.def.ghi'), secrets: [] }),
};

/**
 * The one class of the folder that is not a KyxError: a redacted copy of a foreign error (a
 * failing fetch, a refused header), found only as the `cause` of a KyxNetworkError.
 */
const FOREIGN_COPIES = new Set(['RedactedError']);

describe('the errors a user can receive', () => {
  it('the folder holds the error classes the library throws', async () => {
    const classes = await classesOfTheFolder();
    expect(classes.size).toBeGreaterThanOrEqual(18);
    expect([...classes.keys()]).toEqual(expect.arrayContaining(['KyxError', 'KyxNetworkError', 'KyxResultsError']));
  });

  it('each class of the folder is exported from its index and from the package root, as the same class', async () => {
    const classes = await classesOfTheFolder();
    const exported = root as Record<string, unknown>;
    const indexed = folder as Record<string, unknown>;
    const missing = [...classes].filter(([name, cls]) => exported[name] !== cls || indexed[name] !== cls);
    expect(missing.map(([name]) => name)).toEqual([]);
  });

  it('each class is a KyxError (and isKyxError says so) with its own name, built from one init object', async () => {
    const classes = await classesOfTheFolder();
    for (const [name, cls] of classes) {
      const sample = SAMPLES[name];
      expect(sample, `a sample construction of ${name}`).toBeTypeOf('function');
      const error = (sample as () => Error)();
      expect(error).toBeInstanceOf(cls);
      expect(error.message).not.toBe('');
      if (FOREIGN_COPIES.has(name)) {
        expect(folder.isKyxError(error)).toBe(false); // and it keeps the name of the error it copies
        continue;
      }
      expect(error.name).toBe(name);
      expect(error, name).toBeInstanceOf(root.KyxError);
      expect(folder.isKyxError(error)).toBe(true);
      // a subclass takes one argument, its init object (0: it inherits its parent's constructor)
      if (name !== 'KyxError') expect(cls.length, `${name} takes one init object`).toBeLessThanOrEqual(1);
    }
  });

  it('no error class is defined outside src/errors (the CLI and the simulator keep internal ones)', () => {
    const defined = sourceFiles(srcDir)
      .filter((file) => !file.startsWith('errors/'))
      .flatMap((file) =>
        [...readFileSync(`${srcDir}${file}`, 'utf8').matchAll(/class (\w+) extends (\w*Error)\b/g)].map(
          (match) => `${file}: ${match[1]}`,
        ),
      );
    // CliError and InputTooLargeError become an exit code and one line on stderr; ResetError is the
    // simulator's stand-in for a reset connection, which the client reports as a KyxNetworkError.
    const internal = ['cli/exit.ts: CliError', 'cli/io.ts: InputTooLargeError', 'simulator/simulator.ts: ResetError'];
    expect(defined.filter((entry) => !internal.includes(entry))).toEqual([]);
  });

  it('no bare KyxError is thrown or reported: each failure has its own class', () => {
    const adHoc = sourceFiles(srcDir)
      .filter((file) => !file.startsWith('errors/'))
      .filter((file) => /new KyxError\(/.test(readFileSync(`${srcDir}${file}`, 'utf8')));
    expect(adHoc).toEqual([]);
  });

  it('the results processor tells its own failures apart by code, with the message they always had', () => {
    const gaveUp = new root.KyxResultsError({ code: 'GAVE_UP', workflowExecutionId: 'w-1', attempts: 15 });
    expect([gaveUp.code, gaveUp.workflowExecutionId, gaveUp.message]).toEqual([
      'GAVE_UP',
      'w-1',
      'Gave up retrieving execution w-1: 15 failed attempts',
    ]);
    const overrun = new root.KyxResultsError({ code: 'LEASE_OVERRUN', workflowExecutionId: 'w-1', leaseMs: 50 });
    expect(overrun.message).toBe(
      'onResult for execution w-1 ran longer than leaseMs (50 ms): the work may be taken over',
    );
    const full = new root.KyxResultsError({ code: 'INBOX_FULL', maxPending: 3 });
    expect([full.workflowExecutionId, full.message]).toEqual([
      undefined,
      'The results inbox holds 3 executions (maxPending): execution not tracked',
    ]);
  });

  it('the init objects keep every public field and message of the positional constructors before them', () => {
    const network = new root.KyxNetworkError({
      method: 'POST',
      path: '/api/v1/accounts',
      code: 'ECONNRESET',
      stage: 'body',
      mayHaveCreated: true,
      cause: 'c',
    });
    expect([network.message, network.stage, network.mayHaveCreated, network.cause]).toEqual([
      'POST /api/v1/accounts lost the connection while reading the answer (ECONNRESET)',
      'body',
      true,
      'c',
    ]);
    const deadline = new root.KyxTimeoutError({ method: 'GET', path: '/x', timeout: 100, deadline: true });
    expect(deadline.message).toBe('GET /x did not complete within its deadline of 100 ms (all attempts together)');
    const response = new root.KyxResponseError({ method: 'GET', path: '/x', issues: [{ path: 'a', message: 'b' }] });
    expect([response.message, response instanceof root.KyxValidationError]).toEqual([
      'Invalid response to GET /x:\n  - a: b',
      true,
    ]);
    const validation = new root.KyxValidationError({ issues: [{ path: '', message: 'm' }], subject: 'callback' });
    expect(validation.message).toBe('Invalid callback:\n  - (root): m');
    const store = new root.KyxStoreError({ operation: 'claim', cause: 'down' });
    expect([store.message, store.operation, store.cause]).toEqual([
      "The client's store failed (claim)",
      'claim',
      'down',
    ]);
    const redirect = new root.KyxRedirectError({ status: 307, method: 'GET', path: '/x' });
    expect(redirect.message).toBe(
      'GET /x failed with HTTP 307. Redirect to an unnamed location not followed (the client follows no redirects; check baseUrl and the network path)',
    );
  });
});

function sourceFiles(directory: string, prefix = ''): string[] {
  return readdirSync(`${directory}${prefix}`, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return sourceFiles(directory, `${prefix}${entry.name}/`);
    return entry.name.endsWith('.ts') ? [`${prefix}${entry.name}`] : [];
  });
}
