import * as v from 'valibot';
import { KyxResultPendingError } from '../errors/index.js';
import { TERMINAL_STATUSES } from '../model/limits.js';
import { checkOptionsWith, numberIn, optionsObject } from '../model/option-schema.js';
import type { WorkflowDetails, WorkflowStatus, WorkflowStatusResponse } from '../model/response.js';
import { sleep } from '../shared/sleep.js';
import type { CallOptions } from './call-options.js';
import { type ExecutionReference, executionIds } from './execution.js';

/**
 * Jumio's documented retry policy for retrieval after a callback: the times (ms after it) at which
 * to try again — 40, 60, 100, 160, 240, 340, 460, 600, 760 and 940 s, at most 10 attempts. It
 * covers brief outages of the retrieval service; it is not a bound on how long a user may take
 * (see `deadline` of `waitForResult`, and `createResults`, which follows it after each callback).
 *
 * @example
 * ```ts
 * import { JUMIO_RETRIEVAL_SCHEDULE } from 'jumio-kyx';
 * JUMIO_RETRIEVAL_SCHEDULE.at(-1); // 940_000
 * ```
 */
export const JUMIO_RETRIEVAL_SCHEDULE: readonly number[] = Object.freeze([
  40_000, 60_000, 100_000, 160_000, 240_000, 340_000, 460_000, 600_000, 760_000, 940_000,
]);

/** Jumio's limit of consecutive retrieval attempts after acquisition. */
const MAX_STATUS_CALLS = 10;

/**
 * Options of {@link KyxClient.waitForResult}.
 *
 * @example
 * ```ts
 * import type { WaitForResultOptions } from 'jumio-kyx';
 * const options: WaitForResultOptions = {
 *   signal: AbortSignal.timeout(2 * 3600_000),
 *   schedule: [5_000, 15_000, 40_000], // ms after the call
 *   deadline: 3600_000, // then every 25 s for up to an hour: a user may take that long
 * };
 * ```
 */
export interface WaitForResultOptions extends CallOptions {
  /**
   * When to ask for the status, in ms after the call (non-decreasing, 1–10 entries; a leading
   * `0` asks at once). Default: {@link JUMIO_RETRIEVAL_SCHEDULE}.
   */
  schedule?: readonly number[];
  /**
   * The whole wait, in ms after the call: keep asking past the schedule until then, every last
   * interval of the schedule (180 s for Jumio's; at least 1 s), and bound each status and details
   * call by the time left. Default: stop when the schedule runs out.
   */
  deadline?: number;
  /**
   * Waits `ms` (default: a timer). Inject one to run the schedule on a test clock, e.g. the
   * simulator's: `async (ms) => { clock.advance(ms); await simulator.tick(); }`. An abort
   * interrupts the wait whether or not `sleep` looks at the signal.
   */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Called after every status call with the status, the number of calls made so far, and the
   * ms after the start of the next call (`undefined` when none follows): for progress lines.
   */
  onStatus?: (progress: WaitProgress) => void;
}

/**
 * What {@link WaitForResultOptions.onStatus} is told after each status call.
 *
 * @example
 * ```ts
 * import type { WaitProgress } from 'jumio-kyx';
 * const log = (p: WaitProgress) => console.error(`${p.status} (call ${p.statusCalls} of ${p.scheduled})`);
 * ```
 */
export interface WaitProgress {
  /** The status Jumio reported. */
  status: WorkflowStatus;
  /** Status calls made so far. */
  statusCalls: number;
  /** Status calls the schedule allows. */
  scheduled: number;
  /** When the next call is due, in ms after the start; `undefined` when the status is terminal or the schedule and deadline ran out. */
  nextAt: number | undefined;
}

const SCHEDULE_LENGTH = `must list 1 to ${MAX_STATUS_CALLS} times in ms (Jumio allows at most ${MAX_STATUS_CALLS} status calls)`;

/** What is wrong with the first bad entry of a schedule, or `undefined`. */
function scheduleProblem(schedule: readonly unknown[]): string | undefined {
  for (const [i, time] of schedule.entries()) {
    if (typeof time !== 'number' || !Number.isFinite(time) || time < 0)
      return `entry ${i} must be a non-negative number of ms`;
    if (i > 0 && time < (schedule[i - 1] as number)) return `entry ${i} must not be earlier than entry ${i - 1}`;
  }
  return undefined;
}

/** The checked part of {@link WaitForResultOptions}: a schedule of 1–10 finite, non-negative, non-decreasing times; the deadline. */
const WaitForResultOptionsSchema = optionsObject({
  schedule: v.optional(
    v.pipe(
      v.custom<readonly unknown[]>(
        (s) => Array.isArray(s) && s.length > 0 && s.length <= MAX_STATUS_CALLS,
        SCHEDULE_LENGTH,
      ),
      v.check(
        (s) => scheduleProblem(s) === undefined,
        (issue) => scheduleProblem(issue.input) as string,
      ),
    ),
  ),
  deadline: v.optional(numberIn(0, Number.MAX_VALUE, 'must be a non-negative number of ms')),
});

/** The default `sleep`: a timer that an abort clears. */
const timer = (ms: number, signal?: AbortSignal): Promise<void> => sleep(ms, { signal });

/** `promise`, or a rejection with the signal's reason as soon as it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** What {@link waitForResult} needs of a client: its status and details calls. */
export interface ResultReader {
  status(execution: ExecutionReference, options?: CallOptions): Promise<WorkflowStatusResponse>;
  details(execution: ExecutionReference, options?: CallOptions): Promise<WorkflowDetails>;
}

/**
 * Polls the status of `execution` on `schedule` through `client` (so every call waits its turn
 * under the client's rate limits) and resolves with the details once the status is terminal.
 */
export async function waitForResult(
  client: ResultReader,
  execution: ExecutionReference,
  options: WaitForResultOptions = {},
): Promise<WorkflowDetails> {
  const reference = executionIds(execution);
  checkOptionsWith(WaitForResultOptionsSchema, options, 'waitForResult options');
  const base = options.schedule ?? JUMIO_RETRIEVAL_SCHEDULE;
  const { signal, sleep = timer, deadline } = options;
  // past the schedule, until the deadline: every last interval of the schedule (at least 1 s)
  const last = base.at(-1) as number;
  const every = Math.max(1_000, base.length > 1 ? last - (base.at(-2) as number) : last);
  const schedule = [...base];
  if (deadline !== undefined) for (let t = last + every; t <= deadline; t += every) schedule.push(t);
  // each call is bounded by what is left of the whole wait
  const callAt = (at: number): CallOptions => ({
    ...(signal !== undefined ? { signal } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    ...(deadline !== undefined ? { deadline: Math.max(1, deadline - at) } : {}),
  });
  let at = 0;
  let status: WorkflowStatus = 'INITIATED';
  let calls = 0;
  for (const time of schedule) {
    signal?.throwIfAborted();
    if (time > at) await abortable(sleep(time - at, signal), signal);
    at = time;
    signal?.throwIfAborted();
    status = (await client.status(reference, callAt(at))).workflowExecution.status;
    calls += 1;
    const terminal = TERMINAL_STATUSES.has(status);
    options.onStatus?.({
      status,
      statusCalls: calls,
      scheduled: schedule.length,
      nextAt: terminal ? undefined : schedule[calls],
    });
    if (terminal) return client.details(reference, callAt(at));
  }
  throw new KyxResultPendingError({ status, statusCalls: calls, waitedMs: at, ...reference });
}
