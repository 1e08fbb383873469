import { describe, expect, it } from 'vitest';
import { tokensOf } from '../../src/client/token.js';
import { createClient } from '../../src/index.js';

// `kyx token` asks the client's own token manager (its transport, retries and secret scrubbing)
// for a fresh token and prints Jumio's answer.

describe('TokenManager.issue (kyx token)', () => {
  it("asks the client's token endpoint for a fresh token, gives Jumio's answer and caches the token", async () => {
    const requests: { url: string; userAgent: string | null; authorization: string | null }[] = [];
    let issued = 0;
    const client = createClient({
      region: 'amer-1',
      credentials: { clientId: 'id', clientSecret: 'sec' },
      userAgent: 'Acme Onboarding/1.0',
      rateLimits: false,
      fetch: async (request: Request) => {
        requests.push({
          url: request.url,
          userAgent: request.headers.get('user-agent'),
          authorization: request.headers.get('authorization'),
        });
        return Response.json({ access_token: `tok-${++issued}`, expires_in: 3600, token_type: 'Bearer', extra: 1 });
      },
    });
    const tokens = tokensOf(client);
    expect(tokens).toBeDefined();
    expect(await tokens?.issue()).toEqual({ access_token: 'tok-1', expires_in: 3600, token_type: 'Bearer', extra: 1 });
    expect(await tokens?.get()).toBe('tok-1'); // cached: no second request
    expect(await tokens?.issue()).toMatchObject({ access_token: 'tok-2' }); // issue always asks
    expect(requests).toEqual([
      {
        url: 'https://auth.amer-1.jumio.ai/oauth2/token',
        userAgent: 'Acme Onboarding/1.0',
        authorization: `Basic ${btoa('id:sec')}`,
      },
      expect.objectContaining({ url: 'https://auth.amer-1.jumio.ai/oauth2/token' }),
    ]);
    expect(tokens?.secrets()).toEqual(['sec', btoa('id:sec'), 'tok-1', 'tok-2']);
  });

  it('an aborted issue rejects with the signal’s reason and sends nothing', async () => {
    let sent = 0;
    const client = createClient({
      region: 'amer-1',
      credentials: { clientId: 'id', clientSecret: 'sec' },
      userAgent: 'Acme Onboarding/1.0',
      fetch: async () => {
        sent++;
        return Response.json({ access_token: 'tok', expires_in: 3600 });
      },
    });
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(tokensOf(client)?.issue(controller.signal)).rejects.toThrow('stop');
    expect(sent).toBe(0);
  });

  it('knows no manager for an object that is not a client', () => {
    expect(tokensOf({})).toBeUndefined();
  });
});
