import { KyxError } from './kyx-error.js';

/**
 * Why an idempotency key cannot be used:
 * - `ambiguous`: the request sent under it failed in a way that does not say whether Jumio
 *   created the transaction (a timeout, a reset connection, a 5xx, an unreadable answer);
 * - `holder-lost`: the process that held the key stopped renewing it before it recorded an
 *   outcome (it crashed or was killed mid-request);
 * - `expired`: the request succeeded, but its stored response expired with its tokens.
 */
export type KyxIdempotencyReason = 'ambiguous' | 'holder-lost' | 'expired';

/**
 * What {@link KyxIdempotencyError} knows.
 */
export interface KyxIdempotencyErrorInit {
  /** The idempotency key. */
  key: string;
  /** Why the key is blocked. */
  reason: KyxIdempotencyReason;
  /** The account the first request created, when known (`expired`). */
  accountId?: string | undefined;
  /** The workflow execution the first request created, when known (`expired`). */
  workflowExecutionId?: string | undefined;
  /** The error the first request failed with (name and message only), when known. */
  firstError?: string | undefined;
}

const HOW = {
  ambiguous: 'its request failed after it was sent, so Jumio may have created the transaction',
  'holder-lost': 'the process that was sending it stopped before it recorded an outcome',
  expired: 'its request created the transaction, but the stored response (with its tokens) has expired',
} as const;

/**
 * An account request under this idempotency key may already have created a (billable) workflow
 * execution, and the client cannot tell which: it refuses to send it again. To resolve it, look
 * the transaction up (by the request's `customerInternalReference`, in the Portal or with the
 * retrieval calls); if none exists, call `client.releaseIdempotencyKey(key)` and send again.
 *
 * @example
 * ```ts
 * import { KyxIdempotencyError, account, createClient } from 'jumio-kyx';
 * const client = createClient({
 *   region: 'amer-1',
 *   credentials: { clientId: 'id', clientSecret: 'secret' },
 *   userAgent: 'Acme Onboarding/1.0',
 * });
 * try {
 *   await client.send(account().ref('signup-42').workflow(10011), { idempotencyKey: 'signup-42' });
 * } catch (error) {
 *   if (error instanceof KyxIdempotencyError) console.error(error.key, error.reason, error.mayHaveCreated);
 * }
 * ```
 */
export class KyxIdempotencyError extends KyxError {
  override name = 'KyxIdempotencyError';
  /** Always true: a transaction may exist for this key. */
  override readonly mayHaveCreated = true as const;
  /** The idempotency key. */
  readonly key: string;
  /** Why the key is blocked. */
  readonly reason: KyxIdempotencyReason;
  /** The account the first request created, when known. */
  readonly accountId: string | undefined;
  /** The workflow execution the first request created, when known. */
  readonly workflowExecutionId: string | undefined;
  /** The first request's error (name and message), when known. */
  readonly firstError: string | undefined;

  constructor(init: KyxIdempotencyErrorInit) {
    const ids =
      init.accountId && init.workflowExecutionId
        ? ` (account ${init.accountId}, execution ${init.workflowExecutionId})`
        : '';
    const resolve =
      init.reason === 'expired'
        ? 'Use the retrieval calls with these ids, or release the key with client.releaseIdempotencyKey(key) to start a new transaction'
        : 'Look the transaction up (by its customerInternalReference); if none exists, release the key with client.releaseIdempotencyKey(key) and send again';
    super(
      `Idempotency key ${JSON.stringify(init.key)} is blocked: ${HOW[init.reason]}${ids}${init.firstError ? ` (first error: ${init.firstError})` : ''}. Nothing was sent. ${resolve}`,
    );
    this.key = init.key;
    this.reason = init.reason;
    this.accountId = init.accountId;
    this.workflowExecutionId = init.workflowExecutionId;
    this.firstError = init.firstError;
  }
}
