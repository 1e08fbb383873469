// `npm test` step, one per runtime: `node scripts/runtime-smoke.mjs node|bun|deno|workerd`.
// Packs the built package (npm pack, as published), unpacks the tarball into a throwaway project
// in a temp dir with its dependencies linked from this repo's node_modules, and runs the same
// flow there (scripts/runtime-smoke/flow.mjs: builder, client and the in-process simulator,
// through send, upload, finalize, the simulator's clock, status and details):
// - node, bun, deno: `main.mjs` as it is, by the runtime's binary (bun and deno come from the npm
//   packages of the same names, pinned in devDependencies);
// - workerd: `worker.mjs` bundled by esbuild (as wrangler does) into a Worker run by Cloudflare's
//   workerd (npm `workerd`, pinned) with `workerd test`, which calls the Worker's fetch handler
//   through a service binding.
// Nothing listens on a port. Prints the runtime's check lines and `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unpackWithRepoDependencies } from './lib/unpack-tarball.mjs';

const runtimes = ['node', 'bun', 'deno', 'workerd'];
const runtime = process.argv[2];
if (!runtimes.includes(runtime)) {
  console.error(`usage: node scripts/runtime-smoke.mjs ${runtimes.join('|')}`);
  process.exit(2);
}
const repo = process.cwd();
const bin = (name) => join(repo, 'node_modules', '.bin', name);
const dir = mkdtempSync(join(tmpdir(), `jumio-kyx-${runtime}-`));

function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: dir, encoding: 'utf8', timeout: 60_000, ...options });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`;
  return { ok: result.status === 0, output: output.trim() };
}

function install() {
  const pack = sh('npm', ['pack', '--pack-destination', dir, '--json'], { cwd: repo });
  const tarball = pack.ok ? JSON.parse(pack.output.slice(pack.output.indexOf('[')))[0]?.filename : undefined;
  if (!tarball) throw new Error(`npm pack failed:\n${pack.output}`);
  unpackWithRepoDependencies(tarball, dir, repo);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'smoke', private: true, type: 'module' }));
  for (const file of ['flow.mjs', 'main.mjs', 'worker.mjs']) {
    copyFileSync(join(repo, 'scripts', 'runtime-smoke', file), join(dir, file));
  }
}

/** The workerd config: one Worker (the bundle) with a service binding to itself. */
const capnp = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "smoke", worker = .smoke) ],
);
const smoke :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.bundle.js") ],
  compatibilityDate = "2026-11-01",
  bindings = [ (name = "SELF", service = "smoke") ],
);
`;

const commands = {
  node: () => sh(process.execPath, ['main.mjs']),
  bun: () => sh(bin('bun'), ['--no-install', 'main.mjs']),
  deno: () =>
    sh(bin('deno'), ['run', '--cached-only', '--no-prompt', '--allow-read', '--allow-env', 'main.mjs'], {
      env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    }),
  workerd: () => {
    const bundle = sh(bin('esbuild'), [
      'worker.mjs',
      '--bundle',
      '--format=esm',
      '--platform=neutral',
      '--conditions=workerd,worker,browser',
      '--main-fields=module,main',
      '--outfile=worker.bundle.js',
      '--external:node:*',
      '--log-level=warning',
    ]);
    if (!bundle.ok) return { ok: false, output: `esbuild could not bundle the Worker:\n${bundle.output}` };
    writeFileSync(join(dir, 'config.capnp'), capnp);
    return sh(bin('workerd'), ['test', 'config.capnp']);
  },
};

let ok = false;
try {
  install();
  const result = commands[runtime]();
  console.log(result.output);
  ok = result.ok && /\b\d+ passed, 0 failed\b/.test(result.output);
  if (!/\d+ passed, \d+ failed/.test(result.output)) console.log(`${runtime}: 0 passed, 1 failed`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.log(`${runtime}: 0 passed, 1 failed`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
