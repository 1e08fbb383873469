import * as v from 'valibot';
import {
  isKyxError,
  KyxHttpError,
  KyxIdempotencyError,
  KyxNetworkError,
  KyxStoreError,
  KyxValidationError,
} from '../errors/index.js';
import { checkOptionsWith, numberIn, optionsObject } from '../model/option-schema.js';
import { parseWith } from '../model/parse.js';
import type { AccountResponse } from '../model/response.js';
import { AccountResponseSchema } from '../model/response-schemas.js';
import { sleep } from '../shared/sleep.js';
import { type StoreLease, storeLease } from '../store/lease.js';
import { digest } from '../store/scope.js';
import type { KyxStore } from '../store/types.js';
import type { CallOptions } from './call-options.js';
import { raced } from './deadline.js';
import { networkErrorKind } from './network.js';

/**
 * Options of {@link KyxClient.send}.
 *
 * @example
 * ```ts
 * import type { SendOptions } from 'jumio-kyx';
 * const options: SendOptions = { idempotencyKey: 'signup-42', signal: AbortSignal.timeout(60_000) };
 * ```
 */
export interface SendOptions extends CallOptions {
  /**
   * At most one account request is ever sent under this key by all clients that share the
   * client's store (1–200 characters, no control characters). A repeat returns the first
   * response; see the "Running at scale" guide for what it promises and what it does not.
   */
  idempotencyKey?: string;
}

/**
 * How idempotency keys are kept (`createClient({ idempotency })`).
 *
 * @example
 * ```ts
 * import type { IdempotencyOptions } from 'jumio-kyx';
 * const options: IdempotencyOptions = { leaseMs: 5_000, retentionMs: 7 * 86_400_000 };
 * ```
 */
export interface IdempotencyOptions {
  /**
   * How long a sender's claim on a key lives without renewal (default 10,000 ms; renewed every
   * third of it while the request runs). When a sender dies, the others report the key blocked
   * (`holder-lost`) after at most this long.
   */
  leaseMs?: number;
  /**
   * How long a key is remembered (default 30 days): a key unused for longer is free again. The
   * stored response itself expires sooner, with the transaction's `tokenLifetime`.
   */
  retentionMs?: number;
}

const DEFAULT_LEASE_MS = 10_000;
const DEFAULT_RETENTION_MS = 30 * 86_400_000;

/** The schema of the `idempotency` client option. */
export const IdempotencyOptionsSchema = optionsObject({
  leaseMs: v.optional(numberIn(100, Number.MAX_VALUE, 'must be a number of milliseconds ≥ 100')),
  retentionMs: v.optional(numberIn(60_000, Number.MAX_VALUE, 'must be a number of milliseconds ≥ 60000')),
});

const KEY = 'must be a string of 1–200 characters without control characters';
/** The `idempotencyKey` of `send`'s options. */
const IdempotencyKeySchema = v.object({
  idempotencyKey: v.pipe(
    v.string(KEY),
    v.minLength(1, KEY),
    v.maxLength(200, KEY),
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it rejects
    v.regex(/^[^\u0000-\u001f\u007f]*$/, KEY),
  ),
});

/** Checks one idempotency key; a bad one is a `KyxValidationError` naming `idempotencyKey`. */
export function checkIdempotencyKey(key: unknown): string {
  checkOptionsWith(IdempotencyKeySchema, { idempotencyKey: key }, 'send options');
  return key as string;
}

/** Whether a failed send proves Jumio did not create the transaction (so the key may be freed). */
function provablyNotCreated(error: unknown, sent: boolean): boolean {
  if (!sent) return true;
  if (error instanceof KyxHttpError) return error.status >= 400 && error.status < 500;
  return (
    error instanceof KyxNetworkError && error.stage === 'request' && networkErrorKind(error.cause) === 'never-sent'
  );
}

/**
 * The exchange's own error, with the store's failure after it as its `cause` (a `KyxStoreError`
 * whose `cause` is the store's error). What the exchange itself said stays on the error
 * (`mayHaveCreated`, `status`, `code`, …).
 */
function withStoreCause(error: unknown, storeError: unknown): unknown {
  if (!(error instanceof Error) || !isKyxError(error)) return error; // e.g. the caller's abort reason: theirs, untouched
  Object.defineProperty(error, 'cause', { value: storeError, writable: true, configurable: true, enumerable: false });
  return error;
}

