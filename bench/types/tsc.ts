// Runs `tsc --extendedDiagnostics` on a generated project that imports 'jumio-kyx' (the built dist,
// through a node_modules link to this package) and parses the figures it prints.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../built.js';

const require = createRequire(import.meta.url);

/** The compilers the benchmark can run: TypeScript 6.0 (`typescript`) and 7 (`typescript-7`, native). */
export type Compiler = 'typescript' | 'typescript-7';

/** The `tsc` script of a compiler package (a package's `exports` may hide `bin/`, so from its folder). */
const tscOf = (compiler: Compiler): string => join(dirname(require.resolve(`${compiler}/package.json`)), 'bin', 'tsc');

/** The version of a compiler package. */
export const compilerVersion = (compiler: Compiler): string =>
  (require(`${compiler}/package.json`) as { version: string }).version;

/** The compiler options a strict consumer uses. */
export const CONSUMER_OPTIONS = {
  strict: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: true,
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  target: 'ES2022',
  lib: ['ES2023'],
  types: [],
  noEmit: true,
} as const;

/** What `tsc --extendedDiagnostics` reports for one run. */
export interface TscFigures {
  readonly instantiations: number;
  readonly types: number;
  /** Check time in milliseconds. */
  readonly checkMs: number;
  /** Memory used in kilobytes. */
  readonly memoryKb: number;
}

/** Writes a project: a package.json (ESM), a tsconfig with {@link CONSUMER_OPTIONS}, the files and the link. */
export function writeProject(dir: string, files: Readonly<Record<string, string>>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(PACKAGE_ROOT, join(dir, 'node_modules', 'jumio-kyx'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'kyx-bench', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: CONSUMER_OPTIONS, include: ['src'] }, null, 2),
  );
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'src', name), text);
}

const figure = (output: string, label: string): number => {
  const match = new RegExp(`^${label}:\\s+([\\d.]+)(s|K)?$`, 'm').exec(output);
  if (!match) throw new Error(`bench: tsc printed no "${label}" line:\n${output}`);
  const value = Number(match[1]);
  return match[2] === 's' ? value * 1000 : value;
};

/**
 * Checks the project; throws (with tsc's output) unless it compiles without errors — so a chain
 * that should fail but does not leaves an unused `@ts-expect-error` and stops the benchmark.
 */
export function checkProject(
  dir: string,
  extraArgs: readonly string[] = [],
  compiler: Compiler = 'typescript',
): TscFigures {
  const result = spawnSync(process.execPath, [tscOf(compiler), '-p', dir, '--extendedDiagnostics', ...extraArgs], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`bench: tsc failed on ${dir}:\n${output.slice(0, 4000)}`);
  return {
    instantiations: figure(output, 'Instantiations'),
    types: figure(output, 'Types'),
    checkMs: figure(output, 'Check time'),
    memoryKb: figure(output, 'Memory used'),
  };
}
