/** cyrb53: a fast 53-bit string hash (not cryptographic). */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A 106-bit hex digest of `text`: store key scopes and request fingerprints (telling requests
 * apart, not protecting anything). Synchronous, so it runs the same under fake timers.
 */
export function digest(text: string): string {
  return cyrb53(text, 1).toString(16).padStart(14, '0') + cyrb53(text, 2).toString(16).padStart(14, '0');
}

/** A short, stable name for one tenant in store keys: a digest of the client id and the account origin. */
export function tenantScope(clientId: string, origin: string): string {
  return digest(`${clientId}\n${origin}`).slice(0, 16);
}
