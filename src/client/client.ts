import type { CompleteAccountRequest } from '../builder/types.js';
import { KyxValidationError } from '../errors.js';
import {
  type AccountResponse,
  AccountResponseSchema,
  type CredentialApi,
  type ResponseCredential,
  type WorkflowDetails,
  WorkflowDetailsSchema,
  type WorkflowStatusResponse,
  WorkflowStatusResponseSchema,
} from '../model/response.js';
import { UUID_PATTERN } from '../model/rules.js';
import { resolveResponseLimits } from './body.js';
import { credentialForFinalize, credentialForPart, type UploadPart } from './credentials.js';
import { checkFile, type UploadFile } from './file-type.js';
import type { RateLimiter } from './limiter.js';
import { type ClientOptions, checkOptions } from './options.js';
import { hrefToken, RecentSecrets } from './redact.js';
import { assertApiUrl, type Region, regionHosts } from './regions.js';
import { resolveRetrySettings } from './retry-policy.js';
import {
  type FinalizeResponse,
  FinalizeResponseSchema,
  type HealthStatus,
  HealthStatusSchema,
  type WorkflowSteps,
  WorkflowStepsSchema,
} from './schemas.js';
import { type SendAllOptions, type SendAllOutcome, sendAll } from './send-all.js';
import { TokenManager } from './token.js';
import { type CallSpec, createTransport, discardBody } from './transport.js';

/**
 * Per-call options.
 *
 * @example
 * ```ts
 * import type { CallOptions } from 'jumio-kyx';
 * const options: CallOptions = { signal: AbortSignal.timeout(60_000), timeout: 10_000 };
 * ```
 */
