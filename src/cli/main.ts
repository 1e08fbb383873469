import { match } from 'ts-pattern';
import { COMMANDS, type CommandName, isCommandName } from './commands.js';
import { helpText } from './help.js';
import type { CliIo } from './io.js';
import { quoted, safeIo } from './terminal.js';

/** What the first arguments ask for. */
type Invocation =
  | { readonly kind: 'command'; readonly name: CommandName; readonly rest: readonly string[] }
  | { readonly kind: 'help'; readonly topic: CommandName | undefined }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly name: string };

function invocation(argv: readonly string[]): Invocation {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'none' };
  if (first === '--version' || first === '-v') return { kind: 'command', name: 'version', rest };
  if (first === 'help' || first === '--help' || first === '-h') {
    const [topic] = rest;
    if (topic === undefined || isCommandName(topic)) return { kind: 'help', topic };
    return { kind: 'unknown', name: topic };
  }
  return isCommandName(first) ? { kind: 'command', name: first, rest } : { kind: 'unknown', name: first };
}

/**
 * Runs the `kyx` command line with `argv` (without `node` and the script) and returns the exit code.
 */
export async function main(argv: readonly string[], given: CliIo): Promise<number> {
  const io = safeIo(given); // every line a command prints, through the one terminal-safe printer
  return match(invocation(argv))
    .with({ kind: 'command' }, ({ name, rest }) => COMMANDS[name].run(rest, io))
    .with({ kind: 'help' }, ({ topic }) => {
      io.stdout(helpText(topic));
      return 0;
    })
    .with({ kind: 'none' }, () => {
      io.stderr(helpText(undefined));
      return 2;
    })
    .with({ kind: 'unknown' }, ({ name }) => {
      io.stderr(`kyx: unknown command ${quoted(name)}: kyx help lists the commands`);
      return 2;
    })
    .exhaustive();
}
