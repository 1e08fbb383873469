import { type Command, EXIT, guard, parseCommandLine, positionals } from './command.js';
import { version as packageVersion } from './version.js';

/** `kyx version` (also `kyx --version`, `kyx -v`). */
export const version: Command = {
  name: 'version',
  summary: 'print the version of jumio-kyx (also kyx --version, kyx -v)',
  usage: `Usage: kyx --version

Prints the version of jumio-kyx this kyx belongs to.`,
  run: (argv, io) =>
    guard('version', io, async () => {
      const { values, positionals: given } = parseCommandLine('version', argv, {
        help: { type: 'boolean', short: 'h' },
      });
      if (values.help) {
        io.stdout(version.usage);
        return EXIT.ok;
      }
      positionals('version', given, []);
      io.stdout(packageVersion());
      return EXIT.ok;
    }),
};
