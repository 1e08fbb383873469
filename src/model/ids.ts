import type { Tagged } from 'type-fest';
import * as v from 'valibot';

/**
 * The id of a Jumio account, as responses carry it: a UUID string branded so that it cannot be
 * passed where a workflow execution or credential id belongs. A plain `string` (from your
 * database) is still accepted wherever the client takes one.
 *
 * @example
 * ```ts
 * import type { AccountId, AccountResponse } from 'jumio-kyx';
 * declare const response: AccountResponse;
 * const id: AccountId = response.account.id;
 * const stored: string = id; // still a string
 * ```
 */
export type AccountId = Tagged<string, 'AccountId'>;

/**
 * The id of a workflow execution (a transaction), branded like {@link AccountId}.
 *
 * @example
 * ```ts
 * import type { AccountResponse, WorkflowExecutionId } from 'jumio-kyx';
 * declare const response: AccountResponse;
 * const id: WorkflowExecutionId = response.workflowExecution.id;
 * ```
 */
export type WorkflowExecutionId = Tagged<string, 'WorkflowExecutionId'>;

/**
 * The id of a credential of a workflow execution, branded like {@link AccountId}.
 *
 * @example
 * ```ts
 * import { type CredentialId, findCredential, type AccountResponse } from 'jumio-kyx';
 * declare const response: AccountResponse;
 * const id: CredentialId | undefined = findCredential(response, 'ID')?.id;
 * ```
 */
export type CredentialId = Tagged<string, 'CredentialId'>;

/** type-fest's tag key (a unique symbol), read off a tagged type rather than imported from its dependency. */
type TagKey = Exclude<keyof AccountId, keyof string>;

/**
 * A string that carries no brand: a plain `string` or literal is one, an {@link AccountId} is not.
 */
export type UntaggedString = string & { readonly [K in TagKey]?: never };

/**
 * Where the client takes an id of kind `Id`: that branded id or a plain string, never a string
 * branded as another kind of id (`AccountIdInput` rejects a `WorkflowExecutionId`).
 */
export type IdInput<Id extends AccountId | WorkflowExecutionId | CredentialId> = Id | UntaggedString;

const UUID = v.pipe(v.string('must be a string'), v.uuid('must be a UUID'));

/** Schema of an {@link AccountId} in a response: a UUID string, typed as the brand. */
export const AccountIdSchema: v.GenericSchema<string, AccountId> = v.pipe(
  UUID,
  v.transform((id) => id as AccountId),
);

/** Schema of a {@link WorkflowExecutionId} in a response: a UUID string, typed as the brand. */
export const WorkflowExecutionIdSchema: v.GenericSchema<string, WorkflowExecutionId> = v.pipe(
  UUID,
  v.transform((id) => id as WorkflowExecutionId),
);

/** Schema of a {@link CredentialId} in a response: a UUID string, typed as the brand. */
export const CredentialIdSchema: v.GenericSchema<string, CredentialId> = v.pipe(
  UUID,
  v.transform((id) => id as CredentialId),
);

/** A credential id where responses are lenient (details): any string, typed as the brand. */
export const CredentialIdTextSchema: v.GenericSchema<string, CredentialId> = v.pipe(
  v.string('must be a string'),
  v.transform((id) => id as CredentialId),
);
