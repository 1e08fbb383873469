import { fromBody } from '../builder/from-body.js';
import { redisStore } from '../redis/index.js';
import { send as sendRequest } from './api.js';
import { defineCommand, EXIT } from './command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, clientFor, connection } from './connection.js';
import { usageError } from './exit.js';
import { readJson } from './files.js';
import { printJson } from './output.js';
import { readWorkflows } from './workflows-file.js';

/** `kyx send`: validates an account request body like the builder, then sends it. */
export const send = defineCommand({
  name: 'send',
  summary: 'validate an account request JSON body like the builder, then send it',
  usage: `Usage: kyx send <file.json|-> [options]

Validates the account request body exactly as the builder does (schema, workflow catalog, your
--workflows) and, when it is valid, sends it: POST /api/v1/accounts, or PUT on an existing account
with --update. Prints the account response (web.href, credentials and their upload URLs) as JSON.

Options:
  --update <accountId>       add a transaction to this existing account (PUT)
  --idempotency-key <key>    at most one account request is sent per key, by every kyx and client
                             sharing the --redis store (a blocked key: exit 1, see the scale guide)
  --redis <url>              the shared store for idempotency keys and rate limits, e.g.
                             redis://127.0.0.1:6379 (default: KYX_REDIS_URL; needs the redis package)
  --workflows <file.json>    your tenant's workflow definitions (a JSON array of defineWorkflow input)
  --allow-unknown-fields     send fields the schemas do not know as given (known fields keep every check)

${CONNECTION_USAGE}`,
  options: {
    ...CONNECTION_OPTIONS,
    update: { type: 'string' },
    'idempotency-key': { type: 'string' },
    redis: { type: 'string' },
    workflows: { type: 'string' },
    'allow-unknown-fields': { type: 'boolean' },
  },
  args: ['file.json|-'],
  run: async ({ values, positionals: [source], io }) => {
    const workflows = values.workflows === undefined ? [] : await readWorkflows(values.workflows, io);
    const request = fromBody(await readJson(source, io), {
      accountId: values.update,
      workflows,
      unknownFields: values['allow-unknown-fields'] ? 'allow' : 'reject',
    });
    request.build(); // invalid input stops here: nothing is sent, no token is fetched
    const idempotencyKey = values['idempotency-key'];
    const redisUrl = values.redis ?? io.env?.['KYX_REDIS_URL'];
    if (idempotencyKey !== undefined && !redisUrl) {
      // One kyx process remembers nothing after it exits: a key means something only in a shared store.
      throw usageError('--idempotency-key needs the store every sender shares: give --redis <url> (or KYX_REDIS_URL)');
    }
    const store = redisUrl ? redisStore({ url: redisUrl }) : undefined;
    try {
      const client = clientFor(connection(values, io), store);
      const response = await sendRequest(client, request, { signal: io.signal, idempotencyKey });
      printJson(response, io);
      return EXIT.ok;
    } finally {
      await store?.close();
    }
  },
});
