/**
 * Reads a request body up to `max` bytes: the bytes, `'too-large'` (more than `max`, by
 * `Content-Length` or as it streams; the rest is not read), or `'unreadable'` (the stream
 * failed or `signal` aborted first).
 */
export async function readCapped(
  request: Request,
  max: number,
  signal: AbortSignal,
): Promise<Uint8Array | 'too-large' | 'unreadable'> {
  const declared = request.headers.get('content-length');
  const body = request.body;
  if (declared !== null && Number(declared) > max) {
    await body?.cancel().catch(() => {});
    return 'too-large';
  }
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', stop, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > max) {
        stop();
        return 'too-large';
      }
      chunks.push(value);
    }
  } catch {
    return 'unreadable';
  } finally {
    signal.removeEventListener('abort', stop);
  }
  if (signal.aborted) return 'unreadable';
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
