import * as v from 'valibot';
import type { KyxResult } from '../errors.js';

/** Readable fallback for issues whose schema sets no message of its own. */
function fallbackMessage(issue: v.BaseIssue<unknown>, quote: boolean): string {
  if (issue.expected === 'never') return 'is not a known field';
  if (issue.received === 'undefined') return 'is required';
  const expected = issue.expected === 'Object' ? 'an object' : issue.expected === 'Array' ? 'a list' : issue.expected;
  // valibot shows a received string as its value: from outside, that may be a token
  const received = !quote && issue.received.startsWith('"') ? 'a string' : issue.received;
  return `must be ${expected} (got ${received})`;
}

/** The two parse configurations, made once rather than on every parse. */
const QUOTING: v.Config<v.BaseIssue<unknown>> = {
  abortEarly: false,
  abortPipeEarly: true,
  message: (issue) => fallbackMessage(issue, true),
};
const NOT_QUOTING: v.Config<v.BaseIssue<unknown>> = {
  abortEarly: false,
  abortPipeEarly: true,
  message: (issue) => fallbackMessage(issue, false),
};

/** Options of {@link parseWith}. */
export interface ParseOptions {
  /**
   * Whether messages may quote a received string (default true). `false` for input from outside
   * (responses, callbacks): a token in the wrong field must not end up in an error message.
   */
  quoteValues?: boolean;
}

/**
 * Validates `input` with a valibot schema, collecting every issue as `{ path, message }` with
 * readable messages. The one way this library runs its schemas (builder, client, simulator).
 */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  options: ParseOptions = {},
): KyxResult<v.InferOutput<S>> {
  const result = v.safeParse(schema, input, (options.quoteValues ?? true) ? QUOTING : NOT_QUOTING);
  if (result.success) return { success: true, output: result.output };
  return {
    success: false,
    issues: result.issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', message: issue.message })),
  };
}
