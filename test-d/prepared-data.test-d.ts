import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import type * as v from 'valibot';
import {
  type AccountResponse,
  account,
  type CheckPreparedData,
  defineWorkflow,
  type KyxClient,
  type KyxTypeError,
  type PreparedData,
  type PreparedDataPath,
  type ResponseCredential,
  type UploadResponse,
} from '../dist/index.js';
import type { PreparedDataSchema } from '../dist/schemas.js';

// Prepared data, typed in: `uploadData(response, data)` requires the keys the workflow's catalog
// entry names, rejects keys PreparedData does not list, and refuses a workflow without DATA.
declare const client: KyxClient;

// ---- 10065 phone: phoneNumber ----------------------------------------------------------------------
const phone = await client.send(account().ref('p').workflow(10065));
expectType<AccountResponse<10065>>(phone);
expectType<Promise<UploadResponse>>(client.uploadData(phone, { phoneNumber: '+15031234567' }));
expectError(client.uploadData(phone, {})); // phoneNumber missing
expectError(client.uploadData(phone, { email: 'a@b.co' })); // phoneNumber missing
expectError(client.uploadData(phone, { phonenumber: '+15031234567' })); // misspelt
expectError(client.uploadData(phone, { phoneNumber: '+15031234567', phoneNumbr2: '+1' })); // misspelt beside a right key
expectError(client.uploadData(phone, { phoneNumber: 15031234567 })); // a number, not a string
// the messages name the key
expectType<KyxTypeError<'workflow 10065 needs phoneNumber in its prepared data'>>(
  {} as CheckPreparedData<10065, { email: string }>,
);
expectType<
  KyxTypeError<"'phonenumber' is not a prepared-data key: PreparedData lists the keys Jumio documents (check the spelling)">
>({} as CheckPreparedData<10065, { phonenumber: string }>);
expectType<unknown>({} as CheckPreparedData<10065, { phoneNumber: string }>);
// a variable typed PreparedData may lack phoneNumber: it does not compile
declare const loose: PreparedData;
expectError(client.uploadData(phone, loose));

// ---- 10066 email, 10118 geo IP -------------------------------------------------------------------
const email = await client.send(account().ref('e').workflow(10066));
expectType<Promise<UploadResponse>>(client.uploadData(email, { email: 'jane@example.com' }));
expectType<Promise<UploadResponse>>(client.uploadData(email, { email: 'jane@example.com', ipAddress: '203.0.113.7' }));
expectError(client.uploadData(email, { ipAddress: '203.0.113.7' }));
expectError(client.uploadData(email, { mail: 'jane@example.com' }));
const geo = await client.send(account().ref('g').workflow(10118));
expectType<Promise<UploadResponse>>(client.uploadData(geo, { ipAddress: '122.23.23.233' }));
expectError(client.uploadData(geo, { ip: '122.23.23.233' }));
expectType<KyxTypeError<'workflow 10118 needs ipAddress in its prepared data'>>(
  {} as CheckPreparedData<10118, Record<never, never>>,
);

// ---- 10148 eKYC: names and address, nested keys ---------------------------------------------------
const ekyc = await client.send(account().ref('k').workflow(10148).capability.ekyc('two'));
expectType<Promise<UploadResponse>>(
  client.uploadData(ekyc, {
    firstName: 'JANE',
    lastName: 'DOE',
    dob: '1990/05/17',
    address: { line1: '1 Main St', city: 'Portland', postalCode: '97201', country: 'US' },
  }),
);
expectError(client.uploadData(ekyc, { firstName: 'JANE', lastName: 'DOE', address: { city: 'Portland' } }));
expectType<
  KyxTypeError<'workflow 10148 needs lastName, address.line1, address.postalCode and address.country in its prepared data'>
>({} as CheckPreparedData<10148, { firstName: string; address: { city: string } }>);
expectType<
  KyxTypeError<"'address.postcode' is not a prepared-data key: PreparedData lists the keys Jumio documents (check the spelling)">
>({} as CheckPreparedData<10148, { address: { postcode: string } }>);

// ---- 10020 government database check: id.idNumber etc.; ine.* typed ------------------------------------
const gdc = await client.send(account().ref('c').workflow(10020));
expectType<Promise<UploadResponse>>(
  client.uploadData(gdc, {
    firstName: 'ANA',
    lastName: 'GOMEZ',
    dateOfBirth: '1980-01-31',
    id: { idNumber: '1234567890', type: 'ID_CARD' },
    address: { country: 'COL' },
  }),
);
expectError(client.uploadData(gdc, { firstName: 'ANA', lastName: 'GOMEZ', dateOfBirth: '1980-01-31' }));
expectAssignable<PreparedData>({ ine: { registrationYear: 2015, type: 'H', cic: '1', electorKey: 'X' } });
expectNotAssignable<PreparedData>({ ine: { registrationYear: '2015' } }); // an integer
expectAssignable<PreparedDataPath>('address.subdivision');
expectAssignable<PreparedDataPath>('ine.registrationYear');
expectNotAssignable<PreparedDataPath>('address.zip');

// ---- 10011 collects no DATA: refuses prepared data as before -----------------------------------------
const idv = await client.send(account().ref('i').workflow(10011));
expectError(client.uploadData(idv, { firstName: 'ALEX' }));
expectType<
  KyxTypeError<'workflow 10011 collects no DATA credential (it collects ID, SELFIE and FACEMAP), so it takes no prepared data'>
>({} as CheckPreparedData<10011, { firstName: string }>);

// ---- workflows without requirements, unknown workflows, credentials, definitions --------------------
const screening = await client.send(account().ref('s').user('u').workflow(10010));
expectType<Promise<UploadResponse>>(client.uploadData(screening, { firstName: 'ALEX' }));
declare const anyResponse: AccountResponse;
expectType<Promise<UploadResponse>>(client.uploadData(anyResponse, { email: 'a@b.co' }));
expectError(client.uploadData(anyResponse, { emial: 'a@b.co' })); // still a misspelt key
declare const credential: ResponseCredential;
expectType<Promise<UploadResponse>>(client.uploadData(credential, { ipAddress: '::1' }, { workflow: 10118 }));
const tenant = defineWorkflow({
  key: 20100,
  name: 'Tenant phone check',
  credentials: ['DATA'],
  channels: ['API'],
  capabilities: ['phoneVerification'],
  preparedData: { required: ['phoneNumber', 'address.country'] },
});
const tenantResponse = await client.send(account().ref('t').workflow(tenant));
expectType<Promise<UploadResponse>>(
  client.uploadData(tenantResponse, { phoneNumber: '+15031234567', address: { country: 'USA' } }, { workflow: tenant }),
);
expectError(client.uploadData(tenantResponse, { phoneNumber: '+15031234567' }));

// the schema's output is the interface
expectAssignable<PreparedData>({} as v.InferOutput<typeof PreparedDataSchema>);
