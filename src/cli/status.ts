import { retrievalCommand } from './retrieval-command.js';

/** `kyx status <accountId> <workflowExecutionId>`. */
export const status = retrievalCommand(
  'status',
  'print the status of a workflow execution',
  'the status (INITIATED, ACQUIRED, PROCESSED, …)',
);
