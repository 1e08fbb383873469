import type { RateLimit } from './types.js';

/** A token bucket: `burst` requests at once, refilled at `perSecond`. */
export interface Bucket {
  /** Takes one token at time `now` (ms); false when the bucket is empty. */
  take(now: number): boolean;
}

/** Creates a bucket, or `undefined` when the limit is off. */
export function createBucket(limit: RateLimit | false): Bucket | undefined {
  if (limit === false) return undefined;
  const capacity = Math.max(1, limit.burst ?? limit.perSecond);
  let tokens = capacity;
  let last: number | undefined;
  return {
    take(now) {
      if (last !== undefined) tokens = Math.min(capacity, tokens + ((now - last) * limit.perSecond) / 1000);
      last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