export interface CallOptions {
  /** Cancels the call (and any retry wait). */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms for this call. */
  timeout?: number;
}

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
 * const response = await client.send(account().ref('order-1').workflow(10011));
 * await client.upload(response, 'front', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]));
 * await client.finalize(response);
 * const status = await client.status(response.account.id, response.workflowExecution.id);
 * console.log(status.workflowExecution.status, findCredential(response, 'ID')?.id);
 * ```
 */
export interface KyxClient {
  /** The region this client talks to. */
  readonly region: Region;
  /**
   * Validates and sends a complete account request (POST to create, PUT to add a transaction to
   * an existing account) and returns the validated response. Billable: retried only on 429 or
   * connection refused.
   */
  send(request: CompleteAccountRequest, options?: CallOptions): Promise<AccountResponse>;
  /**
   * Sends many requests through a client-side rate limiter; one outcome per input, in input order.
   */
  sendAll(requests: readonly CompleteAccountRequest[], options?: SendAllOptions): Promise<SendAllOutcome[]>;
  /**
   * Uploads a part file (JPEG/PNG ≤ 15 MB; DOCUMENT also PDF) to the URL Jumio returned, with
   * the credential's `api.token`. The file is checked before anything is sent.
   */
  upload(
    source: AccountResponse | ResponseCredential,
    part: UploadPart,
    file: UploadFile,
    options?: UploadOptions,
  ): Promise<void>;
  /** Uploads prepared data (JSON) to the DATA credential's `prepared_data` URL. */
  uploadData(
    source: AccountResponse | ResponseCredential,
    data: Record<string, unknown>,
    options?: UploadOptions,
  ): Promise<void>;
  /** Sends the acquired credentials for processing (API channel only). */
  finalize(source: AccountResponse | ResponseCredential, options?: CallOptions): Promise<FinalizeResponse>;
  /** Status of a workflow execution. */
  status(accountId: string, workflowExecutionId: string, options?: CallOptions): Promise<WorkflowStatusResponse>;
  /** Details (decision, capabilities) of a workflow execution. */
  details(accountId: string, workflowExecutionId: string, options?: CallOptions): Promise<WorkflowDetails>;
  /** Steps of a workflow execution. */
  steps(accountId: string, workflowExecutionId: string, options?: CallOptions): Promise<WorkflowSteps>;
  /** One credential part image (`FRONT`, `BACK`, `FACE`, …). */
  partImage(accountId: string, credentialId: string, classifier: string, options?: CallOptions): Promise<PartImage>;
  /** Deletes an account and all its executions (irreversible). */
  deleteAccount(accountId: string, options?: CallOptions): Promise<void>;
  /** Deletes one workflow execution (irreversible). */
  deleteExecution(accountId: string, workflowExecutionId: string, options?: CallOptions): Promise<void>;
  /** Jumio's health status (no authentication). */
  health(options?: CallOptions): Promise<HealthStatus>;
}

function ids(values: Record<string, string>): string[] {
  const issues = Object.entries(values)
    .filter(([, value]) => !(typeof value === 'string' && UUID_PATTERN.test(value)))
    .map(([path]) => ({ path, message: 'must be a UUID' }));
  if (issues.length > 0) throw new KyxValidationError(issues, 'retrieval request');
  return Object.values(values).map(encodeURIComponent);
}

function callOptions(options: CallOptions | undefined): Pick<CallSpec, 'signal' | 'timeout'> {
  return { signal: options?.signal, timeout: options?.timeout };
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
  const apiTokens = new RecentSecrets(256);
  let tokens: TokenManager | undefined;
  const transport = createTransport({
    fetch: options.fetch,
    userAgent,
    timeout: options.timeout ?? 30_000,
    retry: resolveRetrySettings(options.retry === false ? { limit: 0 } : options.retry),
    hooks: { ...options.hooks },
    secrets: () => [...(tokens?.secrets() ?? [credentials.clientSecret]), ...apiTokens.values()],
    limits: resolveResponseLimits(options.maxResponseBytes),
  });
  tokens = new TokenManager({
    transport,
    url: `${hosts.auth}/oauth2/token`,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
  });
  const tenant = { kind: 'tenant', tokens } as const;

  async function sendOne(
    request: CompleteAccountRequest,
    call: CallOptions | undefined,
    limiter?: RateLimiter,
  ): Promise<AccountResponse> {
    const compiled = request.compile(); // validates: nothing invalid is ever sent
    const response = await transport.json(
      {
        operation: 'account',
        method: compiled.method,
        url: `${hosts.account}${compiled.path}`,
        auth: tenant,
        json: compiled.body,
        beforeAttempt: limiter ? () => limiter.acquire() : undefined,
        ...callOptions(call),
      },
      AccountResponseSchema,
    );
    // every token of the answer is a secret from now on, JWT-shaped or not
    for (const credential of response.workflowExecution.credentials) {
      if (credential.api) apiTokens.add(credential.api.token);
    }
    if (response.sdk !== undefined) apiTokens.add(response.sdk.token);
    const webToken = hrefToken(response.web?.href);
    if (webToken !== undefined) apiTokens.add(webToken);
    return response as AccountResponse;
  }

  async function retrieval<T>(path: string, schema: Parameters<typeof transport.json>[1], call?: CallOptions) {
    return (await transport.json(
      { operation: 'retrieval', method: 'GET', url: `${hosts.retrieval}${path}`, auth: tenant, ...callOptions(call) },
      schema,
    )) as T;
  }

  /** POSTs one part (a file form or prepared-data JSON) to its URL with the credential's token. */
  async function postPart(
    api: CredentialApi,
    part: string,
    payload: { body: FormData } | { json: Record<string, unknown> },
    call?: CallOptions,
  ): Promise<void> {
    apiTokens.add(api.token);
    const url = assertApiUrl(api.parts[part] as string, `api.parts.${part}`, 'upload', hosts.api);
    const response = await transport.call({
      operation: 'upload',
      method: 'POST',
      url,
      auth: { kind: 'bearer', token: api.token },
      ...payload,
      ...callOptions(call),
    });
    await discardBody(response);
  }

  async function remove(path: string, call?: CallOptions): Promise<void> {
    const response = await transport.call({
      operation: 'deletion',
      method: 'DELETE',
      url: `${hosts.retrieval}${path}`,
      auth: tenant,
      ...callOptions(call),
    });
    await discardBody(response);
  }

  const client: KyxClient = {
    region,
    send: (request, call) => sendOne(request, call),
    sendAll: (requests, all) => sendAll(requests, all, (request, limiter, call) => sendOne(request, call, limiter)),

    async upload(source, part, file, call) {
      const { api } = credentialForPart(source, part, call?.label);
      const checked = await checkFile(file, part === 'document');
      const form = new FormData();
      form.append('file', checked.blob, `${part}.${checked.extension}`);
      await postPart(api, part, { body: form }, call);
    },

    async uploadData(source, data, call) {
      if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new KyxValidationError([{ path: 'data', message: 'must be a JSON object' }], 'prepared data');
      }
      const { api } = credentialForPart(source, 'prepared_data', call?.label);
      await postPart(api, 'prepared_data', { json: data }, call);
    },

    async finalize(source, call) {
      const { api } = credentialForFinalize(source);
      apiTokens.add(api.token);
      const url = assertApiUrl(api.workflowExecution, 'api.workflowExecution', 'finalize', hosts.api);
      return (await transport.json(
        {
          operation: 'finalize',
          method: 'PUT',
          url,
          auth: { kind: 'bearer', token: api.token },
          json: {},
          ...callOptions(call),
        },
        FinalizeResponseSchema,
      )) as FinalizeResponse;
    },

    async status(accountId, executionId, call) {
      const [a, w] = ids({ accountId, workflowExecutionId: executionId });
      return retrieval<WorkflowStatusResponse>(
        `/api/v1/accounts/${a}/workflow-executions/${w}/status`,
        WorkflowStatusResponseSchema,
        call,
      );
    },

    async details(accountId, executionId, call) {
      const [a, w] = ids({ accountId, workflowExecutionId: executionId });
      return retrieval<WorkflowDetails>(`/api/v1/accounts/${a}/workflow-executions/${w}`, WorkflowDetailsSchema, call);
    },

    async steps(accountId, executionId, call) {
      const [a, w] = ids({ accountId, workflowExecutionId: executionId });
      return retrieval<WorkflowSteps>(
        `/api/v1/accounts/${a}/workflow-executions/${w}/steps`,
        WorkflowStepsSchema,
        call,
      );
    },

    async partImage(accountId, credentialId, classifier, call) {
      const [a, c] = ids({ accountId, credentialId });
      const name = String(classifier).toUpperCase();
      if (!/^[A-Z0-9_]{1,40}$/.test(name)) {
        throw new KyxValidationError([{ path: 'classifier', message: 'must be a part classifier such as FRONT' }]);
      }
      const path = `/api/v1/accounts/${a}/credentials/${c}/parts/${name}`;
      const { response, data } = await transport.bytes({
        operation: 'retrieval',
        method: 'GET',
        url: `${hosts.retrieval}${path}`,
        auth: tenant,
        accept: 'image/*, application/octet-stream',
        ...callOptions(call),
      });
      return { contentType: response.headers.get('content-type') ?? 'application/octet-stream', data };
    },

    async deleteAccount(accountId, call) {
      const [a] = ids({ accountId });
      return remove(`/api/v1/accounts/${a}`, call);
    },

    async deleteExecution(accountId, executionId, call) {
      const [a, w] = ids({ accountId, workflowExecutionId: executionId });
      return remove(`/api/v1/accounts/${a}/workflow-executions/${w}`, call);
    },

    async health(call) {
      return (await transport.json(
        { operation: 'health', method: 'GET', url: `${hosts.status}/`, auth: { kind: 'none' }, ...callOptions(call) },
        HealthStatusSchema,
      )) as HealthStatus;
    },
  };
  const summary = `KyxClient { region: '${region}', userAgent: ${JSON.stringify(userAgent)} }`;
  Object.defineProperty(client, Symbol.for('nodejs.util.inspect.custom'), { value: () => summary });
  Object.defineProperty(client, 'toJSON', { value: () => ({ region, userAgent }) });
  return Object.freeze(client);
}
