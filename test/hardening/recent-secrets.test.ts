import { describe, expect, it } from 'vitest';
import { RecentSecrets } from '../../src/client/redact.js';

// Found by the load test: the client remembered every api.token it ever saw (for scrubbing), so
// a long-lived client's heap grew ~0.45 MB per 1,000 account requests. Now the most recent 256.

describe('RecentSecrets', () => {
  it('keeps the most recent `limit` values, evicting the oldest; re-adding refreshes a value', () => {
    const recent = new RecentSecrets(3);
    for (const v of ['a1', 'b2', 'c3']) recent.add(v);
    recent.add('a1'); // refreshed: now the newest
    recent.add('d4'); // evicts b2, the oldest
    expect(recent.values()).toEqual(['c3', 'a1', 'd4']);
    for (let i = 0; i < 1_000; i++) recent.add(`token-${i}`);
    expect(recent.values()).toHaveLength(3);
    expect(recent.values()).toEqual(['token-997', 'token-998', 'token-999']);
  });
});
