const JWT = /eyJ[\w-]*\.[\w-]+\.[\w-]*/g;
const BEARER = /(bearer|basic)\s+[\w\-.~+/=]+/gi;

/**
 * Removes secrets from text that came from outside (a problem-details `detail`): every known
 * secret, anything shaped like a JWT, and `Bearer …`/`Basic …` credentials. Also bounds the length.
 */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  out = out.replace(JWT, '[redacted]').replace(BEARER, '$1 [redacted]');
  return out.length > 500 ? `${out.slice(0, 500)}…` : out;
}

/**
 * The most recent `limit` secrets, for scrubbing: a long-lived client sees a new `api.token` per
 * transaction, so remembering all of them would grow without bound. Older tokens are still
 * caught by their JWT shape.
 */
export class RecentSecrets {
  readonly #limit: number;
  readonly #values = new Set<string>();

  constructor(limit: number) {
    this.#limit = limit;
  }

  add(value: string): void {
    this.#values.delete(value);
    this.#values.add(value);
    if (this.#values.size > this.#limit) this.#values.delete(this.#values.values().next().value as string);
  }

  values(): string[] {
    return [...this.#values];
  }
}
