import { vi } from 'vitest';

/**
 * Runs fake timers, one at a time in time order, until `promise` settles, then returns what it
 * gives (or throws what it throws). A condition, not "every timer": `vi.runAllTimersAsync()` also
 * runs timers that recur for as long as something else is alive (the unit project shares one
 * module graph per worker), and gives up after 10,000 of them as if the test looped forever.
 */
export async function advanceUntilSettled<T>(promise: Promise<T>, maxTimers = 10_000): Promise<T> {
  let done = false;
  const watched = promise.finally(() => {
    done = true;
  });
  watched.catch(() => undefined); // the rejection reaches the caller through the await below
  for (let i = 0; !done && i < maxTimers; i++) await vi.advanceTimersToNextTimerAsync();
  if (!done) throw new Error(`the promise did not settle within ${maxTimers} fake timers`);
  return watched;
}
