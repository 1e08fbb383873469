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
}

/** The empty node of `account()` / `account(accountId)`. */
export function emptyNode(accountId: string | undefined): AccountNode {
  return { accountId, fields: {}, workflow: undefined, presets: [], capabilities: {} };
}

/**
 * A deep copy of a JSON-like value without `undefined` properties (as JSON.stringify drops
 * them), so a builder never shares objects with its caller.
 */
export function plainCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plainCopy) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  // Object.keys and an indexed loop: the same own enumerable properties as Object.entries, without its pairs.
  const names = Object.keys(source);
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const item = source[name];
    if (item !== undefined) copy[name] = plainCopy(item);
  }
  return copy as T;
}
