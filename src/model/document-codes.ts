import type { Tagged } from 'type-fest';
import { DOCUMENT_TYPES, type DocumentType } from './codes.js';

// A tenant's own DOCUMENT type codes (set up in the Jumio portal: "a unique document code, no
// blanks, max 10 chars"), written once: the run-time check, its messages, and the compile-time
// check of a literal read the same rule.

/**
 * Longest custom document code the Jumio portal accepts.
 *
 * @example
 * ```ts
 * import { CUSTOM_DOCUMENT_CODE_MAX } from 'jumio-kyx';
 * 'ACMEPAY'.length <= CUSTOM_DOCUMENT_CODE_MAX; // true
 * ```
 */
export const CUSTOM_DOCUMENT_CODE_MAX = 10;

/**
 * A tenant's own DOCUMENT type code, made by {@link customDocumentType}: accepted wherever a
 * document code is (`.document(country, code)`).
 */
export type CustomDocumentCode = Tagged<string, 'CustomDocumentCode'>;

/**
 * A document code: a standard one ({@link DocumentType}, e.g. `'BS'`) or a tenant's own
 * ({@link CustomDocumentCode}).
 */
export type DocumentCode = DocumentType | CustomDocumentCode;

/** What a custom code must be, for messages. */
export const CUSTOM_CODE_RULE = `1–${CUSTOM_DOCUMENT_CODE_MAX} characters, no blanks` as const;

/** The message for the bare `CUSTOM` code (legacy APIs used it; a KYX request names the tenant's code). */
export const BARE_CUSTOM_MESSAGE =
  "'CUSTOM' is not a document code: give your tenant's own code with customDocumentType(code)";

const KNOWN: ReadonlySet<string> = /* @__PURE__ */ new Set(Object.keys(DOCUMENT_TYPES));

/** Blanks, controls and format characters: none may be part of a code. */
const NOT_IN_CODE = /[\s\p{Cc}\p{Cf}]/u;

/** Why `code` cannot be a custom document code, or `undefined` when it can. */
export function customCodeProblem(code: unknown): string | undefined {
  if (typeof code !== 'string') return 'must be a string';
  if (code === 'CUSTOM') return BARE_CUSTOM_MESSAGE;
  if (code.length === 0) return `must not be empty: use the code as set up in the Jumio portal (${CUSTOM_CODE_RULE})`;
  if (code.length > CUSTOM_DOCUMENT_CODE_MAX) {
    return `is ${code.length} characters long: use the code as set up in the Jumio portal (${CUSTOM_CODE_RULE})`;
  }
  if (NOT_IN_CODE.test(code))
    return `contains a blank: use the code as set up in the Jumio portal (${CUSTOM_CODE_RULE})`;
  return undefined;
}

/** Why `code` is not a document code (standard or custom), or `undefined` when it is one. */
export function documentCodeProblem(code: unknown): string | undefined {
  return typeof code === 'string' && KNOWN.has(code) ? undefined : customCodeProblem(code);
}
