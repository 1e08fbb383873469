import type * as v from 'valibot';
import type { SendableRequest } from '../builder/types.js';
import { KyxValidationError } from '../errors/index.js';
import { CREDENTIAL_PARTS } from '../model/codes.js';
import { acceptsIdPdf } from '../model/id-pdf.js';
import { API_PATHS, apiPath } from '../model/paths.js';
import type { PreparedData } from '../model/prepared-data.js';
import type {
  AccountResponse,
  FinalizeResponse,
  HealthStatus,
  ResponseCredential,
  UploadResponse,
  WorkflowDetails,
  WorkflowStatusResponse,
  WorkflowSteps,
} from '../model/response.js';
import {
  AccountResponseSchema,
  FinalizeResponseSchema,
  HealthStatusSchema,
  UploadResponseSchema,
  WorkflowDetailsSchema,
  WorkflowStatusResponseSchema,
  WorkflowStepsSchema,
} from '../model/response-schemas.js';
import { isLoopbackHost, parseTokenLifetime } from '../model/rules.js';
import { resolveResponseLimits } from '../shared/body.js';
import { memoryStore } from '../store/memory.js';
import { tenantScope } from '../store/scope.js';
import type { WorkflowSpec } from '../workflows/define.js';
import { validatePreparedData } from '../workflows/prepared-data.js';
import type { CallOptions } from './call-options.js';
import { credentialForFinalize, credentialForPart, type PartCredential, type UploadPart } from './credentials.js';
import { withinDeadline } from './deadline.js';
import {
  type AccountReference,
  accountIdOf,
  type ExecutionReference,
  executionIds,
  type PartImageSource,
  partCredentialIds,
} from './execution.js';
import { checkFile, type UploadFile } from './file-type.js';
import { checkIdempotencyKey, createIdempotency, type SendOptions } from './idempotency.js';
import type { RateLimiter } from './limiter.js';
import { type ClientOptions, checkOptions } from './options.js';
import type { CheckPreparedData } from './prepared-data-types.js';
import { createLimits } from './rate-limits.js';
import { RecentSet } from './recent.js';
import { hrefToken } from './redact.js';
import { assertApiUrl, type Region, regionHosts } from './regions.js';
import { resolveRetrySettings } from './retry-policy.js';
import { type SendAllOptions, type SendAllOutcome, sendAll } from './send-all.js';
import { registerStore } from './store-of.js';
import { registerTokens, TokenManager } from './token.js';
import { type CallSpec, createTransport, discardBody } from './transport.js';
import type { CheckPart, ResponseWorkflow } from './upload-parts.js';
import { type WaitForResultOptions, waitForResult } from './wait.js';

/**
 * Options of {@link KyxClient.upload}.
 *
 * @example
 * ```ts
 * import type { UploadOptions } from 'jumio-kyx';
 * const options: UploadOptions = { label: 'DATA' };
 * ```
 */
export interface UploadOptions extends CallOptions {
  /** Picks the credential with this `label` when a workflow has several of one category. */
  label?: string;
}

/**
 * Options of {@link KyxClient.uploadData}.
 *
 * @example
 * ```ts
 * import type { UploadDataOptions } from 'jumio-kyx';
 * const options: UploadDataOptions = { workflow: 10065 };
 * ```
 */
export interface UploadDataOptions extends UploadOptions {
  /**
   * The workflow whose rules the data must follow (a key or a definition). By default the one of
   * the account response this client's `send` returned; name it for a response kept elsewhere
   * (a database, a queue), for a credential passed alone, or for a tenant workflow.
   */
  workflow?: number | WorkflowSpec;
  /** Keys {@link PreparedData} does not list: `'reject'` (default) or `'allow'` (sent as given). */
  unknownFields?: 'reject' | 'allow';
}

/**
 * Options of {@link KyxClient.partImage}.
 *
 * @example
 * ```ts
 * import type { PartImageOptions } from 'jumio-kyx';
 * const options: PartImageOptions = { label: 'SECOND_ID' };
 * ```
 */
export interface PartImageOptions extends CallOptions {
  /** Picks the credential with this `label` when an account response has several of one category. */
  label?: string;
}

/**
 * A credential part image from the Retrieval API.
 *
 * @example
 * ```ts
 * import type { PartImage } from 'jumio-kyx';
 * declare const image: PartImage;
 * console.log(image.contentType, image.data.byteLength);
 * ```
 */
export interface PartImage {
  /** `image/jpeg`, `image/png`, … as Jumio sent it. */
  contentType: string;
  /** The bytes. */
  data: Uint8Array;
}

