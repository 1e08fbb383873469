import { DOCUMENTED_SCHEDULE_S, waitForResult } from './api.js';
import { type Command, EXIT, guard, parseCommandLine, positionals } from './command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, clientFor, connection } from './connection.js';
import { usageError } from './exit.js';
import { printJson } from './output.js';

const OPTIONS = { ...CONNECTION_OPTIONS, schedule: { type: 'string' } } as const;

function parseSchedule(value: string): number[] {
  const seconds = value.split(',').map((s) => Number(s.trim()));
  if (seconds.length === 0 || seconds.some((s, i) => !(Number.isFinite(s) && s >= 0 && s >= (seconds[i - 1] ?? 0)))) {
    throw usageError(`--schedule must be rising seconds separated by commas, e.g. 1,2,5,10 (got ${value})`);
  }
  return seconds;
}

/** `kyx wait`: polls the status on Jumio's schedule, then prints the details. */
export const wait: Command = {
  name: 'wait',
  summary: "wait for a workflow execution's result (status on Jumio's schedule), then print its details",
  usage: `Usage: kyx wait <accountId> <workflowExecutionId> [options]

Checks the status at once, then on Jumio's documented retrieval schedule, until the execution is
PROCESSED, SESSION_EXPIRED or TOKEN_EXPIRED; then prints its details as JSON. A progress line per
check goes to stderr. Exit code 3 when the schedule runs out first.

Options:
  --schedule <s,s,…>   seconds after the start at which to check again
                       (default: ${DOCUMENTED_SCHEDULE_S.join(',')})

${CONNECTION_USAGE}`,
  run: (argv, io) =>
    guard('wait', io, async () => {
      const { values, positionals: given } = parseCommandLine('wait', argv, OPTIONS);
      if (values.help) {
        io.stdout(wait.usage);
        return EXIT.ok;
      }
      const [accountId, workflowExecutionId] = positionals('wait', given, ['accountId', 'workflowExecutionId']) as [
        string,
        string,
      ];
      const schedule = values.schedule === undefined ? undefined : parseSchedule(values.schedule);
      const client = clientFor(connection(values, io));
      const result = await waitForResult(
        client,
        { accountId, workflowExecutionId },
        {
          signal: io.signal,
          ...(schedule ? { schedule } : {}),
          onPoll: ({ status, check, checks, nextInS }) =>
            io.stderr(
              `kyx wait: ${status} (check ${check} of ${checks})${nextInS === undefined ? '' : `; next check at ${nextInS} s`}`,
            ),
        },
      );
      printJson(result, io);
      return EXIT.ok;
    }),
};
