import * as v from 'valibot';
import { boundIssues, type KyxResult } from '../errors/issues.js';

/** Readable fallback for issues whose schema sets no message of its own. */
function fallbackMessage(issue: v.BaseIssue<unknown>, quote: boolean): string {
  if (issue.expected === 'never') return 'is not a known field';
  if (issue.received === 'undefined') return 'is required';
  const expected = issue.expected === 'Object' ? 'an object' : issue.expected === 'Array' ? 'a list' : issue.expected;
  // valibot shows a received string as its value: from outside, that may be a token
  const received = !quote && issue.received.startsWith('"') ? 'a string' : issue.received;
  return `must be ${expected} (got ${received})`;
}

/**
 * A parse configuration that stops collecting after 1,000 issues (past that, a hostile input of
 * 400k wrong list items would block the event loop for seconds building issues nobody reads):
 * valibot reads `lang` once per issue it creates and `abortEarly` after each, so the count turns
 * `abortEarly` on (the parse still fails; only the issues past the bound are never created).
 */
function config(quote: boolean): v.Config<v.BaseIssue<unknown>> {
  let created = 0;
  return {
    get lang() {
      created++;
      return undefined;
    },
    get abortEarly() {
      return created >= 1_000;
    },
    abortPipeEarly: true,
    message: (issue) => fallbackMessage(issue, quote),
  };
}

/** Options of {@link parseWith}. */
export interface ParseOptions {
  /**
   * Whether messages may quote a received string (default true). `false` for input from outside
   * (responses, callbacks): a token in the wrong field must not end up in an error message.
   */
  quoteValues?: boolean;
}

/**
 * Validates `input` with a valibot schema, collecting its issues as `{ path, message }` with
 * readable messages (the first 50, then one that counts the rest). The one way this library runs its schemas (builder, client, simulator).
 */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  options: ParseOptions = {},
): KyxResult<v.InferOutput<S>> {
  const settings = config(options.quoteValues ?? true);
  // `~run` as `safeParse` calls it, with this configuration itself (`safeParse` copies it, which
  // would read the counting getters once)
  const result = schema['~run']({ value: input }, settings);
  if (result.issues === undefined) return { success: true, output: result.value as v.InferOutput<S> };
  // only the issues shown are turned into paths and messages
  const shown = result.issues
    .slice(0, 51)
    .map((issue) => ({ path: v.getDotPath(issue) ?? '', message: issue.message }));
  return { success: false, issues: boundIssues(shown, result.issues.length, settings.abortEarly ? 'at least ' : '') };
}
