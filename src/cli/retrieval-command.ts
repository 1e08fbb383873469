import { type Retrieved, retrieve } from './api.js';
import { type Command, EXIT, guard, parseCommandLine, positionals } from './command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, clientFor, connection } from './connection.js';
import { printJson } from './output.js';

/** The retrieval commands `kyx status|details|steps <accountId> <workflowExecutionId>`. */
export function retrievalCommand(name: keyof Retrieved, summary: string, what: string): Command {
  const command: Command = {
    name,
    summary,
    usage: `Usage: kyx ${name} <accountId> <workflowExecutionId> [options]

Prints ${what} of a workflow execution as JSON (Retrieval API).

${CONNECTION_USAGE}`,
    run: (argv, io) =>
      guard(name, io, async () => {
        const { values, positionals: given } = parseCommandLine(name, argv, CONNECTION_OPTIONS);
        if (values.help) {
          io.stdout(command.usage);
          return EXIT.ok;
        }
        const [accountId, workflowExecutionId] = positionals(name, given, ['accountId', 'workflowExecutionId']) as [
          string,
          string,
        ];
        const client = clientFor(connection(values, io));
        printJson(await retrieve(client, name, { accountId, workflowExecutionId }, io.signal), io);
        return EXIT.ok;
      }),
  };
  return command;
}
