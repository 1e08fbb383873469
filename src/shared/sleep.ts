/** Options of {@link sleep}. */
export interface SleepOptions {
  /** Rejects with the signal's reason as soon as it aborts (and clears the timer). */
  readonly signal?: AbortSignal | undefined;
  /** Lets the process exit while the timer is pending (Node and Bun `unref`; ignored elsewhere). */
  readonly unref?: boolean;
}

/**
 * Resolves after `ms` milliseconds; the one timer every waiting part of the library uses.
 */
export function sleep(ms: number, options: SleepOptions = {}): Promise<void> {
  const { signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(handle);
      reject(signal?.reason);
    };
    const handle = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    if (options.unref === true) (handle as { unref?: () => void }).unref?.();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
