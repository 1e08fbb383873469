import { finalize as finalizeExecution } from './api.js';
import { defineCommand, EXIT } from './command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, clientFor, connection } from './connection.js';
import { CREDENTIAL_OPTIONS, CREDENTIAL_USAGE, executionSource } from './execution-source.js';
import { usageError } from './exit.js';
import { printJson } from './output.js';

/** `kyx finalize`: the uploaded credentials go to processing. */
export const finalize = defineCommand({
  name: 'finalize',
  summary: 'send the uploaded credentials of an execution for processing (API channel)',
  usage: `Usage: kyx finalize <response.json|-> [options]
       kyx finalize --account <id> --execution <id> --credential <id> [options]

Finalizes a workflow execution on the API channel once its parts are uploaded (kyx upload), and
prints Jumio's answer as JSON. Then: kyx wait <accountId> <workflowExecutionId>.

${CREDENTIAL_USAGE}

${CONNECTION_USAGE}`,
  options: { ...CONNECTION_OPTIONS, ...CREDENTIAL_OPTIONS },
  run: async ({ values, positionals: given, io }) => {
    if (given.length > 1)
      throw usageError('too many arguments: kyx finalize <response.json|-> (see kyx help finalize)');
    const target = connection(values, io);
    const source = await executionSource(given[0], values, target, io, undefined);
    printJson(await finalizeExecution(clientFor(target), source, io.signal), io);
    return EXIT.ok;
  },
});
