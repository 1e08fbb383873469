import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import {
  type AccountId,
  type AccountResponse,
  type AccountTemplate,
  account,
  type CallbackPayload,
  type CompleteAccountRequest,
  type CredentialId,
  defineWorkflow,
  type ExecutionReference,
  type FinalizeResponse,
  findCredential,
  type KyxClient,
  type KyxTypeError,
  parseCallback,
  type ResponseOf,
  type SendAllOutcome,
  type SendableRequest,
  type UploadPartOf,
  type UploadResponse,
  type WorkflowDetails,
  type WorkflowExecutionId,
  type WorkflowKey,
  type WorkflowStatusResponse,
} from '../dist/index.js';

// The typed flow, responses remember the workflow: every line, as must-compile or
// must-fail.
declare const client: KyxClient;
declare const jpeg: Uint8Array;
declare const pdf: Uint8Array;
declare const body: string;
declare const signal: AbortSignal;

// ---- responses carry the workflow ---------------------------------------------------------------
const res = await client.send(account().ref('r1').workflow(10011)); // AccountResponse for 10011
expectType<AccountResponse<10011>>(res);
expectType<Promise<UploadResponse>>(client.upload(res, 'front', jpeg)); // ID part: ok
expectType<Promise<UploadResponse>>(client.upload(res, 'back', jpeg));
expectType<Promise<UploadResponse>>(client.upload(res, 'face', jpeg)); // SELFIE part: ok
expectError(client.upload(res, 'document', pdf)); // does not compile: 10011 collects no DOCUMENT
const docv = await client.send(account().ref('r2').workflow(10026).document('USA', 'BS'));
expectType<AccountResponse<10026>>(docv);
expectType<Promise<UploadResponse>>(client.upload(docv, 'document', pdf)); // ok
expectError(client.upload(docv, 'front', pdf)); // 'front' does not compile (ID)
expectError(client.upload(docv, 'back', pdf));
expectError(client.upload(docv, 'face', pdf)); // SELFIE
const liveness = await client.send(account().ref('r3').workflow(6));
expectType<Promise<UploadResponse>>(client.upload(liveness, 'face', jpeg));
expectError(client.upload(liveness, 'front', jpeg)); // 6 collects no ID
expectError(client.upload(liveness, 'document', pdf)); // nor DOCUMENT
const idOnly = await client.send(account().ref('r4').workflow(10015));
expectType<Promise<UploadResponse>>(client.upload(idOnly, 'back', jpeg));
expectError(client.upload(idOnly, 'face', jpeg)); // 10015 collects no SELFIE
// prepared data only where the workflow collects DATA
const screening = await client.send(account().ref('r5').user('u').workflow(10010));
expectType<Promise<UploadResponse>>(client.uploadData(screening, { firstName: 'ALEX' }));
expectError(client.upload(screening, 'front', jpeg)); // 10010 collects only DATA: no file part
expectError(client.uploadData(res, { firstName: 'ALEX' })); // 10011 collects no DATA
// a workflow of both: DOCUMENT and DATA
const mixed = await client.send(account().ref('r6').workflow(10170).document('USA', 'BS'));
expectType<Promise<UploadResponse>>(client.upload(mixed, 'document', pdf));
expectType<Promise<UploadResponse>>(client.uploadData(mixed, { firstName: 'ALEX' }));
expectError(client.upload(mixed, 'front', jpeg));
// the message names the workflow and its parts
expectType<
  KyxTypeError<"workflow 10011 collects no DOCUMENT credential (it collects ID, SELFIE and FACEMAP): upload 'front', 'back' or 'face'">
>({} as Parameters<typeof client.upload<10011, 'document'>>[1]);
expectType<KyxTypeError<"workflow 10026 collects no ID credential (it collects DOCUMENT): upload 'document'">>(
  {} as Parameters<typeof client.upload<10026, 'front'>>[1],
);
expectType<
  KyxTypeError<'workflow 10010 collects no ID credential (it collects DATA), so it has no file part to upload'>
>({} as Parameters<typeof client.upload<10010, 'front'>>[1]);
expectType<'front' | 'back' | 'face'>({} as UploadPartOf<10011>);

