import { type Context, Hono } from 'hono';
import { CREDENTIAL_PARTS, REQUIRED_PARTS } from '../model/codes.js';
import type { AccountId } from '../model/ids.js';
import { parseWith } from '../model/parse.js';
import { checkAccountRequest, invalid } from './account-request.js';
import { checkClient, checkCredentialToken, checkTenant } from './auth.js';
import type { Engine } from './engine.js';
import { ADMIN_BODY_LIMIT, adminGuard, limitBody, ROUTE_BODY_LIMITS } from './exposure.js';
import { FaultScriptSchema, type FaultScripts, oversized, stalled } from './faults.js';
import { json, problem, statusTitle, tooManyRequests } from './problem.js';
import { type AccountRecord, type CredentialRecord, deleteAccount, deleteExecution } from './state.js';
import type { SimulatorRoute } from './types.js';
import { readUpload } from './uploads.js';
import {
  accountResponse,
  detailsResponse,
  finalizeResponse,
  statusResponse,
  stepsResponse,
  uploadResponse,
} from './views.js';
import { registerWebJourney } from './web-journey.js';

/** Internal response header asking the transport to reset the connection or truncate the body. */
export const NETWORK_FAULT_HEADER = 'x-simulator-network-fault';
/** Internal response header naming the matched route, for the request log. */
export const ROUTE_HEADER = 'x-simulator-route';

type Auth = 'none' | 'client' | 'tenant' | 'credential';
type Limit = 'token' | 'account' | 'retrieval';
type Handler = (c: Context, credential: CredentialRecord | undefined) => Response | Promise<Response>;

const EXECUTION = '/api/v1/accounts/:accountId/workflow-executions/:executionId';
/** A fault's delay; unref'd so a scripted delay never keeps a process alive. */
const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    (timer as { unref?: () => void }).unref?.();
  });

/** Cuts a body in half (keeping status and headers): invalid JSON that arrives whole. */
async function malformed(response: Response): Promise<Response> {
  const text = await response.text();
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))) || '{', {
    status: response.status,
    headers,
  });
}

/** The same status and headers with no body (`content-length: 0`). */
function empty(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('content-length', '0');
  return new Response(null, { status: response.status, headers });
}

/**
 * The Hono app: every Jumio host's routes on one origin, plus `/__admin/*`. `ownOrigin` is the
 * server's configured origin (for the URLs in answers and the admin guard); in process, where
 * there is none, the origin the request names is used.
 */
