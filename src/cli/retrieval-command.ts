import { type Retrieved, retrieve } from './api.js';
import { type Command, defineCommand, EXIT } from './command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, clientFor, connection } from './connection.js';
import { printJson } from './output.js';

/** The retrieval commands `kyx status|details|steps <accountId> <workflowExecutionId>`. */
export function retrievalCommand(name: keyof Retrieved, summary: string, what: string): Command {
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
