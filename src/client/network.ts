import { isKyxError } from '../errors/index.js';

/** System error codes that prove the request never reached a server (nothing was processed). */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * How a thrown transport error relates to the request:
 * - `never-sent`: connection refused or the host did not resolve — safe to retry anything;
 * - `ambiguous`: reset, TLS or socket failure — the server may have processed it;
 * - `not-network`: not a transport failure at all (a bug, an abort, one of our own errors).
 */
export type NetworkErrorKind = 'never-sent' | 'ambiguous' | 'not-network';

/** The first system error `code` in the error's cause chain (including `AggregateError`s). */
export function systemErrorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(code)) return code;
    queue.push((current as { cause?: unknown }).cause);
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return undefined;
}

/** Classifies a thrown error (see {@link NetworkErrorKind}). */
export function networkErrorKind(error: unknown): NetworkErrorKind {
  if (isKyxError(error) || (error instanceof Error && error.name === 'AbortError')) return 'not-network';
  const code = systemErrorCode(error);
  if (code !== undefined) return NEVER_SENT.has(code) ? 'never-sent' : 'ambiguous';
  // fetch reports transport failures as a bare TypeError ("fetch failed"): assume the worst.
  return error instanceof TypeError ? 'ambiguous' : 'not-network';
}
