import type { Engine } from './engine.js';
import { problem } from './problem.js';
import type { CredentialRecord } from './state.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const BASIC = /^Basic\s+(\S+)\s*$/i;

const unauthorized = (detail: string) => problem(401, detail, { 'www-authenticate': 'Bearer' });

/** Checks HTTP Basic client credentials; the client id, or the 401 to send. */
export function checkClient(engine: Engine, request: Request): string | Response {
  const match = BASIC.exec(request.headers.get('authorization') ?? '');
  if (!match) return problem(401, 'HTTP Basic client credentials (client id and secret) are required');
  let decoded: string;
  try {
    decoded = atob(match[1] as string);
  } catch {
    return problem(401, 'The provided credentials are invalid');
  }
  const colon = decoded.indexOf(':');
  const clientId = colon < 0 ? '' : decoded.slice(0, colon);
  const clientSecret = colon < 0 ? '' : decoded.slice(colon + 1);
  if (clientId === '' || clientSecret === '') return problem(401, 'The provided credentials are invalid');
  const { clients } = engine;
  if (clients && !clients.some((c) => c.clientId === clientId && c.clientSecret === clientSecret)) {
    return problem(401, 'The provided credentials are invalid');
  }
  return clientId;
}

function bearer(request: Request): string | undefined {
  return BEARER.exec(request.headers.get('authorization') ?? '')?.[1];
}

/** Checks a tenant OAuth2 access token (account, retrieval, deletion). */
export function checkTenant(engine: Engine, request: Request): Response | undefined {
  const token = bearer(request);
  if (token === undefined) return unauthorized('A Bearer access token is required (POST /oauth2/token)');
  if (engine.state.apiTokens.has(token)) {
    return unauthorized('A transaction token (api.token) is not accepted here: use an OAuth2 access token');
  }
  const expiresAt = engine.state.accessTokens.get(token);
  if (expiresAt === undefined) return unauthorized('The provided credentials are invalid');
  if (engine.now() >= expiresAt) {
    engine.state.accessTokens.delete(token);
    return unauthorized('The access token has expired: request a new one');
  }
  return undefined;
}

/** Checks a credential's transaction token (uploads, finalize); the credential, or the 401 to send. */
export function checkCredentialToken(engine: Engine, request: Request): CredentialRecord | Response {
  const token = bearer(request);
  if (token === undefined) return unauthorized("The credential's api.token is required as a Bearer token");
  const { state } = engine;
  if (state.accessTokens.has(token)) {
    return unauthorized(
      "An OAuth2 access token is not accepted for uploads and finalize: use the credential's api.token",
    );
  }
  const credentialId = state.apiTokens.get(token);
  const credential = credentialId === undefined ? undefined : state.credentials.get(credentialId);
  if (!credential) return unauthorized('The provided credentials are invalid');
  const execution = state.executions.get(credential.executionId);
  if (!execution || execution.status === 'TOKEN_EXPIRED' || engine.now() >= execution.expiresAt) {
    return unauthorized('The transaction token has expired (tokenLifetime): start a new transaction');
  }
  return credential;
}
