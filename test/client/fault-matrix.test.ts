import { describe, expect, it } from 'vitest';
import type { CellResult } from '../../scripts/lib/reliability-records.js';
import { writeReliability } from '../../scripts/lib/reliability-records.js';
import { cells, runMatrix } from '../support/fault-matrix.js';

// Every simulator route × every fault: the end (success after the allowed retries, or a typed
// error), the attempts and the error's mayHaveCreated match what RETRY_POLICIES says, and no call
// ever makes two accounts.

/** Every cell that differs from its expectation, as a readable line (so a failure lists them all). */
function mismatches(results: CellResult[]): string[] {
  return results.flatMap((r) => {
    const created = (m: boolean | undefined) => (m === undefined ? '' : `, mayHaveCreated ${m}`);
    const got = `${r.outcome} after ${r.attempts} attempt(s), ${r.accountsCreated} account(s), ${r.executionsCreated} execution(s)${created(r.mayHaveCreated)}`;
    const want = `${r.expected.outcome} after ${r.expected.attempts} attempt(s), ${r.expectedAccounts} account(s), ${r.expectedExecutions} execution(s)${created(r.expected.mayHaveCreated)}`;
    const untyped = r.typed ? '' : ` [untyped: ${r.message}]`;
    return got === want && r.typed
      ? []
      : [`${r.route} × ${r.fault}: got ${got}${untyped}; want ${want} (${r.expected.rule})`];
  });
}

function check(results: CellResult[]) {
  expect(mismatches(results)).toEqual([]);
  // the invariant behind the counts: no call ever made two accounts or two executions
  expect(results.filter((r) => r.newAccounts > 1 || r.newExecutions > 1)).toEqual([]);
  expect(results.filter((r) => r.route === 'createAccount' && r.newAccounts === 1).length).toBeGreaterThan(0);
  // every failure kind of an account create/update says whether it may have created something
  const account = results.filter((r) => r.operation === 'account' && r.outcome !== 'ok');
  expect(new Set(account.map((r) => `${r.fault}: ${r.mayHaveCreated}`))).toEqual(
    new Set(account.map((r) => `${r.fault}: ${r.expected.mayHaveCreated}`)),
  );
  expect(account.some((r) => r.mayHaveCreated === true) && account.some((r) => r.mayHaveCreated === false)).toBe(true);
}

describe('fault matrix', () => {
  it(`in process (fake timers): ${cells('in-process').length} cells end as the retry table says`, async () => {
    const results = await runMatrix('in-process');
    expect(results).toHaveLength(cells('in-process').length);
    check(results);
    // Retry-After is honoured (fake clock): the retry waits the header's second, not the 100 ms backoff.
    for (const r of results.filter((x) => x.fault === '429 + Retry-After' && x.outcome === 'ok')) {
      expect({ cell: r.route, waited: r.waitedMs >= 1000 }).toEqual({ cell: r.route, waited: true });
    }
    // A plain 429 waits the backoff (100 ms), or one refill of the route's limit if that is longer:
    // account requests (1/s) wait a whole second, the others (10/s, 15/s, none) less.
    for (const r of results.filter((x) => x.fault === '429' && x.outcome === 'ok')) {
      const account = r.route === 'createAccount' || r.route === 'updateAccount';
      const waited = account ? r.waitedMs >= 1000 : r.waitedMs < 1000;
      expect({ cell: r.route, waited }).toEqual({ cell: r.route, waited: true });
    }
    writeReliability('matrix-in-process', results);
  }, 60_000);

  it(`over loopback (admin path, real sockets): ${cells('loopback').length} cells end as the retry table says`, async () => {
    const results = await runMatrix('loopback');
    check(results);
    writeReliability('matrix-loopback', results);
  }, 60_000);
});
