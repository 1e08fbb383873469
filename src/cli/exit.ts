import {
  isKyxError,
  KyxAuthenticationError,
  KyxBadRequestError,
  KyxForbiddenError,
  KyxHttpError,
  KyxIdempotencyError,
  type KyxIssue,
  KyxNetworkError,
  KyxResponseError,
  KyxResultPendingError,
  KyxTimeoutError,
  KyxValidationError,
} from '../errors/index.js';
import type { CliIo } from './io.js';
import { statusMeaning } from './status-meaning.js';

/** The exit codes of `kyx`, documented in `kyx help` and the README. */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** The input is invalid (checked before anything is sent) or Jumio rejected it (HTTP 400). */
  invalid: 1,
  /** Wrong usage: an unknown command or option, a missing argument, a file that does not exist. */
  usage: 2,
  /** A network or HTTP failure (refused, timeout, 401, 403, 404, 429, 5xx), or no result in time. */
  failed: 3,
} as const;

/** An exit code of `kyx`. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure a command reports as one line on stderr, with its exit code. */
export class CliError extends Error {
  override name = 'CliError';
  readonly exitCode: ExitCode;
  constructor(exitCode: ExitCode, message: string) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** A usage error (exit code 2). */
export const usageError = (message: string) => new CliError(EXIT.usage, message);

/** Issues as one line: `path: message; path: message`. */
export const issueLine = (issues: readonly KyxIssue[]) =>
  issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');

/** A client error as one line that names what to do, and its exit code. */
function describeKyxError(error: Error): { code: ExitCode; line: string } {
  if (error instanceof KyxResponseError) {
    return {
      code: EXIT.failed,
      line: `the answer to ${error.method} ${error.path} is not what Jumio documents (${issueLine(error.issues)}): check --base-url`,
    };
  }
  if (error instanceof KyxValidationError) {
    return { code: EXIT.invalid, line: `invalid input, nothing was sent: ${issueLine(error.issues)}` };
  }
  if (error instanceof KyxIdempotencyError)
    return { code: EXIT.invalid, line: error.message.replace(/\s*\n\s*/g, ' ') };
  if (error instanceof KyxResultPendingError) {
    return {
      code: EXIT.failed,
      line: `still ${error.status} after ${error.statusCalls} scheduled status call${error.statusCalls === 1 ? '' : 's'} (${statusMeaning(error.status)}): run kyx wait again later`,
    };
  }
  const flat = error.message.replace(/\s*\n\s*/g, ' ');
  if (error instanceof KyxBadRequestError) return { code: EXIT.invalid, line: `${flat}: Jumio rejected the request` };
  if (error instanceof KyxAuthenticationError) {
    return { code: EXIT.failed, line: `${flat}: check JUMIO_CLIENT_ID and JUMIO_CLIENT_SECRET, and the region` };
  }
  if (error instanceof KyxForbiddenError) {
    return { code: EXIT.failed, line: `${flat}: check --user-agent and the OAuth2 client's permissions` };
  }
  if (error instanceof KyxHttpError) return { code: EXIT.failed, line: flat };
  if (error instanceof KyxNetworkError) {
    const refused = error.code === 'ECONNREFUSED';
    return {
      code: EXIT.failed,
      line: `${flat}: ${refused ? 'nothing listens there' : 'the network failed'}; check --base-url / --region (is the simulator running?)`,
    };
  }
  if (error instanceof KyxTimeoutError) return { code: EXIT.failed, line: `${flat}: try again, or check the network` };
  return { code: EXIT.failed, line: flat };
}

/**
 * Reports any error a command threw as one line on stderr (never a stack trace) and returns its
 * exit code.
 */
export function report(command: string, error: unknown, io: CliIo): ExitCode {
  const say = (line: string) => io.stderr(`kyx ${command}: ${oneLine(line)}`);
  if (error instanceof CliError) {
    say(error.message);
    return error.exitCode;
  }
  if (error instanceof Error && isKyxError(error)) {
    const { code, line } = describeKyxError(error);
    say(line);
    return code;
  }
  if (error instanceof Error && error.name === 'AbortError') {
    say('stopped');
    return EXIT.failed;
  }
  say(error instanceof Error ? error.message : String(error));
  return EXIT.failed;
}

/** A message on one line: its line breaks (and the blanks around them) become one space. */
export const oneLine = (message: string) => message.replace(/\s*[\r\n]+\s*/g, ' ');
