import { expectAssignable, expectError, expectType } from 'tsd';
import {
  type KyxError,
  KyxForbiddenError,
  type KyxHttpError,
  KyxIdempotencyError,
  KyxNetworkError,
  type KyxNetworkErrorInit,
  KyxRedirectError,
  KyxResponseError,
  KyxResultPendingError,
  KyxResultsError,
  type KyxResultsErrorCode,
  KyxStoreError,
  KyxTimeoutError,
  KyxValidationError,
  RedactedError,
} from '../dist/index.js';

// Every error class is built from one init object, like KyxHttpError.
const network = new KyxNetworkError({ method: 'POST', path: '/api/v1/accounts', code: 'ECONNRESET', stage: 'body' });
expectType<'request' | 'body'>(network.stage);
expectType<string | undefined>(network.code);
expectAssignable<KyxNetworkErrorInit>({ method: 'GET', path: '/x', cause: new Error('reset'), mayHaveCreated: true });
expectError(new KyxNetworkError('POST', '/api/v1/accounts', 'ECONNRESET')); // the positional shape is gone
expectError(new KyxNetworkError({ path: '/x' })); // method is required
expectError(new KyxNetworkError({ method: 'GET', path: '/x', stage: 'header' })); // request or body only

expectType<number>(new KyxTimeoutError({ method: 'GET', path: '/x', timeout: 100, deadline: true }).timeout);
expectError(new KyxTimeoutError('GET', '/x', 100));
expectError(new KyxTimeoutError({ method: 'GET', path: '/x' })); // timeout is required

const response = new KyxResponseError({ method: 'GET', path: '/x', issues: [{ path: 'a', message: 'b' }] });
expectAssignable<KyxValidationError>(response);
expectError(new KyxResponseError('GET', '/x', [{ path: 'a', message: 'b' }]));

expectType<KyxValidationError>(new KyxValidationError({ issues: [], subject: 'options', cause: 'x' }));
expectError(new KyxValidationError([{ path: 'a', message: 'b' }], 'request'));
expectError(new KyxValidationError({ subject: 'request' })); // issues are required

expectType<string>(new KyxStoreError({ operation: 'reserve', cause: new Error('down') }).operation);
expectError(new KyxStoreError('reserve', new Error('down')));

expectType<string | undefined>(
  new KyxRedirectError({ status: 302, method: 'GET', path: '/x', location: 'https://a.example' }).location,
);
expectError(new KyxRedirectError({ status: 302, method: 'GET', path: '/x' }, 'https://a.example'));
expectAssignable<KyxHttpError>(new KyxForbiddenError({ status: 403, method: 'GET', path: '/x' }));

expectType<'ambiguous' | 'holder-lost' | 'expired'>(new KyxIdempotencyError({ key: 'k', reason: 'expired' }).reason);
expectError(
  new KyxResultPendingError({ status: 'ACQUIRED', statusCalls: 1, accountId: 'a', workflowExecutionId: 'w' }),
);

// The results processor's own failures: one class, told apart by a documented code; each code
// asks for what its message names.
const results = new KyxResultsError({ code: 'GAVE_UP', workflowExecutionId: 'w', attempts: 15 });
expectType<KyxResultsErrorCode>(results.code);
expectType<string | undefined>(results.workflowExecutionId);
expectAssignable<KyxError>(results);
expectAssignable<KyxResultsError>(new KyxResultsError({ code: 'INBOX_FULL', maxPending: 10 }));
expectError(new KyxResultsError({ code: 'GAVE_UP', workflowExecutionId: 'w' })); // attempts missing
expectError(new KyxResultsError({ code: 'LEASE_OVERRUN', workflowExecutionId: 'w' })); // leaseMs missing
expectError(new KyxResultsError({ code: 'TIMEOUT', workflowExecutionId: 'w' }));

// RedactedError copies a foreign error: built from the error and the secrets, or with from()
expectType<RedactedError>(new RedactedError({ raw: new Error('x'), secrets: ['s3cret'] }));
expectError(new RedactedError(new Error('x'), ['s3cret']));
