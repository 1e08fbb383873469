import * as v from 'valibot';
import { KyxTimeoutError } from '../errors/index.js';
import { checkOptionsWith, positive } from '../model/option-schema.js';
import type { CallOptions } from './call-options.js';

/** Longest `deadline` of a call: one day (a bound against typos, not a policy). */
const MAX_DEADLINE_MS = 86_400_000;
const DEADLINE = `must be a positive number of milliseconds, at most ${MAX_DEADLINE_MS}`;
/** The `deadline` of a call's options. */
const CallDeadlineSchema = v.object({ deadline: v.pipe(positive(DEADLINE), v.maxValue(MAX_DEADLINE_MS, DEADLINE)) });

/** `promise`, or the signal's reason as soon as it aborts (the promise then settles unobserved). */
export function raced<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  promise.catch(() => undefined);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** What a call is, for its `KyxTimeoutError` when the deadline passes. */
export interface DeadlineTarget {
  method: string;
  path: string;
  /** Whether an attempt of it may have created a transaction once sent (account create/update). */
  creates: boolean;
}

/**
 * Runs one call within its `deadline` (all attempts, rate-limit waits, token requests and
 * retry delays together): `run` gets the options with a signal that also aborts at the
 * deadline, and its `sent` marks that an attempt left. Past the deadline the call rejects with
 * `KyxTimeoutError` (`mayHaveCreated` when an attempt of a create/update had been sent); an
 * abort of the caller's own signal still rejects with its reason.
 */
export async function withinDeadline<T, O extends CallOptions>(
  call: O | undefined,
  target: DeadlineTarget,
  run: (call: O | undefined, sent: () => void) => Promise<T>,
): Promise<T> {
  const deadline = call?.deadline;
  if (deadline === undefined) return run(call, () => undefined);
  checkOptionsWith(CallDeadlineSchema, { deadline }, 'call options');
  const expiry = new AbortController();
  const timer = setTimeout(() => expiry.abort(new Error('deadline')), deadline);
  const signal = call?.signal === undefined ? expiry.signal : AbortSignal.any([call.signal, expiry.signal]);
  let sent = false;
  try {
    return await raced(
      run({ ...call, signal } as O, () => {
        sent = true;
      }),
      signal,
    );
  } catch (error) {
    if (expiry.signal.aborted && !call?.signal?.aborted) {
      throw new KyxTimeoutError({
        method: target.method,
        path: target.path,
        timeout: deadline,
        mayHaveCreated: target.creates && sent,
        deadline: true,
      });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
