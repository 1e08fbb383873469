import { tokensOf } from '../client/token.js';
import { defineCommand, EXIT } from './command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, clientFor, connection } from './connection.js';
import { printJson } from './output.js';

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
    // the client's own token manager: its transport, retries and scrubbing of the secret and the token
    const tokens = tokensOf(clientFor(connection(values, io)));
    if (tokens === undefined) throw new Error('kyx token: the client has no token manager'); // not reached: clientFor makes it
    const answer = await tokens.issue(io.signal);
    printJson(
      { access_token: answer.access_token, expires_in: answer.expires_in, token_type: answer.token_type ?? 'Bearer' },
      io,
    );
    return EXIT.ok;
  },
});
