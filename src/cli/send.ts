import { IDEMPOTENCY_KEY_PENDING, requestFromBody, send as sendRequest } from './api.js';
import { type Command, EXIT, guard, parseCommandLine, positionals } from './command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, clientFor, connection } from './connection.js';
import { readJson } from './files.js';
import { printJson } from './output.js';
import { readWorkflows } from './workflows-file.js';

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  update: { type: 'string' },
  'idempotency-key': { type: 'string' },
  workflows: { type: 'string' },
} as const;

/** `kyx send`: validates an account request body like the builder, then sends it. */
export const send: Command = {
  name: 'send',
  summary: 'validate an account request JSON body like the builder, then send it',
  usage: `Usage: kyx send <file.json|-> [options]

Validates the account request body exactly as the builder does (schema, workflow catalog, your
--workflows) and, when it is valid, sends it: POST /api/v1/accounts, or PUT on an existing account
with --update. Prints the account response (web.href, credentials and their upload URLs) as JSON.

Options:
  --update <accountId>       add a transaction to this existing account (PUT)
  --idempotency-key <key>    at most one account request is sent per key
  --workflows <file.json>    your tenant's workflow definitions (a JSON array of defineWorkflow input)

${CONNECTION_USAGE}`,
  run: (argv, io) =>
    guard('send', io, async () => {
      const { values, positionals: given } = parseCommandLine('send', argv, OPTIONS);
      if (values.help) {
        io.stdout(send.usage);
        return EXIT.ok;
      }
      const [source] = positionals('send', given, ['file.json|-']) as [string];
      const workflows = values.workflows === undefined ? [] : await readWorkflows(values.workflows, io);
      const request = requestFromBody({ body: await readJson(source, io), accountId: values.update, workflows });
      request.build(); // invalid input stops here: nothing is sent, no token is fetched
      const client = clientFor(connection(values, io));
      const idempotencyKey = values['idempotency-key'];
      if (idempotencyKey !== undefined && IDEMPOTENCY_KEY_PENDING) {
        io.stderr('kyx send: warning: this client version does not send idempotency keys yet; the key is not applied');
      }
      const response = await sendRequest(client, request, { signal: io.signal, idempotencyKey });
      printJson(response, io);
      return EXIT.ok;
    }),
};
