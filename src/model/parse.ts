import * as v from 'valibot';
import type { KyxIssue } from '../errors.js';

/** Readable fallback for issues whose schema sets no message of its own. */
function fallbackMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.expected === 'never') return 'is not a known field';
  if (issue.received === 'undefined') return 'is required';
  const expected = issue.expected === 'Object' ? 'an object' : issue.expected === 'Array' ? 'a list' : issue.expected;
  return `must be ${expected} (got ${issue.received})`;
}

/**
 * Validates `input` with a valibot schema, collecting every issue as `{ path, message }` with
 * readable messages. The one way this library runs its schemas (builder, client, simulator).
 */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): { success: true; output: v.InferOutput<S> } | { success: false; issues: KyxIssue[] } {
  const result = v.safeParse(schema, input, { abortEarly: false, message: fallbackMessage });
  if (result.success) return { success: true, output: result.output };
  return {
    success: false,
    issues: result.issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', message: issue.message })),
  };
}
