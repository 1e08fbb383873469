import { type Context, Hono } from 'hono';
import { CREDENTIAL_PARTS, REQUIRED_PARTS } from '../model/codes.js';
import { acceptsIdPdf } from '../model/id-pdf.js';
import { parseWith } from '../model/parse.js';
import { API_PATHS } from '../model/paths.js';
import { validatePreparedData } from '../workflows/prepared-data.js';
import { checkAccountRequest, invalid } from './account-request.js';
import { clientAuth, credentialAuth, tenantAuth } from './auth.js';
import type { Engine } from './engine.js';
import type { SimulatorEnv } from './env.js';
import { ADMIN_BODY_LIMIT, adminGuard, limitBody, ROUTE_BODY_LIMITS } from './exposure.js';
import { FaultScriptSchema, type FaultScripts } from './faults.js';
import { named, rateLimit, requireUserAgent } from './middleware.js';
import { playFaults } from './play-faults.js';
import { json, problem } from './problem.js';
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

/**
 * The Hono app: every Jumio host's routes on one origin (the paths of `API_PATHS`), plus
 * `/__admin/*`. `ownOrigin` is the server's configured origin (for the URLs in answers and the
 * admin guard); in process, where there is none, the origin the request names is used. Each
 * request's `env` is a fresh exchange (src/simulator/env.ts) the app fills for the transport.
 */
