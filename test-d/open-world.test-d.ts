import { expectAssignable, expectError, expectType } from 'tsd';
import {
  type AccountRequest,
  type AccountResponse,
  type AllReused,
  account,
  type CheckPart,
  type CustomDocumentCode,
  customDocumentType,
  type DocumentCode,
  type KyxClient,
  type KyxTypeError,
  type UncheckedWorkflow,
  type UploadPartOf,
  type UploadResponse,
  uncheckedWorkflow,
} from '../dist/index.js';

// Everything Jumio accepts can be built: credential reuse, tenant document codes and workflow
// keys, workflow 16's facemap binary. Every line is must-compile or must-fail.
declare const client: KyxClient;
declare const bytes: Uint8Array;
declare const accountId: string;
declare const credentialId: string;
declare const consent: { userIp: string; userLocation: { country: 'USA'; state: 'IL' } };

// ---- credential reuse (update builders only) ---------------------------------------------------
expectType<AccountRequest>(
  account(accountId).ref('123').workflow(5).reuse('ID', credentialId).selfie().consent(consent).build(),
);
expectType<AccountRequest>(account(accountId).ref('x').workflow(5).reuse('ID').build()); // the latest ID on file
expectType<AccountRequest>(account(accountId).ref('x').workflow(10011).reuse('SELFIE', credentialId).build());
expectType<AccountRequest>(account(accountId).ref('x').workflow(10011).reuse('FACEMAP').build());
expectType<AccountRequest>(account().ref('x').workflow(10011).selfie().build());
// on account(): an error saying reuse needs an existing account
expectError(account().ref('x').workflow(10011).reuse('ID', credentialId));
expectType<
  KyxTypeError<'reusing a credential needs an existing account: start from account(accountId) to reuse its credentials'>
>(account().ref('x').workflow(10011).reuse);
// a category the workflow does not collect, and one that cannot be reused
expectError(account(accountId).ref('x').workflow(10026).reuse('SELFIE'));
expectError(account(accountId).ref('x').workflow(10026).reuse('DOCUMENT'));
expectError(account().ref('x').workflow(10026).selfie());
// workflow 5 still needs its ID on file
expectType<KyxTypeError<"workflow 5 requires .reuse('ID', credentialId)">>(
  account(accountId).ref('x').workflow(5).selfie().build,
);

// ---- tenant document codes -------------------------------------------------------------------
expectType<CustomDocumentCode>(customDocumentType('ACMEPAY'));
expectAssignable<DocumentCode>(customDocumentType('ABCDEFGHIJ'));
expectType<AccountRequest>(account().ref('r').workflow(10026).document('USA', customDocumentType('ACMEPAY')).build());
declare const fromConfig: string;
expectType<CustomDocumentCode>(customDocumentType(fromConfig)); // checked at run time
expectType<AccountRequest>(account().ref('r').workflow(10026).document('USA', 'BS').build()); // standard codes as before
// a 12-character literal, a blank, and the bare CUSTOM code do not compile, each saying what to do
expectError(customDocumentType('ACMEPAYMENTS'));
expectType<
  KyxTypeError<"custom document code 'ACMEPAYMENTS' is longer than 10 characters: use the code as set up in the Jumio portal (1–10 characters, no blanks)">
>(null as unknown as Parameters<typeof customDocumentType<'ACMEPAYMENTS'>>[0]);
expectError(customDocumentType('ACME PAY'));
expectError(account().ref('r').workflow(10026).document('USA', 'CUSTOM'));
expectError(account().ref('r').workflow(10026).document('USA', 'ACMEPAY')); // a tenant code needs customDocumentType
expectType<KyxTypeError<"'CUSTOM' is not a document code: give your tenant's own code with customDocumentType(code)">>(
  null as unknown as Parameters<typeof customDocumentType<'CUSTOM'>>[0],
);

// ---- workflow keys nobody described ----------------------------------------------------------
expectType<UncheckedWorkflow<10549>>(uncheckedWorkflow(10549));
expectType<AccountRequest>(account().ref('r').workflow(uncheckedWorkflow(10549)).id({ country: 'USA' }).build());
expectType<AccountRequest>(account().ref('r').workflow(uncheckedWorkflow(10547)).build()); // nothing required
expectType<AccountRequest>(
  account()
    .ref('r')
    .workflow(uncheckedWorkflow(10549))
    .document('USA', customDocumentType('ACMEPAY'))
    .facemap()
    .selfie()
    .capability.watchlist('p')
    .capability.extraction(false)
    .build(),
);
expectError(uncheckedWorkflow(10011)); // a catalog key keeps its rules
const unchecked = await client.send(account().ref('r').workflow(uncheckedWorkflow(10549)));
expectType<Promise<UploadResponse>>(client.upload(unchecked, 'document', bytes)); // every part
expectType<Promise<UploadResponse>>(client.upload(unchecked, 'facemap', bytes));
expectType<Promise<UploadResponse>>(client.uploadData(unchecked, { firstName: 'A' }));

// ---- workflow 16 -------------------------------------------------------------------------------
expectError(account().ref('x').workflow(16)); // update only
const onPremise = await client.send(account(accountId).ref('x').workflow(16).consent(consent));
expectType<AccountResponse<16>>(onPremise);
expectType<Promise<UploadResponse>>(client.upload(onPremise, 'facemap', bytes));
expectType<'face' | 'facemap'>(null as unknown as UploadPartOf<16>);
expectError(client.upload(onPremise, 'front', bytes));
const idv = await client.send(account().ref('x').workflow(10011));
expectError(client.upload(idv, 'facemap', bytes)); // captured by SDK/WEB elsewhere
expectType<'front' | 'back' | 'face'>(null as unknown as UploadPartOf<10011>);

// ---- every credential reused: nothing to upload ------------------------------------------------
const reusedOnly = await client.send(
  account(accountId).ref('x').workflow(5).reuse('ID', credentialId).reuse('SELFIE', credentialId).consent(consent),
);
expectType<AccountResponse<AllReused<5>>>(reusedOnly);
expectType<never>(null as unknown as UploadPartOf<AllReused<5>>);
expectError(client.upload(reusedOnly, 'face', bytes));
expectType<
  KyxTypeError<'every credential of this workflow 5 transaction is reused from the account (allowedChannels: []): there is nothing to upload, and Jumio finalizes it itself (wait for the callback, or client.waitForResult(response))'>
>(null as unknown as CheckPart<AllReused<5>, 'face'>);
// a new selfie beside the reused ID: the selfie is uploaded as usual
const withSelfie = await client.send(
  account(accountId).ref('x').workflow(5).reuse('ID', credentialId).selfie().consent(consent),
);
expectType<AccountResponse<5>>(withSelfie);
expectType<Promise<UploadResponse>>(client.upload(withSelfie, 'face', bytes));
