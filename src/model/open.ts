import type * as v from 'valibot';
import type { KyxIssue } from '../errors/issues.js';

// Fields the schemas do not know, let through where the caller allows them (`.extra()`,
// `unknownFields: 'allow'`): they are taken out before the strict schemas run, and put back
// into the validated output as given. Fields the schemas know keep every check.

/** A field the schemas do not know: where it is, and its value as given. */
export interface UnknownField {
  readonly path: readonly string[];
  readonly value: unknown;
}

/** The parts of a valibot schema this walk reads (objects, arrays, variants, optional wrappers). */
interface SchemaShape {
  readonly type: string;
  readonly entries?: Record<string, SchemaShape>;
  readonly wrapped?: SchemaShape;
  readonly item?: SchemaShape;
  readonly key?: string;
  readonly options?: readonly SchemaShape[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object schema `schema` is (through optional wrappers), for a value that is an object. */
function objectSchema(schema: SchemaShape, value: Record<string, unknown>): SchemaShape | undefined {
  if (schema.type === 'exact_optional' || schema.type === 'optional') {
    return schema.wrapped && objectSchema(schema.wrapped, value);
  }
  if (schema.entries) return schema;
  // a variant: the option its discriminator names; none (an unknown category) is the schema's to report
  if (schema.type === 'variant' && schema.key !== undefined) {
    const tag = value[schema.key];
    return schema.options?.find((o) => (o.entries?.[schema.key as string] as { literal?: unknown })?.literal === tag);
  }
  return undefined;
}

function arrayItem(schema: SchemaShape): SchemaShape | undefined {
  if (schema.type === 'exact_optional' || schema.type === 'optional')
    return schema.wrapped && arrayItem(schema.wrapped);
  return schema.type === 'array' ? schema.item : undefined;
}

function split(
  schema: SchemaShape,
  value: unknown,
  path: string[],
  allow: (path: readonly string[]) => boolean,
  unknown: UnknownField[],
): unknown {
  if (Array.isArray(value)) {
    const item = arrayItem(schema);
    return item ? value.map((element, i) => split(item, element, [...path, String(i)], allow, unknown)) : value;
  }
  if (!isRecord(value)) return value;
  const shape = objectSchema(schema, value);
  if (!shape?.entries) return value;
  const known: Record<string, unknown> = {};
  for (const name of Object.keys(value)) {
    const entry = shape.entries[name];
    const at = [...path, name];
    if (entry) known[name] = split(entry, value[name], at, allow, unknown);
    else if (allow(at)) unknown.push({ path: at, value: value[name] });
    else known[name] = value[name]; // left for the schema to report: "is not a known field"
  }
  return known;
}

/**
 * Splits `value` into what `schema` knows and the fields it does not know whose path `allow`
 * accepts. The known part is a new object (the input is not changed); unknown fields that
 * `allow` refuses stay in it, for the strict schema to report.
 */
export function splitUnknown(
  schema: v.GenericSchema,
  value: unknown,
  allow: (path: readonly string[]) => boolean,
): { known: unknown; unknown: UnknownField[] } {
  const unknown: UnknownField[] = [];
  const known = split(schema as unknown as SchemaShape, value, [], allow, unknown);
  return { known, unknown };
}

/** Whether a value is JSON data (what is sent as given must survive JSON.stringify unchanged). */
function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  return (
    isRecord(value) &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.values(value).every((item) => item === undefined || isJson(item))
  );
}

/** Problems of the unknown fields' values: each must be JSON data. */
export function unknownIssues(fields: readonly UnknownField[]): KyxIssue[] {
  const issues: KyxIssue[] = [];
  for (const field of fields) {
    if (!isJson(field.value)) {
      issues.push({
        path: field.path.join('.'),
        message: 'must be JSON data: a string, a finite number, true, false, null, a list or a plain object',
      });
    }
  }
  return issues;
}

/**
 * Puts unknown fields back into a validated output (a fresh object from valibot), each at the
 * end of its object, as a deep copy (JSON round trip: the output shares nothing with the input).
 */
export function insertUnknown<T>(output: T, fields: readonly UnknownField[]): T {
  for (const { path, value } of fields) {
    let target = output as unknown as Record<string, unknown>;
    for (let i = 0; i < path.length - 1; i++) target = target[path[i] as string] as Record<string, unknown>;
    target[path[path.length - 1] as string] = JSON.parse(JSON.stringify(value));
  }
  return output;
}