export function createApp(
  engine: Engine,
  faults: FaultScripts,
  admin: boolean,
  ownOrigin: () => string | undefined = () => undefined,
): Hono<SimulatorEnv> {
  const app = new Hono<SimulatorEnv>();
  const origin = (c: Context) => ownOrigin() ?? new URL(c.req.url).origin;

  const faulted = playFaults(engine, faults);
  /** What every API route runs first: its body bound, its name, its scripted fault. */
  const served = (route: SimulatorRoute) => [limitBody(ROUTE_BODY_LIMITS[route]), named(route), faulted] as const;
  const userAgent = requireUserAgent();
  const client = clientAuth(engine);
  const initiate = tenantAuth(engine, 'initiate');
  const retrieve = tenantAuth(engine, 'retrieve');
  const credential = credentialAuth(engine);
  const limit = {
    token: rateLimit(engine, 'token'),
    account: rateLimit(engine, 'account'),
    retrieval: rateLimit(engine, 'retrieval'),
  };

  const findExecution = (accountId: string, executionId: string) => {
    const execution = engine.execution(executionId);
    return execution && execution.accountId === accountId ? execution : undefined;
  };
  const executionNotFound = (accountId: string, executionId: string) =>
    problem(404, `Workflow execution ${executionId} not found on account ${accountId}`);
  const web = registerWebJourney(app, engine); // web.href: the hosted journey; its token is also sdk.token

  app.get(API_PATHS.health, ...served('health'), () => json({ status: 'UP' }));

  app.post(API_PATHS.token, ...served('token'), userAgent, client, limit.token, async (c) => {
    const form = new URLSearchParams(await c.req.raw.text());
    if (form.get('grant_type') !== 'client_credentials') {
      return problem(400, 'grant_type must be client_credentials (form-encoded body)');
    }
    const { token, expiresIn } = engine.issueAccessToken(c.var.clientId);
    return new Response(JSON.stringify({ access_token: token, expires_in: expiresIn, token_type: 'Bearer' }), {
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    });
  });

  app.post(API_PATHS.accounts, ...served('createAccount'), userAgent, initiate, limit.account, async (c) => {
    const checked = await checkAccountRequest(engine, c.req.raw, 'create', undefined);
    if (checked instanceof Response) return checked;
    const account = engine.createAccount();
    const execution = engine.createExecution(account.id, checked.request, checked.spec, origin(c), checked.onFile);
    return json(accountResponse(execution, web.token(execution), engine.now()));
  });

  app.put(API_PATHS.account, ...served('updateAccount'), userAgent, initiate, limit.account, async (c) => {
    const { accountId } = c.req.param();
    const account = engine.account(accountId);
    if (!account) return problem(404, `Account ${accountId} not found`);
    const checked = await checkAccountRequest(engine, c.req.raw, 'update', account);
    if (checked instanceof Response) return checked;
    const execution = engine.createExecution(account.id, checked.request, checked.spec, origin(c), checked.onFile);
    return json(accountResponse(execution, web.token(execution), engine.now()));
  });

  app.post(API_PATHS.upload, ...served('uploadPart'), userAgent, credential, async (c) => {
    const { accountId, workflowExecutionId, credentialId, classifier } = c.req.param();
    const owned = c.var.credential;
    const execution = findExecution(accountId, workflowExecutionId);
    if (!execution || owned.id !== credentialId || owned.executionId !== execution.id) {
      return problem(401, 'This api.token does not belong to the credential in the URL');
    }
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
    const upload = await readUpload(c.req.raw, owned.category, {
      idPdf: acceptsIdPdf(execution.request),
      facemapBinary: execution.spec.facemapUpload === true,
    });
    if (!upload.ok) return upload.response;
    if (owned.category === 'DATA') {
      // the client's own check: formats and the workflow's prepared-data rules (keys Jumio may add are kept)
      const data: unknown = JSON.parse(new TextDecoder().decode(upload.bytes));
      const checked = validatePreparedData(data, { workflow: execution.spec, unknownFields: 'allow' });
      if (!checked.success) return invalid(checked.issues);
    }
    engine.storePart(execution, owned, { classifier, bytes: upload.bytes, contentType: upload.contentType });
    return json(uploadResponse(execution, owned, engine.now()));
  });

  app.put(API_PATHS.execution, ...served('finalize'), userAgent, credential, (c) => {
    const { accountId, workflowExecutionId } = c.req.param();
    const execution = findExecution(accountId, workflowExecutionId);
    if (!execution || c.var.credential.executionId !== execution.id) {
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

  app.get(API_PATHS.execution, ...served('details'), userAgent, retrieve, limit.retrieval, (c) => {
    const { accountId, workflowExecutionId } = c.req.param();
    const execution = findExecution(accountId, workflowExecutionId);
    return execution ? json(detailsResponse(execution)) : executionNotFound(accountId, workflowExecutionId);
  });
  app.get(API_PATHS.executionStatus, ...served('status'), userAgent, retrieve, limit.retrieval, (c) => {
    const { accountId, workflowExecutionId } = c.req.param();
    const execution = findExecution(accountId, workflowExecutionId);
    return execution ? json(statusResponse(execution)) : executionNotFound(accountId, workflowExecutionId);
  });
  app.get(API_PATHS.executionSteps, ...served('steps'), userAgent, retrieve, limit.retrieval, (c) => {
    const { accountId, workflowExecutionId } = c.req.param();
    const execution = findExecution(accountId, workflowExecutionId);
    return execution ? json(stepsResponse(execution)) : executionNotFound(accountId, workflowExecutionId);
  });

  app.get(API_PATHS.part, ...served('partImage'), userAgent, retrieve, limit.retrieval, (c) => {
    const { accountId, credentialId, classifier } = c.req.param();
    const owner = engine.credential(credentialId);
    const part = owner && owner.accountId === accountId ? owner.parts.get(classifier) : undefined;
    if (!part) return problem(404, `Part ${classifier} of credential ${credentialId} not found`);
    return new Response(part.bytes.slice(), { headers: { 'content-type': part.contentType } });
  });

  app.delete(API_PATHS.account, ...served('deleteAccount'), userAgent, retrieve, limit.retrieval, (c) => {
    const { accountId } = c.req.param();
    const account = engine.account(accountId);
    if (!account) return problem(404, `Account ${accountId} not found`);
    engine.deleteAccount(account);
    return json({});
  });
  app.delete(API_PATHS.execution, ...served('deleteExecution'), userAgent, retrieve, limit.retrieval, (c) => {
    const { accountId, workflowExecutionId } = c.req.param();
    const execution = findExecution(accountId, workflowExecutionId);
    if (!execution) return executionNotFound(accountId, workflowExecutionId);
    engine.deleteExecution(execution);
    return json({});
  });

  // An API path asked with a method it does not serve: 405 naming those it does.
  for (const path of new Set<string>(Object.values(API_PATHS))) {
    const methods = [...new Set(app.routes.filter((r) => r.path === path && r.method !== 'ALL').map((r) => r.method))];
    if (methods.length === 0) continue;
    const allow = methods.join(', ');
    app.all(path, (c) =>
      problem(405, `${c.req.method} is not allowed on ${new URL(c.req.url).pathname} (allowed: ${allow})`, { allow }),
    );
  }

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

  app.notFound((c) => problem(404, `No route for ${c.req.method} ${new URL(c.req.url).pathname}`));
  app.onError(() => problem(500, 'Internal simulator error'));
  return app;
}
