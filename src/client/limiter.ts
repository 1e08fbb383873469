import { sleep } from '../shared/sleep.js';

/** Spaces events at least `1000 / ratePerSecond` ms apart, in the order `acquire` is called. */
export interface RateLimiter {
  /** Resolves when the caller may start; each call takes the next free slot. */
  acquire(): Promise<void>;
}

/** A client-side spacing limiter (Jumio's default account limit is 1 request/s per tenant). */
export function createRateLimiter(ratePerSecond: number): RateLimiter {
  const interval = 1000 / ratePerSecond;
  let next = Number.NEGATIVE_INFINITY;
  return {
    acquire() {
      const now = Date.now();
      const slot = Math.max(now, next);
      next = slot + interval;
      const wait = slot - now;
      return wait <= 0 ? Promise.resolve() : sleep(wait);
    },
  };
}