export function createApp(
  engine: Engine,
  faults: FaultScripts,
  admin: boolean,
  ownOrigin: () => string | undefined = () => undefined,
): Hono {
  const app = new Hono();
  const origin = (c: Context) => ownOrigin() ?? new URL(c.req.url).origin;
  const { state } = engine;
  const known: { pattern: RegExp; methods: string[] }[] = [];

  async function guarded(c: Context, route: SimulatorRoute, auth: Auth, limit: Limit | undefined, handler: Handler) {
    const request = c.req.raw;
    if (route !== 'health' && !request.headers.get('user-agent')?.trim()) {
      return problem(403, 'The User-Agent header is required: identify your company and application');
    }
    if (auth === 'client') {
      const client = checkClient(engine, request);
      if (client instanceof Response) return client;
    }
    if (auth === 'tenant') {
      const denied = checkTenant(engine, request);
      if (denied) return denied;
    }
    let credential: CredentialRecord | undefined;
    if (auth === 'credential') {
      const checked = checkCredentialToken(engine, request);
      if (checked instanceof Response) return checked;
      credential = checked;
    }
    // Limits are per tenant, so only requests that authenticated count.
    const bucket = limit && engine.limits[limit];
    if (bucket && !bucket.take(engine.now())) {
      engine.rateLimited[route] = (engine.rateLimited[route] ?? 0) + 1;
      return tooManyRequests();
    }
    return handler(c, credential);
  }

  function on(
    method: string,
    path: string,
    route: SimulatorRoute,
    auth: Auth,
    limit: Limit | undefined,
    handler: Handler,
  ) {
    const pattern = new RegExp(`^${path.replace(/:[A-Za-z]+/g, '[^/]+')}$`);
    const entry = known.find((k) => k.pattern.source === pattern.source);
    if (entry) entry.methods.push(method);
    else known.push({ pattern, methods: [method] });
    app.on(method, path, limitBody(ROUTE_BODY_LIMITS[route]), async (c) => {
      engine.requests[route] = (engine.requests[route] ?? 0) + 1;
      const fault = faults.take(route);
      if (fault?.delayMs) await sleep(fault.delayMs);
      let response: Response;
      if (fault?.reset === 'before') {
        response = new Response(null, { headers: { [NETWORK_FAULT_HEADER]: 'reset' } });
      } else if (fault?.status !== undefined) {
        response = problem(
          fault.status,
          fault.status === 429 ? 'Request limit exceeded' : `Simulated ${statusTitle(fault.status)}`,
        );
      } else {
        engine.advance();
        response = await guarded(c, route, auth, limit, handler);
        if (fault?.reset === 'after') response = new Response(null, { headers: { [NETWORK_FAULT_HEADER]: 'reset' } });
      }
      for (const [name, value] of Object.entries(fault?.headers ?? {})) response.headers.set(name, value);
      if (fault?.body === 'malformed') response = await malformed(response);
      if (fault?.body === 'truncated') response.headers.set(NETWORK_FAULT_HEADER, 'truncate');
      if (fault?.body === 'empty') response = empty(response);
      if (fault?.body === 'oversized') response = await oversized(response);
      if (fault?.body === 'stalled') response = await stalled(response);
      response.headers.set(ROUTE_HEADER, route);
      return response;
    });
  }

  const findExecution = (c: Context) => {
    const execution = state.executions.get(c.req.param('executionId') ?? '');
    return execution && execution.accountId === c.req.param('accountId') ? execution : undefined;
  };
  const executionNotFound = (c: Context) =>
    problem(404, `Workflow execution ${c.req.param('executionId')} not found on account ${c.req.param('accountId')}`);
  const web = registerWebJourney(app, engine); // web.href: the hosted journey; its token is also sdk.token

  on('GET', '/', 'health', 'none', undefined, () => json({ status: 'UP' }));

  on('POST', '/oauth2/token', 'token', 'client', 'token', async (c) => {
    const form = new URLSearchParams(await c.req.raw.text());
    if (form.get('grant_type') !== 'client_credentials') {
      return problem(400, 'grant_type must be client_credentials (form-encoded body)');
    }
    const clientId = checkClient(engine, c.req.raw) as string;
    const { token, expiresIn } = engine.issueAccessToken(clientId);
    return new Response(JSON.stringify({ access_token: token, expires_in: expiresIn, token_type: 'Bearer' }), {
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    });
  });

  on('POST', '/api/v1/accounts', 'createAccount', 'tenant', 'account', async (c) => {
    const checked = await checkAccountRequest(engine, c.req.raw, 'create', undefined);
    if (checked instanceof Response) return checked;
    const account: AccountRecord = { id: engine.uuid() as AccountId, createdAt: engine.now(), executionIds: new Set() };
    state.accounts.set(account.id, account);
    state.counters.accountsCreated++;
    const execution = engine.createExecution(account.id, checked.request, checked.spec, origin(c), checked.onFile);
    return json(accountResponse(execution, web.token(execution), engine.now()));
  });

  on('PUT', '/api/v1/accounts/:accountId', 'updateAccount', 'tenant', 'account', async (c) => {
    const account = state.accounts.get(c.req.param('accountId') ?? '');
    if (!account) return problem(404, `Account ${c.req.param('accountId')} not found`);
    const checked = await checkAccountRequest(engine, c.req.raw, 'update', account);
    if (checked instanceof Response) return checked;
    const execution = engine.createExecution(account.id, checked.request, checked.spec, origin(c), checked.onFile);
    return json(accountResponse(execution, web.token(execution), engine.now()));
  });

  on(
    'POST',
    `${EXECUTION}/credentials/:credentialId/parts/:classifier`,
    'uploadPart',
    'credential',
    undefined,
    async (c, credential) => {
      const owned = credential as CredentialRecord;
      const execution = findExecution(c);
      if (!execution || owned.id !== c.req.param('credentialId') || owned.executionId !== execution.id) {
        return problem(401, 'This api.token does not belong to the credential in the URL');
      }
      const classifier = c.req.param('classifier') ?? '';
      const parts: readonly string[] = CREDENTIAL_PARTS[owned.category];
      if (!parts.includes(classifier.toLowerCase()) || classifier !== classifier.toUpperCase()) {
        return problem(
          404,
          `A ${owned.category} credential has no part ${classifier} (parts: ${parts.map((p) => p.toUpperCase()).join(', ')})`,
        );
      }
      if (execution.status !== 'INITIATED') {
        return problem(400, `The workflow execution is ${execution.status}: parts can no longer be uploaded`);
      }
      const upload = await readUpload(c.req.raw, owned.category);
      if (!upload.ok) return upload.response;
      owned.parts.set(classifier, { classifier, bytes: upload.bytes, contentType: upload.contentType });
      execution.startedAt ??= engine.now();
      state.counters.uploads++;
      return json(uploadResponse(execution, owned, engine.now()));
    },
  );

  on('PUT', EXECUTION, 'finalize', 'credential', undefined, (c, credential) => {
    const execution = findExecution(c);
    if (!execution || (credential as CredentialRecord).executionId !== execution.id) {
      return problem(401, 'This api.token does not belong to the workflow execution in the URL');
    }
    if (execution.status !== 'INITIATED') {
      return problem(400, `The workflow execution is already ${execution.status}: it cannot be finalized again`);
    }
    const missing = execution.credentials.flatMap((cred) =>
      cred.executionId === execution.id && cred.apiToken !== undefined
        ? REQUIRED_PARTS[cred.category]
            .map((part) => part.toUpperCase())
            .filter((classifier) => !cred.parts.has(classifier))
            .map((classifier) => `credential ${cred.id} (${cred.category}) is missing part ${classifier}`)
        : [],
    );
    if (missing.length > 0) return problem(400, `Cannot finalize: ${missing.join('; ')}. Upload it first.`);
    engine.finalize(execution);
    return json(finalizeResponse(execution, engine.now()));
  });

  on('GET', EXECUTION, 'details', 'tenant', 'retrieval', (c) => {
    const execution = findExecution(c);
    return execution ? json(detailsResponse(execution)) : executionNotFound(c);
  });
  on('GET', `${EXECUTION}/status`, 'status', 'tenant', 'retrieval', (c) => {
    const execution = findExecution(c);
    return execution ? json(statusResponse(execution)) : executionNotFound(c);
  });
  on('GET', `${EXECUTION}/steps`, 'steps', 'tenant', 'retrieval', (c) => {
    const execution = findExecution(c);
    return execution ? json(stepsResponse(execution)) : executionNotFound(c);
  });

  on(
    'GET',
    '/api/v1/accounts/:accountId/credentials/:credentialId/parts/:classifier',
    'partImage',
    'tenant',
    'retrieval',
    (c) => {
      const credential = state.credentials.get(c.req.param('credentialId') ?? '');
      const part =
        credential && credential.accountId === c.req.param('accountId')
          ? credential.parts.get(c.req.param('classifier') ?? '')
          : undefined;
      if (!part)
        return problem(404, `Part ${c.req.param('classifier')} of credential ${c.req.param('credentialId')} not found`);
      return new Response(part.bytes.slice(), { headers: { 'content-type': part.contentType } });
    },
  );

  on('DELETE', '/api/v1/accounts/:accountId', 'deleteAccount', 'tenant', 'retrieval', (c) => {
    const account = state.accounts.get(c.req.param('accountId') ?? '');
    if (!account) return problem(404, `Account ${c.req.param('accountId')} not found`);
    deleteAccount(state, account);
    return json({});
  });
  on('DELETE', EXECUTION, 'deleteExecution', 'tenant', 'retrieval', (c) => {
    const execution = findExecution(c);
    if (!execution) return executionNotFound(c);
    deleteExecution(state, execution);
    return json({});
  });

  if (admin) {
    app.use('/__admin/*', adminGuard(ownOrigin), limitBody(ADMIN_BODY_LIMIT));
    app.get('/__admin/state', () => json({ ...engine.stats(), faults: faults.pending() }));
    app.post('/__admin/faults', async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.raw.text());
      } catch {
        return problem(400, 'The request body is not valid JSON');
      }
      const parsed = parseWith(FaultScriptSchema, body);
      if (!parsed.success) return invalid(parsed.issues);
      faults.set(parsed.output.route, parsed.output.faults);
      return json({ faults: faults.pending() });
    });
    app.delete('/__admin/faults', () => {
      faults.clear();
      return json({ faults: {} });
    });
    app.post('/__admin/tick', async () => {
      engine.advance();
      await engine.callbacks.idle();
      return json(engine.stats());
    });
  }

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    const entry = known.find((k) => k.pattern.test(path));
    if (entry) {
      return problem(405, `${c.req.method} is not allowed on ${path} (allowed: ${entry.methods.join(', ')})`, {
        allow: entry.methods.join(', '),
      });
    }
    return problem(404, `No route for ${c.req.method} ${path}`);
  });
  app.onError(() => problem(500, 'Internal simulator error'));
  return app;
}
