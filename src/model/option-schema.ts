import * as v from 'valibot';
import { KyxValidationError } from '../errors/validation.js';
import { parseWith } from './parse.js';

// Internal: the schemas of options objects (createClient, send's idempotencyKey, a call's timeout
// and deadline, sendAll, waitForResult, the callback handler, createResults, redisStore, the
// simulator server) are built with these and run like requests are. Never exported from an
// entry, never imported by the builder: option types stay plain interfaces in the declarations.

/**
 * An options object: unknown keys pass; a missing required key gets the message of its own
 * entry (so `onResult: must be a function` whether it is absent or wrong), anything that is
 * not an object `message`.
 */
export const optionsObject = <const E extends v.ObjectEntries>(entries: E, message = 'must be an object') =>
  v.looseObject(entries, (issue: v.LooseObjectIssue) => {
    const key = issue.path?.[0]?.key;
    const own = typeof key === 'string' ? (entries[key] as { message?: unknown } | undefined)?.message : undefined;
    return typeof own === 'string' ? own : message;
  });

/** A number within `[min, max]` (whole when `integer`): one message names the rule. */
export const numberIn = (min: number, max: number, message: string, integer = false) =>
  v.pipe(
    v.number(message),
    v.minValue(min, message),
    v.maxValue(max, message),
    v.check((n) => !integer || Number.isInteger(n), message),
  );

/** A finite number above 0. */
export const positive = (message: string) =>
  v.pipe(
    v.number(message),
    v.check((n) => n > 0 && n < Number.POSITIVE_INFINITY, message),
  );

const FALSE = v.literal(false);

/** `false` or what `schema` accepts (`schema`'s own issues otherwise, not a union's). */
export const falseOr = <S extends v.GenericSchema>(schema: S) =>
  v.lazy((input) => (input === false ? FALSE : schema)) as v.GenericSchema<false | v.InferInput<S>>;

/**
 * Checks an options object as requests are checked ({@link parseWith}; values never quoted):
 * every issue of `input` in one `KyxValidationError` (`Invalid <subject>`), each naming its
 * field and the rule.
 */
export function checkOptionsWith(schema: v.GenericSchema, input: unknown, subject: string): void {
  const value = input ?? {};
  if (v.is(schema, value)) return; // some are checked on every call: good options stay cheap
  const result = parseWith(schema, value, { quoteValues: false });
  if (!result.success) throw new KyxValidationError({ issues: result.issues, subject });
}
