// Extracts the ```ts blocks of `@example` tags from the sources and type-checks them against the
// built package; finds exports of the public entry points that have no `@example`.
// Used by scripts/check-examples.ts (the `npm test` step) and test/tooling/examples.test.ts.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));
const defaultOutDir = join(root, '.tmp', 'examples');

/** One ```ts block of an `@example`: where it is written and its code. */
export interface Example {
  readonly file: string;
  /** 1-based line of the first line of code in `file`. */
  readonly line: number;
  readonly symbol: string;
  readonly code: string;
}

/** Compiler options a careful consumer uses: strict and exactOptionalPropertyTypes. */
export const EXAMPLE_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: ['node'],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
  noEmit: true,
};

/** Every .ts file under `dir`. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The name of the declaration that follows a doc comment, for messages. */
function followingName(text: string, from: number): string {
  const rest = text.slice(from, from + 400);
  const match =
    /^\s*(?:\/\/[^\n]*\n\s*)*(?:export\s+)?(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum|readonly|get|set)?\s*([A-Za-z_$][\w$]*)/.exec(
      rest,
    );
  return match?.[1] ?? '(anonymous)';
}

/** Every ```ts fence inside an `@example` tag of a doc comment in `file`. */
export function extractExamples(file: string, text: string): Example[] {
  const examples: Example[] = [];
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const start = comment.index;
    const lines = comment[0].split('\n').map((l) => l.replace(/^\s*\/?\*+\/?\s?/, '').replace(/\s*\*\/$/, ''));
    const firstLine = text.slice(0, start).split('\n').length;
    const symbol = followingName(text, start + comment[0].length);
    let inExample = false;
    let fence: { line: number; code: string[] } | undefined;
    lines.forEach((line, i) => {
      if (fence) {
        if (/^```\s*$/.test(line)) {
          examples.push({ file, line: fence.line, symbol, code: fence.code.join('\n') });
          fence = undefined;
        } else fence.code.push(line);
        return;
      }
      const tag = /^@(\w+)/.exec(line);
      if (tag) inExample = tag[1] === 'example';
      if (inExample && /^```(ts|typescript)\s*$/.test(line)) fence = { line: firstLine + i + 1, code: [] };
    });
  }
  return examples;
}

/** Every ```ts fence of a markdown file (the guides and the README). */
export function extractMarkdownExamples(file: string, text: string): Example[] {
  const examples: Example[] = [];
  const lines = text.split('\n');
  let fence: { line: number; code: string[] } | undefined;
  lines.forEach((line, i) => {
    if (fence) {
      if (/^```\s*$/.test(line)) {
        examples.push({ file, line: fence.line, symbol: 'markdown', code: fence.code.join('\n') });
        fence = undefined;
      } else fence.code.push(line);
    } else if (/^```(ts|typescript)\s*$/.test(line)) fence = { line: i + 2, code: [] };
  });
  return examples;
}

/** The public entry points: package.json `exports` whose types are dist/*.d.ts, mapped back to src. */
export function entryPoints(): { specifier: string; source: string }[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, string | { types?: string }>;
  };
  return Object.entries(pkg.exports).flatMap(([subpath, target]) => {
    const types = typeof target === 'string' ? undefined : target.types;
    const name = types ? /^\.\/dist\/(.+)\.d\.ts$/.exec(types)?.[1] : undefined;
    if (!name) return [];
    // dist/X.d.ts is built from src/X.ts or src/X/index.ts (tsdown entry `X: 'src/X/index.ts'`).
    const candidates = [join(root, 'src', `${name}.ts`), join(root, 'src', name, 'index.ts')];
    const source = candidates.find((file) => existsSync(file)) ?? join(root, 'src', `${name}.ts`);
    return [{ specifier: join(pkg.name, subpath), source }];
  });
}

/**
 * Whether an export must show an `@example`: what a user calls or builds (functions, classes,
 * values, option objects). A type alias or a data interface needs a doc comment saying what it is.
 */
function needsExample(symbol: ts.Symbol, name: string): boolean {
  const callable = ts.SymbolFlags.Function | ts.SymbolFlags.Class | ts.SymbolFlags.Variable;
  return (symbol.flags & callable) !== 0 || name.endsWith('Options');
}

/**
 * Exports of the entry points that lack their documentation: an `@example` where one teaches
 * ({@link needsExample}), a doc comment everywhere else.
 */
