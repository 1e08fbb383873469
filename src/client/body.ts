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

const tooLarge = (read: BodyRead, what: string) =>
  new KyxResponseError(
    read.method,
    read.path,
    [{ path: '', message: `is larger than ${read.maxBytes} bytes (${what}; raise ${read.option} if it is expected)` }],
    { mayHaveCreated: read.mayHaveCreated ?? false },
  );

/**
 * Reads a whole body with a byte bound and a deadline. A `Content-Length` past the bound is
 * refused before reading; otherwise the bytes are counted as they arrive (decompressed), and the
 * reader is cancelled as soon as the bound is passed (`KyxResponseError`), the deadline passes
 * (`KyxTimeoutError`) or the signal aborts (its reason). A connection lost midway is a
 * `KyxNetworkError` with `stage: 'body'`.
 */
export async function readCapped(response: Response, read: BodyRead): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > read.maxBytes && !response.headers.has('content-encoding')) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(read, `Content-Length ${declared}`);
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  let stop: ((error: unknown) => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  stopped.catch(() => undefined);
  const timer = setTimeout(
    () =>
      stop?.(
        new KyxTimeoutError(read.method, read.path, read.timeout, { mayHaveCreated: read.mayHaveCreated ?? false }),
      ),
    Math.max(0, read.deadline - Date.now()),
  );
  const onAbort = () => stop?.(read.signal?.reason);
  read.signal?.addEventListener('abort', onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    if (read.signal?.aborted) throw read.signal.reason;
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await Promise.race([reader.read(), stopped]);
      } catch (error) {
        if (error instanceof KyxTimeoutError || error === read.signal?.reason) throw error;
        throw new KyxNetworkError(read.method, read.path, systemErrorCode(error), {
          cause: RedactedError.from(error, read.secrets ?? []),
          stage: 'body',
          mayHaveCreated: read.mayHaveCreated ?? false,
        });
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > read.maxBytes) throw tooLarge(read, 'the body went on past it');
      chunks.push(next.value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
    read.signal?.removeEventListener('abort', onAbort);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
