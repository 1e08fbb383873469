import * as v from 'valibot';

// The building blocks of the response schemas (src/model/response.ts, src/model/capability-data.ts).
// Lenient by design: a string is any string, a number any number; only what the client relies on
// (ids, URLs it calls) is checked further.

/** Any string. */
export const TEXT = v.string('must be a string');

/** Any number (integers and floats such as `100.0`). */
export const NUMBER = v.number('must be a number');

/** A UUID (account, execution and credential ids the client builds URLs from). */
export const ID = v.pipe(TEXT, v.uuid('must be a UUID'));

/** An absolute URL the client calls. */
export const URL_STRING = v.pipe(
  TEXT,
  v.check((s) => URL.canParse(s), 'must be an absolute URL'),
);

/** A string or a number: Jumio documents integers where real bodies carry strings (`"53"`). */
export const STRING_OR_NUMBER = v.union([TEXT, NUMBER], 'must be a string or a number');

/** An optional field of a schema (absent is fine, `undefined` is not a JSON value). */
export const optional = <S extends v.GenericSchema>(schema: S) => v.exactOptional(schema);
