import type { Context, MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { checkOptionsWith, optionsObject } from '../model/option-schema.js';
import { isLoopbackHost } from '../model/rules.js';
import { readCapped } from '../shared/body.js';
import { problem } from './problem.js';
import type { SimulatorRoute, StartSimulatorOptions } from './types.js';
import { MAX_UPLOAD_BYTES } from './uploads.js';

// What keeps a simulator safe when it is reachable: loopback unless told otherwise, and then
// known clients only and no admin routes; admin routes that a browser on another site cannot
// drive; bounded request bodies; URLs built from the configured origin, never the Host header.

/** Largest request body per route, in bytes: uploads a 15 MB part plus multipart framing. */
export const ROUTE_BODY_LIMITS: Readonly<Record<SimulatorRoute, number>> = {
  health: 16 * 1024,
  token: 16 * 1024,
  createAccount: 256 * 1024,
  updateAccount: 256 * 1024,
  uploadPart: MAX_UPLOAD_BYTES + 64 * 1024,
  finalize: 16 * 1024,
  details: 16 * 1024,
  status: 16 * 1024,
  steps: 16 * 1024,
  partImage: 16 * 1024,
  deleteAccount: 16 * 1024,
  deleteExecution: 16 * 1024,
};
/** Largest `/__admin/*` request body, in bytes. */
export const ADMIN_BODY_LIMIT = 64 * 1024;

/**
 * A Hono middleware answering 413 as soon as a body passes `maxSize`: at once for a declared
 * `Content-Length` (a body within it is passed on unread), while streaming for a chunked body
 * (read by `readCapped`, so nothing past the bound is read). Like `hono/body-limit`, whose copy of
 * the request fails on @hono/node-server's request objects.
 */
export function limitBody(maxSize: number): MiddlewareHandler {
  const tooLarge = () => problem(413, `The request body must be at most ${maxSize} bytes`);
  return async (c, next) => {
    const request = c.req.raw;
    if (request.body === null) return next();
    const declared = request.headers.get('content-length');
    if (declared !== null && !request.headers.has('transfer-encoding')) {
      return Number(declared) > maxSize ? tooLarge() : next();
    }
    // a stream that fails midway throws its own error (the app answers 500)
    const body = await readCapped(request.body, { maxBytes: maxSize, tooLarge: () => 'too-large' }).catch(
      (error: unknown) => {
        if (error === 'too-large') return 'too-large' as const;
        throw error;
      },
    );
    if (body === 'too-large') return tooLarge();
    const headers = new Headers(request.headers);
    headers.delete('transfer-encoding');
    c.req.raw = new Request(request.url, { method: request.method, headers, body });
    return next();
  };
}

/** How a server may be reached, resolved from its options. */
export interface Exposure {
  host: string;
  /** Whether `/__admin/*` is served. */
  admin: boolean;
}

/** A random seed for a server started without one, so ids never repeat across runs. */
export function randomSeed(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Checks where a server may listen. A host other than loopback needs `expose: true`, and then
 * `clients` (so made-up credentials are refused); admin routes are off there unless
 * `admin: true`. Throws a `KyxValidationError` naming every option that breaks a rule.
 */
export function resolveExposure(options: StartSimulatorOptions): Exposure {
  const host = options.host ?? '127.0.0.1';
  const loopback = isLoopbackHost(host);
  checkOptionsWith(exposureSchema(options.expose === true, loopback), options, 'simulator options');
  return { host, admin: options.admin ?? loopback };
}

/** The rules of where a server may listen: off loopback, `expose: true` and then `clients`. */
function exposureSchema(exposed: boolean, loopback: boolean) {
  return optionsObject({
    host: v.optional(
      v.custom<string>(
        () => loopback || exposed,
        (issue) =>
          `${String(issue.input)} is not a loopback interface: the simulator accepts made-up credentials and serves admin routes, so binding it needs expose: true (kyx simulate --expose)`,
      ),
    ),
    // absent: checked as none
    clients: v.optional(
      v.custom<readonly unknown[]>(
        (clients) => loopback || (Array.isArray(clients) && clients.length > 0),
        'must name the accepted client credentials when the simulator is exposed (kyx simulate --client id:secret)',
      ),
      [],
    ),
    publicUrl: v.optional(
      v.custom<string>(
        (url) => typeof url === 'string' && URL.canParse(url),
        'must be an absolute URL (the origin clients use to reach the simulator)',
      ),
    ),
  });
}

/**
 * Guards `/__admin/*`: the request must name the server's own host (no DNS rebinding), come from
 * no other site (`Origin` and `Sec-Fetch-Site`, when sent, are same-origin) and, when it has a
 * body, send it as JSON (a cross-site form or `text/plain` POST cannot).
 */
export function adminGuard(origin: () => string | undefined): MiddlewareHandler {
  return async (c: Context, next) => {
    const own = origin();
    const request = c.req.raw;
    if (own !== undefined) {
      const host = request.headers.get('host');
      if (host !== null && host.toLowerCase() !== new URL(own).host) {
        return problem(403, 'Admin routes answer only requests to the simulator’s own host');
      }
      const from = request.headers.get('origin');
      if (from !== null && from !== new URL(own).origin) {
        return problem(403, 'Admin routes answer only same-origin requests');
      }
    }
    const site = request.headers.get('sec-fetch-site');
    if (site !== null && site !== 'same-origin' && site !== 'none') {
      return problem(403, 'Admin routes answer only same-origin requests');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') return problem(415, 'Admin requests must send Content-Type: application/json');
    }
    await next();
    return undefined;
  };
}
