const JWT = /eyJ[\w-]*\.[\w-]+\.[\w-]*/g;
const BEARER = /(bearer|basic)\s+[\w\-.~+/=]+/gi;

/**
 * Removes secrets from text that came from outside (a problem-details `detail`): every known
 * secret, anything shaped like a JWT, and `Bearer …`/`Basic …` credentials. Also bounds the length.
 */
export function scrub(text: string, secrets: readonly string[]): string {
  const out = scrubStack(text, secrets);
  return out.length > 500 ? `${out.slice(0, 500)}…` : out;
}

/** How deep a cause chain is copied; deeper causes are dropped. */
const CAUSE_DEPTH = 8;

/** What a {@link RedactedError} copies: the original error and the secrets to remove from it. */
export interface RedactedErrorInit {
  /** The original error (or any thrown value). */
  raw: unknown;
  /** Secrets to replace by `[redacted]` (those shorter than 4 characters are left alone). */
  secrets: readonly string[];
  /** How deep in a cause chain this copy sits (the chain is cut at 8 levels); default 0. */
  depth?: number | undefined;
}

/**
 * A runtime error as the client shows it: name, scrubbed message and stack, the system `code`
 * and a redacted `cause`. The original error is kept for debugging, reachable only through
 * {@link RedactedError.unredacted} (not an own property, so `inspect`, `JSON.stringify` and
 * loggers that walk `cause` never print it). It is found only as the `cause` of a
 * {@link KyxNetworkError} and is deliberately not a {@link KyxError}: it stands for a foreign error.
 *
 * @example
 * ```ts
 * import { RedactedError } from 'jumio-kyx';
 * const raw = new TypeError('Headers.set: "Bearer abc.def.ghi" is an invalid header value');
 * const shown = RedactedError.from(raw, ['abc.def.ghi']);
 * shown.message; // 'Headers.set: "Bearer [redacted]" is an invalid header value'
 * shown.unredacted() === raw; // true
 * ```
 */
export class RedactedError extends Error {
  override name = 'RedactedError';
  /** The system error code of the original (`ECONNRESET`, `UND_ERR_SOCKET`, …), if any. */
  readonly code: string | undefined;
  readonly #raw: unknown;

  constructor(init: RedactedErrorInit) {
    const { raw, secrets, depth = 0 } = init;
    const source = raw instanceof Error ? raw : undefined;
    const message = scrub(source ? source.message : String(raw), secrets);
    const cause = (raw as { cause?: unknown } | null)?.cause;
    super(message, cause !== undefined && depth < CAUSE_DEPTH ? { cause: redactOne(cause, secrets, depth + 1) } : {});
    if (source) this.name = source.name;
    const code = (raw as { code?: unknown } | null)?.code;
    this.code = typeof code === 'string' ? code : undefined;
    if (source?.stack !== undefined) this.stack = scrubStack(source.stack, secrets);
    this.#raw = raw;
  }

  /** A redacting copy of `raw` (and of its cause chain); `raw` itself is left as it is. */
  static from(raw: unknown, secrets: readonly string[]): RedactedError {
    return redactOne(raw, secrets, 0);
  }

  /** The original error, unredacted: for a debugger, never for a log. */
  unredacted(): unknown {
    return this.#raw;
  }
}

function redactOne(raw: unknown, secrets: readonly string[], depth: number): RedactedError {
  return raw instanceof RedactedError ? raw : new RedactedError({ raw, secrets, depth });
}

/** A stack scrubbed line by line (no length bound: the frames stay readable). */
function scrubStack(stack: string, secrets: readonly string[]): string {
  let out = stack;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out.replace(JWT, '[redacted]').replace(BEARER, '$1 [redacted]');
}
