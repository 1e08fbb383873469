import { parseArgs } from 'node:util';
import { EXIT, oneLine, report, usageError } from './exit.js';
import type { CliIo } from './io.js';
import { quoted } from './terminal.js';

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
  /** Repeatable: the values come as an array. */
  readonly multiple?: boolean;
}

/** The parsed values of a command's options. */
export type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]?: O[K] extends { multiple: true } ? OptionValue<O[K]>[] : OptionValue<O[K]>;
};
type OptionValue<S extends OptionSpec> = S['type'] extends 'string' ? string : boolean;

/** How `parseArgs` reads a command line beyond strict mode (default: positionals allowed, no `--no-…`). */
export interface ParseSettings {
  readonly allowPositionals?: boolean;
  readonly allowNegative?: boolean;
}

/** `parseArgs` in strict mode; its errors become one-line usage errors naming the help. */
export function parseCommandLine<const O extends Record<string, OptionSpec>>(
  name: string,
  argv: readonly string[],
  options: O,
  { allowPositionals = true, allowNegative = false }: ParseSettings = {},
): { values: OptionValues<O>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals, allowNegative, strict: true });
    return { values: parsed.values as OptionValues<O>, positionals: parsed.positionals };
  } catch (error) {
    throw usageError(`${parseArgsProblem(error as NodeJS.ErrnoException)}: see kyx help ${name}`);
  }
}

/**
 * `parseArgs`' error in kyx's words, naming the option once: its own messages run over several
 * sentences with nested quotes (`Unknown option '--x'. To specify a positional argument …`).
 */
function parseArgsProblem(error: NodeJS.ErrnoException): string {
  const option = /'(-[^'\s]*)/.exec(error.message)?.[1];
  const positional = /[Uu]nexpected argument '([^']*)'/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return option === undefined ? 'unknown option' : `unknown option ${quoted(option)}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option === undefined
        ? 'an option is missing its value'
        : /does not take an argument/.test(error.message)
          ? `option ${option.split('=')[0]} takes no value`
          : `option ${option.replace(/ <value>$/, '')} needs a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return positional === undefined ? 'unexpected argument' : `unexpected argument ${quoted(positional)}`;
    default:
      return oneLine(error.message);
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

/** The `-h, --help` option every command takes. */
const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** What {@link defineCommand} makes a command from. */
export interface CommandSpec<O extends Record<string, OptionSpec>, A extends readonly string[] | undefined> {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** The options besides `-h, --help`, which every command takes. */
  readonly options: O;
  /** The names of the positional arguments, checked by count; omitted: any number, for `run` to check. */
  readonly args?: A;
  readonly parse?: ParseSettings;
  /** The command itself, once the line is parsed and is not a `--help`; may throw (see {@link guard}). */
  run(input: {
    values: OptionValues<O>;
    positionals: A extends readonly string[] ? { -readonly [K in keyof A]: string } : string[];
    io: CliIo;
  }): Promise<number>;
}

/**
 * A {@link Command} that parses its line, answers `--help` with its usage, checks the positionals
 * against `args`, runs `spec.run`, and reports whatever that throws as one line (exit code).
 */
export function defineCommand<
  const O extends Record<string, OptionSpec>,
  const A extends readonly string[] | undefined = undefined,
>(spec: CommandSpec<O, A>): Command {
  const { name, summary, usage } = spec;
  return {
    name,
    summary,
    usage,
    run: (argv, io) =>
      guard(name, io, async () => {
        const { values, positionals: given } = parseCommandLine(name, argv, { ...spec.options, ...HELP }, spec.parse);
        if (values.help) {
          io.stdout(usage);
          return EXIT.ok;
        }
        const checked = spec.args === undefined ? given : positionals(name, given, spec.args);
        return spec.run({ values, positionals: checked as never, io });
      }),
  };
}

export { EXIT };
