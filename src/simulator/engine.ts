import { match } from 'ts-pattern';
import type { CredentialCategory } from '../model/codes.js';
import type { AccountId, CredentialId, WorkflowExecutionId } from '../model/ids.js';
import { JUMIO_TENANT_LIMITS } from '../model/limits.js';
import type { AccountRequest } from '../model/request.js';
import type { CallbackPayload } from '../model/response.js';
import { parseTokenLifetime } from '../model/rules.js';
import { findWorkflow } from '../workflows/catalog.js';
import type { WorkflowSpec } from '../workflows/define.js';
import { type CallbackSender, createCallbackSender } from './callbacks.js';
import { createDueQueue, transitionOf } from './due-queue.js';
import { decideOutcome, expiredOutcome, type OutcomeOptions } from './outcome.js';
import { createRandom, secretToken } from './random.js';
import { type Bucket, createBucket } from './rate-limit.js';
import {
  type AccountRecord,
  type CredentialRecord,
  createTenantState,
  deleteAccount,
  deleteExecution,
  type SimulatedExecution,
  type StoredPart,
} from './state.js';
import type { RateLimit, SimulatorOptions, SimulatorRoute, SimulatorStats } from './types.js';
import { callbackPayload } from './views.js';

/** The `dropCallbacks` fault as a rule: a share drawn from the seed, or the caller's function. */
function dropRule(options: SimulatorOptions): ((payload: CallbackPayload) => boolean) | undefined {
  const drop = options.dropCallbacks;
  if (typeof drop === 'function') return drop;
  if (typeof drop !== 'number' || !(drop > 0)) return undefined;
  const random = createRandom(`${options.seed ?? 'jumio-kyx'}:drop-callbacks`);
  return () => random.next() < drop;
}

/** Jumio's default rate limits (the model's, the ones the client keeps to). */
export const DEFAULT_RATE_LIMITS: Readonly<Record<'token' | 'account' | 'retrieval', RateLimit>> = JUMIO_TENANT_LIMITS;

const CHANNEL_ORDER = ['WEB', 'API', 'SDK'] as const;
const DEFAULT_TOKEN_LIFETIME = '30m';
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The credentials a workflow hands out per category, by their channels: one each, except a
 * FACEMAP the customer uploads over the API (workflow 16), which comes twice: one credential
 * for the stored facemap (API), one for the new capture (SDK/WEB).
 */
function credentialChannels(category: CredentialCategory, spec: WorkflowSpec): string[][] {
  if (category === 'FACEMAP' && spec.facemapUpload) return [['API'], channelsFor(category, spec)];
  return [channelsFor(category, spec)];
}

/** Channels through which a credential of a category can be acquired in a workflow. */
function channelsFor(category: CredentialCategory, spec: WorkflowSpec): string[] {
  const possible = match(category)
    .returnType<readonly string[]>()
    .with('FACEMAP', () => ['WEB', 'SDK'])
    .with('DATA', () => ['API'])
    .with('ID', 'SELFIE', 'DOCUMENT', () => CHANNEL_ORDER)
    .exhaustive();
  return CHANNEL_ORDER.filter((c) => possible.includes(c) && spec.channels.includes(c));
}

/** A tenant access token as the tenant holds it. */
export interface AccessTokenRecord {
  /** When it expires (ms). */
  readonly expiresAt: number;
  /** What it may do, for a token of a permission-limited client (others may do all). */
  readonly permissions?: readonly string[];
}

/**
 * The simulated tenant: clock, ids, limits, the state machine and callbacks, and the tenant's
 * state (accounts, executions, credentials, tokens), which routes read and change through its
 * methods only.
 */
