import { KyxValidationError } from '../errors/index.js';
import type { ExecutionRecord } from '../model/execution-record.js';
import type { AccountId, CredentialId, IdInput, WorkflowExecutionId } from '../model/ids.js';
import { UUID_PATTERN } from '../model/rules.js';

export type { ExecutionRecord };

/**
 * The two ids of a workflow execution, e.g. as stored in your database. Plain strings are fine;
 * a value branded as the other id (an `AccountId` as `workflowExecutionId`) does not compile.
 *
 * @example
 * ```ts
 * import type { ExecutionIds } from 'jumio-kyx';
 * const stored: ExecutionIds = {
 *   accountId: '572ac7b5-9f83-409d-ba8e-f0014e411c7e',
 *   workflowExecutionId: '41f71912-1c6b-4e2f-b340-d6dc10cd69b8',
 * };
 * ```
 */
export interface ExecutionIds {
  /** The account's id. */
  readonly accountId: IdInput<AccountId>;
  /** The workflow execution's id. */
  readonly workflowExecutionId: IdInput<WorkflowExecutionId>;
}

/**
 * Workflow details name their execution `workflow.id`.
 *
 * @example
 * ```ts
 * import type { DetailsRecord, WorkflowDetails } from 'jumio-kyx';
 * declare const details: WorkflowDetails;
 * const record: DetailsRecord = details;
 * ```
 */
export interface DetailsRecord {
  /** The account. */
  readonly account: { readonly id: IdInput<AccountId> };
  /** The execution. */
  readonly workflow: { readonly id: IdInput<WorkflowExecutionId> };
}

/**
 * What the retrieval and deletion calls take to name a workflow execution: an account response,
 * a status or details response, a callback payload, or `{ accountId, workflowExecutionId }`.
 *
 * @example
 * ```ts
 * import { createClient, parseCallback, type ExecutionReference } from 'jumio-kyx';
 * declare const client: ReturnType<typeof createClient>;
 * declare const body: string;
 * const fromCallback: ExecutionReference = parseCallback(body);
 * const fromDatabase: ExecutionReference = { accountId: 'a…', workflowExecutionId: 'w…' };
 * await client.status(fromCallback);
 * ```
 */
export type ExecutionReference = ExecutionRecord | DetailsRecord | ExecutionIds;

/**
 * A credential by its ids, e.g. as stored in your database, for `client.partImage`.
 *
 * @example
 * ```ts
 * import type { CredentialIds } from 'jumio-kyx';
 * const stored: CredentialIds = {
 *   accountId: '572ac7b5-9f83-409d-ba8e-f0014e411c7e',
 *   credentialId: '3a6a2ab2-3c87-4f5f-8f67-8e6a1f3f5b7c',
 * };
 * ```
 */
export interface CredentialIds {
  /** The account's id. */
  readonly accountId: IdInput<AccountId>;
  /** The credential's id. */
  readonly credentialId: IdInput<CredentialId>;
}

const KINDS =
  'an account response, a status or details response, a callback payload, or { accountId, workflowExecutionId }';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** `value[a][b]`, when both are objects on the way. */
function at(value: Record<string, unknown>, a: string, b: string): unknown {
  const inner = value[a];
  return isObject(inner) ? inner[b] : undefined;
}

/** Checks that every named value is a UUID; the issues name the path the caller wrote. */
export function checkIds(values: Record<string, unknown>, subject = 'retrieval request'): string[] {
  const issues = Object.entries(values)
    .filter(([, value]) => !(typeof value === 'string' && UUID_PATTERN.test(value)))
    .map(([path]) => ({ path, message: 'must be a UUID' }));
  if (issues.length > 0) throw new KyxValidationError({ issues, subject });
  return Object.values(values) as string[];
}

/** The account and execution ids an {@link ExecutionReference} names, checked (`KyxValidationError`). */
export function executionIds(reference: ExecutionReference): { accountId: string; workflowExecutionId: string } {
  if (!isObject(reference)) {
    throw new KyxValidationError({
      issues: [{ path: 'execution', message: `must be ${KINDS}` }],
      subject: 'retrieval request',
    });
  }
  let values: Record<string, unknown>;
  if ('accountId' in reference || 'workflowExecutionId' in reference) {
    values = { accountId: reference['accountId'], workflowExecutionId: reference['workflowExecutionId'] };
  } else if (isObject(reference['workflowExecution'])) {
    values = {
      'account.id': at(reference, 'account', 'id'),
      'workflowExecution.id': at(reference, 'workflowExecution', 'id'),
    };
  } else if (isObject(reference['workflow'])) {
    values = { 'account.id': at(reference, 'account', 'id'), 'workflow.id': at(reference, 'workflow', 'id') };
  } else {
    throw new KyxValidationError({
      issues: [{ path: 'execution', message: `must be ${KINDS}` }],
      subject: 'retrieval request',
    });
  }
  const [accountId, workflowExecutionId] = checkIds(values) as [string, string];
  return { accountId, workflowExecutionId };
}

