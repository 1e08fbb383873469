import { resolveRetrySettings } from '../client/retry-policy.js';
import { createTransport } from '../client/transport.js';
import { TokenResponseSchema } from '../model/response-schemas.js';
import { resolveResponseLimits } from '../shared/body.js';
import { defineCommand, EXIT } from './command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, connection } from './connection.js';
import { printJson } from './output.js';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** `kyx token`: one OAuth2 access token of the tenant, for curl and other tools. */
export const token = defineCommand({
  name: 'token',
  summary: 'get an OAuth2 access token for the tenant (for curl and other tools)',
  usage: `Usage: kyx token [options]

Requests an OAuth2 access token with the client credentials and prints Jumio's answer as JSON:
{ "access_token": "…", "expires_in": 3600, "token_type": "Bearer" }. The token is a secret: it
goes to stdout only, e.g. TOKEN=$(kyx token | jq -r .access_token).

${CONNECTION_USAGE}`,
  options: CONNECTION_OPTIONS,
  args: [],
  run: async ({ values, io }) => {
    const target = connection(values, io);
    const basic = base64(`${target.clientId}:${target.clientSecret}`);
    const transport = createTransport({
      fetch: undefined,
      userAgent: target.userAgent,
      timeout: 30_000,
      retry: resolveRetrySettings(undefined),
      responseLimits: resolveResponseLimits(undefined),
      hooks: {},
      secrets: () => [target.clientSecret, basic],
    });
    const answer = await transport.json(
      {
        operation: 'token',
        method: 'POST',
        url: target.tokenUrl,
        auth: { kind: 'basic', credentials: basic },
        body: 'grant_type=client_credentials',
        contentType: 'application/x-www-form-urlencoded',
        signal: io.signal,
      },
      TokenResponseSchema,
    );
    printJson(
      { access_token: answer.access_token, expires_in: answer.expires_in, token_type: answer.token_type ?? 'Bearer' },
      io,
    );
    return EXIT.ok;
  },
});
