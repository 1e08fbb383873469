import { inspect } from 'node:util';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeReliability } from '../../scripts/lib/reliability-records.js';
import { type AccountResponse, account, createClient, isKyxError, parseCallback } from '../../src/index.js';
import { type BodyKind, bodyText, captureBodies } from '../support/arbitrary-bodies.js';

// Property: every parser of the client — each answer it reads (token, account, finalize, status,
// details, steps, health) and parseCallback — given arbitrary or mutated JSON either returns a
// value or throws a KyxError. Never a TypeError or a raw valibot error, and never a message that
// shows a token, even when the body puts the token where the schema quotes the value back.

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);
/** Each client run goes through ky and a fresh client, so the client parsers get a share of RUNS. */
const CLIENT_RUNS = Math.max(100, Math.round(RUNS / 10));

const CLIENT_SECRET = 'fuzz-client-SECRET-0c1d2e';
const TENANT_TOKEN = 'eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiJ0ZW5hbnQifQ.tenant-token-signature-abcdef';
/** Tokens the parsers may meet where a value is quoted back: the client's own, and unknown JWT-shaped ones. */
const OPAQUE_TOKEN = 'opaque-api-token-7d1f0a9b3c';
const token = fc.oneof(
  fc.constantFrom(CLIENT_SECRET, TENANT_TOKEN, OPAQUE_TOKEN, `Bearer ${TENANT_TOKEN}`),
  fc
    .tuple(fc.base64String({ minLength: 8, maxLength: 24 }), fc.base64String({ minLength: 8, maxLength: 24 }))
    .map(([a, b]) => `eyJ${a.replace(/[+/=]/g, 'x')}.${b.replace(/[+/=]/g, 'y')}.sig${a.length}`),
);

let bodies: Record<BodyKind, unknown[]>;
beforeAll(async () => {
  bodies = await captureBodies();
  // the seed response's api.token / sdk.token / web.href token is a JWT too: plant it as a known token
});

const seedResponse = () => bodies.account[0] as AccountResponse;
const ACCOUNT_ID = '572ac7b5-9f83-409d-ba8e-f0014e411c7e';
const EXECUTION_ID = '41f71912-1c6b-4e2f-b340-d6dc10cd69b8';

/** Secrets a leak check looks for: known ones, plus every JWT-shaped or opaque token planted in the body. */
function secretsIn(text: string): string[] {
  const planted = text.match(/eyJ[\w-]*\.[\w-]+\.[\w-]*/g) ?? [];
  return [CLIENT_SECRET, TENANT_TOKEN, OPAQUE_TOKEN, ...planted];
}

/** What the caller could see of an error. */
const shownOf = (error: unknown) =>
  [
    String(error),
    inspect(error, { depth: 10, showHidden: true }),
    error instanceof Error ? String(error.stack) : '',
  ].join('\n');

interface Tally {
  values: number;
  errors: number;
}

/** Runs a parser over `RUNS` bodies and checks the property; returns how often each end happened. */
async function checkParser(
  runs: number,
  valid: readonly unknown[],
  parse: (text: string) => Promise<unknown>,
): Promise<Tally> {
  const tally: Tally = { values: 0, errors: 0 };
  await fc.assert(
    fc.asyncProperty(bodyText(valid, token), async (text) => {
      try {
        const value = await parse(text);
        expect(typeof value).toBe('object');
        tally.values++;
      } catch (error) {
        tally.errors++;
        if (!isKyxError(error)) throw new Error(`not a KyxError: ${inspect(error)}`);
        const shown = shownOf(error);
        const leaked = secretsIn(text).filter((s) => shown.includes(s));
        if (leaked.length > 0) throw new Error(`leaked ${leaked.join(', ')} in ${shown}`);
      }
    }),
    { numRuns: runs },
  );
  // both ends must be reached, or the property proves little
  expect(tally.values).toBeGreaterThan(0);
  expect(tally.errors).toBeGreaterThan(0);
  return tally;
}

/** A client whose `kind` answer is `text` (everything else answers validly), and the call that reads it. */
function clientReading(kind: Exclude<BodyKind, 'callback'>, text: string) {
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  const answer = (body: string) => new Response(body, { headers: { 'content-type': 'application/json' } });
  const client = createClient({
    region: 'amer-1',
    credentials: { clientId: 'fuzz', clientSecret: CLIENT_SECRET },
    userAgent: 'Acme Fuzz/1.0',
    retry: false,
    fetch: async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/oauth2/token') {
        return kind === 'token' ? answer(text) : json({ access_token: TENANT_TOKEN, expires_in: 3600 });
      }
      if (kind === 'token') return json(bodies.status[0]);
      return answer(text);
    },
  });
  const calls: Record<Exclude<BodyKind, 'callback'>, () => Promise<unknown>> = {
    token: () => client.status({ accountId: ACCOUNT_ID, workflowExecutionId: EXECUTION_ID }),
    account: () => client.send(account().ref('fuzz').workflow(10011)),
    finalize: () => client.finalize(seedResponse()),
    status: () => client.status({ accountId: ACCOUNT_ID, workflowExecutionId: EXECUTION_ID }),
    details: () => client.details({ accountId: ACCOUNT_ID, workflowExecutionId: EXECUTION_ID }),
    steps: () => client.steps({ accountId: ACCOUNT_ID, workflowExecutionId: EXECUTION_ID }),
    health: () => client.health(),
  };
  return calls[kind]();
}

const counts: Record<string, Tally & { runs: number }> = {};

describe('parsers given arbitrary and mutated JSON: a value or a KyxError, never a leak', () => {
  const kinds = ['token', 'account', 'finalize', 'status', 'details', 'steps', 'health'] as const;
  for (const kind of kinds) {
    it(`client ${kind} answer: ${CLIENT_RUNS} bodies`, async () => {
      const tally = await checkParser(CLIENT_RUNS, bodies[kind], (text) => clientReading(kind, text));
      counts[`client ${kind} answer`] = { runs: CLIENT_RUNS, ...tally };
    }, 60_000);
  }

  it(`parseCallback: ${RUNS} bodies, as text, bytes and parsed objects`, async () => {
    const tally = await checkParser(RUNS, bodies.callback, async (text) => {
      const form = text.length % 3;
      if (form === 0) return parseCallback(text);
      if (form === 1) return parseCallback(new TextEncoder().encode(text));
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return parseCallback(text);
      }
      return parseCallback(parsed as object);
    });
    counts['parseCallback'] = { runs: RUNS, ...tally };
    writeReliability('fuzz-parsers', counts);
  }, 60_000);
});
