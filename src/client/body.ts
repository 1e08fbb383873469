import { KyxNetworkError, KyxResponseError, KyxTimeoutError } from './errors.js';
import { systemErrorCode } from './network.js';
import { RedactedError } from './redact.js';

/**
 * Upper bounds of the answer bodies a client reads, in bytes. A body past its bound is refused
 * while it streams (the reader is cancelled; a compressed body counts as it expands), so a
 * broken or hostile server cannot make the client hold more than this.
 *
 * @example
 * ```ts
 * import { createClient, type ResponseLimits } from 'jumio-kyx';
 * const maxResponseBytes: ResponseLimits = { json: 2 * 1024 * 1024, image: 32 * 1024 * 1024 };
 * createClient({
 *   region: 'amer-1',
 *   credentials: { clientId: 'id', clientSecret: 'secret' },
 *   userAgent: 'Acme Onboarding/1.0',
 *   maxResponseBytes,
 * });
 * ```
 */
export interface ResponseLimits {
  /** JSON answers: account, token, retrieval, finalize, health (default 1 MiB). */
  json?: number;
  /** Credential part images from `partImage` (default 16 MiB; Jumio accepts parts of at most 15 MB). */
  image?: number;
}

/** {@link ResponseLimits} with the defaults filled in. */
export interface ResolvedResponseLimits {
  json: number;
  image: number;
}

/** Default JSON answer bound (1 MiB). */
export const DEFAULT_JSON_BYTES = 1024 * 1024;
/** Default part image bound (16 MiB). */
export const DEFAULT_IMAGE_BYTES = 16 * 1024 * 1024;
/** Largest bound an option may set (256 MiB). */
export const MAX_RESPONSE_BYTES = 256 * 1024 * 1024;
/** Bound of a problem-details body read for an error's `title`/`detail`. */
export const PROBLEM_BYTES = 64 * 1024;

/** Fills in the defaults. */
export function resolveResponseLimits(limits: ResponseLimits | undefined): ResolvedResponseLimits {
  return { json: limits?.json ?? DEFAULT_JSON_BYTES, image: limits?.image ?? DEFAULT_IMAGE_BYTES };
}

/** How one body is read. */
export interface BodyRead {
  method: string;
  path: string;
  /** The bound in bytes (after decompression). */
  maxBytes: number;
  /** Which option sets the bound, for the error message (`maxResponseBytes.json`). */
  option: string;
  /** Epoch ms by which the body must have arrived (the attempt's timeout), and that timeout. */
  deadline: number;
  timeout: number;
  /** The call's signal: aborting it ends the read with its reason. */
  signal?: AbortSignal | undefined;
  /** Secrets to scrub from the cause of a lost connection. */
  secrets?: readonly string[];
  /** Set on every error: the answer of an account create/update arrived, so it was processed. */
  mayHaveCreated?: boolean | undefined;
}

/** How {@link readBounded} reads a stream. */
export interface Bounds {
  /** The bound in bytes. */
  maxBytes: number;
  /** The length the sender declared (`Content-Length`), if it is to be trusted: past the bound, nothing is read. */
  declared?: number | undefined;
  /** Aborting it ends the read with its reason. */
  signal?: AbortSignal | undefined;
  /** Epoch ms by which the whole body must have arrived (a deadline already past ends it at once). */
  deadline?: number | undefined;
  /** The error the read ends with when the deadline passes. */
  late?: (() => unknown) | undefined;
}

/**
 * Reads a whole stream within a byte bound: the bytes, or `'too-large'` when the declared length
 * or the bytes counted as they arrive pass the bound (the stream is cancelled, the rest never
 * read). Rejects, cancelling the stream, with the signal's reason when it aborts, `late()` when
 * the deadline passes, or the stream's own error. The one bounded reader of the client's
 * answers and the callback handler's requests.
 */
export async function readBounded(
  body: ReadableStream<Uint8Array> | null,
  bounds: Bounds,
): Promise<Uint8Array | 'too-large'> {
  const { maxBytes, declared, signal, deadline, late } = bounds;
  if (declared !== undefined && declared > maxBytes) {
    await body?.cancel().catch(() => undefined);
    return 'too-large';
  }
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  let stop: ((error: unknown) => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  stopped.catch(() => undefined);
  const timer = deadline === undefined ? undefined : setTimeout(() => stop?.(late?.()), deadline - Date.now());
  const onAbort = () => stop?.(signal?.reason);
  signal?.addEventListener('abort', onAbort);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    signal?.throwIfAborted();
    for (;;) {
      const next = await Promise.race([reader.read(), stopped]);
      if (next.done) break;
      size += next.value.byteLength;
      if (size > maxBytes) return 'too-large';
      chunks.push(next.value);
    }
  } finally {
    reader.cancel().catch(() => undefined); // the rest is never read (nothing to cancel once it all arrived)
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Reads a whole answer body with a byte bound and a deadline ({@link readBounded}): a
 * `Content-Length` past the bound is refused before reading, unless the body is compressed (it
 * is then counted as it expands). Past the bound `KyxResponseError`, past the deadline
 * `KyxTimeoutError`, an abort its reason, and a connection lost midway a `KyxNetworkError` with
 * `stage: 'body'`.
 */
export async function readCapped(response: Response, read: BodyRead): Promise<Uint8Array> {
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  const declared = Number.isFinite(length) && !response.headers.has('content-encoding') ? length : undefined;
  const answered = { mayHaveCreated: read.mayHaveCreated ?? false };
  const body = await readBounded(response.body, {
    ...read,
    declared,
    late: () => new KyxTimeoutError(read.method, read.path, read.timeout, answered),
  }).catch((error: unknown) => {
    if (error instanceof KyxTimeoutError || error === read.signal?.reason) throw error;
    throw new KyxNetworkError(read.method, read.path, systemErrorCode(error), {
      cause: RedactedError.from(error, read.secrets ?? []),
      stage: 'body',
      ...answered,
    });
  });
  if (body !== 'too-large') return body;
  const what = (declared ?? 0) > read.maxBytes ? `Content-Length ${declared}` : 'the body went on past it';
  throw new KyxResponseError(
    read.method,
    read.path,
    [{ path: '', message: `is larger than ${read.maxBytes} bytes (${what}; raise ${read.option} if it is expected)` }],
    answered,
  );
}
