import { inspect } from 'node:util';

// What the suite shows to the outside (errors, hook events, log lines, inspect output) and the
// secrets that must never be in it, collected while the hardening tests run and scanned once.

/** Texts shown to the outside. */
export interface Exposure {
  /** Everything shown so far. */
  readonly shown: string[];
  /** Every secret seen on the wire (client secret, Basic credentials, tokens). */
  readonly secrets: Set<string>;
  show(text: string): void;
  /** Records a thrown value the ways a user could log it: message, stack, cause, inspect, JSON. */
  showError(error: unknown): void;
  /** Remembers secrets (and the long parts of a JWT-shaped one, so a fragment is a hit too). */
  secret(...values: (string | undefined)[]): void;
  /** Reads an answer's JSON (on a clone) for `access_token`, `api.token`, `sdk.token` and the `web.href` token. */
  harvest(response: Response): Promise<void>;
  /** `[secret, where]` for every secret found in a shown text. */
  hits(): { secret: string; text: string }[];
}

const TOKEN_IN_HREF = /authorizationToken=([^&]+)/;

export function createExposure(): Exposure {
  const shown: string[] = [];
  const secrets = new Set<string>();
  const exposure: Exposure = {
    shown,
    secrets,
    show: (text) => void shown.push(text),
    showError(error) {
      shown.push(String(error), inspect(error, { depth: 10, showHidden: true }));
      try {
        shown.push(JSON.stringify(error) ?? '');
      } catch {
        // a cyclic cause: inspect above already has it
      }
      if (error instanceof Error) {
        shown.push(error.message, String(error.stack));
        if (error.cause !== undefined) shown.push(inspect(error.cause, { depth: 10, showHidden: true }));
      }
    },
    secret(...values) {
      for (const value of values) {
        if (typeof value !== 'string' || value.length < 8) continue;
        secrets.add(value);
        for (const part of value.split('.')) if (part.length > 16) secrets.add(part);
      }
    },
    async harvest(response) {
      let body: unknown;
      try {
        body = JSON.parse(await response.clone().text());
      } catch {
        return;
      }
      const b = body as {
        access_token?: string;
        sdk?: { token?: string };
        web?: { href?: string };
        workflowExecution?: { credentials?: { api?: { token?: string } }[] };
      };
      if (typeof b !== 'object' || b === null) return;
      exposure.secret(b.access_token, b.sdk?.token, TOKEN_IN_HREF.exec(b.web?.href ?? '')?.[1]);
      for (const credential of b.workflowExecution?.credentials ?? []) exposure.secret(credential.api?.token);
    },
    hits() {
      return shown.flatMap((text) => [...secrets].filter((s) => text.includes(s)).map((secret) => ({ secret, text })));
    },
  };
  return exposure;
}