/**
 * The record under `rec:<key>` (no secrets: the response is kept under `res:<key>:<owner>`):
 * `pending` while its `owner` sends, `done` with the transaction's ids, `blocked` after an
 * ambiguous failure (its `error`). `fingerprint` tells the request the key was first used with.
 */
type KeyRecord =
  | { state: 'pending'; fingerprint: string; owner: string }
  | { state: 'done'; fingerprint: string; owner: string; accountId: string; workflowExecutionId: string }
  | { state: 'blocked'; fingerprint: string; error: string };

/** The one-letter record 0.2 wrote (`{ s, f, o, a, w }` / `{ s, f, e }`); still read during a rolling deploy. */
type LegacyKeyRecord =
  | { s: 'pending'; f: string; o: string }
  | { s: 'done'; f: string; o: string; a: string; w: string }
  | { s: 'blocked'; f: string; e: string };

/** A stored record, in either shape. */
function readKeyRecord(text: string): KeyRecord {
  const record = JSON.parse(text) as KeyRecord | LegacyKeyRecord;
  if (!('s' in record)) return record;
  if (record.s === 'pending') return { state: 'pending', fingerprint: record.f, owner: record.o };
  if (record.s === 'done') {
    return {
      state: 'done',
      fingerprint: record.f,
      owner: record.o,
      accountId: record.a,
      workflowExecutionId: record.w,
    };
  }
  return { state: 'blocked', fingerprint: record.f, error: record.e };
}

/** One send under a key: `sent()` marks the moment the request left (from then on a failure is ambiguous). */
export type KeyedSend = (sent: () => void) => Promise<AccountResponse>;

/** Idempotency keys of one client over its store. */
export interface Idempotency {
  /** Sends at most once per key; repeats get the first response or a `KyxIdempotencyError`. */
  run(
    key: string,
    request: { method: string; path: string; body: unknown },
    responseTtlMs: number,
    signal: AbortSignal | undefined,
    send: KeyedSend,
  ): Promise<AccountResponse>;
  /** Forgets a key (whatever its state), so the next send under it is sent. */
  release(key: string): Promise<void>;
}

/**
 * Store calls wrapped so a failure is a `KyxStoreError`, and (with a signal) so the caller who
 * gives up is not held by a stalled store: the call rejects with the signal's reason at once.
 */
function guarded(store: KyxStore, signal?: AbortSignal) {
  const wrap =
    <A extends unknown[], R>(operation: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await raced(fn(...args), signal);
      } catch (error) {
        if (signal?.aborted && error === signal.reason) throw error;
        throw new KyxStoreError({ operation, cause: error });
      }
    };
  return {
    setIfAbsent: wrap('setIfAbsent', store.setIfAbsent.bind(store)),
    get: wrap('get', store.get.bind(store)),
    replace: wrap('replace', store.replace.bind(store)),
    delete: wrap('delete', store.delete.bind(store)),
    /** Taking and giving up `lease`, guarded the same way. */
    lease: (lease: StoreLease) => ({
      acquire: wrap('setIfAbsent', lease.acquire),
      release: wrap('delete', lease.release),
    }),
  };
}

/**
 * Builds the idempotency keys of one client. Keys live under `idem:<scope>:…` in the store:
 * `rec:<key>` (the state, kept `retentionMs`), `lease:<key>` (the sender's claim, renewed while
 * it runs) and `res:<key>:<owner>` (the response, kept for the token lifetime).
 */
