import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import {
  type AccountBuilder,
  type AccountRequest,
  type AccountTemplate,
  account,
  type CompleteAccountRequest,
  createClient,
  isWorkflowKey,
  type KyxTypeError,
  type WorkflowKey,
} from '../dist/index.js';

// The builder ergonomics that real code needs, line by line.

// ---- a key chosen at run time compiles; its rules are checked at run time ---------------------
declare const key: WorkflowKey;
expectType<AccountRequest>(account().ref('x').workflow(key).build());
expectType<AccountBuilder<'create', WorkflowKey, true, false, never>>(account().ref('x').workflow(key));
// presets and capabilities of any of its workflows are allowed
expectType<AccountRequest>(account().ref('x').workflow(key).document('USA', 'BS').build());
expectType<AccountRequest>(account().ref('x').workflow(key).id({ country: 'USA' }).facemap().build());
expectType<AccountRequest>(
  account().ref('x').workflow(key).capability.extraction(false).capability.watchlist().build(),
);
// update-only workflows are among the keys: allowed here, checked at run time
expectAssignable<CompleteAccountRequest>(account().ref('x').workflow(key));
expectAssignable<CompleteAccountRequest<'update'>>(
  account('572ac7b5-9f83-409d-ba8e-f0014e411c7e').ref('x').workflow(key),
);

// a union of keys
declare const pair: 10011 | 10026;
expectType<AccountRequest>(account().ref('x').workflow(pair).build());
expectType<AccountRequest>(account().ref('x').workflow(pair).document('USA', 'BS').build());
expectType<AccountRequest>(account().ref('x').workflow(pair).id().build());
// what none of them accepts still does not compile
declare const ids: 10011 | 10015;
expectError(account().ref('x').workflow(ids).document('USA', 'BS'));
expectError(account().ref('x').workflow(ids).capability.extraction(false));
declare const noScreening: 10011 | 10026;
expectError(account().ref('x').workflow(noScreening).capability.watchlist());
// a union with an unknown key does not compile
declare const withUnknown: 10011 | 99999;
expectError(account().ref('x').workflow(withUnknown));
// the reference is still required
expectError(account().workflow(key).build());
expectNotAssignable<CompleteAccountRequest>(account().workflow(key));
// one known key keeps its static rules
declare const single: 10026;
expectError(account().ref('x').workflow(single).build());

// ---- a plain number does not compile; isWorkflowKey narrows it --------------------------------
declare const n: number;
expectError(account().ref('x').workflow(n));
// (the message is checked in test/builder/type-messages.test.ts)
if (isWorkflowKey(n)) {
  expectType<WorkflowKey>(n);
  expectType<AccountRequest>(account().ref('x').workflow(n).build());
}
declare const fromConfig: unknown;
if (isWorkflowKey(fromConfig)) expectType<WorkflowKey>(fromConfig);
expectType<boolean>(isWorkflowKey(20001, []));

// ---- templates keep every optional setter ------------------------------------------------------
declare const t: AccountTemplate<'ref'>;
const url = 'https://acme.example/jumio';
expectType<AccountRequest>(t.ref('id').callback(url).build());
expectType<AccountRequest>(t.callback(url).ref('id').build());
expectType<AccountRequest>(
  t
    .user('u')
    .reporting('r')
    .tokenLifetime('1h')
    .web({ locale: 'es' })
    .consent({
      userIp: '1.2.3.4',
      userLocation: { country: 'USA' },
      consent: { obtained: 'yes', obtainedAt: '2022-07-20T17:20:35.000Z' },
    })
    .overrides({ crossDeviceOnly: true })
    .ref('id')
    .build(),
);
expectType<AccountRequest>(t.ref('id').user('u').reporting('r').tokenLifetime('1d').overrides({}).web({}).build());
expectError(t.build());
expectError(t.callback(url).build());
expectError(t.tokenLifetime('30 minutes'));

declare const u: AccountTemplate<'user'>;
expectType<AccountRequest>(u.callback(url).user('u').callback(url).build());
expectError(u.callback(url).build());

declare const both: AccountTemplate<'ref' | 'user'>;
expectType<AccountRequest>(both.callback(url).ref('r').tokenLifetime('1h').user('u').reporting('x').build());
expectType<AccountRequest>(both.user('u').ref('r').build());
expectError(both.ref('r').build());
expectError(both.user('u').build());

// builders are still templates, and a function taking one can add setters
const onboard = (template: AccountTemplate<'ref'>, ref: string) => template.ref(ref).callback(url).build();
expectType<AccountRequest>(onboard(account().workflow(10026).document('USA', 'BS'), 'r'));
expectAssignable<AccountTemplate<'ref' | 'user'>>(account().workflow(10010));
expectAssignable<AccountTemplate<'user'>>(account().ref('x').workflow(32));
expectNotAssignable<AccountTemplate<'ref'>>(account().workflow(10026));

// complete requests keep the setters too, and stay sendable
const client = createClient({ region: 'amer-1', credentials: { clientId: 'a', clientSecret: 'b' }, userAgent: 'A/1' });
declare const ready: CompleteAccountRequest;
void client.send(ready.callback(url).tokenLifetime('1h'));

// ---- a two-letter country names its alpha-3 code ----------------------------------------------
expectError(account().ref('x').workflow(10026).document('US', 'BS'));
expectError(account().ref('x').workflow(10026).document('DE', 'BS'));
expectType<AccountRequest>(account().ref('x').workflow(10026).document('USA', 'BS').build());
declare const country: string;
expectError(account().ref('x').workflow(10026).document(country, 'BS'));
declare const code: 'USA' | 'DEU';
expectType<AccountRequest>(account().ref('x').workflow(10026).document(code, 'BS').build());

// ---- a second .document() does not replace the first silently ---------------------------------
expectError(account().ref('x').workflow(10026).document('USA', 'BS').document('DEU', 'BS'));
expectType<KyxTypeError<'.document() was already called: a DOCUMENT preset names exactly one country and one type'>>(
  account().ref('x').workflow(10026).document('USA', 'BS').document,
);

// ---- the hover names the key --------------------------------------------------------------------
expectType<AccountBuilder<'create', 10026, true, false, never>>(account().ref('x').workflow(10026));
