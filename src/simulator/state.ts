import type { CredentialCategory } from '../model/codes.js';
import type { AccountId, CredentialId, WorkflowExecutionId } from '../model/ids.js';
import type { AccountRequest } from '../model/request.js';
import type { CapabilityResult, Decision } from '../model/response.js';
import type { WorkflowSpec } from '../workflows/define.js';

/** States an execution moves through in the simulator. */
export type ExecutionStatus = 'INITIATED' | 'ACQUIRED' | 'PROCESSED' | 'TOKEN_EXPIRED';

/** A step of the steps endpoint. */
export interface StepResult {
  readonly id: string;
  readonly name: string;
  readonly capabilityIds: readonly string[];
  readonly decision: Decision;
}

/** What processing decided for an execution (src/simulator/outcome.ts decides it). */
export interface Outcome {
  readonly decision: Decision;
  readonly capabilities: Record<string, CapabilityResult[]>;
  readonly steps: readonly StepResult[];
}

/** An uploaded part. */
export interface StoredPart {
  readonly classifier: string;
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/** A credential of an execution. */
export interface CredentialRecord {
  readonly id: CredentialId;
  readonly category: CredentialCategory;
  /** The execution that created it (an on-file credential keeps its original owner). */
  readonly executionId: WorkflowExecutionId;
  readonly accountId: AccountId;
  readonly allowedChannels: readonly string[];
  /** Transaction-scoped upload/finalize token, when the API channel is allowed. */
  readonly apiToken?: string;
  /** The preset the request gave for it (country/type), if any. */
  readonly preset?: { readonly country?: string; readonly type?: string };
  readonly parts: Map<string, StoredPart>;
}

/** A workflow execution (transaction). */
export interface SimulatedExecution {
  readonly id: WorkflowExecutionId;
  readonly accountId: AccountId;
  /** 1-based creation order, part of the outcome seed. */
  readonly ordinal: number;
  readonly spec: WorkflowSpec;
  readonly request: AccountRequest;
  /** The origin the execution was created through: every URL it hands out points there. */
  readonly origin: string;
  readonly createdAt: number;
  /** When the api tokens expire (`tokenLifetime`). */
  readonly expiresAt: number;
  readonly credentials: CredentialRecord[];
  status: ExecutionStatus;
  startedAt?: number;
  acquiredAt?: number;
  /** When processing completes (after finalize). */
  processAt?: number;
  completedAt?: number;
  outcome?: Outcome;
}

/** An account. */
export interface AccountRecord {
  readonly id: AccountId;
  readonly createdAt: number;
  readonly executionIds: Set<string>;
}

/** Everything the simulated tenant holds. */
export interface TenantState {
  readonly accounts: Map<string, AccountRecord>;
  readonly executions: Map<string, SimulatedExecution>;
  readonly credentials: Map<string, CredentialRecord>;
  /** Tenant OAuth2 access token → expiry (ms). */
  readonly accessTokens: Map<string, number>;
  /** Access token → what it may do, for tokens of permission-limited clients (others may do all). */
  readonly accessTokenPermissions: Map<string, readonly string[]>;
  /** api.token → credential id. */
  readonly apiTokens: Map<string, string>;
  readonly counters: {
    accountsCreated: number;
    executionsCreated: number;
    tokensIssued: number;
    uploads: number;
    delivered: number;
    failed: number;
    skipped: number;
    dropped: number;
  };
}

/** A fresh, empty tenant. */
export function createTenantState(): TenantState {
  return {
    accounts: new Map(),
    executions: new Map(),
    credentials: new Map(),
    accessTokens: new Map(),
    accessTokenPermissions: new Map(),
    apiTokens: new Map(),
    counters: {
      accountsCreated: 0,
      executionsCreated: 0,
      tokensIssued: 0,
      uploads: 0,
      delivered: 0,
      failed: 0,
      skipped: 0,
      dropped: 0,
    },
  };
}

/** Removes an execution, the credentials it owns and their tokens. */
export function deleteExecution(state: TenantState, execution: SimulatedExecution): void {
  for (const credential of execution.credentials) {
    if (credential.executionId !== execution.id) continue;
    state.credentials.delete(credential.id);
    if (credential.apiToken) state.apiTokens.delete(credential.apiToken);
  }
  state.executions.delete(execution.id);
  state.accounts.get(execution.accountId)?.executionIds.delete(execution.id);
}

/** Removes an account and everything under it. */
export function deleteAccount(state: TenantState, account: AccountRecord): void {
  for (const id of account.executionIds) {
    const execution = state.executions.get(id);
    if (execution) deleteExecution(state, execution);
  }
  state.accounts.delete(account.id);
}
