import { KyxValidationError } from '../errors/index.js';
import { CREDENTIAL_PARTS, type CredentialCategory } from '../model/codes.js';
import type { AccountResponse, CredentialApi, ResponseCredential } from '../model/response.js';

/**
 * The parts {@link KyxClient.upload} sends as files: ID `front`/`back`, SELFIE `face`, DOCUMENT
 * `document`, and the FACEMAP binary `facemap` of workflow 16 (prepared data goes through
 * {@link KyxClient.uploadData}).
 */
export type UploadPart = 'front' | 'back' | 'face' | 'document' | 'facemap';

/** Every {@link UploadPart}, for run-time messages. */
const FILE_PARTS = ['front', 'back', 'face', 'document'] as const satisfies readonly UploadPart[];

/**
 * The credential of `category` in an account response (optionally the one with `label`), found
 * by category — credential order is not guaranteed.
 *
 * @example
 * ```ts
 * import { findCredential, type AccountResponse } from 'jumio-kyx';
 * declare const response: AccountResponse;
 * const selfie = findCredential(response, 'SELFIE');
 * ```
 */
export function findCredential(
  response: AccountResponse,
  category: CredentialCategory | (string & {}),
  label?: string,
): ResponseCredential | undefined {
  return response.workflowExecution.credentials.find(
    (c) => c.category === category && (label === undefined || c.label === label),
  );
}

/** The category whose parts include `part` (from the model's `CREDENTIAL_PARTS`). */
export function categoryOfPart(part: string): CredentialCategory | undefined {
  const entry = Object.entries(CREDENTIAL_PARTS).find(([, parts]) => (parts as readonly string[]).includes(part));
  return entry?.[0] as CredentialCategory | undefined;
}

/**
 * Why a response has no credential for `part`, like the compile-time message: the part, the
 * workflow (when the client sent the request) and what the execution collects.
 */
function missingPartMessage(
  part: string,
  category: CredentialCategory,
  collected: readonly string[],
  workflow: number | undefined,
  label: string | undefined,
): string {
  const order = Object.keys(CREDENTIAL_PARTS);
  const categories = [...new Set(collected)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const parts = categories.flatMap((c) =>
    ((CREDENTIAL_PARTS as Record<string, readonly string[]>)[c] ?? []).filter((p) =>
      (FILE_PARTS as readonly string[]).includes(p),
    ),
  );
  const who = workflow === undefined ? 'the execution' : `workflow ${workflow}`;
  const what = `${category} credential${label ? ` labelled ${label}` : ''}`;
  const list = categories.length === 0 ? 'nothing' : joinList(categories, 'and');
  const next =
    parts.length === 0
      ? ', so it has no file part to upload'
      : `: upload ${joinList(
          parts.map((p) => `'${p}'`),
          'or',
        )}`;
  return `part '${part}': ${who} collects no ${what} (it collects ${list})${next}`;
}

function joinList(items: readonly string[], last: string): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

/** A credential picked for a part or for finalize, with its API block. */
export interface ApiCredential {
  credential: ResponseCredential;
  api: CredentialApi;
}

/** A credential picked for a part, with its API block and the part's upload URL. */
export interface PartCredential extends ApiCredential {
  url: string;
}

function isResponse(source: AccountResponse | ResponseCredential): source is AccountResponse {
  return 'workflowExecution' in source;
}

/**
 * The credential that accepts `part` (by category) with its API block and the part's upload URL,
 * or a `KyxValidationError` saying what is missing.
 */
export function credentialForPart(
  source: AccountResponse | ResponseCredential,
  part: string,
  label?: string,
  workflow?: number,
): PartCredential {
  const category = categoryOfPart(part);
  const fail = (path: string, message: string) =>
    new KyxValidationError({ issues: [{ path, message }], subject: 'upload' });
  if (category === undefined) throw fail('part', `must be one of ${Object.values(CREDENTIAL_PARTS).flat().join(', ')}`);
  // A response may carry two credentials of one category (workflow 16: a FACEMAP for the API and
  // one for SDK/WEB): the one whose allowedChannels include API takes uploads.
  const credential = isResponse(source)
    ? (source.workflowExecution.credentials.find(
        (c) =>
          c.category === category && (label === undefined || c.label === label) && c.allowedChannels.includes('API'),
      ) ?? findCredential(source, category, label))
    : source;
  if (credential === undefined) {
    const collected = (source as AccountResponse).workflowExecution.credentials.map((c) => c.category);
    throw fail('workflowExecution.credentials', missingPartMessage(part, category, collected, workflow, label));
  }
  if (credential.category !== category) {
    throw fail('credential.category', `part '${part}' belongs to a ${category} credential, not ${credential.category}`);
  }
  const { api } = credential;
  if (api === undefined) {
    throw fail(
      `${category}.api`,
      credential.allowedChannels.length === 0
        ? 'is absent: this credential is reused from the account (allowedChannels: []), so it takes no upload'
        : 'is absent: the API channel is not allowed for this credential',
    );
  }
  const url = api.parts[part];
  if (url === undefined) throw fail(`${category}.api.parts.${part}`, 'is not offered by Jumio');
  return { credential, api, url };
}

/** The credential whose API block finalizes the execution (any credential with one). */
export function credentialForFinalize(source: AccountResponse | ResponseCredential): ApiCredential {
  const credential = isResponse(source) ? source.workflowExecution.credentials.find((c) => c.api) : source;
  if (credential?.api === undefined && isResponse(source) && allReused(source)) {
    throw new KyxValidationError({
      issues: [
        {
          path: 'workflowExecution.credentials',
          message:
            'are all reused from the account (allowedChannels: []): Jumio finalizes this transaction itself; wait for the callback or call waitForResult',
        },
      ],
      subject: 'finalize',
    });
  }
  if (credential?.api === undefined) {
    throw new KyxValidationError({
      issues: [{ path: 'workflowExecution.credentials', message: 'has no credential with an API channel to finalize' }],
      subject: 'finalize',
    });
  }
  return { credential, api: credential.api };
}

/**
 * Whether every credential of an account response is reused from the account (`allowedChannels: []`):
 * nothing is uploaded and Jumio finalizes the transaction itself.
 *
 * @example
 * ```ts
 * import { allReused, type AccountResponse } from 'jumio-kyx';
 * declare const response: AccountResponse;
 * if (allReused(response)) console.log('nothing to upload: Jumio finalizes it');
 * ```
 */
export function allReused(response: AccountResponse): boolean {
  const { credentials } = response.workflowExecution;
  return credentials.length > 0 && credentials.every((c) => c.allowedChannels.length === 0);
}
