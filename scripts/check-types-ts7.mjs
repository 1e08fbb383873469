// The type tests (test-d/, written for tsd, which bundles TypeScript 5.9) compiled by TypeScript 7
// (`typescript@latest`, the native compiler, installed as `typescript-7`): every expectError(…)
// call must be an error and nothing else may be. `npm run test:types:ts7`; a step of `npm test`.
// Needs `npm run build` first (the tests import ../dist).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(repo, 'node_modules', 'typescript-7', 'bin', 'tsc');
const dir = join(repo, 'test-d');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.test-d.ts'))
  .map((f) => join(dir, f));

/** The line ranges (1-based, inclusive) of every `expectError(…)` / `expectError<…>(…)` call. */
function expectErrorRanges(text) {
  const ranges = [];
  const lineAt = (index) => text.slice(0, index).split('\n').length;
  for (const match of text.matchAll(/\bexpectError\s*(<[^(]*?>)?\s*\(/g)) {
    let depth = 0;
    let i = match.index + match[0].length - 1;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '"' || c === "'" || c === '`') {
        for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
      } else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
    ranges.push([lineAt(match.index), lineAt(i)]);
  }
  return ranges;
}

mkdirSync(join(repo, '.tmp'), { recursive: true });
const config = join(repo, '.tmp', 'tsconfig.ts7-types.json');
writeFileSync(
  config,
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2023', 'DOM'],
      types: ['node'],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
    },
    files,
  }),
);
const version = spawnSync(process.execPath, [tsc, '--version'], { encoding: 'utf8' }).stdout.trim();
const run = spawnSync(process.execPath, [tsc, '-p', config, '--pretty', 'false'], { encoding: 'utf8', cwd: repo });
const diagnostics = `${run.stdout}${run.stderr}`
  .split('\n')
  .map((line) => /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line))
  .filter((m) => m !== null)
  .map(([, file, line, code, message]) => ({ file: resolve(repo, file), line: Number(line), code, message }));

const problems = [];
let expected = 0;
for (const file of files) {
  const ranges = expectErrorRanges(readFileSync(file, 'utf8'));
  expected += ranges.length;
  const mine = diagnostics.filter((d) => d.file === file);
  for (const d of mine) {
    if (!ranges.some(([from, to]) => d.line >= from && d.line <= to)) {
      problems.push(`${relative(repo, file)}:${d.line}: unexpected ${d.code}: ${d.message}`);
    }
  }
  for (const [from, to] of ranges) {
    if (!mine.some((d) => d.line >= from && d.line <= to)) {
      problems.push(`${relative(repo, file)}:${from}: expectError compiles with ${version}`);
    }
  }
}
const elsewhere = diagnostics.filter((d) => !files.includes(d.file));
for (const d of elsewhere) problems.push(`${relative(repo, d.file)}:${d.line}: ${d.code}: ${d.message}`);

console.log(
  `note: type tests with ${version}: ${files.length} files, ${expected} expectError calls, ${diagnostics.length} errors, ${problems.length} problems`,
);
for (const p of problems) console.log(`  ✖ ${p}`);
console.log(`${files.length - new Set(problems.map((p) => p.split(':')[0])).size} passed, ${problems.length} failed`);
process.exitCode = problems.length === 0 && run.status !== null ? 0 : 1;