export interface Engine {
  readonly now: () => number;
  /** Counts a request to a route (in `stats().requests`). */
  countRequest(route: SimulatorRoute): void;
  /** Counts a request refused by a rate limit (in `stats().rateLimited`). */
  countRateLimited(route: SimulatorRoute): void;
  readonly limits: Readonly<Record<'token' | 'account' | 'retrieval', Bucket | undefined>>;
  readonly accessTokenTtlSeconds: number;
  readonly clients: SimulatorOptions['clients'];
  /** A new id from the seeded stream. */
  uuid(): string;
  /** Workflows configured for this tenant besides the catalog. */
  readonly tenantWorkflows: readonly WorkflowSpec[];
  /** The spec of a catalog or tenant workflow key. */
  workflow(key: number): WorkflowSpec | undefined;
  /** Issues a tenant access token. */
  issueAccessToken(clientId: string): { token: string; expiresIn: number };
  /** The access token's expiry and permissions, if the tenant issued it (expired or not) and still holds it. */
  accessToken(token: string): AccessTokenRecord | undefined;
  /** Forgets an access token (an expired one, once it was refused). */
  dropAccessToken(token: string): void;
  /** The credential whose transaction token (`api.token`) this is. */
  credentialOfApiToken(token: string): CredentialRecord | undefined;
  /** Opens a new, empty account. */
  createAccount(): AccountRecord;
  account(id: string): AccountRecord | undefined;
  /** Removes an account with its executions, their credentials and tokens. */
  deleteAccount(account: AccountRecord): void;
  execution(id: string): SimulatedExecution | undefined;
  /** Removes an execution with the credentials it owns and their tokens. */
  deleteExecution(execution: SimulatedExecution): void;
  credential(id: string): CredentialRecord | undefined;
  /** The account's most recent credential of a category that has parts (passed acquisition), if any. */
  latestCredential(account: AccountRecord, category: CredentialCategory): CredentialRecord | undefined;
  /** Stores an uploaded part of a credential of an execution (the execution starts with its first part). */
  storePart(execution: SimulatedExecution, credential: CredentialRecord, part: StoredPart): void;
  /** Creates an execution (and its credentials) on an account. */
  createExecution(
    accountId: AccountId,
    request: AccountRequest,
    spec: WorkflowSpec,
    origin: string,
    onFile: readonly CredentialRecord[],
  ): SimulatedExecution;
  /** Finalizes: ACQUIRED now, PROCESSED after the processing delay. */
  finalize(execution: SimulatedExecution): void;
  /** Moves every execution whose transition is due to the clock's time; sends callbacks for what changed. */
  advance(): void;
  readonly callbacks: CallbackSender;
  stats(): SimulatorStats;
  close(): void;
}

