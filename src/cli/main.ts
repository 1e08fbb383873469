import type { CliIo } from './io.js';
import { simulate } from './simulate.js';
import { validate } from './validate.js';

/** Usage of `kyx`. */
export const USAGE = `Usage: kyx <command> [options]

Commands:
  simulate   run a local Jumio KYX simulator (kyx simulate --help)
  validate   check account request JSON files against the contract and the catalog (kyx validate --help)`;

/**
 * Runs the `kyx` command line with `argv` (without `node` and the script) and returns the exit code.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'simulate') return simulate(rest, io);
  if (command === 'validate') return validate(rest, io);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  io.stderr(`kyx: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}