/**
 * A Jumio KYX client: account requests, credential upload, finalize, retrieval, deletion, health.
 * Every method throws a `KyxError` subclass; none ever shows a secret or token.
 *
 * @example
 * ```ts
 * import { account, createClient, findCredential } from 'jumio-kyx';
 * const client = createClient({
 *   region: 'amer-1',
 *   credentials: { clientId: 'id', clientSecret: 'secret' },
 *   userAgent: 'Acme Onboarding/1.0',
 * });
 * const response = await client.send(account().ref('order-1').workflow(10011)); // AccountResponse<10011>
 * await client.upload(response, 'front', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]));
 * await client.finalize(response);
 * const status = await client.status(response);
 * console.log(status.workflowExecution.status, findCredential(response, 'ID')?.id);
 * const details = await client.waitForResult(response, { signal: AbortSignal.timeout(20 * 60_000) });
 * console.log(details.decision?.type);
 * ```
 */
export interface KyxClient {
  /** The region this client talks to. */
  readonly region: Region;
  /**
   * Whether the client talks to a loopback `baseUrl` (`localhost`, `127.x.x.x`, `::1`): the local
   * simulator. A callback handler built on such a client also accepts callbacks from loopback.
   */
  readonly loopback: boolean;
  /**
   * Validates and sends a complete account request (POST to create, PUT to add a transaction to
   * an existing account) and returns the validated response. Billable: retried only on 429 or
   * connection refused. Waits its turn under the account limit; with `idempotencyKey`, sends at
   * most once per key (a repeat returns the first response). The response's type records the
   * workflow the request named (`AccountResponse<10011>`), so {@link KyxClient.upload} accepts
   * only that workflow's parts.
   */
  send<R extends SendableRequest>(request: R, options?: SendOptions): Promise<AccountResponse<ResponseWorkflow<R>>>;
  /**
   * Sends many requests under the client's account limit (and `ratePerSecond`, when given); one
   * outcome per input, in input order.
   */
  sendAll(requests: readonly SendableRequest[], options?: SendAllOptions): Promise<SendAllOutcome[]>;
  /**
   * Forgets an idempotency key, so the next `send` under it is sent. Call it only after you made
   * sure no transaction exists for a key a `KyxIdempotencyError` reported blocked.
   */
  releaseIdempotencyKey(key: string): Promise<void>;
  /**
   * Uploads a part file (JPEG/PNG ≤ 15 MB; DOCUMENT also PDF) to the URL Jumio returned, with
   * the credential's `api.token`, and returns Jumio's answer. The file is checked before
   * anything is sent. On a response of a known workflow only its parts compile: `front`/`back`
   * for ID, `face` for SELFIE, `document` for DOCUMENT, `facemap` (a binary file, sent as
   * `application/octet-stream` to the FACEMAP credential whose channels include API) for
   * workflow 16. An ID part may be a PDF only on a response to a request this client sent with
   * the Brazilian digital driving licence preset (`.id({ country: 'BRA', type: 'DRIVING_LICENSE' })`).
   */
  upload<W = unknown, const P extends UploadPart = UploadPart>(
    source: AccountResponse<W> | ResponseCredential,
    part: CheckPart<NoInfer<W>, P>,
    file: UploadFile,
    options?: UploadOptions,
  ): Promise<UploadResponse>;
  /**
   * Uploads prepared data (JSON) to the DATA credential's `prepared_data` URL and returns
   * Jumio's answer. On a response of a known workflow the keys its catalog entry requires must be
   * there (10065 `phoneNumber`, 10066 `email`, 10118 `ipAddress`, …), misspelt keys do not
   * compile, and a workflow without a DATA credential takes none. Before anything is sent the
   * data is checked with {@link validatePreparedData} (formats, one-of groups, the workflow's
   * rules): a `KyxValidationError` names every problem by its path.
   */
  uploadData<W = unknown, const D extends PreparedData = PreparedData>(
    source: AccountResponse<W> | ResponseCredential,
    data: D & CheckPreparedData<NoInfer<W>, D>,
    options?: UploadDataOptions,
  ): Promise<UploadResponse>;
  /** Sends the acquired credentials for processing (API channel only). */
  finalize(source: AccountResponse | ResponseCredential, options?: CallOptions): Promise<FinalizeResponse>;
  /**
   * Status of a workflow execution, named by an account response, a status or details response,
   * a callback payload, or `{ accountId, workflowExecutionId }`.
   */
  status(execution: ExecutionReference, options?: CallOptions): Promise<WorkflowStatusResponse>;
  /** Details (decision, capabilities) of a workflow execution (named like {@link KyxClient.status}). */
  details(execution: ExecutionReference, options?: CallOptions): Promise<WorkflowDetails>;
  /** Steps of a workflow execution (named like {@link KyxClient.status}). */
  steps(execution: ExecutionReference, options?: CallOptions): Promise<WorkflowSteps>;
  /**
   * Polls the status on a schedule (default {@link JUMIO_RETRIEVAL_SCHEDULE}, the first call 40 s
   * after this one) and resolves with the details once the status is terminal (`PROCESSED`,
   * `SESSION_EXPIRED`, `TOKEN_EXPIRED`). Jumio's schedule is its retry policy for retrieval after a
   * callback (about 16 minutes), not a bound on how long a user may take: give `deadline` to keep
   * asking past it (every last interval of the schedule) until then. Throws
   * {@link KyxResultPendingError} naming the last status when the schedule and deadline run out;
   * `signal` aborts it at any point, also during a wait. Every call goes through this client. For
   * results that must never be lost (a process may restart meanwhile), track the execution with
   * `createResults` instead.
   */
  waitForResult(execution: ExecutionReference, options?: WaitForResultOptions): Promise<WorkflowDetails>;
  /**
   * One credential part image (`FRONT`, `BACK`, `FACE`, …), from workflow details (the credential
   * whose parts name the classifier), an account response (the credential of the part's
   * category) or `{ accountId, credentialId }`.
   */
  partImage(source: PartImageSource, classifier: string, options?: PartImageOptions): Promise<PartImage>;
  /** Deletes an account and all its executions (irreversible). */
  deleteAccount(account: AccountReference, options?: CallOptions): Promise<void>;
  /** Deletes one workflow execution (irreversible; named like {@link KyxClient.status}). */
  deleteExecution(execution: ExecutionReference, options?: CallOptions): Promise<void>;
  /** Jumio's health status (no authentication). */
  health(options?: CallOptions): Promise<HealthStatus>;
}

