import { COMMANDS, type CommandName } from './commands.js';
import { EXIT } from './exit.js';

/** `kyx help`: every command with its summary, the environment and the exit codes. */
export function overview(): string {
  const names = Object.keys(COMMANDS) as CommandName[];
  const width = Math.max(...names.map((n) => n.length), 4);
  return `Usage: kyx <command> [options]

Commands:
${names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n].summary}`).join('\n')}
  ${'help'.padEnd(width)}  show this help, or a command's: kyx help <command>

Environment:
  JUMIO_CLIENT_ID, JUMIO_CLIENT_SECRET   your tenant's OAuth2 client credentials
  JUMIO_REGION                           amer-1 (default), emea-1 or apac-1 (or --region)
  JUMIO_BASE_URL                         one origin for every Jumio host, e.g. kyx simulate's (or --base-url)

Output: JSON on stdout (indented on a terminal, one line when piped); errors as one line on stderr.

Exit codes:
  ${EXIT.ok}  done
  ${EXIT.invalid}  invalid input (checked before anything is sent) or rejected by Jumio (HTTP 400)
  ${EXIT.usage}  usage: unknown command or option, missing argument or credentials, a file that does not exist
  ${EXIT.failed}  network or HTTP failure (refused, timeout, 401, 403, 404, 429, 5xx, busy port), or no result in time`;
}

/** The help of one command, or of all of them. */
export function helpText(topic: CommandName | undefined): string {
  return topic === undefined ? overview() : COMMANDS[topic].usage;
}
