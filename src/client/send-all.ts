import * as v from 'valibot';
import type { SendableRequest } from '../builder/types.js';
import { checkOptionsWith, numberIn, optionsObject, positive } from '../model/option-schema.js';
import type { AccountResponse } from '../model/response.js';
import { createRateLimiter, type RateLimiter } from './limiter.js';

/**
 * Options of {@link KyxClient.sendAll}.
 *
 * @example
 * ```ts
 * import type { SendAllOptions } from 'jumio-kyx';
 * const options: SendAllOptions = { concurrency: 4, ratePerSecond: 5 };
 * ```
 */
export interface SendAllOptions {
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /**
   * A cap on account request attempts per second for this batch, on top of the client's
   * account limit (which every `send` waits for anyway; default: no extra cap).
   */
  ratePerSecond?: number;
  /** Cancels the batch: requests not yet sent are rejected with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * A request of the batch that succeeded.
 *
 * @example
 * ```ts
 * import type { SendAllFulfilled } from 'jumio-kyx';
 * declare const outcome: SendAllFulfilled;
 * outcome.value.account.id;
 * ```
 */
export interface SendAllFulfilled {
  status: 'fulfilled';
  /** Position of the request in the input. */
  index: number;
  /** The validated response. */
  value: AccountResponse;
}

/**
 * A request of the batch that failed (a `KyxError`, or the abort reason).
 *
 * @example
 * ```ts
 * import type { SendAllRejected } from 'jumio-kyx';
 * declare const outcome: SendAllRejected;
 * console.error(outcome.index, outcome.reason);
 * ```
 */
export interface SendAllRejected {
  status: 'rejected';
  /** Position of the request in the input. */
  index: number;
  /** Why it failed. */
  reason: unknown;
}

/**
 * One outcome per request, like `Promise.allSettled`.
 *
 * @example
 * ```ts
 * import type { SendAllOutcome } from 'jumio-kyx';
 * declare const outcomes: SendAllOutcome[];
 * const failed = outcomes.filter((o) => o.status === 'rejected');
 * ```
 */
export type SendAllOutcome = SendAllFulfilled | SendAllRejected;

/** The schema of {@link SendAllOptions}. */
const SendAllOptionsSchema = optionsObject({
  concurrency: v.optional(numberIn(1, Number.POSITIVE_INFINITY, 'must be an integer ≥ 1', true)),
  ratePerSecond: v.optional(positive('must be a positive number')),
});

type SendOne = (
  request: SendableRequest,
  limiter: RateLimiter | undefined,
  options: { signal?: AbortSignal } | undefined,
) => Promise<AccountResponse>;

/** Runs the batch: `concurrency` workers take the next index; every attempt waits for the cap (if any) and the client's limit. */
export async function sendAll(
  requests: readonly SendableRequest[],
  options: SendAllOptions | undefined,
  sendOne: SendOne,
): Promise<SendAllOutcome[]> {
  checkOptionsWith(SendAllOptionsSchema, options, 'sendAll options');
  const concurrency = options?.concurrency ?? 4;
  const rate = options?.ratePerSecond;
  const limiter = rate === undefined ? undefined : createRateLimiter(rate);
  const signal = options?.signal;
  const outcomes: SendAllOutcome[] = new Array(requests.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < requests.length) {
      const index = next++;
      try {
        signal?.throwIfAborted();
        const value = await sendOne(requests[index] as SendableRequest, limiter, signal ? { signal } : undefined);
        outcomes[index] = { status: 'fulfilled', index, value };
      } catch (reason) {
        outcomes[index] = { status: 'rejected', index, reason };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
  return outcomes;
}
