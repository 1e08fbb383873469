import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import type * as v from 'valibot';
import {
  type AccountBuilder,
  type AccountFragment,
  type AccountRequest,
  type AccountResponse,
  type AccountTemplate,
  type AccountValidationResult,
  account,
  type CallbackPayload,
  type CompiledAccountRequest,
  type CompleteAccountRequest,
  defineWorkflow,
  type KyxTypeError,
  type UserConsent,
  type WebSettings,
  type WorkflowDefinition,
  type WorkflowDetails,
  type WorkflowStatusResponse,
} from '../dist/index.js';
import type {
  AccountRequestSchema,
  AccountResponseSchema,
  CallbackPayloadSchema,
  UserConsentSchema,
  WebSettingsSchema,
  WorkflowDefinitionSchema,
  WorkflowDetailsSchema,
  WorkflowStatusResponseSchema,
} from '../dist/schemas.js';

// ---- must compile: the design card, every seed example, templates ----------------------------
const designCard = account().ref('x').workflow(10026).document('USA', 'BS').capability.ekyc('one');
expectType<AccountRequest>(designCard.build());
expectType<AccountRequest>(designCard.toJSON());
expectType<CompiledAccountRequest<'create'>>(designCard.compile());
expectType<'POST'>(designCard.compile().method);
expectType<'/api/v1/accounts'>(designCard.compile().path);
expectType<AccountValidationResult>(designCard.validate());
expectAssignable<CompleteAccountRequest>(designCard);

const update = account('572ac7b5-9f83-409d-ba8e-f0014e411c7e').ref('x').workflow(10011);
expectType<'PUT'>(update.compile().method);
expectType<`/api/v1/accounts/${string}`>(update.compile().path);

expectType<AccountRequest>(account().ref('myOrganization').workflow(10011).build());
expectType<AccountRequest>(
  account()
    .ref('myOrganization')
    .workflow(10011)
    .id({ country: ['USA', 'CAN'], type: ['DRIVING_LICENSE', 'ID_CARD'] })
    .build(),
);
expectType<AccountRequest>(account().ref('o').user('u').workflow(32).capability.watchlist().build());
expectType<AccountRequest>(
  account().ref('o').workflow(10026).document('USA', 'BS').capability.extraction(false).build(),
);
expectType<AccountRequest>(
  account().ref('o').workflow(10011).capability.riskScore('81c616b7-d47e-4cb2-8c4f-17267f2106f3').build(),
);
expectType<AccountRequest>(account().ref('o').workflow(10011).capability.ruleset(['id1', 'id2', 'id3']).build());
expectType<AccountRequest>(
  account()
    .ref('o')
    .workflow(10011)
    .web({
      successUrl: 'https://www.yourcompany.com/success',
      errorUrl: 'https://www.yourcompany.com/error',
      locale: 'es',
    })
    .build(),
);
expectType<AccountRequest>(
  account()
    .ref('o')
    .workflow(10011)
    .consent({
      userIp: '226.80.211.232',
      userLocation: { country: 'USA', state: 'IL' },
      consent: { obtained: 'yes', obtainedAt: '2022-07-20T17:20:35.000Z' },
    })
    .build(),
);
expectType<AccountRequest>(
  account().ref('myCompany').overrides({ crossDeviceOnly: true, crossDeviceOption: 'QR_ONLY' }).workflow(10011).build(),
);
expectType<AccountRequest>(
  account().ref('o').workflow(10011).tokenLifetime('30m').callback('https://a.example/cb').build(),
);
// Update-only workflows on an existing account; workflow 5 reuses the ID on file.
expectType<AccountRequest>(account('572ac7b5-9f83-409d-ba8e-f0014e411c7e').ref('o').workflow(10014).build());
expectType<AccountRequest>(
  account('572ac7b5-9f83-409d-ba8e-f0014e411c7e')
    .ref('o')
    .workflow(5)
    .id({ id: 'fdb1bc31-99a0-4671-8f2a-2bf7ca2faace' })
    .build(),
);
// A dynamic reference is a plain string: checked at run time, accepted by the types.
declare const dynamicRef: string;
expectType<AccountRequest>(account().ref(dynamicRef).workflow(10011).build());
// Presets may come before the workflow; the order of calls is free.
expectType<AccountRequest>(account().document('USA', 'UB').ref('o').workflow(10026).build());

const templates = {
  docv: account().workflow(10026).document('USA', 'BS'),
  idv: account()
    .workflow(10011)
    .id({ type: ['PASSPORT'] }),
} satisfies Record<string, AccountTemplate<'ref'>>;
expectAssignable<CompleteAccountRequest>(templates.docv.ref('r'));
expectAssignable<AccountTemplate<'ref' | 'user'>>(account().workflow(10010));
expectNotAssignable<AccountTemplate<'ref'>>(account().workflow(10026));
expectNotAssignable<AccountTemplate<'ref'>>(account().workflow(10010));

const defaults: AccountFragment = (b) =>
  b.callback('https://acme.example/jumio').tokenLifetime('1d').capability.ekyc('two');
expectType<AccountRequest>(account().ref('o').workflow(10011).with(defaults).build());

