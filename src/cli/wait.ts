import { JUMIO_RETRIEVAL_SCHEDULE } from '../client/wait.js';
import { waitForResult } from './api.js';
import { defineCommand, EXIT } from './command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, clientFor, connection } from './connection.js';
import { usageError } from './exit.js';
import { printJson } from './output.js';
import { statusMeaning } from './status-meaning.js';

/** `--schedule s,s,…`: rising seconds (kyx wait, kyx send --wait). */
export function parseSchedule(value: string): number[] {
  const seconds = value.split(',').map((s) => Number(s.trim()));
  if (seconds.length === 0 || seconds.some((s, i) => !(Number.isFinite(s) && s >= 0 && s >= (seconds[i - 1] ?? 0)))) {
    throw usageError(`--schedule must be rising seconds separated by commas, e.g. 1,2,5,10 (got ${value})`);
  }
  return seconds;
}

/** `kyx wait`: polls the status on Jumio's schedule, then prints the details. */
export const wait = defineCommand({
  name: 'wait',
  summary: "wait for a workflow execution's result (status on Jumio's schedule), then print its details",
  usage: `Usage: kyx wait <accountId> <workflowExecutionId> [options]

Asks for the status on Jumio's documented retrieval schedule (at most 10 calls) until the
execution is PROCESSED, SESSION_EXPIRED or TOKEN_EXPIRED; then prints its details as JSON. A
progress line per status call goes to stderr, saying what the status means (INITIATED: nothing
was uploaded or finalized yet). Exit code 3 when the schedule runs out first.

Options:
  --schedule <s,s,…>   seconds after the start at which to ask (1 to 10 times; 0 = at once)
                       (default: ${JUMIO_RETRIEVAL_SCHEDULE.map((ms) => ms / 1000).join(',')})

${CONNECTION_USAGE}`,
  options: { ...CONNECTION_OPTIONS, schedule: { type: 'string' } },
  args: ['accountId', 'workflowExecutionId'],
  run: async ({ values, positionals: [accountId, workflowExecutionId], io }) => {
    const schedule = values.schedule === undefined ? undefined : parseSchedule(values.schedule);
    const client = clientFor(connection(values, io));
    const result = await waitForResult(
      client,
      { accountId, workflowExecutionId },
      {
        signal: io.signal,
        ...(schedule ? { schedule } : {}),
        onStatus: ({ status, statusCalls, scheduled, nextAt }) =>
          io.stderr(
            `kyx wait: ${status}, ${statusMeaning(status)} (check ${statusCalls} of ${scheduled})${nextAt === undefined ? '' : `; next check at ${nextAt / 1000} s`}`,
          ),
      },
    );
    printJson(result, io);
    return EXIT.ok;
  },
});