export function createIdempotency(
  rawStore: KyxStore,
  scope: string,
  options: IdempotencyOptions | undefined,
): Idempotency {
  const store = guarded(rawStore);
  const leaseMs = options?.leaseMs ?? DEFAULT_LEASE_MS;
  const retentionMs = options?.retentionMs ?? DEFAULT_RETENTION_MS;
  const names = (key: string) => {
    const base = `idem:${scope}`;
    return {
      rec: `${base}:rec:${key}`,
      lease: `${base}:lease:${key}`,
      res: (owner: string) => `${base}:res:${key}:${owner}`,
    };
  };

  async function repeat(key: string, record: KeyRecord & { state: 'done' }, res: string): Promise<AccountResponse> {
    const stored = await store.get(res);
    if (stored !== undefined) {
      try {
        const parsed = parseWith(AccountResponseSchema, JSON.parse(stored), { quoteValues: false });
        if (parsed.success) return parsed.output;
      } catch {
        // unreadable: reported as expired below
      }
    }
    throw new KyxIdempotencyError({
      key,
      reason: 'expired',
      accountId: record.accountId,
      workflowExecutionId: record.workflowExecutionId,
    });
  }

  /** Sends as the owner of the key (and of `lease`), whose record `pending` this sender wrote. */
  async function own(
    n: ReturnType<typeof names>,
    lease: StoreLease,
    fingerprint: string,
    pending: string,
    responseTtlMs: number,
    send: KeyedSend,
  ): Promise<AccountResponse> {
    const { owner } = lease;
    // renewed while the request runs (a failed renewal is tried again; the send is never stopped by it)
    const held = lease.hold();
    let sent = false;
    try {
      let response: AccountResponse;
      try {
        response = await send(() => {
          sent = true;
        });
      } catch (error) {
        try {
          if (provablyNotCreated(error, sent)) await store.delete(n.rec, pending);
          else {
            const e = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
            const blocked: KeyRecord = { state: 'blocked', fingerprint, error: e };
            await store.replace(n.rec, pending, JSON.stringify(blocked), retentionMs);
          }
        } catch (storeError) {
          // The exchange's outcome wins: its error (and its `mayHaveCreated`) is what the caller
          // must act on; the store's failure becomes its cause. The key stays pending and reads
          // as `holder-lost` once the lease runs out, so it is never sent again.
          throw withStoreCause(error, storeError);
        }
        throw error;
      }
      // The outcome is recorded before the lease goes, so a waiter never mistakes it for a dead sender.
      try {
        await store.setIfAbsent(n.res(owner), JSON.stringify(response), Math.min(responseTtlMs, retentionMs));
        const done: KeyRecord = {
          state: 'done',
          fingerprint,
          owner,
          accountId: response.account.id,
          workflowExecutionId: response.workflowExecution.id,
        };
        await store.replace(n.rec, pending, JSON.stringify(done), retentionMs);
      } catch {
        // the transaction exists and the caller gets it; the key stays pending and reads as
        // `holder-lost` once the lease runs out, so it is never sent again
      }
      return response;
    } finally {
      held.stop();
      await lease.release().catch(() => undefined);
    }
  }

  return {
    async run(key, request, responseTtlMs, signal, send) {
      const waiting = guarded(rawStore, signal); // until the request is sent, the caller may give up at any point
      const fingerprint = digest(`${request.method} ${request.path}\n${JSON.stringify(request.body)}`);
      const n = names(key);
      const lease = storeLease(rawStore, n.lease, leaseMs);
      const claiming = waiting.lease(lease);
      let pause = 20;
      for (;;) {
        signal?.throwIfAborted();
        const text = await waiting.get(n.rec);
        if (text === undefined) {
          const pending = JSON.stringify({ state: 'pending', fingerprint, owner: lease.owner } satisfies KeyRecord);
          let claim: 'none' | 'lease' | 'key';
          try {
            claim = !(await claiming.acquire())
              ? 'none'
              : (await waiting.setIfAbsent(n.rec, pending, retentionMs))
                ? 'key'
                : 'lease';
          } catch (error) {
            // the caller gave up (or the store failed) while claiming: a claim that still lands
            // is undone by these, queued behind it; nothing was sent
            void rawStore.delete(n.rec, pending).catch(() => undefined);
            void lease.release().catch(() => undefined);
            throw error;
          }
          if (claim === 'key') return own(n, lease, fingerprint, pending, responseTtlMs, send);
          if (claim === 'lease') {
            await claiming.release(); // someone recorded the key meanwhile: read it again
            continue;
          }
          // another sender is between taking the lease and recording the key
        } else {
          const record = readKeyRecord(text);
          if (record.fingerprint !== fingerprint) {
            throw new KyxValidationError({
              issues: [{ path: 'idempotencyKey', message: 'was already used with a different request: use a new key' }],
              subject: 'send options',
            });
          }
          if (record.state === 'done') return repeat(key, record, n.res(record.owner));
          if (record.state === 'blocked') {
            throw new KyxIdempotencyError({ key, reason: 'ambiguous', firstError: record.error });
          }
          if ((await waiting.get(n.lease)) === undefined && (await waiting.get(n.rec)) === text) {
            throw new KyxIdempotencyError({ key, reason: 'holder-lost' });
          }
          // in flight elsewhere: wait for its outcome
        }
        await sleep(pause, { signal });
        pause = Math.min(250, pause * 1.5);
      }
    },
    async release(key) {
      const n = names(checkIdempotencyKey(key));
      await store.delete(n.rec);
      await store.delete(n.lease);
    },
  };
}
