import { KyxValidationError } from '../errors/index.js';
import type { PresetCategory } from '../model/codes.js';
import type { AccountRequest, Capabilities, CredentialPreset } from '../model/request.js';
import type { WorkflowSpec } from '../workflows/define.js';

/** The fields a builder sets directly on the request body. */
export type DirectFields = Partial<
  Pick<
    AccountRequest,
    | 'customerInternalReference'
    | 'userReference'
    | 'reportingCriteria'
    | 'callbackUrl'
    | 'tokenLifetime'
    | 'web'
    | 'userConsent'
    | 'overrideSettings'
  >
>;

/**
 * Everything a builder has been told, as an immutable plain value. `compile` turns it into a
 * request; the builder itself knows no HTTP.
 */
export interface AccountNode {
  readonly accountId: string | undefined;
  readonly fields: Readonly<DirectFields>;
  readonly workflow: number | WorkflowSpec | undefined;
  /** One preset per category, in the order first added. */
  readonly presets: readonly (readonly [PresetCategory, CredentialPreset])[];
  readonly capabilities: Readonly<Capabilities>;
  /** What `.extra()` adds to the body (every call merged), or `undefined`. */
  readonly extra: Readonly<Record<string, unknown>> | undefined;
}

/** The empty node of `account()` / `account(accountId)`. */
export function emptyNode(accountId: string | undefined): AccountNode {
  return { accountId, fields: {}, workflow: undefined, presets: [], capabilities: {}, extra: undefined };
}

/** How deep an argument object may nest (the request's own shapes nest 4 levels). */
export const MAX_ARGUMENT_DEPTH = 32;

/** Why a copy stopped, with the path below the field where it did. */
class CopyStop {
  constructor(readonly message: string) {}
}

function copyValue(value: unknown, keys: string[], stack: object[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (stack.length >= MAX_ARGUMENT_DEPTH) {
    throw new CopyStop(`is nested deeper than ${MAX_ARGUMENT_DEPTH} levels: pass plain JSON data`);
  }
  if (stack.includes(value)) throw new CopyStop('contains a cycle (an object inside itself): pass plain JSON data');
  stack.push(value);
  let copy: unknown;
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      keys.push(String(i));
      items[i] = copyValue(value[i], keys, stack);
      keys.pop();
    }
    copy = items;
  } else {
    const out: Record<string, unknown> = {};
    const source = value as Record<string, unknown>;
    // Object.keys and an indexed loop: the same own enumerable properties as Object.entries, without its pairs.
    const names = Object.keys(source);
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      // never a prototype or a constructor: `{"__proto__": …}` from JSON.parse is an own key
      if (name === '__proto__' || name === 'constructor') continue;
      keys.push(name);
      const item = source[name];
      if (item !== undefined) out[name] = copyValue(item, keys, stack);
      keys.pop();
    }
    copy = out;
  }
  stack.pop();
  return copy;
}

/**
 * A deep copy of a JSON-like value without `undefined` properties (as JSON.stringify drops
 * them), so a builder never shares objects with its caller. `__proto__` and `constructor` keys
 * are dropped. A cycle, nesting past {@link MAX_ARGUMENT_DEPTH}, or a getter or Proxy that
 * throws is a `KyxValidationError` naming `field` (and the path below it).
 */
export function plainCopy<T>(value: T, field: string): T {
  if (typeof value !== 'object' || value === null) return value;
  const keys: string[] = [];
  try {
    return copyValue(value, keys, []) as T;
  } catch (error) {
    const message =
      error instanceof CopyStop
        ? error.message
        : 'could not be read (a getter or Proxy threw while it was copied): pass plain JSON data';
    throw new KyxValidationError({ issues: [{ path: [field, ...keys].join('.'), message }], subject: 'request' });
  }
}