// a response of an unknown or dynamic workflow accepts every part
declare const anyResponse: AccountResponse;
expectType<AccountResponse<unknown>>(anyResponse);
client.upload(anyResponse, 'front', jpeg);
client.upload(anyResponse, 'document', pdf);
client.uploadData(anyResponse, { firstName: 'ALEX' });
declare const dynamic: AccountResponse<number>;
client.upload(dynamic, 'document', pdf);
client.upload(dynamic, 'face', jpeg);
// a key chosen at run time (any WorkflowKey) is checked at run time: every part compiles
declare const fromConfig: AccountResponse<WorkflowKey>;
client.upload(fromConfig, 'document', pdf);
client.upload(fromConfig, 'front', jpeg);
declare const credential: NonNullable<ReturnType<typeof findCredential>>;
client.upload(credential, 'document', pdf); // a credential alone: checked at run time
// a union of workflows accepts only the parts every one of them collects, and says so
declare const either: AccountResponse<10011 | 10026>;
expectError(client.upload(either, 'front', jpeg)); // 10026 collects no ID
expectError(client.upload(either, 'document', pdf)); // 10011 collects no DOCUMENT
declare const faces: AccountResponse<10011 | 6>;
expectType<Promise<UploadResponse>>(client.upload(faces, 'face', jpeg)); // both collect SELFIE
expectError(client.upload(faces, 'front', jpeg)); // 6 collects no ID
expectType<'face'>({} as UploadPartOf<10011 | 6>);
expectType<
  KyxTypeError<"'front' is not collected by every workflow of this response: a response of several workflows accepts only the parts all of them collect ('face'); narrow it to one workflow, or upload to findCredential(response, 'ID')">
>({} as Parameters<typeof client.upload<10011 | 6, 'front'>>[1]);
client.upload(findCredential(either, 'ID') as NonNullable<ReturnType<typeof findCredential>>, 'front', jpeg); // checked at run time

// ---- a table of templates and a generic onboard(kind) keep each kind's response (templates guide)
const templates = {
  idSelfie: account().workflow(10011),
  document: account().workflow(10026).document('USA', 'BS'),
  screening: account().workflow(10010),
} satisfies Record<string, AccountTemplate<'ref' | 'user'>>;
type Templates = typeof templates;
type Kind = keyof Templates;
async function onboard<K extends Kind>(kind: K, ref: string, user: string): Promise<ResponseOf<Templates[K]>> {
  return client.send(templates[kind].ref(ref).user(user));
}
const documentResponse = await onboard('document', 'order-1', 'user-1');
expectType<AccountResponse<10026>>(documentResponse);
expectType<Promise<UploadResponse>>(client.upload(documentResponse, 'document', pdf));
expectError(client.upload(documentResponse, 'front', jpeg)); // a document response refuses 'front'
const idResponse = await onboard('idSelfie', 'order-2', 'user-2');
expectType<AccountResponse<10011>>(idResponse);
client.upload(idResponse, 'front', jpeg);
expectError(client.upload(idResponse, 'document', pdf));
const screeningResponse = await onboard('screening', 'order-3', 'user-3');
expectType<Promise<UploadResponse>>(client.uploadData(screeningResponse, { firstName: 'ALEX' }));
expectError(client.upload(screeningResponse, 'face', jpeg));
// a kind chosen at run time: a response of any of them accepts only what all of them collect
declare const someKind: Kind;
const anyKind = await onboard(someKind, 'order-4', 'user-4');
expectType<AccountResponse<10011 | 10026 | 10010>>(anyKind);
expectError(client.upload(anyKind, 'front', jpeg));
expectError(client.upload(anyKind, 'document', pdf));
// ResponseOf reads a template, a complete request or a builder alike
expectType<AccountResponse<10026>>({} as ResponseOf<typeof templates.document>);
expectType<AccountResponse<10026>>({} as ResponseOf<ReturnType<typeof templates.document.ref>>);
// a template that does not fit is refused where it is written (the message: test/builder/type-lengths.test.ts)
expectError<AccountTemplate<'ref'>>(account().workflow(32));
expectError({ idv: account().workflow(10011), screening: account().workflow(10010) } satisfies Record<
  string,
  AccountTemplate<'ref'>
>);
// a definition that is not registered: its own credentials decide
const tenant = defineWorkflow({
  key: 20001,
  name: 'Tenant',
  credentials: ['DOCUMENT'],
  channels: ['API'],
  capabilities: [],
});
const tenantResponse = await client.send(account().ref('r7').workflow(tenant).document('USA', 'BS'));
expectType<AccountResponse<typeof tenant>>(tenantResponse);
client.upload(tenantResponse, 'document', pdf);
expectError(client.upload(tenantResponse, 'front', jpeg));
// a finished body with the four methods send needs (what `kyx send` builds) is sendable; an
// incomplete builder is not, and a complete one still is, keeping its workflow
declare const finished: SendableRequest;
expectType<AccountResponse<unknown>>(await client.send(finished));
expectType<Promise<SendAllOutcome[]>>(client.sendAll([finished, account().ref('r8').workflow(10011)]));
expectAssignable<SendableRequest>(account().ref('r9').workflow(10011));
expectAssignable<SendableRequest<'update'>>(account(res.account.id).ref('r9').workflow(10011));
expectAssignable<SendableRequest>({} as CompleteAccountRequest);
expectNotAssignable<SendableRequest>(account().workflow(10011)); // no .ref()
expectNotAssignable<SendableRequest>(account().ref('r9').workflow(10026)); // no .document()
expectNotAssignable<CompleteAccountRequest>(finished); // no setters
expectError(client.send(account().workflow(10011)));
expectError(client.send(account().ref('r9').workflow(10026)));
expectError(client.sendAll([account().workflow(10011)]));
// responses stay plain JSON values: no methods, assignable to the untyped response
expectAssignable<AccountResponse>(res);
expectAssignable<AccountResponse>(docv);
expectType<FinalizeResponse>(await client.finalize(res));

