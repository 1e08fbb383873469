import { retrievalCommand } from './retrieval-command.js';

/** `kyx details <accountId> <workflowExecutionId>`. */
export const details = retrievalCommand(
  'details',
  'print the details (decision, capabilities) of a workflow execution',
  'the details (decision, risk score, every capability and its data)',
);
