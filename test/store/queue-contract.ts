import { expect, it, vi } from 'vitest';
import type { KyxWorkQueue } from '../../src/index.js';

let n = 0;

/** The KyxWorkQueue contract, for any store's queue (memory, Redis). Queues are fresh per test. */
export function queueContract(queue: () => KyxWorkQueue): void {
  const fresh = (name: string) => `contract-${++n}-${name}`;

  it('offer then claim: a due item goes to one claim, with its fields; a later one is not due yet', async () => {
    const q = fresh('basic');
    expect(
      await queue().offer(q, 'a', { fields: { x: '1' }, fieldsIfAbsent: { first: 'a' }, delayMs: 0, max: 10 }),
    ).toBe('queued');
    expect(
      await queue().offer(q, 'a', { fields: { x: '2' }, fieldsIfAbsent: { first: 'b' }, delayMs: 0, max: 10 }),
    ).toBe('queued');
    expect(await queue().offer(q, 'later', { delayMs: 60_000, max: 10 })).toBe('queued');
    expect(await queue().size(q)).toBe(2);
    const claims = await Promise.all([queue().claim(q, 5, 30_000), queue().claim(q, 5, 30_000)]);
    const all = claims.flat();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: 'a', fields: { x: '2', first: 'a' } });
    expect(await queue().nextDueMs(q)).toBeGreaterThan(25_000);
  });

  it('the pending bound: a new item past max is refused, an existing one is updated', async () => {
    const q = fresh('max');
    for (const id of ['a', 'b', 'c']) expect(await queue().offer(q, id, { delayMs: 0, max: 3 })).toBe('queued');
    expect(await queue().offer(q, 'd', { delayMs: 0, max: 3 })).toBe('full');
    expect(await queue().offer(q, 'a', { fields: { y: '1' }, delayMs: 0, max: 3 })).toBe('queued');
    expect(await queue().size(q)).toBe(3);
  });

  it('settle: done (later offers answer done), drop (forgotten), delay (due again with its fields)', async () => {
    const q = fresh('settle');
    for (const id of ['done', 'drop', 'delay']) await queue().offer(q, id, { delayMs: 0, max: 10 });
    const items = await queue().claim(q, 10, 30_000);
    const token = (id: string) => items.find((i) => i.id === id)?.token as string;
    expect(await queue().settle(q, 'done', 'not-the-token', { done: true, keepMs: 60_000 })).toBe(false);
    expect(await queue().settle(q, 'done', token('done'), { done: true, keepMs: 60_000 })).toBe(true);
    expect(await queue().settle(q, 'drop', token('drop'), { drop: true })).toBe(true);
    expect(await queue().settle(q, 'delay', token('delay'), { delayMs: 0, fields: { attempt: '1' } })).toBe(true);
    expect(await queue().offer(q, 'done', { delayMs: 0, max: 10 })).toBe('done');
    expect(await queue().size(q)).toBe(1);
    const again = await queue().claim(q, 10, 30_000);
    expect(again.map((i) => [i.id, i.fields['attempt']])).toEqual([['delay', '1']]);
    expect(await queue().offer(q, 'drop', { delayMs: 0, max: 10 })).toBe('queued'); // forgotten: new again
  });

  it('a lease that ends frees the item for the next claim; the old holder can no longer renew or settle', async () => {
    const q = fresh('lease');
    await queue().offer(q, 'a', { delayMs: 0, max: 10 });
    const [first] = await queue().claim(q, 1, 100);
    expect(first).toBeDefined();
    expect(await queue().renew(q, 'a', first?.token as string, 100)).toBe(true);
    let second: Awaited<ReturnType<KyxWorkQueue['claim']>> = [];
    await vi.waitFor(
      async () => {
        second = await queue().claim(q, 1, 30_000);
        expect(second).toHaveLength(1);
      },
      { timeout: 5_000, interval: 20 },
    );
    expect(second[0]?.token).not.toBe(first?.token);
    expect([first?.claims, second[0]?.claims]).toEqual([1, 2]);
    expect(await queue().renew(q, 'a', first?.token as string, 30_000)).toBe(false);
    expect(await queue().settle(q, 'a', first?.token as string, { drop: true })).toBe(false);
    expect(await queue().settle(q, 'a', second[0]?.token as string, { done: true, keepMs: 1_000 })).toBe(true);
  });

  it('an offer at once while the item is leased waits for its holder, then makes it due at once', async () => {
    const q = fresh('again');
    await queue().offer(q, 'a', { delayMs: 0, max: 10 });
    const [held] = await queue().claim(q, 1, 30_000);
    expect(await queue().offer(q, 'a', { fields: { hint: 'PROCESSED' }, delayMs: 0, max: 10 })).toBe('queued');
    expect(await queue().claim(q, 1, 30_000)).toEqual([]); // still held
    await queue().settle(q, 'a', held?.token as string, { delayMs: 3_600_000 });
    const [next] = await queue().claim(q, 1, 30_000);
    expect(next).toMatchObject({ id: 'a', fields: { hint: 'PROCESSED' } });
  });

  it('of 20 concurrent claims of 10 due items, each item goes to exactly one', async () => {
    const q = fresh('race');
    for (let i = 0; i < 10; i++) await queue().offer(q, `i${i}`, { delayMs: 0, max: 100 });
    const claims = await Promise.all(Array.from({ length: 20 }, () => queue().claim(q, 2, 30_000)));
    const ids = claims.flat().map((i) => i.id);
    expect(ids.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `i${i}`).sort());
  });
}
