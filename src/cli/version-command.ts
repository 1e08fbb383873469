import { defineCommand, EXIT } from './command.js';
import { version as packageVersion } from './version.js';

/** `kyx version` (also `kyx --version`, `kyx -v`). */
export const version = defineCommand({
  name: 'version',
  summary: 'print the version of jumio-kyx (also kyx --version, kyx -v)',
  usage: `Usage: kyx --version

Prints the version of jumio-kyx this kyx belongs to.`,
  options: {},
  args: [],
  run: async ({ io }) => {
    io.stdout(packageVersion());
    return EXIT.ok;
  },
});
