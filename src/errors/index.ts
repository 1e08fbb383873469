// Every error a user of the library can receive, one class (or one family) a file. The folder is
// a ground floor: it imports nothing but itself (and model types), so every layer can throw them.
export {
  httpError,
  KyxAuthenticationError,
  KyxBadRequestError,
  KyxForbiddenError,
  KyxHttpError,
  type KyxHttpErrorCode,
  type KyxHttpErrorInit,
  KyxNotFoundError,
  KyxRateLimitError,
  KyxServerError,
} from './http.js';
export {
  KyxIdempotencyError,
  type KyxIdempotencyErrorInit,
  type KyxIdempotencyReason,
} from './idempotency.js';
export { boundIssues, type KyxIssue, type KyxResult } from './issues.js';
export { isKyxError, KyxError, type KyxErrorOptions } from './kyx-error.js';
export { KyxNetworkError, type KyxNetworkErrorInit } from './network.js';
export { RedactedError, type RedactedErrorInit, scrub } from './redacted.js';
export { KyxRedirectError, type KyxRedirectErrorInit } from './redirect.js';
export { KyxResponseError, type KyxResponseErrorInit } from './response.js';
export { KyxResultPendingError, type KyxResultPendingErrorInit } from './result-pending.js';
export { KyxResultsError, type KyxResultsErrorCode, type KyxResultsErrorInit } from './results.js';
export { KyxStoreError, type KyxStoreErrorInit } from './store.js';
export { KyxTimeoutError, type KyxTimeoutErrorInit } from './timeout.js';
export { KyxValidationError, type KyxValidationErrorInit } from './validation.js';
