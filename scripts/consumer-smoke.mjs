// `npm test` step: the package as a consumer gets it. Packs the built package, installs the
// tarball into a throwaway project in a temp dir (offline: npm's cache already holds the
// dependencies after `npm ci`; if it does not, the dependencies are linked from this repo's
// node_modules), then type-checks a sample with the repo's tsc under moduleResolution NodeNext and
// Bundler, with strict + exactOptionalPropertyTypes and with strict off, and runs it with node.
// Each configuration is one test. Prints `N passed, N failed`.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unpackWithRepoDependencies } from './lib/unpack-tarball.mjs';

const repo = process.cwd();
const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
const dir = mkdtempSync(join(tmpdir(), 'jumio-kyx-consumer-'));
let passed = 0;
let failed = 0;

function sh(command, args, cwd = dir) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

function shAsync(command, args, cwd = dir) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('close', (code) => done({ ok: code === 0, output: output.trim() }));
  });
}

/** Runs `fn` over `items`, at most `limit` at a time; results in item order. */
async function mapLimit(items, limit, fn) {
  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

function test(name, fn) {
  const problem = fn();
  if (problem) {
    failed += 1;
    console.error(`✖ ${name}\n${problem.replace(/^/gm, '    ')}`);
  } else {
    passed += 1;
    console.log(`✔ ${name}`);
  }
}

// The design card example (builder and client), a template table, a fragment, and errors that must still be errors
// (so a broken .d.ts that degrades to `any` cannot pass).
const sample = `import {
  account,
  type AccountFragment,
  type AccountRequest,
  type AccountResponse,
  type AccountTemplate,
  type CompleteAccountRequest,
  createClient,
  isKyxError,
  KyxValidationError,
} from 'jumio-kyx';
import { redisStore } from 'jumio-kyx/redis';
import { AccountRequestSchema } from 'jumio-kyx/schemas';

// jumio-kyx/redis type-checks and loads without the optional \`redis\` peer; without it, redisStore
// says at construction what to install (with it, the connection is opened on first use).
export const store = (() => {
  try {
    return redisStore({ url: 'redis://127.0.0.1:6379', prefix: 'consumer:' });
  } catch (error) {
    if (!String(error).includes('install redis')) throw error;
    return undefined;
  }
})();

export const request = account().ref('myOrganization').workflow(10026).document('USA', 'BS').capability.ekyc('one');
export const body: AccountRequest = request.build();

// jumio-kyx/schemas resolves and runs; its schemas are Standard Schemas (no valibot import needed here).
const checked = AccountRequestSchema['~standard'].validate(body);
export const schemaAccepts = !(checked instanceof Promise) && checked.issues === undefined;

const withCallback: AccountFragment = (b) => b.callback('https://acme.example/jumio').tokenLifetime('1d');

export const templates = {
  docv: account().workflow(10026).document('USA', 'BS'),
  idv: account().workflow(10011).id({ type: ['PASSPORT'] }).with(withCallback),
  liveness: account().workflow(6),
} satisfies Record<string, AccountTemplate<'ref'>>;

export function start(template: AccountTemplate<'ref'>, ref: string): CompleteAccountRequest {
  return template.ref(ref);
}
export const compiled = start(templates.idv, 'order-1').compile();
export const update = account('572ac7b5-9f83-409d-ba8e-f0014e411c7e').ref('x').workflow(10011).compile();

// The design card's client (compile-only here: created inside a function that the run never calls).
export function onboard(template: AccountTemplate<'ref'>, ref: string): Promise<AccountResponse> {
  const client = createClient({
    region: 'amer-1',
    credentials: { clientId: 'client-id', clientSecret: 'client-secret' },
    userAgent: 'Acme Onboarding/1.0',
    fetch,
  });
  return client.send(template.ref(ref));
}

export function tryBuild(ref: string): string {
  try {
    account().ref(ref).workflow(10011).build();
    return 'ok';
  } catch (error) {
    if (error instanceof KyxValidationError) return error.issues.map((i) => i.path).join(',');
    return isKyxError(error) ? 'kyx' : 'other';
  }
}

// Type-level only (never called): each line must still be an error for the consumer.
export function mistakes(): void {
  // @ts-expect-error workflow 10026 requires .document(country, type)
  account().ref('x').workflow(10026).build();
  // @ts-expect-error workflow 10011 does not accept a DOCUMENT credential
  account().ref('x').workflow(10011).document('USA', 'BS');
  // @ts-expect-error not an ISO 3166-1 alpha-3 code
  account().ref('x').workflow(10026).document('US', 'BS');
  // @ts-expect-error update-only workflow on a create
  account().ref('x').workflow(9);
  // @ts-expect-error incomplete template
  const broken: AccountTemplate<'ref'> = account().workflow(10026);
  void broken;
}
`;

const run = `import { compiled, request, schemaAccepts, store, tryBuild, update } from './sample.js';
const expected = '{"customerInternalReference":"myOrganization","workflowDefinition":{"key":10026,"credentials":[{"category":"DOCUMENT","country":{"predefinedType":"DEFINED","values":["USA"]},"type":{"predefinedType":"DEFINED","values":["BS"]}}],"capabilities":{"ekycCheck":{"searchType":"one"}}}}';
const checks = [
  [JSON.stringify(request), expected],
  [compiled.method + ' ' + compiled.path, 'POST /api/v1/accounts'],
  [compiled.body.callbackUrl, 'https://acme.example/jumio'],
  [update.method, 'PUT'],
  [tryBuild('bad/ref'), 'customerInternalReference'],
  // without the redis peer (as here), redisStore said 'install redis'; with it, a store
  [store === undefined ? 'install redis' : typeof store.reserve + typeof store.close, 'install redis'],
  [schemaAccepts, true],
];
const wrong = checks.filter(([actual, want]) => actual !== want);
if (wrong.length > 0) { console.error(JSON.stringify(wrong)); process.exit(1); }
`;

const configs = [
  // The first one also checks the package's .d.ts files (skipLibCheck off); it emits the JS that runs below.
  {
    name: 'NodeNext, strict + exactOptionalPropertyTypes, skipLibCheck off',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: false,
  },
  { name: 'Bundler, strict + exactOptionalPropertyTypes', module: 'ESNext', moduleResolution: 'Bundler', strict: true },
  { name: 'NodeNext, strict off', module: 'NodeNext', moduleResolution: 'NodeNext', strict: false },
  { name: 'Bundler, strict off', module: 'ESNext', moduleResolution: 'Bundler', strict: false },
];

try {
  const pack = sh('npm', ['pack', '--pack-destination', dir, '--json'], repo);
  const tarball = pack.ok ? JSON.parse(pack.output.slice(pack.output.indexOf('[')))[0]?.filename : undefined;
  if (!tarball) throw new Error(`npm pack failed:\n${pack.output}`);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const install = sh('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${tarball}`]);
  if (!install.ok) {
    // No cached copies of the dependencies: unpack the tarball and link them from this repo.
    console.log(`notice: offline install failed, linking dependencies from the repo instead\n${install.output}`);
    unpackWithRepoDependencies(tarball, dir, repo);
  }
  writeFileSync(join(dir, 'sample.ts'), sample);
  writeFileSync(join(dir, 'run.mjs'), run);

  // Two compilers at a time (the machine has two cores); results are reported in order.
  const results = await mapLimit(configs, 2, (config, i) => {
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023', 'DOM'],
        module: config.module,
        moduleResolution: config.moduleResolution,
        strict: config.strict,
        ...(config.strict ? { exactOptionalPropertyTypes: true } : {}),
        types: [],
        skipLibCheck: config.skipLibCheck ?? true,
        skipDefaultLibCheck: true,
        outDir: 'out',
        rootDir: '.',
        noEmit: i !== 0,
      },
      files: ['sample.ts'],
    };
    writeFileSync(join(dir, `tsconfig.${i}.json`), JSON.stringify(tsconfig, null, 2));
    return shAsync(process.execPath, [tsc, '-p', `tsconfig.${i}.json`]);
  });
  configs.forEach((config, i) => {
    test(`tsc: ${config.name}`, () => (results[i]?.ok ? undefined : (results[i]?.output ?? 'not run')));
  });
  test('node: the compiled sample runs against the installed package', () => {
    cpSync(join(dir, 'run.mjs'), join(dir, 'out', 'run.mjs'));
    const result = sh(process.execPath, [join(dir, 'out', 'run.mjs')]);
    return result.ok ? undefined : result.output;
  });
  const installed = readdirSync(join(dir, 'node_modules', 'jumio-kyx'))
    .sort()
    .join(', ');
  console.log(`installed package holds: ${installed}`);
} catch (error) {
  failed += 1;
  console.error(error instanceof Error ? error.message : error);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`consumer smoke: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
