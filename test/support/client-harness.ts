import { inspect } from 'node:util';
import { afterEach, beforeEach, expect } from 'vitest';
import { seedJsonSnippets } from '../../fixtures/seed.js';
import {
  type AccountResponse,
  type ClientOptions,
  createClient,
  type FetchLike,
  type KyxClient,
} from '../../src/index.js';

// A scripted Jumio behind an injected fetch (no network), plus a collector of everything the
// client shows to the outside (errors, hook events, inspect output) for the leak scan.

export const CLIENT_ID = 'acme-client-id';
export const CLIENT_SECRET = 'cs-SUPER-secret-4242-do-not-leak';
export const TOKEN_PREFIX = 'tenant-token-';
export const SEED_RESPONSE = seedJsonSnippets()[10] as AccountResponse;
/** The seed's api.token (the same JWT is its sdk.token and the token inside web.href). */
export const SEED_JWT = (SEED_RESPONSE.workflowExecution.credentials.find((c) => c.api)?.api?.token ?? '') as string;
export const ACCOUNT_ID = SEED_RESPONSE.account.id;
export const EXECUTION_ID = SEED_RESPONSE.workflowExecution.id;
/** The seed's execution as a reference of stored ids. */
export const EXECUTION = { accountId: ACCOUNT_ID, workflowExecutionId: EXECUTION_ID } as const;

/** Every string that must never be shown: the secret, Basic credentials, tokens, the JWT's parts. */
export function secrets(): string[] {
  const basic = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
  return [CLIENT_SECRET, basic, TOKEN_PREFIX, SEED_JWT, ...SEED_JWT.split('.').filter((p) => p.length > 16)];
}

/** One request as the fake server saw it. */
export interface Recorded {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  form: FormData | undefined;
}

export type Handler = (call: Recorded, request: Request) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function problem(status: number, title: string, detail: string, headers: Record<string, string> = {}): Response {
  return json({ title, status, detail }, status, headers);
}

export function systemError(code: string): TypeError {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error(`connect ${code} 203.0.113.1:443`), { code }),
  });
}

/** A fetch that never answers until its request is aborted (ky's timeout aborts it). */
export function hang(request: Request): Promise<Response> {
  return new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
}

/** Default Jumio: tokens `tenant-token-1`, `-2`, …; account create/update answer the seed response. */
export function jumio(): Handler {
  let issued = 0;
  return (call) => {
    if (call.path === '/oauth2/token') {
      issued += 1;
      return json({ access_token: `${TOKEN_PREFIX}${issued}`, expires_in: 3600, token_type: 'Bearer' });
    }
    if (/^\/api\/v1\/accounts(\/[^/]+)?$/.test(call.path) && (call.method === 'POST' || call.method === 'PUT')) {
      return json(SEED_RESPONSE);
    }
    return problem(404, 'Not Found', 'no route in the fake');
  };
}

/** Everything shown to the outside during this test file. */
export const shown: string[] = [];

export function fakeFetch(handler: Handler): { fetch: FetchLike; calls: Recorded[] } {
  const calls: Recorded[] = [];
  const fetch: FetchLike = async (request) => {
    const url = new URL(request.url);
    const type = request.headers.get('content-type') ?? '';
    const form = type.startsWith('multipart/form-data') ? await request.formData() : undefined;
    const call: Recorded = {
      method: request.method,
      url: request.url,
      path: url.pathname,
      headers: Object.fromEntries(request.headers),
      body: form ? '' : await request.text(),
      form,
    };
    calls.push(call);
    return handler(call, request);
  };
  return { fetch, calls };
}

/** A client on a fake Jumio whose hook events are all collected. */
export function setup(
  handler: Handler = jumio(),
  options: Partial<ClientOptions> = {},
): { client: KyxClient; calls: Recorded[]; events: string[] } {
  const { fetch, calls } = fakeFetch(handler);
  const events: string[] = [];
  const record = (kind: string) => (event: object) => {
    const text = `${kind} ${JSON.stringify(event)}`;
    events.push(text);
    shown.push(text);
  };
  const client = createClient({
    region: 'amer-1',
    credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    userAgent: 'Acme Onboarding/1.0',
    fetch,
    retry: { delay: () => 0, jitter: false },
    hooks: { onRequest: record('request'), onResponse: record('response'), onRetry: record('retry') },
    ...options,
  });
  shown.push(inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client));
  return { client, calls, events };
}

/** Awaits a promise that must reject; records the error's message, inspect output and JSON. */
export async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    record(error);
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** Records a thrown value the way a user would see it when logging it. */
export function record(error: unknown): void {
  shown.push(String(error), inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error) ?? '');
  if (error instanceof Error) shown.push(error.message, String(error.stack));
}

/**
 * Registers, for every test of the calling file, a check after the test that nothing it showed
 * (errors, hook events, inspect output) contains a secret or token: each test carries its own
 * verdict, also when run alone (`vitest -t …`).
 */
export function checkEachTestShowsNoSecret(): void {
  let from = 0;
  beforeEach(() => {
    from = shown.length;
  });
  afterEach(() => {
    const hits = shown.slice(from).flatMap((text) => secrets().filter((secret) => text.includes(secret)));
    expect(hits, 'a secret or token in what this test showed').toEqual([]);
  });
}

/** Asserts nothing collected in this file contains a secret or token (and that something was collected). */
export function expectNoLeaks(minimum: number): void {
  expect(shown.length).toBeGreaterThanOrEqual(minimum);
  const hits = shown.flatMap((text) => secrets().filter((secret) => text.includes(secret)));
  expect(hits).toEqual([]);
}
