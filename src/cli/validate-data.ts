import type { WorkflowSpec } from '../workflows/define.js';
import { validatePreparedData } from '../workflows/prepared-data.js';
import { EXIT } from './command.js';
import { CliError, usageError } from './exit.js';
import { parseJson, readSource } from './files.js';
import type { CliIo } from './io.js';

/** What `kyx validate --data` needs: the file, the workflow key (optional), tenant workflows. */
export interface ValidateDataInput {
  readonly source: string;
  readonly workflow: string | undefined;
  readonly workflows: readonly WorkflowSpec[];
  readonly allowUnknown: boolean;
  readonly io: CliIo;
}

/**
 * `kyx validate --data file.json [--workflow key]`: checks a prepared-data file as `uploadData`
 * does before sending (formats, unknown keys, and the workflow's required keys, one-of groups and
 * alpha-3 countries). Prints one line per issue; returns the exit code.
 */
export async function validateDataFile(input: ValidateDataInput): Promise<number> {
  const { source, io } = input;
  const key = input.workflow === undefined ? undefined : Number(input.workflow);
  if (key !== undefined && !Number.isInteger(key)) {
    throw usageError(`--workflow takes a workflow key (a number), got '${input.workflow}'`);
  }
  const name = source === '-' ? '(stdin)' : source;
  let data: unknown;
  try {
    data = parseJson(await readSource(source, io), source);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stdout(`✖ ${error.message}`);
    return error.exitCode;
  }
  const result = validatePreparedData(data, {
    ...(key !== undefined ? { workflow: key } : {}),
    workflows: input.workflows,
    unknownFields: input.allowUnknown ? 'allow' : 'reject',
  });
  const what = key === undefined ? 'prepared data' : `prepared data for workflow ${key}`;
  if (result.success) {
    io.stdout(`✔ ${name}: valid ${what}`);
    return EXIT.ok;
  }
  io.stdout(`✖ ${name}: invalid ${what}`);
  for (const issue of result.issues) io.stdout(`    ${issue.path || '(root)'}: ${issue.message}`);
  return EXIT.invalid;
}
