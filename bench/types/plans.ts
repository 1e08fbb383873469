// Request plans for the type benchmark: N builder chains spread over the whole workflow catalog,
// each with the wire body the builder must produce (the object-literal baseline), plus N chains
// that must fail to compile. Everything is read from src (catalog, code lists), nothing copied.
import { DOCUMENT_TYPES, FACEMAP_TYPES, ID_TYPES, KNOWN_LOCALES } from '../../src/model/codes.js';
import { COUNTRY_CODES } from '../../src/model/countries.js';
import type { AccountRequest, Capabilities, CredentialPreset } from '../../src/model/request.js';
import { WORKFLOW_CATALOG } from '../../src/workflows/catalog.js';
import type { WorkflowSpec } from '../../src/workflows/define.js';

/** One builder call: `capability.ekyc` is the path to the method, `args` its JSON arguments. */
export interface PlanCall {
  readonly method: string;
  readonly args: readonly unknown[];
}

/** A builder chain and the body it builds. */
export interface ChainPlan {
  /** Set for update requests: `account(accountId)`. */
  readonly accountId?: string;
  readonly calls: readonly PlanCall[];
  /** What `build()` returns: the request written as a typed object literal. */
  readonly body: AccountRequest;
}

/** A chain that must not compile, and which rule it breaks. */
export interface FailingPlan {
  readonly defect: string;
  readonly accountId?: string;
  readonly calls: readonly PlanCall[];
}

