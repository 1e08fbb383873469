// `npm test` step (after the build): the root entry's declarations never reach valibot. It walks
// the import graph of dist/index.d.ts (every relative import, export and `import()` type of each
// declaration file, resolved to the .d.ts / .d.mts chunk tsdown emits) and fails, naming the file
// and the chain of imports that leads to it, when one imports `valibot`. A consumer who checks
// library declarations (`skipLibCheck: false`) would otherwise pay for valibot's types on every
// import of `account` (the schemas live in `jumio-kyx/schemas`). One test per
// entry; prints `N passed, N failed`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

/** A declaration file that imports a forbidden package, and how the entry reaches it. */
export interface ForbiddenImport {
  /** The declaration file with the import. */
  readonly file: string;
  /** The package it imports (`valibot`, `valibot/…`). */
  readonly specifier: string;
  /** The files from the entry to `file`, both included. */
  readonly chain: readonly string[];
}

/** What a walk found: the files it read, the forbidden imports, relative imports it could not resolve. */
export interface DeclarationGraph {
  readonly files: readonly string[];
  readonly forbidden: readonly ForbiddenImport[];
  readonly unresolved: readonly { readonly file: string; readonly specifier: string }[];
}

const DECLARATION_OF: Readonly<Record<string, string>> = { '.js': '.d.ts', '.mjs': '.d.mts', '.cjs': '.d.cts' };

/** The declaration file a relative specifier of `from` names, if it exists. */
function resolveDeclaration(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const extension = /\.[cm]?js$/.exec(base)?.[0];
  const candidates = extension
    ? [base.slice(0, -extension.length) + DECLARATION_OF[extension]]
    : /\.d\.[cm]?ts$/.test(base)
      ? [base]
      : [`${base}.d.ts`, `${base}/index.d.ts`];
  return candidates.find((file) => existsSync(file));
}

/** The module specifiers a declaration file imports (comments and examples in them are not imports). */
function specifiersOf(file: string): { relative: string[]; bare: string[] } {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const named = [...info.importedFiles, ...info.referencedFiles].map((ref) => ref.fileName);
  const types = info.typeReferenceDirectives.map((ref) => ref.fileName);
  const isRelative = (s: string) => s.startsWith('./') || s.startsWith('../');
  return { relative: named.filter(isRelative), bare: [...named.filter((s) => !isRelative(s)), ...types] };
}

/**
 * Walks the declaration graph of `entry` (breadth first, so each chain is a shortest one) and
 * reports every file that imports one of `packages` (or a subpath of one).
 */
export function walkDeclarations(entry: string, packages: readonly string[] = ['valibot']): DeclarationGraph {
  const start = resolve(entry);
  const parent = new Map<string, string | undefined>([[start, undefined]]);
  const forbidden: ForbiddenImport[] = [];
  const unresolved: { file: string; specifier: string }[] = [];
  const chainTo = (file: string): string[] => {
    const chain: string[] = [];
    for (let at: string | undefined = file; at !== undefined; at = parent.get(at)) chain.unshift(at);
    return chain;
  };
  const queue = [start];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const { relative: local, bare } = specifiersOf(file);
    for (const specifier of bare) {
      if (packages.some((name) => specifier === name || specifier.startsWith(`${name}/`))) {
        forbidden.push({ file, specifier, chain: chainTo(file) });
      }
    }
    for (const specifier of local) {
      const target = resolveDeclaration(file, specifier);
      if (target === undefined) unresolved.push({ file, specifier });
      else if (!parent.has(target)) {
        parent.set(target, file);
        queue.push(target);
      }
    }
  }
  return { files: [...parent.keys()], forbidden, unresolved };
}

if (process.argv[1]?.endsWith('check-dts-valibot.ts')) {
  const entries = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['dist/index.d.ts'];
  const shown = (file: string) => relative(process.cwd(), file);
  let passed = 0;
  let failed = 0;
  const counts: string[] = [];
  for (const entry of entries) {
    if (!existsSync(entry)) {
      failed += 1;
      console.error(`✖ ${entry} does not exist (build first)`);
      continue;
    }
    const graph = walkDeclarations(entry);
    for (const hit of graph.forbidden) {
      console.error(`✖ ${shown(hit.file)} imports ${hit.specifier}: ${hit.chain.map(shown).join(' → ')}`);
    }
    for (const miss of graph.unresolved) {
      console.error(`✖ ${shown(miss.file)} imports ${miss.specifier}, which names no declaration file`);
    }
    if (graph.forbidden.length === 0 && graph.unresolved.length === 0) {
      passed += 1;
      console.log(`✔ ${entry}: ${graph.files.length} declaration files, none imports valibot`);
    } else failed += 1;
    counts.push(`${entry} reaches ${graph.files.length} declaration files, ${graph.forbidden.length} import valibot`);
  }
  console.log(`note: ${counts.join('; ')}`);
  console.log(`dts-valibot: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
