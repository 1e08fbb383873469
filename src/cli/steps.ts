import { retrievalCommand } from './retrieval-command.js';

/** `kyx steps <accountId> <workflowExecutionId>`. */
export const steps = retrievalCommand(
  'steps',
  'print the processing steps of a workflow execution',
  'the processing steps',
);