/** Small deterministic PRNG (mulberry32) so every run generates the same files. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const uuid = (i: number) => `572ac7b5-9f83-409d-ba8e-${i.toString(16).padStart(12, '0')}`;
const DOCUMENT_CODES = Object.keys(DOCUMENT_TYPES) as (keyof typeof DOCUMENT_TYPES)[];
const LOCALES = KNOWN_LOCALES.filter((l) => l.length <= 5);

/** Generates chain `i` for workflow `spec`: its requirements plus a realistic mix of optional calls. */
export function successPlan(spec: WorkflowSpec, i: number): ChainPlan {
  const rnd = random(i * 7919 + spec.key);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const chance = (p: number) => rnd() < p;
  const calls: PlanCall[] = [];
  const body: Record<string, unknown> = {};
  const call = (method: string, ...args: unknown[]) => calls.push({ method, args });

  const update = spec.updateOnly === true || chance(0.1);
  const ref = `order-${i}`;
  call('ref', ref);
  body['customerInternalReference'] = ref;
  if (spec.requiredFields?.includes('userReference') || chance(0.3)) {
    call('user', `user-${i}`);
    body['userReference'] = `user-${i}`;
  }
  call('workflow', spec.key);

  const credentials: CredentialPreset[] = [];
  const accepts = (c: string) => (spec.credentials as readonly string[]).includes(c);
  const required = (c: string) => (spec.requiredPresets as readonly string[] | undefined)?.includes(c) === true;
  if (accepts('ID') && (required('ID') || chance(0.5))) {
    if (spec.reusesCredential) {
      call('id', { id: uuid(i + 1) });
      credentials.push({ id: uuid(i + 1), category: 'ID' });
    } else {
      const country = chance(0.5) ? pick(COUNTRY_CODES) : [pick(COUNTRY_CODES), pick(COUNTRY_CODES)];
      const type = chance(0.5) ? [pick(ID_TYPES)] : pick(ID_TYPES);
      const predefinedType = chance(0.2) ? 'RECOMMENDED' : undefined;
      call('id', predefinedType ? { country, type, predefinedType } : { country, type });
      const values = (v: string | string[]) => ({
        predefinedType: predefinedType ?? 'DEFINED',
        values: Array.isArray(v) ? v : [v],
      });
      credentials.push({ category: 'ID', country: values(country), type: values(type) } as CredentialPreset);
    }
  }
  if (accepts('DOCUMENT') && (required('DOCUMENT') || chance(0.5))) {
    const country = pick(COUNTRY_CODES);
    const type = pick(DOCUMENT_CODES);
    call('document', country, type);
    credentials.push({
      category: 'DOCUMENT',
      country: { predefinedType: 'DEFINED', values: [country] },
      type: { predefinedType: 'DEFINED', values: [type] },
    });
  }
  if (accepts('FACEMAP') && (required('FACEMAP') || chance(0.4))) {
    if (chance(0.5)) {
      const type = pick(FACEMAP_TYPES);
      call('facemap', type);
      credentials.push({ category: 'FACEMAP', type: { predefinedType: 'DEFINED', values: [type] } });
    } else {
      call('facemap');
      credentials.push({ category: 'FACEMAP' });
    }
  }

  const capabilities: Capabilities = {};
  if (spec.capabilities.includes('watchlistScreening') && chance(0.5)) {
    if (chance(0.5)) {
      call('capability.watchlist', `profile-${i}`);
      capabilities.watchlistScreening = { searchProfile: `profile-${i}` };
    } else {
      call('capability.watchlist');
      capabilities.watchlistScreening = {};
    }
  }
  if (accepts('DOCUMENT') && chance(0.4)) {
    const enabled = chance(0.5);
    call('capability.extraction', enabled);
    capabilities.documentVerification = { enableExtraction: enabled ? 'true' : 'false' };
  }
  if (chance(0.3)) {
    const searchType = pick(['one', 'two'] as const);
    call('capability.ekyc', searchType);
    capabilities.ekycCheck = { searchType };
  }
  if (chance(0.2)) {
    call('capability.riskScore', uuid(i));
    capabilities.workflowDecision = { riskScoreRulesetId: uuid(i) };
  }
  if (chance(0.15)) {
    call('capability.ruleset', ['rules-a', `rules-${i}`]);
    capabilities.ruleset = { ids: ['rules-a', `rules-${i}`] };
  }
  body['workflowDefinition'] = {
    key: spec.key,
    ...(credentials.length > 0 ? { credentials } : {}),
    ...(Object.keys(capabilities).length > 0 ? { capabilities } : {}),
  };

  if (chance(0.4)) {
    // one chain in ten sets it through `.extra()` (the same body), so its patch type is measured too;
    // chosen by `i`, not by the generator, so every other chain stays as it was
    if (i % 10 === 3) call('extra', { callbackUrl: `https://acme.example/jumio/callback/${i}` });
    else call('callback', `https://acme.example/jumio/callback/${i}`);
    body['callbackUrl'] = `https://acme.example/jumio/callback/${i}`;
  }
  if (chance(0.3)) {
    const lifetime = pick(['30m', '1d', '600s', '2h', '60d']);
    call('tokenLifetime', lifetime);
    body['tokenLifetime'] = lifetime;
  }
  if (chance(0.15)) {
    call('reporting', `campaign-${i % 7}`);
    body['reportingCriteria'] = `campaign-${i % 7}`;
  }
  if (spec.channels.includes('WEB') && chance(0.3)) {
    const web = {
      successUrl: `https://acme.example/done/${i}`,
      errorUrl: `https://acme.example/failed/${i}`,
      locale: pick(LOCALES),
    };
    call('web', web);
    body['web'] = web;
  }
  if (chance(0.25)) {
    const consent = chance(0.5)
      ? {
          userIp: '226.80.211.232',
          userLocation: { country: 'USA', state: 'IL' },
          consent: { obtained: 'yes', obtainedAt: '2022-07-20T17:20:35.000Z' },
        }
      : { userIp: '2001:db8::1', userLocation: { country: pick(COUNTRY_CODES.filter((c) => c !== 'USA')) } };
    call('consent', consent);
    body['userConsent'] = consent;
  }
  if (chance(0.1)) {
    call('overrides', { crossDeviceOnly: true, crossDeviceOption: 'QR_ONLY' });
    body['overrideSettings'] = { crossDeviceOnly: true, crossDeviceOption: 'QR_ONLY' };
  }
  const plan = { calls, body: body as unknown as AccountRequest };
  return update ? { accountId: uuid(i), ...plan } : plan;
}

