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
import { decideOutcome, expiredOutcome, type OutcomeOptions } from './outcome.js';
import { createRandom, secretToken } from './random.js';
import { type Bucket, createBucket } from './rate-limit.js';
import { type CredentialRecord, createTenantState, type ExecutionRecord, type TenantState } from './state.js';
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

/** Where an execution moves by itself, and when: its processing ends, or its token lifetime does. */
function transitionOf(
  e: ExecutionRecord,
): { readonly at: number; readonly to: 'PROCESSED' | 'TOKEN_EXPIRED' } | undefined {
  return match(e.status)
    .returnType<{ at: number; to: 'PROCESSED' | 'TOKEN_EXPIRED' } | undefined>()
    .with('INITIATED', () => ({ at: e.expiresAt, to: 'TOKEN_EXPIRED' }))
    .with('ACQUIRED', () => (e.processAt === undefined ? undefined : { at: e.processAt, to: 'PROCESSED' }))
    .with('PROCESSED', 'TOKEN_EXPIRED', () => undefined)
    .exhaustive();
}

/** The simulated tenant: state, clock, ids, limits, the state machine and callbacks. */
export interface Engine {
  readonly state: TenantState;
  readonly now: () => number;
  readonly requests: Partial<Record<SimulatorRoute, number>>;
  readonly rateLimited: Partial<Record<SimulatorRoute, number>>;
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
  /** Creates an execution (and its credentials) on an account. */
  createExecution(
    accountId: AccountId,
    request: AccountRequest,
    spec: WorkflowSpec,
    origin: string,
    onFile: readonly CredentialRecord[],
  ): ExecutionRecord;
  /** Finalizes: ACQUIRED now, PROCESSED after the processing delay. */
  finalize(execution: ExecutionRecord): void;
  /** Moves every execution to the clock's time; sends callbacks for what changed. */
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

  function schedule(): void {
    if (!timersOn || closed) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    let due = Number.POSITIVE_INFINITY;
    for (const e of state.executions.values()) {
      const next = transitionOf(e);
      if (next !== undefined) due = Math.min(due, next.at);
    }
    if (due === Number.POSITIVE_INFINITY) return;
    timer = setTimeout(advance, Math.min(MAX_TIMER_MS, Math.max(0, due - now())));
    (timer as { unref?: () => void }).unref?.();
  }

  function notify(execution: ExecutionRecord, at: number): void {
    const url = execution.request.callbackUrl;
    if (url !== undefined) callbacks.send(url, callbackPayload(execution, at));
  }

  function advance(): void {
    const t = now();
    for (const e of state.executions.values()) {
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

  function finalize(execution: ExecutionRecord): void {
    const t = now();
    execution.status = 'ACQUIRED';
    execution.acquiredAt = t;
    execution.processAt = t + processingDelayMs;
    schedule();
  }

  const requests: Partial<Record<SimulatorRoute, number>> = {};
  const rateLimited: Partial<Record<SimulatorRoute, number>> = {};

  return {
    state,
    now,
    requests,
    rateLimited,
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
      const execution: ExecutionRecord = {
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
