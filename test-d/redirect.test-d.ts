import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import {
  parseRedirect,
  type ValidateAccountRequestOptions,
  validateAccountRequest,
  type WebRedirect,
} from '../dist/index.js';

// parseRedirect takes a URL or a string and returns the typed parameters
const back = parseRedirect('https://acme.example/done?accountId=x');
expectType<WebRedirect>(back);
expectType<WebRedirect>(parseRedirect(new URL('https://acme.example/done')));
expectType<'SUCCESS' | 'ERROR'>(back.acquisitionStatus);
expectType<number | undefined>(back.errorCode);
expectType<string | undefined>(back.customerInternalReference);
expectType<string>(back.accountId);
expectError(parseRedirect(42));
expectError(parseRedirect(new URLSearchParams()));
expectNotAssignable<WebRedirect>({ accountId: 'a', workflowExecutionId: 'w', acquisitionStatus: 'DONE' });
expectAssignable<WebRedirect>({
  accountId: 'a',
  workflowExecutionId: 'w',
  acquisitionStatus: 'ERROR',
  errorCode: 9200,
});

// validateAccountRequest: unknown keys are reported unless allowed
expectAssignable<ValidateAccountRequestOptions>({ unknownKeys: 'allow' });
expectAssignable<ValidateAccountRequestOptions>({ unknownKeys: 'reject', mode: 'update' });
expectNotAssignable<ValidateAccountRequestOptions>({ unknownKeys: 'ignore' });
validateAccountRequest({}, { unknownKeys: 'allow' });