/** `count` success plans spread round-robin over the whole catalog. */
export function successPlans(count: number): ChainPlan[] {
  return Array.from({ length: count }, (_, i) =>
    successPlan(WORKFLOW_CATALOG[i % WORKFLOW_CATALOG.length] as WorkflowSpec, i),
  );
}

const spec = (key: number): WorkflowSpec => {
  const found = WORKFLOW_CATALOG.find((w) => w.key === key);
  if (!found) throw new Error(`bench: workflow ${key} is not in the catalog`);
  return found;
};
const without = (calls: readonly PlanCall[], method: string) => calls.filter((c) => c.method !== method);
const replace = (calls: readonly PlanCall[], method: string, args: unknown[]) =>
  calls.map((c) => (c.method === method ? { method, args } : c));
const afterWorkflow = (calls: readonly PlanCall[], extra: PlanCall) => {
  const at = calls.findIndex((c) => c.method === 'workflow') + 1;
  return [...calls.slice(0, at), extra, ...calls.slice(at)];
};
const notInCatalog = (() => {
  let key = 12345;
  while (WORKFLOW_CATALOG.some((w) => w.key === key)) key++;
  return key;
})();

/** Each defect turns a valid chain for one workflow into one that the types must reject. */
const DEFECTS: readonly { defect: string; key: number; mutate: (calls: readonly PlanCall[]) => PlanCall[] }[] = [
  { defect: '10026 without .document()', key: 10026, mutate: (c) => without(c, 'document') },
  {
    defect: '.document() on 10011',
    key: 10011,
    mutate: (c) => afterWorkflow(without(c, 'document'), { method: 'document', args: ['USA', 'BS'] }),
  },
  { defect: 'country not alpha-3', key: 10026, mutate: (c) => replace(c, 'document', ['US', 'BS']) },
  { defect: 'unknown document code', key: 10026, mutate: (c) => replace(c, 'document', ['USA', 'BANK']) },
  {
    defect: 'ID type outside the list',
    key: 10011,
    mutate: (c) => afterWorkflow(without(c, 'id'), { method: 'id', args: [{ type: ['PASSPORTS'] }] }),
  },
  { defect: "ekyc('three')", key: 10011, mutate: (c) => [...c, { method: 'capability.ekyc', args: ['three'] }] },
  {
    defect: "tokenLifetime('30 minutes')",
    key: 2,
    mutate: (c) => [...without(c, 'tokenLifetime'), { method: 'tokenLifetime', args: ['30 minutes'] }],
  },
  {
    defect: 'unknown crossDeviceOption',
    key: 3,
    mutate: (c) => [...without(c, 'overrides'), { method: 'overrides', args: [{ crossDeviceOption: 'SMS_ONLY' }] }],
  },
  { defect: 'forbidden character in ref', key: 10172, mutate: (c) => replace(c, 'ref', ['order<1>']) },
  { defect: 'missing .ref()', key: 10015, mutate: (c) => without(c, 'ref') },
  { defect: 'missing .workflow()', key: 1, mutate: (c) => without(c, 'workflow') },
  { defect: '32 without .user()', key: 32, mutate: (c) => without(c, 'user') },
  {
    defect: 'extraction on 10011',
    key: 10011,
    mutate: (c) => [...c, { method: 'capability.extraction', args: [false] }],
  },
  { defect: 'watchlist on 10026', key: 10026, mutate: (c) => [...c, { method: 'capability.watchlist', args: [] }] },
  {
    defect: '.facemap() on 10026',
    key: 10026,
    mutate: (c) => afterWorkflow(without(c, 'facemap'), { method: 'facemap', args: [] }),
  },
  { defect: 'unregistered key', key: 10011, mutate: (c) => replace(c, 'workflow', [notInCatalog]) },
];

