import { parseArgs } from 'node:util';
import { EXIT, report, usageError } from './exit.js';
import type { CliIo } from './io.js';

/** One `kyx` command: its name, one-line summary, help text and implementation. */
export interface Command {
  readonly name: string;
  /** One line for `kyx help`. */
  readonly summary: string;
  /** `kyx help <name>` / `kyx <name> --help`. */
  readonly usage: string;
  /** Runs the command; returns the exit code. Never throws. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** One option of a command (`parseArgs` style). */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
}

/** The parsed values of a command's options. */
export type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean;
};

/** `parseArgs` in strict mode; its errors become one-line usage errors naming the help. */
export function parseCommandLine<const O extends Record<string, OptionSpec>>(
  name: string,
  argv: readonly string[],
  options: O,
): { values: OptionValues<O>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values: parsed.values as OptionValues<O>, positionals: parsed.positionals };
  } catch (error) {
    throw usageError(`${(error as Error).message.replace(/\s*\n[\s\S]*$/, '')}: see kyx help ${name}`);
  }
}

/** Checks the number of positionals; too few or too many is a usage error. */
export function positionals(name: string, given: readonly string[], names: readonly string[]): string[] {
  if (given.length !== names.length) {
    const what =
      given.length < names.length ? `missing ${names.slice(given.length).join(' and ')}` : `too many arguments`;
    throw usageError(`${what}: kyx ${name} ${names.map((n) => `<${n}>`).join(' ')} (see kyx help ${name})`);
  }
  return [...given];
}

/** Runs `body`, reporting any error as one line on stderr with its exit code. */
export async function guard(name: string, io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    return report(name, error, io);
  }
}

export { EXIT };
