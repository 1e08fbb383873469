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