const tenantKyc = defineWorkflow({
  key: 20001,
  name: 'Tenant KYC',
  credentials: ['ID', 'SELFIE'],
  requiredPresets: ['ID'],
  channels: ['API'],
  capabilities: ['usability'],
});
expectType<20001>(tenantKyc.key);
expectType<AccountRequest>(account().ref('o').workflow(tenantKyc).id().build());

// ---- must reject: what the types must refuse ---------------------------------------------------------
// build()/compile()/send without .ref() or .workflow()
expectError(account().workflow(10011).build());
expectError(account().ref('x').build());
expectError(account().ref('x').compile());
expectError(account().workflow(10011).compile());
expectNotAssignable<CompleteAccountRequest>(account().workflow(10011));
expectNotAssignable<CompleteAccountRequest>(account().ref('x'));
// the reason is in the type, as a readable message
expectType<KyxTypeError<'set the reference first: .ref(customerInternalReference)'>>(account().workflow(10011).build);
expectType<KyxTypeError<'choose a workflow first: .workflow(key)'>>(account().ref('x').build);
// a workflow's required parts
expectError(account().ref('x').workflow(10026).build());
expectType<KyxTypeError<'workflow 10026 requires .document(country, type)'>>(account().ref('x').workflow(10026).build);
expectError(account().ref('x').workflow(32).build());
expectType<KyxTypeError<'workflow 32 requires .user(userReference)'>>(account().ref('x').workflow(32).build);
expectError(account().ref('x').workflow(10010).build());
expectError(account().ref('x').workflow(tenantKyc).build());
// update-only workflows on account()
expectError(account().ref('x').workflow(5));
expectError(account().ref('x').workflow(9));
expectError(account().ref('x').workflow(10014));
// credentials a workflow does not accept, extraction without DOCUMENT, watchlist without screening
expectError(account().ref('x').workflow(10011).document('USA', 'BS'));
expectError(account().ref('x').workflow(10026).id());
expectError(account().ref('x').workflow(10010).facemap());
expectError(account().document('USA', 'BS').ref('x').workflow(10011).build());
expectError(account().ref('x').workflow(10011).capability.extraction(false));
expectType<KyxTypeError<'workflow 10011 accepts no DOCUMENT credential, so extraction cannot be configured'>>(
  account().ref('x').workflow(10011).capability.extraction,
);
expectError(account().ref('x').workflow(10011).capability.watchlist('p'));
// wrong literals
expectError(account().ref('x').workflow(10026).document('US', 'BS'));
expectError(account().ref('x').workflow(10026).document('XKX', 'BS'));
expectError(account().ref('x').workflow(10011).id({ country: 'Germany' }));
expectError(account().ref('x').workflow(10011).id({ type: 'DRIVING LICENSE' }));
expectError(
  account()
    .ref('x')
    .workflow(10011)
    .id({ type: ['PASSPORT', 'RESIDENCE_PERMIT'] }),
);
expectError(account().ref('x').workflow(10026).document('USA', 'XX'));
expectError(account().ref('x').workflow(10026).document('USA', 'BS').capability.ekyc('three'));
expectError(account().ref('x').workflow(10011).tokenLifetime('30 minutes'));
expectError(account().ref('x').workflow(10011).tokenLifetime('1w'));
expectError(account().ref('x').workflow(10011).overrides({ crossDeviceOption: 'SMS_ONLY' }));
expectError(account().ref('x').workflow(10011).facemap('IPROOV_ULTRA'));
expectError(
  account()
    .ref('x')
    .workflow(10011)
    .consent({ userIp: '1.2.3.4', userLocation: { country: 'USA' }, consent: { obtained: 'maybe' } }),
);
// a literal ref with a forbidden character
expectError(account().ref('order/1'));
expectError(account().ref('a<b'));
expectError(account().ref('50%'));
expectError(account().ref('x|y'));
expectError(account().ref('{x}'));
expectError(account().ref('a;b'));
expectError(account().ref('say "hi"'));
expectError(account().ref('a`b'));
// unregistered workflow keys
expectError(account().ref('x').workflow(99999));
declare const anyNumber: number;
expectError(account().ref('x').workflow(anyNumber));

// ---- schemas: the valibot output type equals the named interface ------------------------------
expectType<AccountRequest>({} as v.InferOutput<typeof AccountRequestSchema>);
expectType<WorkflowDefinition>({} as v.InferOutput<typeof WorkflowDefinitionSchema>);
expectType<WebSettings>({} as v.InferOutput<typeof WebSettingsSchema>);
expectType<UserConsent>({} as v.InferOutput<typeof UserConsentSchema>);
expectAssignable<AccountResponse>({} as v.InferOutput<typeof AccountResponseSchema>);
expectAssignable<WorkflowStatusResponse>({} as v.InferOutput<typeof WorkflowStatusResponseSchema>);
expectAssignable<WorkflowDetails>({} as v.InferOutput<typeof WorkflowDetailsSchema>);
expectAssignable<CallbackPayload>({} as v.InferOutput<typeof CallbackPayloadSchema>);

// the builder's type is nameable
expectAssignable<AccountBuilder<'create'>>(account());
