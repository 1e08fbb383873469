import { fromBody } from '../builder/from-body.js';
import type { KyxClient } from '../client/client.js';
import type { AccountResponse } from '../model/response.js';
import { redisStore } from '../redis/index.js';
import { finalize, send as sendRequest, waitForResult } from './api.js';
import { defineCommand, EXIT } from './command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, clientFor, connection } from './connection.js';
import { usageError } from './exit.js';
import { readJson } from './files.js';
import type { CliIo } from './io.js';
import { printJson } from './output.js';
import { statusMeaning } from './status-meaning.js';
import { type CliPart, isPart, PARTS, type ReadPart, readPart, sendPart } from './upload.js';
import { parseSchedule } from './wait.js';
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

The whole API channel in one go (every file is read before anything is sent):
  --upload <part>=<file>     then upload a part: front, back, face, document, or data (prepared
                             data, a JSON file); repeatable, e.g. --upload front=id.jpg --upload face=selfie.jpg
  --finalize                 then finalize the execution
  --wait                     then wait for the result (as kyx wait) and print its details too
  --schedule <s,s,…>         with --wait: seconds after the start at which to ask (see kyx help wait)
With any of these, stdout is one JSON object: { "response", "uploads", "finalize", "details" }
(kyx upload and kyx finalize read it as a saved response); a progress line per step goes to stderr.

${CONNECTION_USAGE}`,
  options: {
    ...CONNECTION_OPTIONS,
    update: { type: 'string' },
    'idempotency-key': { type: 'string' },
    redis: { type: 'string' },
    workflows: { type: 'string' },
    'allow-unknown-fields': { type: 'boolean' },
    upload: { type: 'string', multiple: true },
    finalize: { type: 'boolean' },
    wait: { type: 'boolean' },
    schedule: { type: 'string' },
  },
  args: ['file.json|-'],
  run: async ({ values, positionals: [source], io }) => {
    const uploads = parseUploads(values.upload ?? [], source);
    const workflows = values.workflows === undefined ? [] : await readWorkflows(values.workflows, io);
    const request = fromBody(await readJson(source, io), {
      accountId: values.update,
      workflows,
      unknownFields: values['allow-unknown-fields'] ? 'allow' : 'reject',
    });
    request.build(); // invalid input stops here: nothing is sent, no token is fetched
    const parts: ReadPart[] = [];
    for (const { part, file } of uploads) parts.push(await readPart(part, file, io)); // a missing file stops here too
    const schedule = values.schedule === undefined ? undefined : parseSchedule(values.schedule);
    const steps = parts.length > 0 || values.finalize === true || values.wait === true;
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
      if (!steps) {
        printJson(response, io);
        return EXIT.ok;
      }
      printJson(await continueFlow(client, response, parts, { ...values, schedule }, io), io);
      return EXIT.ok;
    } finally {
      await store?.close();
    }
  },
});

/** Each `--upload <part>=<file>`, checked before anything is read or sent. */
function parseUploads(specs: readonly string[], body: string): { part: CliPart; file: string }[] {
  const seen = new Set<string>();
  return specs.map((spec) => {
    const equals = spec.indexOf('=');
    const part = spec.slice(0, equals);
    const file = spec.slice(equals + 1);
    if (equals <= 0 || file === '' || !isPart(part)) {
      throw usageError(`--upload must be <part>=<file> with a part of ${PARTS.join(', ')} (got ${spec})`);
    }
    if (file === '-' && body === '-')
      throw usageError('only one of the body and an --upload file can be standard input');
    if (seen.has(part)) throw usageError(`--upload ${part}= is given twice`);
    seen.add(part);
    return { part, file };
  });
}

/** After the send: the uploads, finalize and the wait; one JSON object with every answer. */
async function continueFlow(
  client: KyxClient,
  response: AccountResponse,
  parts: readonly ReadPart[],
  values: { finalize?: boolean | undefined; wait?: boolean | undefined; schedule: number[] | undefined },
  io: CliIo,
) {
  const ids = { accountId: response.account.id, workflowExecutionId: response.workflowExecution.id };
  io.stderr(`kyx send: sent: account ${ids.accountId}, execution ${ids.workflowExecutionId}`);
  const uploads: Record<string, unknown> = {};
  for (const read of parts) {
    uploads[read.part] = await sendPart(client, response, read, io.signal);
    io.stderr(`kyx send: uploaded ${read.part} (${read.file})`);
  }
  const finalized = values.finalize ? await finalize(client, response, io.signal) : undefined;
  if (finalized !== undefined) io.stderr('kyx send: finalized');
  const details = values.wait
    ? await waitForResult(client, ids, {
        signal: io.signal,
        ...(values.schedule ? { schedule: values.schedule } : {}),
        onStatus: ({ status, statusCalls, scheduled }) =>
          io.stderr(`kyx send: ${status}, ${statusMeaning(status)} (check ${statusCalls} of ${scheduled})`),
      })
    : undefined;
  return {
    response,
    uploads,
    ...(finalized !== undefined ? { finalize: finalized } : {}),
    ...(details !== undefined ? { details } : {}),
  };
}
