import { describe, expect, it } from 'vitest';
import { type BodyRead, readCapped } from '../../src/shared/body.js';

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

/** A bound of 5 bytes whose errors say what ended the read. */
const within5 = (more: Partial<BodyRead> = {}): BodyRead => ({
  maxBytes: 5,
  tooLarge: (what) => new RangeError(what),
  late: () => new Error('too late'),
  lost: (error) => new Error('lost', { cause: error }),
  ...more,
});

describe('readCapped', () => {
  it('joins the chunks of a body within the bound; a null body is empty', async () => {
    const { body, seen } = stream(['ab', 'cd', 'e']);
    expect(new TextDecoder().decode(await readCapped(body, within5()))).toBe('abcde');
    expect(seen.cancelled).toBe(false);
    expect(await readCapped(null, within5())).toEqual(new Uint8Array(0));
  });

  it('refuses a declared length past the bound without reading, and ignores NaN', async () => {
    const { body, seen } = stream(['ab']);
    await expect(readCapped(body, within5({ declared: 6 }))).rejects.toThrow(new RangeError('Content-Length 6'));
    expect([seen.cancelled, seen.pulled]).toEqual([true, 0]); // cancelled before a single chunk was pulled
    const other = stream(['ab']);
    expect(await readCapped(other.body, within5({ declared: Number.NaN }))).toEqual(bytes('ab'));
  });

  it('stops as soon as the counted bytes pass the bound and cancels the rest', async () => {
    const { body, seen } = stream(['abc', 'def', 'ghi', 'jkl']);
    await expect(readCapped(body, within5({ declared: 4 }))).rejects.toThrow(
      new RangeError('the body went on past it'),
    );
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(4);
  });

  it('ends a failed stream with lost(error), or the error itself without lost', async () => {
    const lost = readCapped(stream(['ab'], 'error').body, within5());
    await expect(lost).rejects.toThrow(new Error('lost'));
    await expect(lost).rejects.toHaveProperty('cause', new TypeError('terminated'));
    const { lost: _, ...withoutLost } = within5();
    const raw = readCapped(stream(['ab'], 'error').body, withoutLost);
    await expect(raw).rejects.toThrow(new TypeError('terminated'));
  });

  it("ends an aborted read with the signal's reason and a late one with late(), cancelling the stream", async () => {
    const controller = new AbortController();
    const aborted = stream(['ab'], 'open');
    const reading = readCapped(aborted.body, within5({ signal: controller.signal }));
    const reason = new Error('caller gave up');
    controller.abort(reason);
    await expect(reading).rejects.toBe(reason);
    expect(aborted.seen.cancelled).toBe(true);

    const already = stream(['ab']);
    await expect(readCapped(already.body, within5({ signal: AbortSignal.abort(reason) }))).rejects.toBe(reason);
    expect(already.seen.cancelled).toBe(true);

    const stalled = stream(['ab'], 'open');
    await expect(readCapped(stalled.body, within5({ deadline: Date.now() + 20 }))).rejects.toThrow(
      new Error('too late'),
    );
    expect(stalled.seen.cancelled).toBe(true);
  });

  // fetch errors a body with the signal's reason when the signal aborts: the abort decides
  it("a stream that fails with the signal's reason as the signal aborts ends with that reason, not lost()", async () => {
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        c.error(reason);
        controller.abort(reason);
      },
    });
    await expect(readCapped(body, within5({ signal: controller.signal }))).rejects.toBe(reason);
  });
});
