import type { Context, Hono } from 'hono';
import { CREDENTIAL_PARTS, type CredentialCategory, REQUIRED_PARTS } from '../model/codes.js';
import { acceptsIdPdf } from '../model/id-pdf.js';
import type { Engine } from './engine.js';
import type { SimulatorEnv } from './env.js';
import { limitBody, ROUTE_BODY_LIMITS } from './exposure.js';
import { json, problem } from './problem.js';
import { secretToken } from './random.js';
import type { CredentialRecord, SimulatedExecution } from './state.js';
import { readUpload } from './uploads.js';
import { type WebPageInput, type WebPart, webPage, webResultPage } from './web-page.js';

/** The path of the hosted web journey (`web.href`). */
export const WEB_APP_PATH = '/web/v4/app';

/** Jumio's web client error codes the simulated journey produces. */
export const WEB_ERRORS = {
  9100: 'Server error',
  9200: 'Authorization token missing, invalid or expired',
  9210: 'Session expired after the user journey started',
  9800: 'No network connection',
  9835: 'No acceptable submission in 3 attempts',
} as const;

/** A code of {@link WEB_ERRORS}. */
export type WebErrorCode = keyof typeof WEB_ERRORS;

/** The web journey of one simulator: its sessions, and the token each account response hands out. */
export interface WebJourney {
  /** A new `authorizationToken` (the `sdk.token` and the token of `web.href`) for an execution. */
  token(execution: SimulatedExecution): string;
  /** Tokens held (those of deleted executions are forgotten as tokens are handed out). */
  sessionCount(): number;
}

const LABELS: Record<string, string> = {
  front: 'Front of your ID',
  back: 'Back of your ID',
  face: 'A selfie: a photo of your face',
  facemap: 'Face map (liveness capture)',
  document: 'Your document',
};
const ACCEPT: Record<CredentialCategory, string> = {
  ID: 'image/jpeg,image/png',
  SELFIE: 'image/jpeg,image/png',
  FACEMAP: 'image/jpeg,image/png',
  DOCUMENT: 'image/jpeg,image/png,application/pdf',
  DATA: 'application/json',
};
const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Credentials of this execution a person acquires on the web page. */
const webCredentials = (execution: SimulatedExecution) =>
  execution.credentials.filter((c) => c.executionId === execution.id && c.allowedChannels.includes('WEB'));

/**
 * The parts the page asks for: every part of each WEB credential, except that a face map is
 * captured with the selfie (the liveness step of Jumio's web client) when there is one.
 */
function pagePartsOf(execution: SimulatedExecution): WebPart[] {
  const credentials = webCredentials(execution);
  const selfie = credentials.some((c) => c.category === 'SELFIE');
  return credentials
    .filter((c) => !(c.category === 'FACEMAP' && selfie))
    .flatMap((credential) =>
      CREDENTIAL_PARTS[credential.category].map((part) => ({
        credentialId: credential.id,
        classifier: part.toUpperCase(),
        label: LABELS[part] ?? part,
        required: (REQUIRED_PARTS[credential.category] as readonly string[]).includes(part),
        accept: ACCEPT[credential.category],
      })),
    );
}

/** `url` with Jumio's redirect parameters appended. */
function withParameters(url: string, execution: SimulatedExecution, errorCode?: WebErrorCode): string {
  const target = new URL(url);
  target.searchParams.set('accountId', execution.accountId);
  target.searchParams.set('workflowExecutionId', execution.id);
  target.searchParams.set('acquisitionStatus', errorCode === undefined ? 'SUCCESS' : 'ERROR');
  target.searchParams.set('customerInternalReference', execution.request.customerInternalReference);
  if (errorCode !== undefined) target.searchParams.set('errorCode', String(errorCode));
  return target.toString();
}

/**
 * Where the journey ends: the request's `successUrl` / `errorUrl` with Jumio's parameters, or,
 * without one, Jumio's own result page.
 */
function endOf(c: Context, execution: SimulatedExecution | undefined, errorCode?: WebErrorCode): string {
  const web = execution?.request.web;
  const target = errorCode === undefined ? web?.successUrl : web?.errorUrl;
  if (execution && target !== undefined) return withParameters(target, execution, errorCode);
  const own = `${new URL(c.req.url).origin}${WEB_APP_PATH}/result`;
  if (!execution) return `${own}?acquisitionStatus=ERROR&errorCode=${errorCode ?? 9100}`;
  return withParameters(own, execution, errorCode);
}

const html = (body: string, status = 200) =>
  new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    },
  });

/**
 * Serves `web.href` as a small hosted journey: a page with one file input per part, uploads and
 * finalize through the page's own routes (authorized by the `authorizationToken`), then the
 * redirect to `successUrl` / `errorUrl` with Jumio's parameters. Processing and the callback
 * follow as for the API channel.
 */
