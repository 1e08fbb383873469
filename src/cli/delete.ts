import { UUID_PATTERN } from '../model/rules.js';
import { remove } from './api.js';
import { defineCommand, EXIT } from './command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, clientFor, connection } from './connection.js';
import { usageError } from './exit.js';

/** `kyx delete`: an account, or one of its executions; permanent, so it asks for `--yes`. */
export const deleteCommand = defineCommand({
  name: 'delete',
  summary: 'delete an account, or one workflow execution (with --yes: it is permanent)',
  usage: `Usage: kyx delete <accountId> [<workflowExecutionId>] --yes [options]

Deletes a workflow execution and its data (with both ids), or the whole account with every
execution (with the account id alone), through the Retrieval API. Deleting cannot be undone:
without --yes nothing is deleted. Prints one line on stdout when done.

Options:
  --yes                confirm the deletion

${CONNECTION_USAGE}`,
  options: { ...CONNECTION_OPTIONS, yes: { type: 'boolean' } },
  run: async ({ values, positionals: given, io }) => {
    const [accountId, workflowExecutionId, ...extra] = given;
    if (accountId === undefined || extra.length > 0) {
      throw usageError('kyx delete <accountId> [<workflowExecutionId>] --yes (see kyx help delete)');
    }
    for (const [name, id] of [
      ['accountId', accountId],
      ['workflowExecutionId', workflowExecutionId],
    ] as const) {
      if (id !== undefined && !UUID_PATTERN.test(id)) throw usageError(`${name} must be a UUID (got ${id})`);
    }
    const what =
      workflowExecutionId === undefined
        ? `account ${accountId} and every execution of it`
        : `workflow execution ${workflowExecutionId} of account ${accountId}`;
    if (values.yes !== true) throw usageError(`deleting ${what} is permanent: add --yes to confirm`);
    await remove(clientFor(connection(values, io)), { accountId, workflowExecutionId }, io.signal);
    io.stdout(`deleted ${what}`);
    return EXIT.ok;
  },
});
