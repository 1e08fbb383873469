import type { Command } from './command.js';
import { deleteCommand } from './delete.js';
import { finalize } from './finalize.js';
import { health } from './health.js';
import { details, status, steps } from './retrieval-command.js';
import { send } from './send.js';
import { simulate } from './simulate.js';
import { token } from './token.js';
import { upload } from './upload.js';
import { validate } from './validate.js';
import { version } from './version-command.js';
import { wait } from './wait.js';

/** The names of the `kyx` commands (besides `help`). */
export type CommandName =
  | 'simulate'
  | 'validate'
  | 'send'
  | 'upload'
  | 'finalize'
  | 'delete'
  | 'health'
  | 'status'
  | 'details'
  | 'steps'
  | 'wait'
  | 'token'
  | 'version';

/** Every command, in the order `kyx help` lists them. */
export const COMMANDS: Readonly<Record<CommandName, Command>> = {
  send,
  upload,
  finalize,
  status,
  details,
  steps,
  wait,
  delete: deleteCommand,
  health,
  token,
  validate,
  simulate,
  version,
};

/** Whether `name` is a command. */
export const isCommandName = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);
