import { describe, expect, it } from 'vitest';
import {
  httpError,
  KyxAuthenticationError,
  KyxBadRequestError,
  KyxForbiddenError,
  KyxHttpError,
  KyxNotFoundError,
  KyxRateLimitError,
  KyxServerError,
} from '../../src/index.js';

const init = (status: number) => ({ status, method: 'GET', path: '/api/v1/accounts/x' });

describe('status → error', () => {
  it.each([
    [400, KyxBadRequestError, 'BAD_REQUEST', 'KyxBadRequestError'],
    [401, KyxAuthenticationError, 'UNAUTHORIZED', 'KyxAuthenticationError'],
    [403, KyxForbiddenError, 'FORBIDDEN', 'KyxForbiddenError'],
    [404, KyxNotFoundError, 'NOT_FOUND', 'KyxNotFoundError'],
    [429, KyxRateLimitError, 'RATE_LIMITED', 'KyxRateLimitError'],
    [500, KyxServerError, 'SERVER_ERROR', 'KyxServerError'],
    [503, KyxServerError, 'SERVER_ERROR', 'KyxServerError'],
    [599, KyxServerError, 'SERVER_ERROR', 'KyxServerError'],
    [405, KyxHttpError, 'HTTP_ERROR', 'KyxHttpError'],
    [418, KyxHttpError, 'HTTP_ERROR', 'KyxHttpError'],
  ] as const)('%i → %o with code %s', (status, type, code, name) => {
    const error = httpError(init(status));
    expect(error.constructor).toBe(type);
    expect(error).toMatchObject({ status, code, name, method: 'GET', path: '/api/v1/accounts/x' });
  });

  it('a KyxHttpError built directly takes its code from the same table', () => {
    expect(new KyxHttpError(init(404)).code).toBe('NOT_FOUND');
    expect(new KyxHttpError(init(502)).code).toBe('SERVER_ERROR');
    expect(new KyxHttpError(init(409)).code).toBe('HTTP_ERROR');
  });

  it('the 429 keeps Retry-After and the 403 hints at the User-Agent', () => {
    const limited = httpError({ ...init(429), retryAfter: 3 });
    expect(limited).toBeInstanceOf(KyxRateLimitError);
    expect((limited as KyxRateLimitError).retryAfter).toBe(3);
    expect(httpError(init(403)).message).toBe(
      'GET /api/v1/accounts/x failed with HTTP 403. Jumio answers 403 when the User-Agent header is missing or suspicious, or the OAuth2 client lacks the permission for this call',
    );
  });
});