/** The retrieval path of an execution (ids checked as UUIDs, so nothing needs escaping). */
function executionPath(execution: ExecutionReference): string {
  return apiPath('execution', executionIds(execution));
}

function callOptions(options: CallOptions | undefined): Pick<CallSpec, 'signal' | 'timeout' | 'priority'> {
  return { signal: options?.signal, timeout: options?.timeout, priority: options?.priority };
}

/**
 * Creates a client for one region (or one `baseUrl`, such as the local simulator).
 * Options are checked at once (`KyxValidationError`); nothing is sent until the first call.
 *
 * @example
 * ```ts
 * import { account, createClient } from 'jumio-kyx';
 * const client = createClient({
 *   region: 'amer-1',
 *   credentials: { clientId: 'id', clientSecret: 'secret' },
 *   userAgent: 'Acme Onboarding/1.0',
 * });
 * const response = await client.send(account().ref('myOrganization').workflow(10011));
 * console.log(response.account.id);
 * ```
 */
export function createClient(options: ClientOptions): KyxClient {
  checkOptions(options);
  const { region, credentials, userAgent } = options;
  const hosts = regionHosts(region, options.baseUrl);
  // a long-lived client sees a new api.token per transaction; older ones are still caught by their JWT shape
  const apiTokens = new RecentSet(256);
  // responses (and their credentials) of requests that preset the Brazilian digital driving
  // licence: their ID parts may be PDFs (model/id-pdf.ts)
  const idPdf = new WeakSet<object>();
  const store = options.store ?? memoryStore();
  // one client with both permissions, or one per permission: both of one tenant, sharing its scope
  const initiate = 'initiate' in credentials ? credentials.initiate : credentials;
  const retrieve = 'retrieval' in credentials ? credentials.retrieval : credentials;
  const scope = tenantScope(initiate.clientId, new URL(hosts.account).origin);
  const keys = createIdempotency(store, scope, options.idempotency);
  let managers: readonly TokenManager[] = [];
  const transport = createTransport({
    fetch: options.fetch,
    userAgent,
    timeout: options.timeout ?? 30_000,
    retry: resolveRetrySettings(options.retry === false ? { limit: 0 } : options.retry),
    hooks: { ...options.hooks },
    secrets: () => [
      ...(managers.length > 0 ? managers.flatMap((m) => m.secrets()) : [initiate.clientSecret, retrieve.clientSecret]),
      ...apiTokens.values(),
    ],
    limits: createLimits(store, scope, options.rateLimits),
    responseLimits: resolveResponseLimits(options.maxResponseBytes),
  });
  const manager = ({ clientId, clientSecret }: { clientId: string; clientSecret: string }) =>
    new TokenManager({ transport, url: `${hosts.auth}${API_PATHS.token}`, clientId, clientSecret });
  const initiateTokens = manager(initiate);
  const retrievalTokens = retrieve === initiate ? initiateTokens : manager(retrieve);
  managers = [...new Set([initiateTokens, retrievalTokens])];
  /** The token of the client allowed to initiate transactions (account create/update). */
  const tenant = { kind: 'tenant', tokens: initiateTokens } as const;
  /** The token of the client allowed to retrieve and delete transactions. */
  const reader = { kind: 'tenant', tokens: retrievalTokens } as const;

  /**
   * The workflow key of each account response (and its credentials) this client's send returned:
   * upload's messages name it, uploadData checks prepared data by it (the response is Jumio's JSON).
   */
  const workflowOf = new WeakMap<object, number>();

  async function sendOne(
    request: SendableRequest,
    call: SendOptions | undefined,
    limiter?: RateLimiter,
  ): Promise<AccountResponse<never>> {
    const compiled = request.compile(); // validates: nothing invalid is ever sent
    const target = { method: compiled.method, path: compiled.path, creates: true };
    const response = await withinDeadline(call, target, (bounded, sent) => {
      const send = (onSend?: () => void) =>
        transport.json(
          {
            operation: 'account',
            method: compiled.method,
            url: `${hosts.account}${compiled.path}`,
            auth: tenant,
            json: compiled.body,
            beforeAttempt: limiter ? () => limiter.acquire() : undefined,
            onSend: () => {
              sent();
              onSend?.();
            },
            ...callOptions(bounded),
          },
          AccountResponseSchema,
        );
      return bounded?.idempotencyKey === undefined
        ? send()
        : keys.run(
            checkIdempotencyKey(bounded.idempotencyKey),
            compiled,
            (parseTokenLifetime(compiled.body.tokenLifetime ?? '30m') || 1800) * 1000,
            bounded.signal,
            send,
          );
    });
    if (acceptsIdPdf(compiled.body)) {
      idPdf.add(response);
      for (const credential of response.workflowExecution.credentials) idPdf.add(credential);
    }
    // every token of the answer is a secret from now on, JWT-shaped or not
    for (const credential of response.workflowExecution.credentials) {
      if (credential.api) apiTokens.add(credential.api.token);
    }
    if (response.sdk !== undefined) apiTokens.add(response.sdk.token);
    const webToken = hrefToken(response.web?.href);
    if (webToken !== undefined) apiTokens.add(webToken);
    workflowOf.set(response, compiled.body.workflowDefinition.key);
    for (const credential of response.workflowExecution.credentials) {
      workflowOf.set(credential, compiled.body.workflowDefinition.key);
    }
    return response;
  }

  function retrieval<T>(path: string, schema: v.GenericSchema<unknown, T>, call?: CallOptions): Promise<T> {
    return withinDeadline(call, { method: 'GET', path, creates: false }, (bounded) =>
      transport.json(
        {
          operation: 'retrieval',
          method: 'GET',
          url: `${hosts.retrieval}${path}`,
          auth: reader,
          ...callOptions(bounded),
        },
        schema,
      ),
    );
  }

  /** POSTs one part (a file form or prepared-data JSON) to its URL with the credential's token. */
  async function postPart(
    { api, url: partUrl }: PartCredential,
    part: string,
    payload: { body: FormData } | { json: Record<string, unknown> },
    call?: CallOptions,
  ): Promise<UploadResponse> {
    apiTokens.add(api.token);
    const url = assertApiUrl(partUrl, `api.parts.${part}`, 'upload', hosts.api);
    const target = { method: 'POST', path: new URL(url).pathname, creates: false };
    const answer = await withinDeadline(call, target, (bounded) =>
      transport.json(
        {
          operation: 'upload',
          method: 'POST',
          url,
          auth: { kind: 'bearer', token: api.token },
          ...payload,
          ...callOptions(bounded),
        },
        UploadResponseSchema,
      ),
    );
    if (answer.api?.token) apiTokens.add(answer.api.token);
    return answer;
  }

  async function remove(path: string, call?: CallOptions): Promise<void> {
    const response = await withinDeadline(call, { method: 'DELETE', path, creates: false }, (bounded) =>
      transport.call({
        operation: 'deletion',
        method: 'DELETE',
        url: `${hosts.retrieval}${path}`,
        auth: reader,
        ...callOptions(bounded),
      }),
    );
    await discardBody(response);
  }

  const client: KyxClient = {
    region,
    loopback: options.baseUrl !== undefined && isLoopbackHost(new URL(options.baseUrl).hostname),
    send: (request, call) => sendOne(request, call),
    sendAll: (requests, all) => sendAll(requests, all, (request, limiter, call) => sendOne(request, call, limiter)),
    releaseIdempotencyKey: (key) => keys.release(key),

    async upload(source, named: unknown, file, call) {
      const part = String(named);
      const picked = credentialForPart(source, part, call?.label, workflowOf.get(source));
      const checked = await checkFile(file, part, idPdf.has(source));
      const form = new FormData();
      form.append('file', checked.blob, `${part}.${checked.extension}`);
      return postPart(picked, part, { body: form }, call);
    },

    async uploadData(source, data: unknown, call) {
      const workflow = call?.workflow ?? workflowOf.get(source);
      const checked = validatePreparedData(data, {
        ...(workflow !== undefined ? { workflow } : {}),
        ...(call?.unknownFields ? { unknownFields: call.unknownFields } : {}),
      });
      if (!checked.success) throw new KyxValidationError({ issues: checked.issues, subject: 'prepared data' });
      const picked = credentialForPart(source, 'prepared_data', call?.label);
      return postPart(picked, 'prepared_data', { json: checked.output as Record<string, unknown> }, call);
    },

    async finalize(source, call) {
      const { api } = credentialForFinalize(source);
      apiTokens.add(api.token);
      const url = assertApiUrl(api.workflowExecution, 'api.workflowExecution', 'finalize', hosts.api);
      return withinDeadline(call, { method: 'PUT', path: new URL(url).pathname, creates: false }, (bounded) =>
        transport.json(
          {
            operation: 'finalize',
            method: 'PUT',
            url,
            auth: { kind: 'bearer', token: api.token },
            json: {},
            ...callOptions(bounded),
          },
          FinalizeResponseSchema,
        ),
      );
    },

    async status(execution, call) {
      const path = apiPath('executionStatus', executionIds(execution));
      return retrieval(path, WorkflowStatusResponseSchema, call);
    },

    async details(execution, call) {
      return retrieval(executionPath(execution), WorkflowDetailsSchema, call);
    },

    async steps(execution, call) {
      return retrieval(apiPath('executionSteps', executionIds(execution)), WorkflowStepsSchema, call);
    },

    waitForResult: (execution, options) => waitForResult(client, execution, options),

    async partImage(source, classifier, call) {
      const name = String(classifier).toUpperCase();
      if (!/^[A-Z0-9_]{1,40}$/.test(name)) {
        throw new KyxValidationError({
          issues: [{ path: 'classifier', message: 'must be a part classifier such as FRONT' }],
        });
      }
      const { accountId, credentialId } = partCredentialIds(source, name, CREDENTIAL_PARTS, call?.label);
      const path = apiPath('part', { accountId, credentialId, classifier: name });
      const { response, data } = await withinDeadline(call, { method: 'GET', path, creates: false }, (bounded) =>
        transport.bytes({
          operation: 'retrieval',
          method: 'GET',
          url: `${hosts.retrieval}${path}`,
          auth: reader,
          accept: 'image/*, application/octet-stream',
          ...callOptions(bounded),
        }),
      );
      return { contentType: response.headers.get('content-type') ?? 'application/octet-stream', data };
    },

    async deleteAccount(reference, call) {
      return remove(apiPath('account', { accountId: accountIdOf(reference) }), call);
    },

    async deleteExecution(execution, call) {
      return remove(executionPath(execution), call);
    },

    async health(call) {
      return withinDeadline(call, { method: 'GET', path: API_PATHS.health, creates: false }, (bounded) =>
        transport.json(
          {
            operation: 'health',
            method: 'GET',
            url: `${hosts.status}${API_PATHS.health}`,
            auth: { kind: 'none' },
            ...callOptions(bounded),
          },
          HealthStatusSchema,
        ),
      );
    },
  };
  const summary = `KyxClient { region: '${region}', userAgent: ${JSON.stringify(userAgent)} }`;
  Object.defineProperty(client, Symbol.for('nodejs.util.inspect.custom'), { value: () => summary });
  Object.defineProperty(client, 'toJSON', { value: () => ({ region, userAgent }) });
  registerStore(client, store);
  registerTokens(client, initiateTokens);
  return Object.freeze(client);
}
