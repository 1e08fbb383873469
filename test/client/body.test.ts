import { describe, expect, it } from 'vitest';
import { readBounded } from '../../src/client/body.js';

const bytes = (text: string) => new TextEncoder().encode(text);

/** A stream of `chunks`, recording whether it was cancelled; `end` closes it, fails it, or leaves it open. */
function stream(chunks: string[], end: 'close' | 'error' | 'open' = 'close') {
  const seen = { cancelled: false, pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[seen.pulled++];
      if (next !== undefined) return controller.enqueue(bytes(next));
      if (end === 'close') controller.close();
      if (end === 'error') controller.error(new TypeError('terminated'));
      return new Promise(() => {}); // open: never another chunk
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { body, seen };
}

describe('readBounded', () => {
  it('joins the chunks of a body within the bound; a null body is empty', async () => {
    const { body, seen } = stream(['ab', 'cd', 'e']);
    expect(new TextDecoder().decode((await readBounded(body, { maxBytes: 5 })) as Uint8Array)).toBe('abcde');
    expect(seen.cancelled).toBe(false);
    expect(await readBounded(null, { maxBytes: 5 })).toEqual(new Uint8Array(0));
  });

  it('refuses a declared length past the bound without reading, and ignores NaN', async () => {
    const { body, seen } = stream(['ab']);
    expect(await readBounded(body, { maxBytes: 5, declared: 6 })).toBe('too-large');
    expect([seen.cancelled, seen.pulled]).toEqual([true, 0]); // cancelled before a single chunk was pulled
    const other = stream(['ab']);
    expect(await readBounded(other.body, { maxBytes: 5, declared: Number.NaN })).toEqual(bytes('ab'));
  });

  it('stops as soon as the counted bytes pass the bound and cancels the rest', async () => {
    const { body, seen } = stream(['abc', 'def', 'ghi', 'jkl']);
    expect(await readBounded(body, { maxBytes: 5, declared: 4 })).toBe('too-large');
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(4);
  });

  it("rejects with the stream's error, the signal's reason, or the deadline's error, cancelling the stream", async () => {
    await expect(readBounded(stream(['ab'], 'error').body, { maxBytes: 5 })).rejects.toThrow(
      new TypeError('terminated'),
    );

    const controller = new AbortController();
    const aborted = stream(['ab'], 'open');
    const reading = readBounded(aborted.body, { maxBytes: 5, signal: controller.signal });
    const reason = new Error('caller gave up');
    controller.abort(reason);
    await expect(reading).rejects.toBe(reason);
    expect(aborted.seen.cancelled).toBe(true);

    const already = stream(['ab']);
    await expect(readBounded(already.body, { maxBytes: 5, signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(already.seen.cancelled).toBe(true);

    const stalled = stream(['ab'], 'open');
    const late = new Error('too late');
    await expect(readBounded(stalled.body, { maxBytes: 5, deadline: Date.now() + 20, late: () => late })).rejects.toBe(
      late,
    );
    expect(stalled.seen.cancelled).toBe(true);
  });
});
