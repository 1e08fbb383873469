import { createMiddleware } from 'hono/factory';
import { match } from 'ts-pattern';
import type { Engine } from './engine.js';
import { problem } from './problem.js';
import type { CredentialRecord } from './state.js';
import type { SimulatorPermission } from './types.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const BASIC = /^Basic\s+(\S+)\s*$/i;

const unauthorized = (detail: string) => problem(401, detail, { 'www-authenticate': 'Bearer' });

/** Checks HTTP Basic client credentials; the client id, or the 401 to send. */
function checkClient(engine: Engine, request: Request): string | Response {
  const basic = BASIC.exec(request.headers.get('authorization') ?? '');
  if (!basic) return problem(401, 'HTTP Basic client credentials (client id and secret) are required');
  let decoded: string;
  try {
    decoded = atob(basic[1] as string);
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

/** What the Bearer token of a request is to this tenant. */
type Bearer =
  | { readonly kind: 'missing' }
  | { readonly kind: 'access'; readonly token: string; readonly expiresAt: number }
  | { readonly kind: 'transaction'; readonly credential: CredentialRecord }
  | { readonly kind: 'unknown' };

function bearer(engine: Engine, request: Request): Bearer {
  const token = BEARER.exec(request.headers.get('authorization') ?? '')?.[1];
  if (token === undefined) return { kind: 'missing' };
  const access = engine.accessToken(token);
  if (access !== undefined) return { kind: 'access', token, expiresAt: access.expiresAt };
  const credential = engine.credentialOfApiToken(token);
  return credential === undefined ? { kind: 'unknown' } : { kind: 'transaction', credential };
}

/** Checks a tenant OAuth2 access token (account, retrieval, deletion); the 401 to send, if any. */
function checkTenant(engine: Engine, request: Request): Response | undefined {
  return match(bearer(engine, request))
    .with({ kind: 'missing' }, () => unauthorized('A Bearer access token is required (POST /oauth2/token)'))
    .with({ kind: 'transaction' }, () =>
      unauthorized('A transaction token (api.token) is not accepted here: use an OAuth2 access token'),
    )
    .with({ kind: 'unknown' }, () => unauthorized('The provided credentials are invalid'))
    .with({ kind: 'access' }, ({ token, expiresAt }) => {
      if (engine.now() < expiresAt) return undefined;
      engine.dropAccessToken(token);
      return unauthorized('The access token has expired: request a new one');
    })
    .exhaustive();
}

/** Checks a credential's transaction token (uploads, finalize); the credential, or the 401 to send. */
function checkCredentialToken(engine: Engine, request: Request): CredentialRecord | Response {
  return match(bearer(engine, request))
    .with({ kind: 'missing' }, () => unauthorized("The credential's api.token is required as a Bearer token"))
    .with({ kind: 'access' }, () =>
      unauthorized("An OAuth2 access token is not accepted for uploads and finalize: use the credential's api.token"),
    )
    .with({ kind: 'unknown' }, () => unauthorized('The provided credentials are invalid'))
    .with({ kind: 'transaction' }, ({ credential }) => {
      const execution = engine.execution(credential.executionId);
      if (!execution || execution.status === 'TOKEN_EXPIRED' || engine.now() >= execution.expiresAt) {
        return unauthorized('The transaction token has expired (tokenLifetime): start a new transaction');
      }
      return credential;
    })
    .exhaustive();
}

/** Token endpoint auth: HTTP Basic client credentials; sets `clientId`. */
export function clientAuth(engine: Engine) {
  return createMiddleware<{ Variables: { clientId: string } }>(async (c, next) => {
    const clientId = checkClient(engine, c.req.raw);
    if (clientId instanceof Response) return clientId;
    c.set('clientId', clientId);
    await next();
  });
}

const PERMISSION_WORDS: Readonly<Record<SimulatorPermission, string>> = {
  initiate: 'initiate transactions (account create and update)',
  retrieve: 'retrieve or delete transactions',
};

/**
 * Account, retrieval and deletion auth: a live tenant OAuth2 access token whose client holds
 * `permission` (403 otherwise, as for a Portal client limited to the other permission).
 */
export function tenantAuth(engine: Engine, permission: SimulatorPermission) {
  return createMiddleware(async (c, next) => {
    const denied = checkTenant(engine, c.req.raw);
    if (denied) return denied;
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    const allowed = engine.accessToken(token)?.permissions;
    if (allowed !== undefined && !allowed.includes(permission)) {
      return problem(
        403,
        `This OAuth2 client may not ${PERMISSION_WORDS[permission]}: its permissions are ${allowed.join(', ') || 'none'}`,
      );
    }
    await next();
  });
}

/** Upload and finalize auth: a live credential's transaction token (`api.token`); sets `credential`. */
export function credentialAuth(engine: Engine) {
  return createMiddleware<{ Variables: { credential: CredentialRecord } }>(async (c, next) => {
    const credential = checkCredentialToken(engine, c.req.raw);
    if (credential instanceof Response) return credential;
    c.set('credential', credential);
    await next();
  });
}
