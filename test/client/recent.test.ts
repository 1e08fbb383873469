import { describe, expect, it } from 'vitest';
import { RecentSet } from '../../src/client/recent.js';
import { resolveRetrySettings } from '../../src/client/retry-policy.js';
import { TokenManager } from '../../src/client/token.js';
import { createTransport } from '../../src/client/transport.js';
import { resolveResponseLimits } from '../../src/shared/body.js';

// Found by the load test: the client remembered every api.token it ever saw (for scrubbing), so
// a long-lived client's heap grew ~0.45 MB per 1,000 account requests. Now the most recent 256.

describe('RecentSet', () => {
  it('keeps the most recent `limit` values, evicting the oldest; re-adding refreshes a value', () => {
    const recent = new RecentSet(3);
    for (const v of ['a1', 'b2', 'c3']) recent.add(v);
    recent.add('a1'); // refreshed: now the newest
    recent.add('d4'); // evicts b2, the oldest
    expect(recent.values()).toEqual(['c3', 'a1', 'd4']);
    for (let i = 0; i < 1_000; i++) recent.add(`token-${i}`);
    expect(recent.values()).toHaveLength(3);
    expect(recent.values()).toEqual(['token-997', 'token-998', 'token-999']);
  });
});

describe('TokenManager secrets', () => {
  it('remembers the client secret, the Basic credentials and the 16 most recent tokens it obtained', async () => {
    let issued = 0;
    const transport = createTransport({
      fetch: async () => Response.json({ access_token: `tok-${++issued}`, expires_in: 3600 }),
      userAgent: 'test/1.0',
      timeout: 5_000,
      retry: resolveRetrySettings({ limit: 0 }),
      hooks: {},
      secrets: () => [],
      responseLimits: resolveResponseLimits(undefined),
    });
    const tokens = new TokenManager({
      transport,
      url: 'https://auth.example/oauth2/token',
      clientId: 'id',
      clientSecret: 'sec',
    });
    for (let i = 0; i < 20; i++) tokens.invalidate(await tokens.get());
    expect(issued).toBe(20);
    expect(tokens.secrets()).toEqual(['sec', btoa('id:sec'), ...Array.from({ length: 16 }, (_, i) => `tok-${i + 5}`)]);
  });
});
