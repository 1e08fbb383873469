import type { Region } from '../client/regions.js';

/**
 * The documented callback source addresses per region (Jumio callback docs; they change —
 * pass your own list to {@link isJumioCallbackSource}, or as `allow` to `createCallbackHandler`,
 * when Jumio publishes new ones).
 *
 * @example
 * ```ts
 * import { JUMIO_CALLBACK_IPS } from 'jumio-kyx';
 * JUMIO_CALLBACK_IPS['emea-1'].length; // 6
 * ```
 */
export const JUMIO_CALLBACK_IPS: Readonly<Record<Region, readonly string[]>> = {
  'amer-1': ['34.202.241.227', '34.226.103.119', '34.226.254.127', '52.8.136.236', '54.177.61.57', '54.183.15.212'],
  'emea-1': ['34.253.41.236', '35.157.27.193', '52.48.0.25', '52.57.194.92', '52.58.113.86', '52.209.180.134'],
  'apac-1': ['3.0.109.121', '52.76.184.73', '52.77.102.92', '13.238.100.17', '13.238.203.238', '52.64.132.26'],
};

/**
 * An address as servers and proxies write it, reduced to the bare IP: trimmed, lower case,
 * without brackets, port or IPv6 zone, and an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, as
 * Node.js reports IPv4 peers on a dual-stack socket) as its IPv4 address.
 */
export function normalizeAddress(address: string): string {
  let a = address.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1] as string;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.indexOf(':')); // IPv4 with a port
  a = a.replace(/%.*$/, '');
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  return mapped ? (mapped[1] as string) : a;
}

/** Whether a (normalized) address is the local machine: `127.0.0.0/8` or `::1`. */
export function isLoopbackAddress(address: string): boolean {
  const a = normalizeAddress(address);
  return /^127(?:\.\d{1,3}){3}$/.test(a) || a === '::1' || a === '0:0:0:0:0:0:0:1';
}

/**
 * Whether `ip` (as your server saw the peer; IPv4-mapped IPv6 such as `::ffff:1.2.3.4` is
 * understood) is a Jumio callback sender of `region`. `allowList` replaces the built-in list.
 *
 * @example
 * ```ts
 * import { isJumioCallbackSource } from 'jumio-kyx';
 * isJumioCallbackSource('::ffff:34.202.241.227', 'amer-1'); // true
 * isJumioCallbackSource('10.0.0.1', 'amer-1', ['10.0.0.1']); // true
 * ```
 */
export function isJumioCallbackSource(ip: string, region: Region, allowList?: readonly string[]): boolean {
  const address = normalizeAddress(ip);
  return (allowList ?? JUMIO_CALLBACK_IPS[region] ?? []).some((allowed) => normalizeAddress(allowed) === address);
}

/**
 * Which proxies in front of the handler may name the sender in `X-Forwarded-For`: a number of
 * hops (each proxy appends the address it received from; `1` = one proxy, the nearest entry is
 * the sender), or the addresses of your proxies (entries are read from the nearest while they are
 * one of these). Without it, `X-Forwarded-For` is ignored: anyone can send that header.
 *
 * @example
 * ```ts
 * import type { TrustProxy } from 'jumio-kyx';
 * const behindOneLoadBalancer: TrustProxy = 1;
 * const behindKnownProxies: TrustProxy = ['10.0.0.2', '10.0.0.3'];
 * ```
 */
export type TrustProxy = number | readonly string[];

/**
 * The sender of a request: the peer address, or — with `trustProxy` — the address the trusted
 * proxies report in `X-Forwarded-For`. `undefined` when it cannot be known (no peer address and
 * nothing trustworthy to read).
 */
export function senderAddress(
  peer: string | undefined,
  forwardedFor: string | null,
  trustProxy: TrustProxy | undefined,
): string | undefined {
  const direct = peer === undefined || peer.trim() === '' ? undefined : normalizeAddress(peer);
  if (trustProxy === undefined || trustProxy === 0 || forwardedFor === null) return direct;
  const forwarded = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map(normalizeAddress)
    .reverse();
  // nearest first: the peer, then what each proxy appended, from the last entry back
  const chain: (string | undefined)[] = [direct, ...forwarded];
  if (typeof trustProxy === 'number') {
    const hops = Math.max(0, Math.floor(trustProxy));
    return chain[Math.min(hops, chain.length - 1)];
  }
  if (direct === undefined) return undefined; // a proxy list needs the peer to check against it
  const proxies = new Set(trustProxy.map(normalizeAddress));
  let i = 0;
  while (i < chain.length - 1 && proxies.has(chain[i] as string)) i++;
  return chain[i];
}
