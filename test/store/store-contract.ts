import { expect, it } from 'vitest';
import type { KyxStore } from '../../src/index.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;

/** The KyxStore contract, for any store (memory, Redis). Keys are fresh per test. */
export function storeContract(store: () => KyxStore): void {
  const key = (name: string) => `contract:${++n}:${name}`;

  it('reserve: a burst at once, then one slot per interval, in call order', async () => {
    const k = key('bucket');
    const waits = [];
    for (let i = 0; i < 5; i++) waits.push(await store().reserve(k, { intervalMs: 200, burst: 3 }));
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(waits[3]).toBeGreaterThan(150);
    expect(waits[3]).toBeLessThanOrEqual(200);
    expect((waits[4] as number) - (waits[3] as number)).toBeGreaterThan(150);
    expect(await store().reserve(key('other'), { intervalMs: 200, burst: 1 })).toBe(0); // buckets are separate
  });

  it('setIfAbsent sets once; get reads; the TTL expires it', async () => {
    const k = key('once');
    expect(await store().get(k)).toBeUndefined();
    expect(await store().setIfAbsent(k, 'a', 150)).toBe(true);
    expect(await store().setIfAbsent(k, 'b', 150)).toBe(false);
    expect(await store().get(k)).toBe('a');
    await sleep(250);
    expect(await store().get(k)).toBeUndefined();
    expect(await store().setIfAbsent(k, 'c', 1000)).toBe(true);
  });

  it('replace is compare-and-set; delete takes an optional expected value', async () => {
    const k = key('cas');
    expect(await store().replace(k, 'x', 'y', 1000)).toBe(false); // absent
    await store().setIfAbsent(k, 'x', 1000);
    expect(await store().replace(k, 'nope', 'y', 1000)).toBe(false);
    expect(await store().replace(k, 'x', 'y', 1000)).toBe(true);
    expect(await store().get(k)).toBe('y');
    expect(await store().delete(k, 'x')).toBe(false);
    expect(await store().get(k)).toBe('y');
    expect(await store().delete(k, 'y')).toBe(true);
    expect(await store().delete(k)).toBe(false);
    await store().setIfAbsent(k, 'z', 1000);
    expect(await store().delete(k)).toBe(true);
    expect(await store().get(k)).toBeUndefined();
  });

  it('setIfAbsent is atomic: of 20 concurrent claims exactly one wins', async () => {
    const k = key('race');
    const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => store().setIfAbsent(k, String(i), 5000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('keys and values are kept as their UTF-16 code units: lone surrogates never meet', async () => {
    const base = key('k-');
    const high = `${base}\uD800`;
    const other = `${base}\uDBFF`;
    expect(await store().setIfAbsent(high, 'first', 5000)).toBe(true);
    expect(await store().setIfAbsent(other, 'second', 5000)).toBe(true); // a different key
    expect(await store().get(high)).toBe('first');
    expect(await store().get(other)).toBe('second');
    const marker = key('\u0000u16:00');
    expect(await store().setIfAbsent(marker, 'v-\uDC00', 5000)).toBe(true); // a key that looks encoded
    expect(await store().get(marker)).toBe('v-\uDC00');
    expect(await store().replace(marker, 'v-\uDC01', 'x', 5000)).toBe(false);
    expect(await store().replace(marker, 'v-\uDC00', 'v-\uD83D\uDE00', 5000)).toBe(true);
    expect(await store().delete(marker, 'v-\uD83D\uDE00')).toBe(true);
  });
}
