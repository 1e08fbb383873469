import { describe, expect, it } from 'vitest';
import { writeReliability } from '../../scripts/lib/reliability-records.js';
import { runLoad } from '../support/load.js';

// 2,000 account requests through sendAll with concurrency 50 against the loopback simulator
// (rate limits off): all complete, none lost or duplicated, and the client's heap after GC is
// back within 10 % of where it was. The client runs in a child process with --expose-gc.

describe('load', () => {
  it('2,000 requests, concurrency 50: none lost or duplicated, heap after GC within 10 %', async () => {
    const r = await runLoad(2_000, 50);
    expect({ fulfilled: r.fulfilled, rejected: r.rejected }).toEqual({ fulfilled: 2_000, rejected: [] });
    // the simulator saw exactly the warm-up plus 2,000 creates, and made one account for each
    expect(r.createRequests).toBe(r.warmup + 2_000);
    expect(r.accountsCreated).toBe(r.warmup + 2_000);
    expect(r.distinctAccounts).toBe(2_000);
    const expected = new Map(Array.from({ length: 2_000 }, (_, i) => [`load-${i}`, 1]));
    expect(r.refsSeen).toEqual(expected);
    expect(r.after).toBeLessThanOrEqual(r.before * 1.1);
    writeReliability('load', { ...r, refsSeen: undefined, refsSeenOnce: r.refsSeen.size });
  }, 180_000); // outcomes and heap are asserted, not speed: a shared 2-core machine under load needs over a minute
});
