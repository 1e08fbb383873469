const KYX_ERROR = Symbol.for('jumio-kyx.error');

/**
 * Options of every {@link KyxError}: the standard `cause`, and whether the failed call may have
 * created an account or workflow execution. Every init object of a subclass takes them too.
 *
 * @example
 * ```ts
 * import { KyxError, type KyxErrorOptions } from 'jumio-kyx';
 * const options: KyxErrorOptions = { mayHaveCreated: true };
 * new KyxError('POST /api/v1/accounts timed out', options).mayHaveCreated; // true
 * ```
 */
export interface KyxErrorOptions extends ErrorOptions {
  /** See {@link KyxError.mayHaveCreated}; `false` when not given. */
  mayHaveCreated?: boolean | undefined;
}

/**
 * Base class of every error this library throws. Use {@link isKyxError} to recognise one, also
 * across copies of the package. Like `Error` it takes a message and options; every subclass
 * takes one init object instead (`new KyxNetworkError({ method, path, code })`).
 *
 * @example
 * ```ts
 * import { KyxError, account } from 'jumio-kyx';
 * const input: string = 'bad/ref'; // from a form: a literal with '/' would not even compile
 * try {
 *   account().ref(input).workflow(10011).build();
 * } catch (error) {
 *   if (error instanceof KyxError) console.error(error.message);
 * }
 * ```
 */
export class KyxError extends Error {
  /** Brand checked by {@link isKyxError}. */
  readonly [KYX_ERROR] = true;
  override name = 'KyxError';
  /**
   * Whether Jumio may have created the account or workflow execution although the call failed:
   * `true` only after an account create/update (`client.send`) was sent and ended in a timeout,
   * a reset connection, a 5xx or an answer that did not parse; `false` when the request provably
   * was not processed (a 4xx including 429, connection refused, a request rejected before
   * sending) and for every other call (retrieval, upload, finalize, deletion, token: they create
   * no execution). When it is `true`, do not resend: reconcile through the callback or by your
   * `customerInternalReference`.
   */
  readonly mayHaveCreated: boolean;

  constructor(message?: string, options?: KyxErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.mayHaveCreated = options?.mayHaveCreated ?? false;
  }
}

/**
 * Whether `value` is an error thrown by this library (any {@link KyxError} subclass).
 *
 * @example
 * ```ts
 * import { isKyxError } from 'jumio-kyx';
 * isKyxError(new Error('x')); // false
 * ```
 */
export function isKyxError(value: unknown): value is KyxError {
  return typeof value === 'object' && value !== null && (value as { [KYX_ERROR]?: unknown })[KYX_ERROR] === true;
}
