import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import { type AccountRequest, account, defineWorkflow, type KyxTypeError, type WorkflowKey } from '../dist/index.js';

// A tenant-specific workflow, registered by declaration merging, is usable by key.
export const tenantScreening = defineWorkflow({
  key: 20002,
  name: 'Tenant screening',
  credentials: ['DATA'],
  requiredFields: ['userReference'],
  channels: ['API'],
  capabilities: ['watchlistScreening'],
});

// A registered update-only workflow that requires an ID preset: its rules come from its spec.
export const tenantRecheck = defineWorkflow({
  key: 20004,
  name: 'Tenant re-check',
  credentials: ['ID', 'SELFIE'],
  requiredPresets: ['ID'],
  updateOnly: true,
  channels: ['API'],
  capabilities: ['usability'],
});

declare module '../dist/index.js' {
  interface WorkflowRegistry {
    20002: typeof tenantScreening;
    20004: typeof tenantRecheck;
  }
}

expectType<AccountRequest>(account().ref('r').user('u').workflow(20002).capability.watchlist('p').build());
expectError(account().ref('r').workflow(20002).build());
expectError(account().ref('r').workflow(20002).document('USA', 'BS'));
expectError(account().ref('r').workflow(20003));

const accountId = '572ac7b5-9f83-409d-ba8e-f0014e411c7e';
expectType<AccountRequest>(account(accountId).ref('r').workflow(20004).id().build());
expectError(account().ref('r').workflow(20004)); // update-only, on a create
expectError(account(accountId).ref('r').workflow(20004).build()); // its ID preset is missing
expectError(account(accountId).ref('r').workflow(20004).document('USA', 'BS')); // accepts no DOCUMENT
expectType<KyxTypeError<'workflow 20004 requires .id({ country, type })'>>(
  account(accountId).ref('r').workflow(20004).build,
);
const key: WorkflowKey = 20002;
expectAssignable<WorkflowKey>(key);
expectAssignable<WorkflowKey>(20002);
expectNotAssignable<WorkflowKey>(20003);
