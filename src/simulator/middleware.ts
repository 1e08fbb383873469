import { createMiddleware } from 'hono/factory';
import type { Engine } from './engine.js';
import type { SimulatorEnv } from './env.js';
import { problem, tooManyRequests } from './problem.js';
import type { SimulatorRoute } from './types.js';

/** Names the matched route: for the middleware after it (`c.var.route`) and the request log (`c.env`). */
export function named(route: SimulatorRoute) {
  return createMiddleware<SimulatorEnv>(async (c, next) => {
    c.set('route', route);
    c.env.route = route;
    await next();
  });
}

/** Jumio answers 403 to a request without a User-Agent (every route but the health check). */
export function requireUserAgent() {
  return createMiddleware(async (c, next) => {
    if (!c.req.header('user-agent')?.trim()) {
      return problem(403, 'The User-Agent header is required: identify your company and application');
    }
    await next();
  });
}

/**
 * One of the tenant's rate limits (none when it is off): 429, counted per route, once its bucket
 * is empty. Limits are per tenant, so it runs after auth: only requests that authenticated count.
 */
export function rateLimit(engine: Engine, limit: keyof Engine['limits']) {
  return createMiddleware<SimulatorEnv>(async (c, next) => {
    const bucket = engine.limits[limit];
    if (bucket && !bucket.take(engine.now())) {
      const { route } = c.var;
      engine.countRateLimited(route);
      return tooManyRequests();
    }
    await next();
  });
}
