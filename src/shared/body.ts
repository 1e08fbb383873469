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

/**
 * How {@link readCapped} reads one body, and what it throws when it cannot read it all. The
 * client throws its typed errors; the callback handler throws the outcome (`'too-large'`).
 */
export interface BodyRead {
  /** The bound in bytes (after decompression). */
  maxBytes: number;
  /** The length the sender declared (`Content-Length`), when it is to be trusted: past the bound, nothing is read. */
  declared?: number | undefined;
  /** Aborting it ends the read with its reason. */
  signal?: AbortSignal | undefined;
  /** Epoch ms by which the whole body must have arrived (a deadline already past ends the read at once). */
  deadline?: number | undefined;
  /** Thrown past the bound; `what` says how it was found (`Content-Length 2048`, `the body went on past it`). */
  tooLarge(what: string): unknown;
  /** Thrown when the deadline passes. */
  late?(): unknown;
  /** Thrown when the stream fails (the connection was lost); without it, the stream's own error. */
  lost?(error: unknown): unknown;
}

/**
 * Reads a whole body within a byte bound, a deadline and a signal: the one bounded reader of the
 * client's answers and of the callback handler's requests. A declared length past the bound is
 * refused before reading; otherwise the bytes are counted as they arrive (decompressed), and the
 * stream is cancelled as soon as the bound is passed (`tooLarge`), the deadline passes (`late`),
 * the signal aborts (its reason) or the stream fails (`lost`).
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  read: BodyRead,
): Promise<Uint8Array<ArrayBuffer>> {
  const { maxBytes, declared, signal, deadline } = read;
  if (declared !== undefined && declared > maxBytes) {
    await body?.cancel().catch(() => undefined);
    throw read.tooLarge(`Content-Length ${declared}`);
  }
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  let stop: ((error: unknown) => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  stopped.catch(() => undefined);
  const timer = deadline === undefined ? undefined : setTimeout(() => stop?.(read.late?.()), deadline - Date.now());
  const onAbort = () => stop?.(signal?.reason);
  signal?.addEventListener('abort', onAbort);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    signal?.throwIfAborted();
    for (;;) {
      const next = await Promise.race([
        reader.read().catch((error: unknown) => {
          throw read.lost ? read.lost(error) : error;
        }),
        stopped,
      ]);
      if (next.done) break;
      size += next.value.byteLength;
      if (size > maxBytes) throw read.tooLarge('the body went on past it');
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
