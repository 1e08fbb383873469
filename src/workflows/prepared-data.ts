import type { KyxIssue, KyxResult } from '../errors/index.js';
import { parseWith } from '../model/parse.js';
import type { PreparedData } from '../model/prepared-data.js';
import { PREPARED_DATA_KEYS, PreparedDataSchema, SlashDatePreparedDataSchema } from '../model/prepared-data-schemas.js';
import { findWorkflow } from './catalog.js';
import type { WorkflowSpec } from './define.js';

/**
 * Options of {@link validatePreparedData}.
 *
 * @example
 * ```ts
 * import type { ValidatePreparedDataOptions } from 'jumio-kyx';
 * const options: ValidatePreparedDataOptions = { workflow: 10065 };
 * ```
 */
export interface ValidatePreparedDataOptions {
  /** The workflow the data is for (a key or a definition): its catalog entry's rules apply. Without it, formats only. */
  workflow?: number | WorkflowSpec;
  /** Tenant workflows (from `defineWorkflow`) that a numeric `workflow` may name. */
  workflows?: readonly WorkflowSpec[];
  /**
   * Keys that {@link PreparedData} does not list: `'reject'` (the default) reports them (a
   * misspelt key would otherwise be sent and ignored); `'allow'` sends them as given (a key Jumio
   * documents later, or one your tenant was told to send).
   */
  unknownFields?: 'reject' | 'allow';
}

/**
 * Result of {@link validatePreparedData}: the data, or every problem found.
 */
export type PreparedDataValidationResult = KyxResult<PreparedData>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a dotted key, `undefined` when absent. */
function valueAt(data: Record<string, unknown>, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split('.')) {
    if (!isObject(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

const present = (data: Record<string, unknown>, path: string) => {
  const value = valueAt(data, path);
  return value !== undefined && value !== null;
};

/** Keys the schema does not list, with a hint when only the letter case differs. */
function unknownKeyIssues(data: Record<string, unknown>): KyxIssue[] {
  const issues: KyxIssue[] = [];
  const check = (object: Record<string, unknown>, known: readonly string[], prefix: string) => {
    for (const key of Object.keys(object)) {
      if (known.includes(key)) continue;
      const near = known.find((k) => k.toLowerCase() === key.toLowerCase());
      issues.push({
        path: `${prefix}${key}`,
        message: `is not a documented prepared-data key${near ? ` (did you mean '${prefix}${near}'?)` : ''}`,
      });
    }
  };
  check(data, PREPARED_DATA_KEYS.top, '');
  for (const nested of ['address', 'id', 'ine'] as const) {
    const value = data[nested];
    if (isObject(value)) check(value, PREPARED_DATA_KEYS[nested], `${nested}.`);
  }
  return issues;
}

const oneOfList = (group: readonly string[]) =>
  group.length > 1 ? `${group.slice(0, -1).join(', ')} or ${group[group.length - 1]}` : (group[0] ?? '');

/** The rules of a workflow's catalog entry that `data` breaks. */
function workflowIssues(data: Record<string, unknown>, spec: WorkflowSpec): KyxIssue[] {
  if (!spec.credentials.includes('DATA')) {
    return [
      {
        path: 'data',
        message: `workflow ${spec.key} collects no DATA credential (it collects ${spec.credentials.join(', ')}), so it takes no prepared data`,
      },
    ];
  }
  const rules = spec.preparedData;
  if (rules === undefined) return [];
  const issues: KyxIssue[] = [];
  for (const path of rules.required ?? []) {
    if (!present(data, path)) issues.push({ path, message: `is required by workflow ${spec.key}` });
  }
  for (const group of rules.oneOf ?? []) {
    if (!group.some((path) => present(data, path))) {
      issues.push({
        path: group[0] ?? '',
        message: `workflow ${spec.key} needs one of ${oneOfList(group)}`,
      });
    }
  }
  for (const path of rules.alpha3 ?? []) {
    const value = valueAt(data, path);
    if (typeof value === 'string' && /^[A-Z]{2}$/.test(value)) {
      issues.push({
        path,
        message: `must be an ISO 3166-1 alpha-3 code for workflow ${spec.key}, which does not accept alpha-2 (got a two-letter code)`,
      });
    }
  }
  return issues;
}

function resolveSpec(options: ValidatePreparedDataOptions): WorkflowSpec | KyxIssue | undefined {
  const { workflow } = options;
  if (workflow === undefined) return undefined;
  if (typeof workflow === 'object') return workflow;
  return (
    options.workflows?.find((w) => w.key === workflow) ??
    findWorkflow(workflow) ?? {
      path: 'workflow',
      message: `workflow ${workflow} is neither in the catalog nor among your workflows: pass its definition`,
    }
  );
}

/**
 * Checks prepared data before it is sent: every documented key at its format (E.164 phone
 * numbers, e-mail, IPv4/IPv6, `YYYY-MM-DD` dates, ISO country codes, an SSN of 4 or 9 digits, an
 * integer `ine.registrationYear`), keys {@link PreparedData} does not list, and, for a workflow,
 * the rules of its catalog entry (required keys, one-of groups, alpha-3 only). Every problem is
 * named by its dotted path. `client.uploadData`, the simulator and `kyx validate --data` all
 * check prepared data with this one function. Never throws.
 *
 * @example
 * ```ts
 * import { validatePreparedData } from 'jumio-kyx';
 * validatePreparedData({ phoneNumber: '+15031234567' }, { workflow: 10065 }).success; // true
 * const result = validatePreparedData({ phoneNumber: '5031234567' }, { workflow: 10065 });
 * if (!result.success) console.log(result.issues);
 * // [{ path: 'phoneNumber', message: 'must be an E.164 phone number with its country code, e.g. +15031234567' }]
 * ```
 */
export function validatePreparedData(
  data: unknown,
  options: ValidatePreparedDataOptions = {},
): PreparedDataValidationResult {
  if (!isObject(data)) return { success: false, issues: [{ path: 'data', message: 'must be a JSON object' }] };
  const spec = resolveSpec(options);
  if (spec !== undefined && 'path' in spec) return { success: false, issues: [spec] };
  const schema = spec?.preparedData?.slashDates ? SlashDatePreparedDataSchema : PreparedDataSchema;
  // prepared data is personal data: messages never quote a value
  const parsed = parseWith(schema, data, { quoteValues: false });
  const issues = [
    ...(parsed.success ? [] : parsed.issues),
    ...(options.unknownFields === 'allow' ? [] : unknownKeyIssues(data)),
    ...(spec ? workflowIssues(data, spec) : []),
  ];
  const reported = new Set<string>();
  const unique = issues.filter((issue) => {
    const id = `${issue.path}\u0000${issue.message}`;
    if (reported.has(id)) return false;
    reported.add(id);
    return true;
  });
  if (unique.length > 0 || !parsed.success) return { success: false, issues: unique };
  return { success: true, output: parsed.output };
}
