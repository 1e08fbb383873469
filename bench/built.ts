// The benchmarks measure the package as users get it: the built dist/ (tsx's on-the-fly transform
// of src/ adds helpers such as esbuild's `__name` wrappers that would distort run-time figures).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The package root (the folder holding package.json and dist/). */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

const newest = (dir: string): number =>
  Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );

/** Builds dist/ when it is missing or older than src/. */
export function ensureBuilt(): void {
  const entry = join(PACKAGE_ROOT, 'dist', 'index.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= newest(join(PACKAGE_ROOT, 'src'))) return;
  const result = spawnSync(join(PACKAGE_ROOT, 'node_modules', '.bin', 'tsdown'), [], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`bench: build failed:\n${result.stdout}${result.stderr}`);
}

/**
 * The built package, typed as its source (so bench/ type-checks before anything is built). The
 * URL is computed, so the type checker does not resolve it.
 */
export async function loadBuiltPackage(): Promise<typeof import('../src/index.js')> {
  ensureBuilt();
  const url = pathToFileURL(join(PACKAGE_ROOT, 'dist', 'index.js')).href;
  return (await import(url)) as typeof import('../src/index.js');
}

/** The built simulator entry (`jumio-kyx/simulator`), typed as its source. */
export async function loadBuiltSimulator(): Promise<typeof import('../src/simulator/index.js')> {
  ensureBuilt();
  const url = pathToFileURL(join(PACKAGE_ROOT, 'dist', 'simulator.js')).href;
  return (await import(url)) as typeof import('../src/simulator/index.js');
}

/** The built schemas entry (`jumio-kyx/schemas`), typed as its source. */
export async function loadBuiltSchemas(): Promise<typeof import('../src/schemas.js')> {
  ensureBuilt();
  const url = pathToFileURL(join(PACKAGE_ROOT, 'dist', 'schemas.js')).href;
  return (await import(url)) as typeof import('../src/schemas.js');
}

/** The built Redis entry (`jumio-kyx/redis`), typed as its source. */
export async function loadBuiltRedis(): Promise<typeof import('../src/redis/index.js')> {
  ensureBuilt();
  const url = pathToFileURL(join(PACKAGE_ROOT, 'dist', 'redis.js')).href;
  return (await import(url)) as typeof import('../src/redis/index.js');
}
