// What `kyx upload` and `kyx finalize` act on: a saved `kyx send` response, or the ids of one
// credential and its token (for a response that was not saved).
import { categoryOfPart } from '../client/credentials.js';
import { regionHosts } from '../client/regions.js';
import { CREDENTIAL_PARTS, type CredentialCategory } from '../model/codes.js';
import { parseWith } from '../model/parse.js';
import { apiPath } from '../model/paths.js';
import type { AccountResponse, ResponseCredential } from '../model/response.js';
import { AccountResponseSchema } from '../model/response-schemas.js';
import { UUID_PATTERN } from '../model/rules.js';
import type { ExecutionSource } from './api.js';
import type { Connection } from './connection.js';
import { CliError, EXIT, issueLine, usageError } from './exit.js';
import { readJson } from './files.js';
import type { CliIo } from './io.js';

/** The options that name a credential instead of a saved response. */
export const CREDENTIAL_OPTIONS = {
  account: { type: 'string' },
  execution: { type: 'string' },
  credential: { type: 'string' },
  token: { type: 'string' },
} as const;

/** The help lines of {@link CREDENTIAL_OPTIONS}. */
export const CREDENTIAL_USAGE = `Without a saved response, name the credential (its ids are in the response kyx send printed):
  --account <id>       the account id
  --execution <id>     the workflow execution id
  --credential <id>    the credential's id (workflowExecution.credentials[].id)
  --token <token>      the credential's api.token (default: KYX_API_TOKEN; a secret: prefer the variable)`;

/** The values of {@link CREDENTIAL_OPTIONS}. */
export interface CredentialValues {
  account?: string | undefined;
  execution?: string | undefined;
  credential?: string | undefined;
  token?: string | undefined;
}

/**
 * A saved `kyx send` response (what it printed, or the `response` of a one-shot send's output),
 * checked against the account response's schema.
 */
export async function readSavedResponse(source: string, io: CliIo): Promise<AccountResponse> {
  const value = await readJson(source, io);
  const candidate =
    typeof value === 'object' && value !== null && 'response' in value
      ? (value as { response: unknown }).response
      : value;
  const parsed = parseWith(AccountResponseSchema, candidate, { quoteValues: false });
  if (!parsed.success) {
    const name = source === '-' ? '(stdin)' : source;
    throw new CliError(
      EXIT.invalid,
      `${name}: not an account response as kyx send prints it (${issueLine(parsed.issues)})`,
    );
  }
  return parsed.output as AccountResponse;
}

/**
 * The credential of `category` named by `--account`, `--execution`, `--credential` and the token,
 * with the upload URL of `part` and the finalize URL on the connection's API host.
 */
export function namedCredential(
  values: CredentialValues,
  target: Connection,
  io: CliIo,
  part: string | undefined,
): ResponseCredential {
  const token = values.token ?? io.env?.['KYX_API_TOKEN'];
  const missing = [
    values.account === undefined ? '--account' : undefined,
    values.execution === undefined ? '--execution' : undefined,
    values.credential === undefined ? '--credential' : undefined,
    token === undefined || token === '' ? '--token (or KYX_API_TOKEN)' : undefined,
  ].filter((m) => m !== undefined);
  if (missing.length > 0) {
    throw usageError(`name a saved kyx send response, or give ${missing.join(', ')}`);
  }
  const ids = { account: values.account, execution: values.execution, credential: values.credential };
  for (const [option, id] of Object.entries(ids)) {
    if (!UUID_PATTERN.test(id as string)) throw usageError(`--${option} must be a UUID (from the kyx send response)`);
  }
  const accountId = values.account as string;
  const workflowExecutionId = values.execution as string;
  const credentialId = values.credential as string;
  const { api } = regionHosts(target.region, target.baseUrl);
  const category: CredentialCategory = (part === undefined ? undefined : categoryOfPart(part)) ?? 'ID';
  const parts: Record<string, string> = {};
  for (const name of CREDENTIAL_PARTS[category]) {
    parts[name] =
      api + apiPath('upload', { accountId, workflowExecutionId, credentialId, classifier: name.toUpperCase() });
  }
  return {
    id: credentialId,
    category,
    allowedChannels: ['API'],
    api: {
      token: token as string,
      parts,
      workflowExecution: api + apiPath('execution', { accountId, workflowExecutionId }),
    },
  } as ResponseCredential;
}

/** The saved response (positional) or the named credential; both at once is a usage error. */
export async function executionSource(
  saved: string | undefined,
  values: CredentialValues,
  target: Connection,
  io: CliIo,
  part: string | undefined,
): Promise<ExecutionSource> {
  const named = values.account ?? values.execution ?? values.credential ?? values.token;
  if (saved !== undefined && named !== undefined) {
    throw usageError('name a saved response or --account/--execution/--credential, not both');
  }
  return saved === undefined ? namedCredential(values, target, io, part) : readSavedResponse(saved, io);
}
