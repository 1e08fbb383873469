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
class ParseConfig implements v.Config<v.BaseIssue<unknown>> {
  // The counter and the getters live on a class (one shape, getters on the prototype): an object
  // literal with getters, made for every parse, cost about 7 % of a builder's `build()`. (valibot's
  // `v.config`/`v.message` would spread it and lose the getters; no schema here uses them.)
  #created = 0;
  readonly abortPipeEarly = true;
  readonly message: v.ErrorMessage<v.BaseIssue<unknown>>;
  constructor(quote: boolean) {
    this.message = quote ? quotedMessage : unquotedMessage;
  }
  get lang(): undefined {
    this.#created++;
    return undefined;
  }
  get abortEarly(): boolean {
    return this.#created >= 1_000;
  }
}

const quotedMessage = (issue: v.BaseIssue<unknown>) => fallbackMessage(issue, true);
const unquotedMessage = (issue: v.BaseIssue<unknown>) => fallbackMessage(issue, false);

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
  const parts = new PartsParse(options.quoteValues ?? true);
  return parts.result(parts.run(schema, input, '') as v.InferOutput<S>);
}

/**
 * A body checked in parts with the schemas of its fields (the builder's bodies, whose shape the
 * builder made): {@link parseWith}'s messages, paths and 1,000-issue bound over all the parts,
 * each part's issue paths under the part's own path.
 */
export class PartsParse {
  readonly #settings: ParseConfig;
  readonly #issues: { path: string; message: string }[] = [];
  #total = 0;

  /** `quote`: see {@link ParseOptions.quoteValues}. */
  constructor(quote = true) {
    this.#settings = new ParseConfig(quote);
  }

  /** The output of `schema` for `input` (`undefined` when it has issues, which are kept) at `path`. */
  run(schema: v.GenericSchema, input: unknown, path: string): unknown {
    // `~run` as `safeParse` calls it, with this configuration itself (`safeParse` copies it, which
    // would read the counting getters once)
    const result = schema['~run']({ value: input }, this.#settings);
    if (result.issues === undefined) return result.value;
    for (const issue of result.issues) {
      if (this.#total++ > 50) continue; // only the issues shown are turned into paths and messages
      const below = v.getDotPath(issue) ?? '';
      this.#issues.push({ path: path && below ? `${path}.${below}` : path || below, message: issue.message });
    }
    return undefined;
  }

  /** A required field that is missing, as a strict object schema reports it. */
  missing(path: string): void {
    if (this.#total++ <= 50) this.#issues.push({ path, message: 'is required' });
  }

  /** `output` when no part had issues, else every issue (the first 50, then one that counts the rest). */
  result<T>(output: T): KyxResult<T> {
    if (this.#total === 0) return { success: true, output };
    const more = this.#settings.abortEarly ? 'at least ' : '';
    return { success: false, issues: boundIssues(this.#issues, this.#total, more) };
  }
}
