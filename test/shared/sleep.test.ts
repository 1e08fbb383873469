import { afterEach, describe, expect, it, vi } from 'vitest';
import { sleep } from '../../src/shared/sleep.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('sleep', () => {
  it('resolves after the time, not before', async () => {
    vi.useFakeTimers();
    let done = false;
    const slept = sleep(1_000).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await slept;
    expect(done).toBe(true);
  });

  it("rejects with the signal's reason when it aborts, and clears its timer", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const slept = sleep(60_000, { signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(slept).rejects.toThrow('stop');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once for a signal that has already aborted, and treats a negative time as zero', async () => {
    await expect(sleep(10, { signal: AbortSignal.abort(new Error('gone')) })).rejects.toThrow('gone');
    await expect(sleep(-5)).resolves.toBeUndefined();
  });
});
