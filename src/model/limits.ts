// Jumio's documented numbers that the client, the callbacks, the simulator and the CLI all keep
// to: one home for each, so the two sides of the wire cannot drift apart.

/** Largest credential part Jumio accepts (its credentials API: 15 MB). */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;

/** The statuses after which nothing changes any more: the details are final. */
export const TERMINAL_STATUSES: ReadonlySet<string> = new Set(['PROCESSED', 'SESSION_EXPIRED', 'TOKEN_EXPIRED']);

/** One of Jumio's tenant limits as a token bucket: `burst` requests at once, refilled at `perSecond`. */
export interface TenantLimit {
  readonly perSecond: number;
  readonly burst?: number;
}

/** Jumio's documented tenant limits: token 10/s, account create/update 1/s with a burst of 5, retrieval 15/s. */
export const JUMIO_TENANT_LIMITS: Readonly<Record<'token' | 'account' | 'retrieval', TenantLimit>> = {
  token: { perSecond: 10 },
  account: { perSecond: 1, burst: 5 },
  retrieval: { perSecond: 15 },
};
