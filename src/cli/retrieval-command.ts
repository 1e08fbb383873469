import { type Retrieved, retrieve } from './api.js';
import { type Command, defineCommand, EXIT } from './command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, clientFor, connection } from './connection.js';
import { printJson } from './output.js';

/** A retrieval command `kyx status|details|steps <accountId> <workflowExecutionId>`. */
function retrievalCommand(name: keyof Retrieved, summary: string, what: string): Command {
  return defineCommand({
    name,
    summary,
    usage: `Usage: kyx ${name} <accountId> <workflowExecutionId> [options]

Prints ${what} of a workflow execution as JSON (Retrieval API).

${CONNECTION_USAGE}`,
    options: CONNECTION_OPTIONS,
    args: ['accountId', 'workflowExecutionId'],
    run: async ({ values, positionals: [accountId, workflowExecutionId], io }) => {
      const client = clientFor(connection(values, io));
      printJson(await retrieve(client, name, { accountId, workflowExecutionId }, io.signal), io);
      return EXIT.ok;
    },
  });
}

/** `kyx status <accountId> <workflowExecutionId>`. */
export const status = retrievalCommand(
  'status',
  'print the status of a workflow execution',
  'the status (INITIATED, ACQUIRED, PROCESSED, …)',
);

/** `kyx details <accountId> <workflowExecutionId>`. */
export const details = retrievalCommand(
  'details',
  'print the details (decision, capabilities) of a workflow execution',
  'the details (decision, risk score, every capability and its data)',
);

/** `kyx steps <accountId> <workflowExecutionId>`. */
export const steps = retrievalCommand(
  'steps',
  'print the processing steps of a workflow execution',
  'the processing steps',
);
