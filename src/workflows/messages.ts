import type { PresetCategory } from '../model/codes.js';

// The words of every catalog rule, written once. The run-time issues (rules.ts) call these
// functions; the builder's compile-time errors (builder/types.ts) are their return types, read
// through the `…Message` type beside each function, so the two cannot drift apart. Each such type
// is a conditional on the key: TypeScript defers it until the key is known (an error is shown),
// so a chain that compiles pays nothing for it (measured in bench/types/index.ts).

/** The builder call that adds a preset of each category, for messages. */
export const PRESET_METHOD = {
  ID: '.id({ country, type })',
  DOCUMENT: '.document(country, type)',
  FACEMAP: '.facemap()',
  SELFIE: '.selfie()',
} as const satisfies Record<PresetCategory, string>;

/** The call that reuses the ID credential on file (no id: the latest), for a workflow that reuses one (workflow 5). */
export const REUSE_ID_METHOD = ".reuse('ID', credentialId)";

/** A credential on file named on a create: reuse needs an account that holds it. */
export const REUSE_ON_CREATE =
  'reusing a credential needs an existing account: start from account(accountId) to reuse its credentials';

/** {@link REUSE_ON_CREATE} in the words of a JSON body. */
const REUSE_ON_CREATE_JSON =
  'reusing a credential needs an existing account: send the body to that account (PUT /api/v1/accounts/{accountId}; kyx --update)';

/** The call that sets the user reference a workflow requires. */
export const USER_METHOD = '.user(userReference)';

/** What a builder does to make an update-only workflow run on an existing account. */
export const UPDATE_METHOD = 'start from account(accountId)';

/**
 * Who reads a message: `builder` names the builder's methods (`.user(userReference)`), `json`
 * the body's fields (`add "userReference"`), for bodies from files, queues and other services
 * (`validateAccountRequest`, `fromBody`, `kyx validate`, the simulator's 400s).
 */
export type Wording = 'builder' | 'json';

/** How each missing part is added, in both wordings; every rule message takes its words from here. */
export const HOW = {
  builder: {
    preset: PRESET_METHOD,
    reuseId: REUSE_ID_METHOD,
    reuseOnCreate: REUSE_ON_CREATE,
    user: USER_METHOD,
    update: UPDATE_METHOD,
  },
  json: {
    preset: {
      ID: 'an ID credential: add {"category": "ID"} to "workflowDefinition.credentials"',
      DOCUMENT:
        'a DOCUMENT credential: add {"category": "DOCUMENT", "country": …, "type": …} to "workflowDefinition.credentials"',
      FACEMAP: 'a FACEMAP credential: add {"category": "FACEMAP"} to "workflowDefinition.credentials"',
      SELFIE: 'a SELFIE credential: add {"category": "SELFIE"} to "workflowDefinition.credentials"',
    },
    reuseId:
      'the ID credential on file: add {"category": "ID", "id": credentialId} to "workflowDefinition.credentials"',
    reuseOnCreate: REUSE_ON_CREATE_JSON,
    user: 'a user reference: add "userReference"',
    update: 'send it to an existing account (PUT /api/v1/accounts/{accountId}; kyx --update)',
  },
} as const satisfies Record<Wording, unknown>;

/** The call (or, for JSON, the field) that adds a preset of `category` for a workflow (one that reuses a credential names it by id). */
export function presetCall(
  category: PresetCategory,
  reusesCredential: boolean | undefined,
  wording: Wording = 'builder',
): string {
  return reusesCredential && category === 'ID' ? HOW[wording].reuseId : HOW[wording].preset[category];
}

/** A workflow's credential categories as messages list them: `ID, SELFIE, FACEMAP`. */
export type CategoryList<T extends readonly string[]> = T extends readonly [
  infer First extends string,
  ...infer Rest extends string[],
]
  ? Rest extends []
    ? First
    : `${First}, ${CategoryList<Rest>}`
  : string;

/** {@link CategoryList} at run time. */
export function categoryList<const T extends readonly string[]>(categories: T): CategoryList<T> {
  return categories.join(', ') as CategoryList<T>;
}

/** An update-only workflow (5, 9, 10014) on a create. */
export function updateOnlyMessage<K extends number, How extends string = typeof UPDATE_METHOD>(
  key: K,
  how: How = UPDATE_METHOD as How,
) {
  return `workflow ${key} runs only on an existing account: ${how}` as const;
}

/** {@link updateOnlyMessage} as a type. */
export type UpdateOnlyMessage<K> = K extends number ? ReturnType<typeof updateOnlyMessage<K>> : never;

/** A preset of a category the workflow does not collect; `collects` from {@link categoryList}. */
export function notAcceptedMessage<K extends number, C extends PresetCategory, Collects extends string>(
  key: K,
  category: C,
  collects: Collects,
) {
  const article = (category === 'ID' ? 'an' : 'a') as C extends 'ID' ? 'an' : 'a';
  return `workflow ${key} does not accept ${article} ${category} credential (it collects ${collects})` as const;
}

/** {@link notAcceptedMessage} as a type; one message per category of a union `C`. */
export type NotAcceptedMessage<K, C, Collects extends string> = K extends number
  ? C extends PresetCategory
    ? ReturnType<typeof notAcceptedMessage<K, C, Collects>>
    : never
  : never;

/** A required preset or field that is missing; `call` is what adds it ({@link presetCall}, {@link USER_METHOD}). */
export function requiresMessage<K extends number, Call extends string>(key: K, call: Call) {
  return `workflow ${key} requires ${call}` as const;
}

/** {@link requiresMessage} as a type. */
export type RequiresMessage<K, Call extends string> = K extends number
  ? ReturnType<typeof requiresMessage<K, Call>>
  : never;

/** `capability.extraction()` where the workflow collects no DOCUMENT. */
export function noExtractionMessage<K extends number>(key: K) {
  return `workflow ${key} accepts no DOCUMENT credential, so extraction cannot be configured` as const;
}

/** {@link noExtractionMessage} as a type. */
export type NoExtractionMessage<K> = K extends number ? ReturnType<typeof noExtractionMessage<K>> : never;

/** `capability.watchlist()` where the workflow runs no screening. */
export function noWatchlistMessage<K extends number>(key: K) {
  return `workflow ${key} does not run watchlist screening` as const;
}

/** {@link noWatchlistMessage} as a type. */
export type NoWatchlistMessage<K> = K extends number ? ReturnType<typeof noWatchlistMessage<K>> : never;