export function undocumentedExports(): string[] {
  const entries = entryPoints();
  const program = ts.createProgram(
    entries.map((e) => e.source),
    { ...EXAMPLE_OPTIONS, noEmit: true },
  );
  const checker = program.getTypeChecker();
  const missing: string[] = [];
  for (const entry of entries) {
    const file = program.getSourceFile(entry.source);
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    if (!moduleSymbol) {
      missing.push(`${entry.specifier}: cannot read ${relative(root, entry.source)}`);
      continue;
    }
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = symbol.declarations ?? [];
      const documented = needsExample(symbol, exported.name)
        ? declarations.some((d) => ts.getJSDocTags(d).some((tag) => tag.tagName.text === 'example'))
        : declarations.some((d) => ts.getJSDocCommentsAndTags(d).length > 0);
      if (!documented) missing.push(`${entry.specifier}: ${exported.name}`);
    }
  }
  return missing;
}

/**
 * Matches a snippet's diagnostics against its expected errors: a line ending in
 * `// error: <text>` must have a diagnostic whose message contains <text> (that is how the guides
 * show compile-time errors, and prove them); any other diagnostic is a problem.
 */
export function expectedErrorProblems(code: string, diagnostics: readonly { line: number; text: string }[]): string[] {
  const problems: string[] = [];
  const expected = new Map<number, string>();
  code.split('\n').forEach((text, i) => {
    const marker = /\/\/ error: (.+?)\s*$/.exec(text);
    if (marker?.[1]) expected.set(i + 1, marker[1]);
  });
  for (const [line, text] of expected) {
    if (!diagnostics.some((d) => d.line === line && d.text.includes(text))) {
      const got = diagnostics.filter((d) => d.line === line).map((d) => d.text);
      problems.push(
        `line ${line}: expected an error containing "${text}", got ${got.length ? got.join(' | ') : 'none'}`,
      );
    }
  }
  for (const d of diagnostics) if (!expected.has(d.line)) problems.push(`line ${d.line}: ${d.text}`);
  return problems;
}

/** Writes each example as a module and type-checks it; returns the problems of each example. */
export function checkExamples(examples: readonly Example[], outDir = defaultOutDir): string[][] {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const files = examples.map((example, i) => {
    const path = join(outDir, `example-${String(i).padStart(3, '0')}.ts`);
    // `export {}` keeps a snippet without imports a module, so snippets never share a scope.
    writeFileSync(path, `${example.code}\nexport {};\n`);
    return path;
  });
  // Snippets are modules, so the only thing one can leak into another is a module augmentation
  // (`declare module` / `declare global`): those get a program of their own.
  const augments = (i: number) => /\bdeclare\s+(module|global)\b/.test(examples[i]?.code ?? '');
  const shared = files.filter((_, i) => !augments(i));
  const groups = [shared, ...files.filter((_, i) => augments(i)).map((f) => [f])];
  const host = ts.createCompilerHost(EXAMPLE_OPTIONS);
  const cache = new Map<string, ts.SourceFile | undefined>();
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    if (fileName.startsWith(outDir)) return getSourceFile.call(host, fileName, languageVersion, ...rest);
    if (!cache.has(fileName)) cache.set(fileName, getSourceFile.call(host, fileName, languageVersion, ...rest));
    return cache.get(fileName);
  };
  const diagnostics = new Map<string, { line: number; text: string }[]>(files.map((f) => [f, []]));
  const other: string[] = [];
  for (const group of groups) {
    if (group.length === 0) continue;
    const program = ts.createProgram(group, EXAMPLE_OPTIONS, host);
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const text = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n    ')}`;
      const list = diagnostic.file ? diagnostics.get(diagnostic.file.fileName) : undefined;
      if (list && diagnostic.file && diagnostic.start !== undefined) {
        list.push({ line: diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1, text });
      } else other.push(`${diagnostic.file?.fileName ?? '(global)'}: ${text}`);
    }
  }
  const problems = new Map(
    files.map((f, i) => [f, [...expectedErrorProblems(examples[i]?.code ?? '', diagnostics.get(f) ?? []), ...other]]),
  );
  // (A problem outside the snippets, such as a broken dist, fails every snippet.)
  return files.map((f) => problems.get(f) ?? []);
}
