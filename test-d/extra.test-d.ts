import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import {
  type AccountBuilder,
  type AccountExtra,
  type AccountFragment,
  type AccountTemplate,
  account,
  type CompleteAccountRequest,
  fromBody,
  type SendableRequest,
  validateAccountRequest,
} from '../dist/index.js';

// .extra(patch): known paths keep their types, unknown fields take any value; the builder's state is kept.
const watchlist = account()
  .ref('r')
  .workflow(10013)
  .capability.watchlist('p')
  .extra({ workflowDefinition: { capabilities: { watchlistScreening: { additionalProperties: '' } } } });
expectType<AccountBuilder<'create', 10013, true, false, never>>(watchlist);
watchlist.build();
expectType<AccountBuilder<'create', 10026, true, false, never>>(
  account()
    .ref('r')
    .workflow(10026)
    .extra({ tokenLifetime: '1h', riskSignals: { level: 2 } }),
);
// an incomplete builder stays incomplete
expectError(
  account()
    .ref('r')
    .workflow(10026)
    .extra({ workflowDefinition: { key: 10026 } })
    .build(),
);

// a known field given another type does not compile, with a message that says what to do
expectError(account().extra({ customerInternalReference: 1 }));
expectError(account().extra({ tokenLifetime: '1 hour' }));
expectError(account().extra({ web: { successUrl: 3 } }));
expectError(account().extra({ workflowDefinition: { key: '10011' } }));
expectError(
  account().extra({ workflowDefinition: { capabilities: { documentVerification: { enableExtraction: false } } } }),
);
expectNotAssignable<AccountExtra>({ customerInternalReference: 1 });
expectNotAssignable<AccountExtra>({ userConsent: { userLocation: { country: 'US' } } });
expectAssignable<AccountExtra>({ userConsent: { userLocation: { country: 'USA', district: 'x' } } });
expectAssignable<AccountExtra>({ workflowDefinition: { credentials: [{ category: 'DOCUMENT', note: 1 }] } });
expectAssignable<AccountExtra>({ anything: { nested: [1, 'a', null] } });

// templates and fragments carry it
const template: AccountTemplate<'ref'> = account().workflow(10011).extra({ flag: true });
expectType<AccountTemplate<'ref'>>(template.extra({ other: 1 }));
expectType<CompleteAccountRequest>(template.ref('x').extra({ more: 2 }));
const fragment: AccountFragment = (b) => b.extra({ tenant: 'x' });
expectType<AccountBuilder<'create', 10011, true, false, never>>(account().ref('r').workflow(10011).with(fragment));

// fromBody: unknown JSON in, a request client.send accepts out
declare const json: unknown;
expectType<SendableRequest<'create'>>(fromBody(json));
expectType<SendableRequest<'create'>>(fromBody(json, { unknownFields: 'allow' }));
expectType<SendableRequest<'update'>>(fromBody(json, { accountId: 'a', workflows: [] }));
expectError(fromBody(json, { unknownFields: 'ignore' }));
validateAccountRequest(json, { unknownFields: 'allow', unknownKeys: 'allow' });
expectError(validateAccountRequest(json, { unknownFields: true }));