/** The account id of a reference to an account: an id, or anything with `account.id` or `accountId`. */
export function accountIdOf(reference: unknown): string {
  if (typeof reference === 'string') return (checkIds({ accountId: reference }) as [string])[0];
  if (isObject(reference) && 'accountId' in reference) {
    return (checkIds({ accountId: reference['accountId'] }) as [string])[0];
  }
  if (isObject(reference) && isObject(reference['account'])) {
    return (checkIds({ 'account.id': at(reference, 'account', 'id') }) as [string])[0];
  }
  throw new KyxValidationError({
    issues: [{ path: 'account', message: 'must be an account id, a response naming account.id, or { accountId }' }],
    subject: 'deletion request',
  });
}

/**
 * An account, for `client.deleteAccount`: its id, an account response (or any value naming
 * `account.id`), or `{ accountId }`.
 */
export type AccountReference =
  | IdInput<AccountId>
  | { readonly account: { readonly id: IdInput<AccountId> } }
  | { readonly accountId: IdInput<AccountId> };

/**
 * A credential list as an account response carries it (`workflowExecution.credentials`).
 *
 * @example
 * ```ts
 * import type { AccountResponse, ResponseCredentials } from 'jumio-kyx';
 * declare const response: AccountResponse;
 * const source: ResponseCredentials = response;
 * ```
 */
export interface ResponseCredentials {
  /** The account. */
  readonly account: { readonly id: IdInput<AccountId> };
  /** The execution and its credentials. */
  readonly workflowExecution: {
    readonly credentials: readonly {
      readonly id: IdInput<CredentialId>;
      readonly category: string;
      readonly label?: string;
    }[];
  };
}

/**
 * A credential list as workflow details carry it (`credentials[].parts[].classifier`).
 *
 * @example
 * ```ts
 * import type { DetailsCredentials, WorkflowDetails } from 'jumio-kyx';
 * declare const details: WorkflowDetails;
 * const source: DetailsCredentials = details;
 * ```
 */
export interface DetailsCredentials {
  /** The account. */
  readonly account: { readonly id: IdInput<AccountId> };
  /** The credentials and their parts. */
  readonly credentials?: readonly {
    readonly id: IdInput<CredentialId>;
    readonly category: string;
    readonly parts?: readonly { readonly classifier: string }[];
  }[];
}

/**
 * Where `client.partImage` finds the credential of a part: workflow details (by the classifiers
 * of their parts), an account response (by the part's category: `FRONT`/`BACK` → ID, `FACE` →
 * SELFIE, `DOCUMENT` → DOCUMENT), or `{ accountId, credentialId }`.
 *
 * @example
 * ```ts
 * import type { PartImageSource, WorkflowDetails } from 'jumio-kyx';
 * declare const details: WorkflowDetails;
 * const sources: PartImageSource[] = [details, { accountId: 'a…', credentialId: 'c…' }];
 * ```
 */
export type PartImageSource = DetailsCredentials | ResponseCredentials | CredentialIds;

/** The category whose part a retrieval classifier names (`FRONT` → ID). */
function categoryOfClassifier(
  classifier: string,
  parts: Readonly<Record<string, readonly string[]>>,
): string | undefined {
  const part = classifier.toLowerCase();
  return Object.entries(parts).find(([, names]) => names.includes(part))?.[0];
}

/** The account and credential ids of the part `classifier` in `source`, checked (`KyxValidationError`). */
export function partCredentialIds(
  source: PartImageSource,
  classifier: string,
  parts: Readonly<Record<string, readonly string[]>>,
  label?: string,
): { accountId: string; credentialId: string } {
  const fail = (path: string, message: string) =>
    new KyxValidationError({ issues: [{ path, message }], subject: 'part image request' });
  if (!isObject(source)) {
    throw fail('source', 'must be workflow details, an account response, or { accountId, credentialId }');
  }
  let values: Record<string, unknown>;
  if ('credentialId' in source || 'accountId' in source) {
    values = { accountId: source['accountId'], credentialId: source['credentialId'] };
  } else {
    type Listed = { id?: unknown; category?: unknown; label?: unknown; parts?: unknown };
    const fromDetails = Array.isArray(source['credentials']);
    const list = (fromDetails ? source['credentials'] : at(source, 'workflowExecution', 'credentials')) as unknown;
    if (!Array.isArray(list)) {
      throw fail('source', 'must be workflow details, an account response, or { accountId, credentialId }');
    }
    const credentials = list.filter(isObject) as Listed[];
    const category = categoryOfClassifier(classifier, parts);
    const named = (c: Listed) =>
      Array.isArray(c.parts) &&
      c.parts.some((p: unknown) => isObject(p) && String(p['classifier']).toUpperCase() === classifier);
    const found =
      (fromDetails ? credentials.find(named) : undefined) ??
      credentials.find((c) => c.category === category && (label === undefined || c.label === label));
    if (found === undefined) {
      const where = fromDetails ? 'credentials' : 'workflowExecution.credentials';
      throw fail(where, `has no credential with a ${classifier} part${category ? ` (a ${category} credential)` : ''}`);
    }
    const path = fromDetails ? 'credentials' : 'workflowExecution.credentials';
    values = { 'account.id': at(source, 'account', 'id'), [`${path}.${credentials.indexOf(found)}.id`]: found.id };
  }
  const [accountId, credentialId] = checkIds(values, 'part image request') as [string, string];
  return { accountId, credentialId };
}
