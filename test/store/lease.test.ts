import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStore } from '../../src/index.js';
import { keepLease, storeLease } from '../../src/store/lease.js';

// The one lease primitive (idempotency keys hold it on the store; results renew it through the queue).

afterEach(() => {
  vi.useRealTimers();
});

describe('storeLease on the memory store', () => {
  it('acquire takes a free key; a second holder is refused while it is held', async () => {
    const store = memoryStore();
    const a = storeLease(store, 'lease:k', 1_000);
    const b = storeLease(store, 'lease:k', 1_000);
    expect(a.owner).not.toBe(b.owner);
    expect(await a.acquire()).toBe(true);
    expect(await store.get('lease:k')).toBe(a.owner);
    expect(await b.acquire()).toBe(false);
    expect(await a.acquire()).toBe(false); // not re-entrant either
    expect(await store.get('lease:k')).toBe(a.owner);
  });

  it('held, it is renewed past its length; stopped, it expires and another may take it', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const store = memoryStore();
    const a = storeLease(store, 'lease:k', 300);
    const b = storeLease(store, 'lease:k', 300);
    expect(await a.acquire()).toBe(true);
    const held = a.hold();
    await vi.advanceTimersByTimeAsync(3_000); // ten lease lengths
    expect(await store.get('lease:k')).toBe(a.owner);
    expect(await b.acquire()).toBe(false);
    expect(held.lost()).toBe(false);
    held.stop();
    await vi.advanceTimersByTimeAsync(301);
    expect(await store.get('lease:k')).toBeUndefined();
    expect(await b.acquire()).toBe(true);
  });

  it('the lost signal fires when the lease was taken over, and renewing stops', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const store = memoryStore();
    const a = storeLease(store, 'lease:k', 300);
    const b = storeLease(store, 'lease:k', 300);
    expect(await a.acquire()).toBe(true);
    const onLost = vi.fn();
    const held = a.hold({ onLost, lostReason: () => new Error('lease lost') });
    // the holder stalls past its lease (e.g. a long GC pause): it expires and b takes it
    await store.delete('lease:k');
    expect(await b.acquire()).toBe(true);
    expect(held.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(100); // a's next renewal finds b's token
    expect(held.lost()).toBe(true);
    expect(held.signal.aborted).toBe(true);
    expect(held.signal.reason).toEqual(new Error('lease lost'));
    expect(onLost).toHaveBeenCalledTimes(1);
    expect(await a.renew()).toBe(false);
    expect(await store.get('lease:k')).toBe(b.owner); // a never overwrote b
    const renewals = vi.spyOn(store, 'replace');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(renewals).not.toHaveBeenCalled(); // a lost lease is not renewed again
    expect(onLost).toHaveBeenCalledTimes(1);
    held.stop();
  });

  it('only its owner releases it (compare-and-delete)', async () => {
    const store = memoryStore();
    const a = storeLease(store, 'lease:k', 1_000);
    const b = storeLease(store, 'lease:k', 1_000);
    expect(await a.acquire()).toBe(true);
    expect(await b.release()).toBe(false);
    expect(await store.get('lease:k')).toBe(a.owner);
    expect(await a.release()).toBe(true);
    expect(await store.get('lease:k')).toBeUndefined();
    expect(await a.release()).toBe(false);
    expect(await b.acquire()).toBe(true);
    expect(await a.release()).toBe(false); // a's old lease cannot end b's
    expect(await store.get('lease:k')).toBe(b.owner);
  });
});

describe('keepLease with a renew function (how results renew through the work queue)', () => {
  it('renews every third of the lease; a failed renewal is reported and renewing goes on', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const answers: (boolean | Error)[] = [true, new Error('store down'), true];
    const renew = vi.fn(async () => {
      const answer = answers.shift() ?? true;
      if (answer instanceof Error) throw answer;
      return answer;
    });
    const onRenewError = vi.fn();
    const held = keepLease({ renew, ms: 300, onRenewError });
    await vi.advanceTimersByTimeAsync(99);
    expect(renew).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(renew).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(renew).toHaveBeenCalledTimes(3);
    expect(onRenewError).toHaveBeenCalledWith(new Error('store down'));
    expect(held.lost()).toBe(false);
    held.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(renew).toHaveBeenCalledTimes(3);
  });

  it('handOver renews once and stops; past one more lease it counts as lost and says so', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const renew = vi.fn(async () => true);
    const onExpired = vi.fn();
    const held = keepLease({ renew, ms: 300 });
    held.handOver(onExpired);
    expect(renew).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(299);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(held.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(held.lost()).toBe(true);
    expect(held.signal.aborted).toBe(true);
    expect(onExpired).toHaveBeenCalledTimes(1);
  });

  it('handOver then stop (the work ended in time): nothing is lost', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const onExpired = vi.fn();
    const held = keepLease({ renew: async () => true, ms: 300 });
    held.handOver(onExpired);
    await vi.advanceTimersByTimeAsync(100);
    held.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(held.lost()).toBe(false);
    expect(onExpired).not.toHaveBeenCalled();
  });
});

describe('one lease protocol', () => {
  it('only src/store/lease.ts renews on a timer (idempotency and results hold their leases through it)', () => {
    const src = fileURLToPath(new URL('../../src', import.meta.url));
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    const files = sources(src).map((file) => ({ name: relative(src, file), text: readFileSync(file, 'utf8') }));
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => /setInterval\(/.test(f.text)).map((f) => f.name)).toEqual(['store/lease.ts']);
    const users = files.filter((f) => f.text.includes("from '../store/lease.js'")).map((f) => f.name);
    expect(users.sort()).toEqual(['callbacks/results.ts', 'client/idempotency.ts']);
  });
});
