import type { KyxStore } from './types.js';

/** The store operations a {@link storeLease} uses. */
export type LeaseStore = Pick<KyxStore, 'setIfAbsent' | 'replace' | 'delete'>;

/** How a {@link keepLease} renews a lease it holds, and whom it tells what. */
export interface KeepLeaseOptions {
  /** Extends the lease by its full length from now; `false` when it was lost (expired or taken over). */
  readonly renew: () => Promise<boolean>;
  /** The lease's length in ms: it is renewed every third of it. */
  readonly ms: number;
  /** A renewal that failed (the store's error); renewals go on. Ignored when not given. */
  readonly onRenewError?: (error: unknown) => void;
  /** Called once, when the lease is found lost (before the signal aborts). */
  readonly onLost?: () => void;
  /** The reason the signal aborts with when the lease is lost. */
  readonly lostReason?: () => unknown;
}

/** A held lease kept alive by {@link keepLease}. */
export interface KeptLease {
  /** Aborts when the lease is lost, with the `lostReason`. */
  readonly signal: AbortSignal;
  /** Whether the lease was lost (another holder may have it now). */
  lost(): boolean;
  /**
   * Renews once more for a full lease and stops renewing: whatever runs next gets one lease's
   * time. When that passes first, the lease counts as lost and `onExpired` is called.
   */
  handOver(onExpired?: () => void): void;
  /** Stops renewing (the lease itself stays until it is released or expires). */
  stop(): void;
}

/**
 * Keeps a lease the caller holds: renews it every third of its length until it is stopped or
 * lost. The renewal timer does not keep the process alive by itself.
 */
export function keepLease(options: KeepLeaseOptions): KeptLease {
  const { ms, onRenewError, onLost, lostReason } = options;
  const controller = new AbortController();
  let lost = false;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const lose = () => {
    if (lost) return;
    lost = true;
    clearInterval(timer);
    onLost?.();
    controller.abort(lostReason?.());
  };
  const renew = () =>
    options.renew().then(
      (held) => {
        if (!held) lose();
      },
      (error: unknown) => onRenewError?.(error),
    );
  const timer = setInterval(renew, Math.max(10, ms / 3));
  (timer as { unref?: () => void }).unref?.();
  return {
    signal: controller.signal,
    lost: () => lost,
    handOver(onExpired) {
      clearInterval(timer);
      void renew();
      deadline = setTimeout(() => {
        lose();
        onExpired?.();
      }, ms);
    },
    stop() {
      clearInterval(timer);
      clearTimeout(deadline);
    },
  };
}

/** A lease on one key of a {@link KyxStore}: the key holds its owner's token while it is held. */
export interface StoreLease {
  /** The store key. */
  readonly key: string;
  /** This holder's token (the key's value while it holds the lease). */
  readonly owner: string;
  /** Takes the lease for its length when the key is free; `true` when this call took it. */
  acquire(): Promise<boolean>;
  /** Extends the lease to its full length from now, only while this owner holds it; `false` when lost. */
  renew(): Promise<boolean>;
  /** Ends the lease, only while this owner holds it (compare-and-delete); `true` when it did. */
  release(): Promise<boolean>;
  /** Renews the lease while it is held ({@link keepLease}); stop it before {@link StoreLease.release}. */
  hold(options?: Omit<KeepLeaseOptions, 'renew' | 'ms'>): KeptLease;
}

/** A random lease token (96 bits, hex). */
export function leaseToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A lease of `ms` on `key` in `store`, for the holder `owner`: claimed with `setIfAbsent`,
 * renewed with `replace` and released with a compare-and-delete, so only its owner renews or
 * ends it; a holder that dies lets it expire, and then another may take it.
 */
export function storeLease(store: LeaseStore, key: string, ms: number, owner: string = leaseToken()): StoreLease {
  const lease: StoreLease = {
    key,
    owner,
    acquire: () => store.setIfAbsent(key, owner, ms),
    renew: () => store.replace(key, owner, owner, ms),
    release: () => store.delete(key, owner),
    hold: (options) => keepLease({ ...options, renew: lease.renew, ms }),
  };
  return lease;
}
