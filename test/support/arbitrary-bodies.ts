import fc from 'fast-check';
import { seedJsonSnippets } from '../../fixtures/seed.js';
import { account, createClient } from '../../src/index.js';
import { createSimulator } from '../../src/simulator/index.js';

// Valid bodies of every answer the client parses, as the simulator really sends them (and the
// seed's account response), plus arbitraries of arbitrary and mutated JSON built from them.

/** The answers the client parses, by what it parses them for. */
export type BodyKind = 'token' | 'account' | 'finalize' | 'status' | 'details' | 'steps' | 'health' | 'callback';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

/** Runs one whole flow on the in-process simulator and keeps the body of each answer kind. */
export async function captureBodies(): Promise<Record<BodyKind, unknown[]>> {
  const bodies: Record<BodyKind, unknown[]> = {
    token: [],
    account: [seedJsonSnippets()[10]],
    finalize: [],
    status: [],
    details: [],
    steps: [],
    health: [],
    callback: [],
  };
  let time = Date.UTC(2026, 0, 1);
  const sim = createSimulator({
    now: () => time,
    rateLimits: false,
    processingDelayMs: 10,
    trustedCallbackHosts: ['acme.example'],
    callbackFetch: async (request) => {
      bodies.callback.push(await request.json());
      return new Response(null, { status: 200 });
    },
  });
  const kindOf = (request: Request): BodyKind | undefined => {
    const path = new URL(request.url).pathname;
    if (path === '/oauth2/token') return 'token';
    if (path === '/') return 'health';
    if (path.endsWith('/status')) return 'status';
    if (path.endsWith('/steps')) return 'steps';
    if (/\/api\/v1\/accounts(\/[^/]+)?$/.test(path)) return 'account';
    if (/workflow-executions\/[^/]+$/.test(path)) return request.method === 'PUT' ? 'finalize' : 'details';
    return undefined;
  };
  const client = createClient({
    region: 'amer-1',
    credentials: { clientId: 'capture', clientSecret: 'capture-secret' },
    userAgent: 'Acme Capture/1.0',
    baseUrl: 'https://jumio.test',
    fetch: async (request) => {
      const kind = kindOf(request);
      const response = await sim.fetch(request);
      if (kind) bodies[kind].push(await response.clone().json());
      return response;
    },
  });
  try {
    await client.health();
    const created = await client.send(
      account().ref('capture').workflow(10011).callback('https://acme.example/jumio/callback'),
    );
    await client.upload(created, 'front', JPEG);
    await client.upload(created, 'face', PNG);
    await client.finalize(created);
    await client.status(created);
    time += 10;
    await sim.tick();
    await client.status(created);
    await client.details(created);
    await client.steps(created);
    await client.send(account(created.account.id).ref('capture-2').workflow(10011));
  } finally {
    await sim.close();
  }
  for (const [kind, list] of Object.entries(bodies)) {
    if (list.length === 0) throw new Error(`no ${kind} body captured`);
  }
  return bodies;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

function paths(value: Json, prefix: Path = []): Path[] {
  const own = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...own, ...value.flatMap((item, i) => paths(item, [...prefix, i]))];
  if (value !== null && typeof value === 'object') {
    return [...own, ...Object.entries(value).flatMap(([k, item]) => paths(item, [...prefix, k]))];
  }
  return own;
}

/** One edit of a JSON document: drop a node, replace it, put a token in its place, or wrap it. */
interface Edit {
  pick: number;
  op: 'delete' | 'replace' | 'token' | 'wrap' | 'stringify';
  value: Json;
  token: string;
}

function apply(document: Json, edit: Edit): Json {
  const all = paths(document);
  if (all.length === 0) return edit.op === 'token' ? edit.token : edit.value;
  const path = all[edit.pick % all.length] as Path;
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key] as Json, document);
  const key = path.at(-1) as string | number;
  const container = parent as Record<string | number, Json>;
  const current = container[key] as Json;
  if (edit.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete container[key];
  } else if (edit.op === 'replace') container[key] = edit.value;
  else if (edit.op === 'token') container[key] = edit.token;
  else if (edit.op === 'wrap') container[key] = [current];
  else container[key] = JSON.stringify(current);
  return document;
}

/** A valid body with 1–3 random edits. */
export function mutationsOf(valid: readonly unknown[], token: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const edit = fc.record({
    pick: fc.nat(),
    op: fc.constantFrom<Edit['op']>('delete', 'replace', 'token', 'wrap', 'stringify'),
    value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
    token,
  });
  return fc
    .tuple(fc.constantFrom(...valid), fc.array(edit, { minLength: 1, maxLength: 3 }))
    .map(([base, edits]) => edits.reduce((doc, e) => apply(doc, e), structuredClone(base) as Json));
}

/**
 * What a parser is fed, as raw text: arbitrary JSON, arbitrary text, a valid body, or a mutated
 * valid body (the largest share: it reaches deepest into the schema).
 */
export function bodyText(valid: readonly unknown[], token: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)), weight: 3 },
    { arbitrary: fc.oneof(fc.string(), token), weight: 1 },
    { arbitrary: fc.constantFrom(...valid).map((v) => JSON.stringify(v)), weight: 1 },
    { arbitrary: mutationsOf(valid, token).map((v) => JSON.stringify(v)), weight: 5 },
  );
}
