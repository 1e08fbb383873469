import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import { type AccountRequest, account, defineWorkflow, type WorkflowKey } from '../dist/index.js';

// A tenant-specific workflow, registered by declaration merging, is usable by key.
export const tenantScreening = defineWorkflow({
  key: 20002,
  name: 'Tenant screening',
  credentials: ['DATA'],
  requiredFields: ['userReference'],
  channels: ['API'],
  capabilities: ['watchlistScreening'],
});

declare module '../dist/index.js' {
  interface WorkflowRegistry {
    20002: typeof tenantScreening;
  }
}

expectType<AccountRequest>(account().ref('r').user('u').workflow(20002).capability.watchlist('p').build());
expectError(account().ref('r').workflow(20002).build());
expectError(account().ref('r').workflow(20002).document('USA', 'BS'));
expectError(account().ref('r').workflow(20003));
const key: WorkflowKey = 20002;
expectAssignable<WorkflowKey>(key);
expectAssignable<WorkflowKey>(20002);
expectNotAssignable<WorkflowKey>(20003);
