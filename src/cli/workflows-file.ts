import * as v from 'valibot';
import { CHANNELS, CREDENTIAL_CATEGORIES, PRESET_CATEGORIES } from '../model/codes.js';
import { parseWith } from '../model/parse.js';
import { PREPARED_DATA_PATHS } from '../model/prepared-data-schemas.js';
import { defineWorkflow, type WorkflowSpec } from '../workflows/define.js';
import { CliError, EXIT } from './exit.js';
import { readJson } from './files.js';
import type { CliIo } from './io.js';

const list = <const T extends v.PicklistOptions>(options: T, what: string) =>
  v.array(v.picklist(options, `must be one of ${options.join(', ')} (${what})`));

const PATHS = list(PREPARED_DATA_PATHS as [string, ...string[]], 'prepared-data keys');

/** One tenant workflow definition, as `defineWorkflow` takes it (unknown fields are errors: typos). */
const WorkflowSpecSchema = v.strictObject({
  key: v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1')),
  name: v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty')),
  credentials: list(CREDENTIAL_CATEGORIES, 'credential categories'),
  requiredPresets: v.optional(list(PRESET_CATEGORIES, 'preset categories')),
  requiredFields: v.optional(v.array(v.picklist(['userReference'], 'must be userReference'))),
  updateOnly: v.optional(v.boolean('must be true or false')),
  reusesCredential: v.optional(v.boolean('must be true or false')),
  channels: list(CHANNELS, 'channels'),
  capabilities: v.array(v.string('must be a capability name')),
  notes: v.optional(v.string('must be a string')),
  preparedData: v.optional(
    v.strictObject({
      required: v.optional(PATHS),
      oneOf: v.optional(v.array(PATHS)),
      alpha3: v.optional(PATHS),
      slashDates: v.optional(v.boolean('must be true or false')),
    }),
  ),
});

/**
 * Reads a `--workflows` file: a JSON array of `defineWorkflow` definitions. Every broken entry is
 * named (index and key) with its fields, on one line; an invalid file exits 1.
 */
export async function readWorkflows(source: string, io: CliIo): Promise<WorkflowSpec[]> {
  const value = await readJson(source, io);
  if (!Array.isArray(value)) {
    throw new CliError(EXIT.invalid, `--workflows ${source}: must be a JSON array of workflow definitions`);
  }
  const problems: string[] = [];
  const specs: WorkflowSpec[] = [];
  const seen = new Set<number>();
  value.forEach((entry: unknown, index) => {
    const key = typeof entry === 'object' && entry !== null ? (entry as { key?: unknown }).key : undefined;
    const name = `entry ${index}${typeof key === 'number' ? ` (key ${key})` : ''}`;
    const parsed = parseWith(WorkflowSpecSchema, entry);
    if (!parsed.success) {
      problems.push(`${name}: ${parsed.issues.map((i) => `${i.path || '(entry)'} ${i.message}`).join(', ')}`);
      return;
    }
    if (seen.has(parsed.output.key)) {
      problems.push(`${name}: key ${parsed.output.key} is defined twice`);
      return;
    }
    seen.add(parsed.output.key);
    specs.push(defineWorkflow(parsed.output as WorkflowSpec));
  });
  if (problems.length > 0) throw new CliError(EXIT.invalid, `--workflows ${source}: ${problems.join('; ')}`);
  return specs;
}
