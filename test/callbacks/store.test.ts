import { describe, expect, it } from 'vitest';
import { memoryCallbackStore } from '../../src/callbacks/store.js';

describe('memoryCallbackStore', () => {
  it('gets, sets if absent (once), replaces and deletes only what it expects', async () => {
    const store = memoryCallbackStore();
    expect(await store.get('a')).toBeUndefined();
    expect(await store.setIfAbsent('a', '1', 1_000)).toBe(true);
    expect(await store.setIfAbsent('a', '2', 1_000)).toBe(false);
    expect(await store.get('a')).toBe('1');
    expect(await store.replace('a', '2', '3', 1_000)).toBe(false);
    expect(await store.replace('a', '1', '3', 1_000)).toBe(true);
    expect(await store.replace('absent', '1', '3', 1_000)).toBe(false);
    expect(await store.get('a')).toBe('3');
    expect(await store.delete('a', 'other')).toBe(false);
    expect(await store.delete('a', '3')).toBe(true);
    expect(await store.delete('never-there')).toBe(false);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.setIfAbsent('a', '4', 1_000)).toBe(true);
    expect(await store.delete('a')).toBe(true);
  });

  it('expires entries after their ttl, so an expired lease can be taken again', async () => {
    let t = 0;
    const store = memoryCallbackStore({ now: () => t });
    await store.setIfAbsent('lease', 'x', 100);
    t = 99;
    expect(await store.setIfAbsent('lease', 'y', 100)).toBe(false);
    t = 100;
    expect(await store.get('lease')).toBeUndefined();
    expect(await store.setIfAbsent('lease', 'y', 100)).toBe(true);
  });

  it('keeps at most maxEntries, dropping the oldest written first', async () => {
    const store = memoryCallbackStore({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c']) await store.setIfAbsent(key, key, 60_000);
    await store.replace('a', 'a', 'a2', 60_000); // rewritten: now the newest
    await store.setIfAbsent('d', 'd', 60_000);
    expect(await Promise.all(['a', 'b', 'c', 'd'].map((k) => store.get(k)))).toEqual(['a2', undefined, 'c', 'd']);
  });
});