// ---- branded ids --------------------------------------------------------------------------------
expectType<AccountId>(res.account.id);
expectType<WorkflowExecutionId>(res.workflowExecution.id);
expectType<CredentialId | undefined>(res.workflowExecution.credentials[0]?.id);
expectAssignable<string>(res.account.id); // still strings
expectNotAssignable<AccountId>('572ac7b5-9f83-409d-ba8e-f0014e411c7e'); // a plain string is no AccountId …
expectNotAssignable<AccountId>(res.workflowExecution.id);
expectNotAssignable<WorkflowExecutionId>(res.account.id);
expectNotAssignable<CredentialId>(res.account.id);

// ---- execution references -----------------------------------------------------------------------
const details = await client.details(res); // WorkflowDetails
expectType<WorkflowDetails>(details);
expectType<WorkflowStatusResponse>(await client.status(res));
await client.steps(res);
await client.details(parseCallback(body)); // a callback payload names the execution too
await client.details(await client.status(res)); // so does a status response …
await client.details(details); // … and details
await client.details(await client.finalize(res)); // … and the finalize answer
declare const accountId: string;
declare const workflowExecutionId: string;
await client.details({ accountId, workflowExecutionId }); // ids from your database: plain strings are fine
await client.details({
  accountId: '572ac7b5-9f83-409d-ba8e-f0014e411c7e',
  workflowExecutionId: '41f71912-1c6b-4e2f-b340-d6dc10cd69b8',
});
await client.details({ accountId: res.account.id, workflowExecutionId: res.workflowExecution.id });
expectError(client.details({ accountId: res.workflowExecution.id, workflowExecutionId: res.account.id })); // swapped
expectError(client.status({ accountId: res.workflowExecution.id, workflowExecutionId }));
expectError(client.steps({ accountId, workflowExecutionId: res.account.id }));
expectError(client.deleteExecution({ accountId: res.workflowExecution.id, workflowExecutionId: res.account.id }));
expectError(client.waitForResult({ accountId: res.workflowExecution.id, workflowExecutionId: res.account.id }));
// the positional form is gone
expectError(client.status(accountId, workflowExecutionId));
expectError(client.details(res.account.id, res.workflowExecution.id));
expectError(client.steps(accountId, workflowExecutionId));
expectError(client.deleteExecution(accountId, workflowExecutionId));
expectError(client.partImage(accountId, accountId, 'FRONT'));
expectError(client.details(res.account.id)); // an id alone names no execution
expectAssignable<ExecutionReference>(res);
expectAssignable<ExecutionReference>({} as CallbackPayload);
expectAssignable<ExecutionReference>({} as WorkflowStatusResponse);
expectAssignable<ExecutionReference>(details);
expectNotAssignable<ExecutionReference>({ accountId });

// part images: from details, a response, or stored ids (a credential id, not another id)
await client.partImage(details, 'FRONT');
await client.partImage(res, 'FACE');
await client.partImage({ accountId, credentialId: accountId }, 'FRONT');
const idCredential = findCredential(res, 'ID');
if (idCredential) await client.partImage({ accountId: res.account.id, credentialId: idCredential.id }, 'BACK');
expectError(client.partImage({ accountId: res.account.id, credentialId: res.workflowExecution.id }, 'FRONT'));
expectError(client.partImage({ accountId: res.workflowExecution.id, credentialId: accountId }, 'FRONT'));

// deleting an account: its id (plain or branded), a response, or { accountId }; never another id
await client.deleteAccount(res);
await client.deleteAccount(res.account.id);
await client.deleteAccount(accountId);
await client.deleteAccount({ accountId });
expectError(client.deleteAccount(res.workflowExecution.id));

// ---- waitForResult ------------------------------------------------------------------------------
const result = await client.waitForResult(res, { signal }); // polls status on Jumio's schedule, then details
expectType<WorkflowDetails>(result);
await client.waitForResult(parseCallback(body), {
  schedule: [0, 30_000],
  sleep: async (ms) => void ms,
  timeout: 10_000,
});
expectError(client.waitForResult(res, { schedule: 40 }));
expectError(client.waitForResult(res, { sleep: (ms: string) => Promise.resolve(ms) }));
