import type { Operation } from './retry-policy.js';

/**
 * One attempt about to be sent. Carries no headers, tokens or bodies.
 *
 * @example
 * ```ts
 * import type { KyxRequestEvent } from 'jumio-kyx';
 * const log = (event: KyxRequestEvent) => console.log(event.attempt, event.method, event.path);
 * ```
 */
export interface KyxRequestEvent {
  /** Which kind of call (decides the retry policy). */
  operation: Operation;
  /** HTTP method. */
  method: string;
  /** Origin of the target, e.g. `https://account.amer-1.jumio.ai`. */
  origin: string;
  /** Path of the target, without query string. */
  path: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
}

/**
 * An attempt got an HTTP answer.
 *
 * @example
 * ```ts
 * import type { KyxResponseEvent } from 'jumio-kyx';
 * const log = (event: KyxResponseEvent) => console.log(event.status, event.elapsedMs);
 * ```
 */
export interface KyxResponseEvent extends KyxRequestEvent {
  /** HTTP status. */
  status: number;
  /** Milliseconds since the attempt started. */
  elapsedMs: number;
}

/**
 * A failed attempt is about to be repeated.
 *
 * @example
 * ```ts
 * import type { KyxRetryEvent } from 'jumio-kyx';
 * const log = (event: KyxRetryEvent) => console.log(`retry ${event.attempt}: ${event.reason}`);
 * ```
 */
export interface KyxRetryEvent extends KyxRequestEvent {
  /** Why: `status 429`, `timeout`, `network ECONNREFUSED`, `token refreshed`. */
  reason: string;
}

/**
 * Observability hooks; every attempt is visible. A hook that throws is ignored.
 *
 * @example
 * ```ts
 * import { createClient } from 'jumio-kyx';
 * createClient({
 *   region: 'amer-1',
 *   credentials: { clientId: 'id', clientSecret: 'secret' },
 *   userAgent: 'Acme Onboarding/1.0',
 *   hooks: { onRetry: (event) => console.warn(event.operation, event.reason) },
 * });
 * ```
 */
export interface KyxHooks {
  /** Before every attempt. */
  onRequest?: (event: KyxRequestEvent) => void;
  /** After every attempt that got an HTTP answer. */
  onResponse?: (event: KyxResponseEvent) => void;
  /** Before every retry (also the replay after a token refresh). */
  onRetry?: (event: KyxRetryEvent) => void;
}

/** Calls a hook, ignoring anything it throws: observing must never break a request. */
export function emit<E>(hook: ((event: E) => void) | undefined, event: E): void {
  if (hook === undefined) return;
  try {
    hook(event);
  } catch {
    // a broken logger must not fail the call
  }
}
