/** Smallest token lifetime Jumio accepts, in seconds (5 minutes). */
export const TOKEN_LIFETIME_MIN_S = 5 * 60;
/** Largest token lifetime Jumio accepts, in seconds (60 days). */
export const TOKEN_LIFETIME_MAX_S = 60 * 24 * 60 * 60;

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/**
 * Converts a token lifetime such as `30m` to seconds; `NaN` when it is not `<digits><s|m|h|d>`.
 */
export function parseTokenLifetime(lifetime: string): number {
  const match = /^(\d+)([smhd])$/.exec(lifetime);
  if (!match) return Number.NaN;
  return Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
}

import { FORBIDDEN_REFERENCE_CONTROLS } from './codes.js';

/** Characters as messages list them, spaced: `< > " /`. */
export type SpacedList<T extends readonly string[]> = T extends readonly [
  infer First extends string,
  ...infer Rest extends string[],
]
  ? Rest extends []
    ? First
    : `${First} ${SpacedList<Rest>}`
  : string;

/**
 * The rule of `FORBIDDEN_REFERENCE_CHARACTERS` (./codes.ts), written once: the run-time issue starts with
 * it and the builder's compile-time error for a literal `.ref('a/b')` is it, after the field name.
 */
export function forbiddenCharactersMessage<const T extends readonly string[]>(characters: T) {
  return `must not contain any of ${characters.join(' ') as SpacedList<T>}` as const;
}

/** The first forbidden control or bidi character of `text` as `U+XXXX`, if any. */
export function forbiddenControl(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) continue; // the common case: printable ASCII
    if (FORBIDDEN_REFERENCE_CONTROLS.some(([from, to]) => code >= from && code <= to)) {
      return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    }
  }
  return undefined;
}

/** A UUID (any version), as Jumio uses for account, execution and credential ids. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UTC timestamp `YYYY-MM-DDThh:mm:ss[.S{1,3}]Z`, as Jumio sends and expects them. */
export const UTC_TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a string of {@link UTC_TIMESTAMP_PATTERN} names a real date and time: month 01–12, a
 * day the month has (29 February in leap years of the proleptic Gregorian calendar, as `Date`),
 * hour 00–23, minutes and seconds 00–59. The same answer as parsing it with `new Date(s)` and
 * comparing the date back (test/model/timestamp.property.test.ts), without building a Date.
 */
export function isRealTimestamp(s: string): boolean {
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  return day <= days && Number(s.slice(11, 13)) <= 23 && Number(s.slice(14, 16)) <= 59 && Number(s.slice(17, 19)) <= 59;
}

/**
 * Whether a URL's hostname is the local machine: `localhost`, a `127.x.x.x` address written in
 * full, or `::1` (bracketed as in a URL, or bare). Not `*.localhost` (a name any resolver may
 * answer differently) and not shorthands such as `127.1` (the parser reads them as 127.0.0.1, a
 * reader of the configuration does not).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host === '::1' ||
    /^127\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){2}$/.test(host)
  );
}

/**
 * The host of an absolute URL exactly as written (between `//` and the port, path, query or
 * fragment), lower-cased; `undefined` when the text has no `scheme://` authority.
 */
export function writtenHost(url: string): string | undefined {
  const authority = /^[a-z][a-z\d+.-]*:\/\/([^/?#\\]*)/i.exec(url)?.[1];
  if (authority === undefined) return undefined;
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return (host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '')).toLowerCase();
}

/**
 * Schemes a browser would run or read locally instead of navigating: never a place to send an
 * end user. Deep-link schemes (`myapp://`) stay allowed, as the seed says Jumio allows them.
 */
export const FORBIDDEN_WEB_SCHEMES = ['javascript:', 'data:', 'vbscript:', 'file:', 'blob:'] as const;

/**
 * Whether `value` is an absolute URL; with `'https'`, whether it is https, or plain http to a
 * loopback host (the local simulator); with `'web'`, whether its scheme is not one of
 * {@link FORBIDDEN_WEB_SCHEMES} (a page a browser is sent to).
 */
export function isAllowedUrl(value: string, scheme: 'https' | 'web' | 'any'): boolean {
  // URL.canParse answers as `new URL` would, without building the URL; a value that starts with
  // `https://` and parses has the https scheme, so only other values need the parsed URL.
  if (scheme === 'any' || value.startsWith('https://')) return URL.canParse(value);
  if (scheme === 'web') {
    if (!URL.canParse(value)) return false;
    return !(FORBIDDEN_WEB_SCHEMES as readonly string[]).includes(new URL(value).protocol);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}