export function registerWebJourney(app: Hono<SimulatorEnv>, engine: Engine): WebJourney {
  /** authorizationToken → execution id. */
  const sessions = new Map<string, string>();
  /** The size at which the sessions of deleted executions are forgotten (doubles: amortized O(1) per token). */
  let pruneAt = 64;
  function forgetDeleted(): void {
    for (const [token, id] of sessions) if (engine.execution(id) === undefined) sessions.delete(token);
    pruneAt = Math.max(64, sessions.size * 2);
  }

  /** The execution of a token, and whether its session is still open. */
  function session(token: string | undefined) {
    engine.advance();
    const id = token === undefined ? undefined : sessions.get(token);
    const execution = id === undefined ? undefined : engine.execution(id);
    const open = execution !== undefined && execution.status !== 'TOKEN_EXPIRED' && engine.now() < execution.expiresAt;
    return { execution, open };
  }
  const fromHeader = (c: Context) => session(BEARER.exec(c.req.header('authorization') ?? '')?.[1]);
  /** The answer of a page route once the session is over: where the page must go. */
  const closed = (c: Context, execution: SimulatedExecution | undefined) =>
    json({ redirect: endOf(c, execution, execution?.startedAt === undefined ? 9200 : 9210) }, 401);

  app.get(WEB_APP_PATH, (c) => {
    const { execution, open } = session(c.req.query('authorizationToken'));
    if (!execution || !open) {
      const target = endOf(c, execution, 9200);
      if (execution?.request.web?.errorUrl !== undefined) return c.redirect(target, 303);
      return html(webResultPage({ status: 'ERROR', errorCode: 9200, message: WEB_ERRORS[9200] }), 401);
    }
    if (execution.status !== 'INITIATED') return c.redirect(endOf(c, execution), 303);
    const input: WebPageInput = {
      locale: c.req.query('locale') ?? execution.request.web?.locale ?? 'en',
      workflow: `${execution.spec.name} (workflow ${execution.spec.key})`,
      parts: pagePartsOf(execution),
      errorPath: `${WEB_APP_PATH}/error`,
      uploadPath: `${WEB_APP_PATH}/parts`,
      finalizePath: `${WEB_APP_PATH}/finalize`,
    };
    return html(webPage(input));
  });

  // the page's routes share the API routes' body bounds: anyone holding a web.href reaches them
  app.post(`${WEB_APP_PATH}/parts/:credentialId/:classifier`, limitBody(ROUTE_BODY_LIMITS.uploadPart), async (c) => {
    const { execution, open } = fromHeader(c);
    if (!execution || !open) return closed(c, execution);
    if (execution.status !== 'INITIATED') return problem(400, 'These credentials were already submitted');
    const credential = webCredentials(execution).find((cr) => cr.id === c.req.param('credentialId'));
    const classifier = c.req.param('classifier');
    const parts: readonly string[] = credential ? CREDENTIAL_PARTS[credential.category] : [];
    if (!credential || !parts.includes(classifier.toLowerCase())) {
      return problem(404, `No part ${classifier} of credential ${c.req.param('credentialId')} in this journey`);
    }
    const upload = await readUpload(c.req.raw, credential.category, { idPdf: acceptsIdPdf(execution.request) });
    if (!upload.ok) return upload.response;
    engine.storePart(execution, credential, { classifier, bytes: upload.bytes, contentType: upload.contentType });
    return json({ classifier, contentType: upload.contentType });
  });

  app.post(`${WEB_APP_PATH}/finalize`, limitBody(ROUTE_BODY_LIMITS.finalize), (c) => {
    const { execution, open } = fromHeader(c);
    if (!execution || !open) return closed(c, execution);
    if (execution.status !== 'INITIATED') return json({ redirect: endOf(c, execution) });
    const credentials = webCredentials(execution);
    const missing = pagePartsOf(execution).filter(
      (p) => p.required && !credentials.find((cr) => cr.id === p.credentialId)?.parts.has(p.classifier),
    );
    if (missing.length > 0) {
      return problem(400, `Choose a file for: ${missing.map((p) => p.label).join(', ')}`);
    }
    const face = credentials.find((cr) => cr.category === 'SELFIE')?.parts.get('FACE');
    for (const facemap of credentials.filter((cr: CredentialRecord) => cr.category === 'FACEMAP')) {
      if (face && !facemap.parts.has('FACEMAP')) facemap.parts.set('FACEMAP', { ...face, classifier: 'FACEMAP' });
    }
    engine.finalize(execution);
    return json({ redirect: endOf(c, execution) });
  });

  app.get(`${WEB_APP_PATH}/error`, (c) => {
    const { execution } = session(c.req.query('authorizationToken'));
    const code = Number(c.req.query('errorCode'));
    const errorCode: WebErrorCode = code in WEB_ERRORS ? (code as WebErrorCode) : 9100;
    return c.redirect(endOf(c, execution, errorCode), 303);
  });

  app.get(`${WEB_APP_PATH}/result`, (c) => {
    const errorCode = Number(c.req.query('errorCode'));
    const error = c.req.query('acquisitionStatus') !== 'SUCCESS';
    return html(
      webResultPage(
        error
          ? {
              status: 'ERROR',
              errorCode: Number.isInteger(errorCode) ? errorCode : 9100,
              message: WEB_ERRORS[errorCode as WebErrorCode] ?? 'The verification could not be completed',
            }
          : { status: 'SUCCESS' },
      ),
    );
  });

  return {
    token(execution) {
      const token = secretToken({ scope: 'sdk', iat: Math.floor(engine.now() / 1000) });
      sessions.set(token, execution.id);
      if (sessions.size >= pruneAt) forgetDeleted();
      return token;
    },
    sessionCount: () => sessions.size,
  };
}