/** Builds the engine from the options. */
export function createEngine(options: SimulatorOptions): Engine {
  const now = options.now ?? Date.now;
  const timersOn = options.now === undefined;
  const state = createTenantState();
  const ids = createRandom(options.seed ?? 'jumio-kyx');
  const outcomeOptions: OutcomeOptions = {
    seed: options.seed ?? 'jumio-kyx',
    rejectRate: options.rejectRate ?? 0,
    warningRate: options.warningRate ?? 0,
  };
  const processingDelayMs = options.processingDelayMs ?? 200;
  const limitOf = (name: keyof typeof DEFAULT_RATE_LIMITS) =>
    options.rateLimits === false ? undefined : createBucket(options.rateLimits?.[name] ?? DEFAULT_RATE_LIMITS[name]);
  const tenantWorkflows = options.workflows ?? [];
  const callbacks = createCallbackSender({
    fetch: options.callbackFetch ?? ((request) => fetch(request)),
    retries: options.callbackRetries ?? 0,
    drop: dropRule(options),
    retryDelayMs: options.callbackRetryDelayMs ?? 200,
    trustedHosts: options.trustedCallbackHosts ?? [],
    onResult(entry) {
      state.counters[entry.outcome]++;
      options.onCallback?.(entry);
    },
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let ordinal = 0;
  const queue = createDueQueue(
    (e) => state.executions.get(e.id) === e,
    () => state.executions.size,
  );

  function schedule(): void {
    if (!timersOn || closed) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const due = queue.nextAt();
    if (due === undefined) return;
    timer = setTimeout(advance, Math.min(MAX_TIMER_MS, Math.max(0, due - now())));
    (timer as { unref?: () => void }).unref?.();
  }

  function notify(execution: SimulatedExecution, at: number): void {
    const url = execution.request.callbackUrl;
    if (url !== undefined) callbacks.send(url, callbackPayload(execution, at));
  }

  function advance(): void {
    const t = now();
    for (const e of queue.takeDue(t)) {
      const next = transitionOf(e);
      if (next === undefined || t < next.at) continue;
      e.status = next.to;
      e.completedAt = next.at;
      e.outcome = match(next.to)
        .with('PROCESSED', () => decideOutcome(e, outcomeOptions, next.at))
        .with('TOKEN_EXPIRED', () => expiredOutcome(e))
        .exhaustive();
      notify(e, t);
    }
    schedule();
  }

  function finalize(execution: SimulatedExecution): void {
    const t = now();
    execution.status = 'ACQUIRED';
    execution.acquiredAt = t;
    execution.processAt = t + processingDelayMs;
    queue.enqueue(execution);
    schedule();
  }

  const requests: Partial<Record<SimulatorRoute, number>> = {};
  const rateLimited: Partial<Record<SimulatorRoute, number>> = {};

  return {
    now,
    countRequest(route) {
      requests[route] = (requests[route] ?? 0) + 1;
    },
    countRateLimited(route) {
      rateLimited[route] = (rateLimited[route] ?? 0) + 1;
    },
    limits: { token: limitOf('token'), account: limitOf('account'), retrieval: limitOf('retrieval') },
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    clients: options.clients,
    callbacks,
    uuid: () => ids.uuid(),
    tenantWorkflows,
    workflow: (key) => tenantWorkflows.find((w) => w.key === key) ?? findWorkflow(key),
    issueAccessToken(clientId) {
      const ttl = options.accessTokenTtlSeconds ?? 3600;
      const issuedAt = now();
      const token = secretToken({
        sub: clientId,
        iat: Math.floor(issuedAt / 1000),
        exp: Math.floor(issuedAt / 1000) + ttl,
      });
      state.accessTokens.set(token, issuedAt + ttl * 1000);
      const permissions = options.clients?.find((c) => c.clientId === clientId)?.permissions;
      if (permissions !== undefined) state.accessTokenPermissions.set(token, permissions);
      state.counters.tokensIssued++;
      return { token, expiresIn: ttl };
    },
    accessToken(token) {
      const expiresAt = state.accessTokens.get(token);
      if (expiresAt === undefined) return undefined;
      const permissions = state.accessTokenPermissions.get(token);
      return permissions === undefined ? { expiresAt } : { expiresAt, permissions };
    },
    dropAccessToken(token) {
      state.accessTokens.delete(token);
    },
    credentialOfApiToken(token) {
      const id = state.apiTokens.get(token);
      return id === undefined ? undefined : state.credentials.get(id);
    },
    createAccount() {
      const account: AccountRecord = { id: ids.uuid() as AccountId, createdAt: now(), executionIds: new Set() };
      state.accounts.set(account.id, account);
      state.counters.accountsCreated++;
      return account;
    },
    account: (id) => state.accounts.get(id),
    deleteAccount: (account) => deleteAccount(state, account),
    execution: (id) => state.executions.get(id),
    deleteExecution: (execution) => deleteExecution(state, execution),
    credential: (id) => state.credentials.get(id),
    latestCredential(account, category) {
      // executions and their credentials in creation order: the last match is the newest
      let latest: CredentialRecord | undefined;
      for (const id of account.executionIds) {
        for (const credential of state.executions.get(id)?.credentials ?? []) {
          if (credential.executionId === id && credential.category === category && credential.parts.size > 0) {
            latest = credential;
          }
        }
      }
      return latest;
    },
    storePart(execution, credential, part) {
      credential.parts.set(part.classifier, part);
      execution.startedAt ??= now();
      state.counters.uploads++;
    },
    createExecution(accountId, request, spec, origin, onFile) {
      const createdAt = now();
      const id = ids.uuid() as WorkflowExecutionId;
      const lifetimeS = parseTokenLifetime(request.tokenLifetime ?? DEFAULT_TOKEN_LIFETIME);
      const expiresAt = createdAt + lifetimeS * 1000;
      const presets = request.workflowDefinition.credentials ?? [];
      const credentials = spec.credentials.flatMap((category): CredentialRecord[] => {
        const existing = onFile.find((c) => c.category === category);
        if (existing) return [existing];
        return credentialChannels(category, spec).map((allowedChannels) => newCredential(category, allowedChannels));
      });
      function newCredential(category: CredentialCategory, allowedChannels: string[]): CredentialRecord {
        const credentialId = ids.uuid() as CredentialId;
        const preset = presets.find((p) => p.category === category);
        const country = preset && 'country' in preset ? preset.country?.values[0] : undefined;
        const type = preset && 'type' in preset ? preset.type?.values[0] : undefined;
        const apiToken = allowedChannels.includes('API')
          ? secretToken({ sub: credentialId, exp: Math.floor(expiresAt / 1000) })
          : undefined;
        const record: CredentialRecord = {
          id: credentialId,
          category,
          executionId: id,
          accountId,
          allowedChannels,
          ...(apiToken !== undefined ? { apiToken } : {}),
          ...(country !== undefined || type !== undefined
            ? { preset: { ...(country ? { country } : {}), ...(type ? { type } : {}) } }
            : {}),
          parts: new Map(),
        };
        state.credentials.set(credentialId, record);
        if (apiToken !== undefined) state.apiTokens.set(apiToken, credentialId);
        return record;
      }
      const execution: SimulatedExecution = {
        id,
        accountId,
        ordinal: ++ordinal,
        spec,
        request,
        origin,
        createdAt,
        expiresAt,
        credentials,
        status: 'INITIATED',
      };
      state.executions.set(id, execution);
      state.accounts.get(accountId)?.executionIds.add(id);
      state.counters.executionsCreated++;
      // every credential reused from the account: nothing to acquire, Jumio finalizes it itself
      if (credentials.length > 0 && credentials.every((c) => c.executionId !== id)) finalize(execution);
      else queue.enqueue(execution);
      schedule();
      return execution;
    },
    finalize,
    advance,
    stats(): SimulatorStats {
      const executions: Record<string, number> = {};
      for (const e of state.executions.values()) executions[e.status] = (executions[e.status] ?? 0) + 1;
      const { counters } = state;
      return {
        accounts: state.accounts.size,
        accountsCreated: counters.accountsCreated,
        executionsCreated: counters.executionsCreated,
        executions,
        tokensIssued: counters.tokensIssued,
        uploads: counters.uploads,
        requests: { ...requests },
        rateLimited: { ...rateLimited },
        callbacks: {
          delivered: counters.delivered,
          failed: counters.failed,
          skipped: counters.skipped,
          dropped: counters.dropped,
        },
      };
    },
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      callbacks.close();
    },
  };
}