/** `count` chains that must fail, cycling through the defects (update-only on `account()` included). */
export function failingPlans(count: number): FailingPlan[] {
  const defects = [
    ...DEFECTS,
    { defect: 'update-only workflow on account()', key: 9, mutate: (c: readonly PlanCall[]) => [...c] },
  ];
  return Array.from({ length: count }, (_, i) => {
    const { defect, key, mutate } = defects[i % defects.length] as (typeof defects)[number];
    const base = successPlan(spec(key), i);
    const calls = mutate(base.calls);
    const keepAccount = base.accountId !== undefined && key !== 9;
    return keepAccount ? { defect, accountId: base.accountId as string, calls } : { defect, calls };
  });
}

/** The chain as one line of TypeScript ending in `.build()`. */
export function renderChain(plan: { readonly accountId?: string; readonly calls: readonly PlanCall[] }): string {
  const start = plan.accountId === undefined ? 'account()' : `account(${JSON.stringify(plan.accountId)})`;
  const calls = plan.calls.map((c) => `.${c.method}(${c.args.map((a) => JSON.stringify(a)).join(', ')})`).join('');
  return `${start}${calls}.build()`;
}

/** The body as a TypeScript object literal (one line). */
export function renderLiteral(body: AccountRequest): string {
  return JSON.stringify(body);
}

/** The chain as one line of TypeScript, without `.build()`: the request handed to `client.send`. */
export function renderRequest(plan: { readonly accountId?: string; readonly calls: readonly PlanCall[] }): string {
  return renderChain(plan).replace(/\.build\(\)$/, '');
}

/** The upload call of the flow for a workflow: its first file part, else prepared data, else none. */
export function flowUpload(spec: WorkflowSpec): string | undefined {
  const has = (category: string) => (spec.credentials as readonly string[]).includes(category);
  if (has('ID')) return "client.upload(res, 'front', file)";
  if (has('SELFIE')) return "client.upload(res, 'face', file)";
  if (has('DOCUMENT')) return "client.upload(res, 'document', file)";
  if (has('DATA')) return `client.uploadData(res, ${renderPreparedData(spec)})`;
  return undefined;
}

/** A value of the documented format for each prepared-data key a workflow may require. */
const SAMPLE_VALUES: Readonly<Record<string, string>> = {
  phoneNumber: '+15031234567',
  email: 'alex@example.com',
  ipAddress: '192.0.2.10',
  dateOfBirth: '1972-11-16',
  sex: 'M',
  socialSecurityNumber: '123456789',
  'address.country': 'USA',
};

/** The prepared data of the flow: `firstName` and every key the workflow requires. */
function renderPreparedData(spec: WorkflowSpec): string {
  const data: Record<string, unknown> = { firstName: 'ALEX' };
  for (const path of spec.preparedData?.required ?? []) {
    const [head, tail] = path.split('.') as [string, string | undefined];
    const value = SAMPLE_VALUES[path] ?? 'X1';
    if (tail === undefined) data[head] = value;
    else data[head] = { ...(data[head] as Record<string, unknown> | undefined), [tail]: value };
  }
  return JSON.stringify(data);
}

/**
 * The flow send → upload → details for a plan, as one exported async function. `typed`: the
 * response of `send` records the workflow; untyped: the request is widened to
 * `CompleteAccountRequest` first, so the same calls run on an `AccountResponse` of any workflow.
 */
export function renderFlow(plan: ChainPlan, i: number, typed: boolean): string {
  const found = WORKFLOW_CATALOG.find((w) => w.key === plan.body.workflowDefinition.key) as WorkflowSpec;
  const upload = flowUpload(found);
  const request = renderRequest(plan);
  const lines = typed
    ? [`  const res = await client.send(${request});`]
    : [`  const request: CompleteAccountRequest = ${request};`, '  const res = await client.send(request);'];
  if (upload) lines.push(`  await ${upload};`);
  lines.push('  return client.details(res);');
  return [`export async function f${i}() {`, ...lines, '}'].join('\n');
}

/** The header of a flow file: the client and a file, declared. */
export const FLOW_HEADER = [
  "import { account, type CompleteAccountRequest, type KyxClient } from 'jumio-kyx';",
  '',
  'declare const client: KyxClient;',
  'declare const file: Uint8Array;',
  'export type { CompleteAccountRequest };',
].join('\n');
