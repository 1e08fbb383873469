import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkExamples,
  expectedErrorProblems,
  extractExamples,
  extractMarkdownExamples,
} from '../../scripts/lib/examples.js';

// The example checker itself: it finds the ```ts fences of @example tags (and only those), and a
// snippet that does not compile is reported against that snippet alone.
const source = [
  'import x from "y";',
  '/**',
  ' * Adds one.',
  ' *',
  ' * ```ts',
  ' * notAnExample();',
  ' * ```',
  ' *',
  ' * @example',
  ' * ```ts',
  ' * const a: number = 1;',
  ' * ```',
  ' * @example',
  ' * ```typescript',
  ' * const b: string = 2;',
  ' * ```',
  ' * @remarks',
  ' * ```ts',
  ' * remarksAreNotExamples();',
  ' * ```',
  ' */',
  'export function addOne(n: number): number {',
  '  return n + 1;',
  '}',
].join('\n');

describe('example checker', () => {
  const examples = extractExamples('src/add.ts', source);

  it('extracts the ts fences of @example tags with their symbol and line', () => {
    expect(examples).toEqual([
      { file: 'src/add.ts', line: 11, symbol: 'addOne', code: 'const a: number = 1;' },
      { file: 'src/add.ts', line: 15, symbol: 'addOne', code: 'const b: string = 2;' },
    ]);
  });

  // a whole tsc program: seconds on a busy 2-core machine (the Redis fleet suite runs beside it)
  it('type-checks each snippet as its own module and reports only the broken one', () => {
    const more = [
      // Same top-level name in two snippets: fine, because each snippet is a module.
      { file: 'src/x.ts', line: 1, symbol: 'x', code: 'const a = "again";' },
      // A module augmentation must not leak into the other snippets.
      { file: 'src/x.ts', line: 2, symbol: 'x', code: 'declare global { interface Leak { n: 1 } }' },
      { file: 'src/x.ts', line: 3, symbol: 'x', code: 'const leak: Leak = { n: 1 };' },
    ];
    const problems = checkExamples([...examples, ...more], join(process.cwd(), '.tmp', 'examples-test'));
    expect(problems.map((p) => p.length > 0)).toEqual([false, true, false, false, true]);
    expect(problems[1]?.[0]).toMatch(/^line 1: TS2322: Type 'number' is not assignable to type 'string'/);
    expect(problems[4]?.[0]).toMatch(/Cannot find name 'Leak'/);
  }, 60_000); // two TypeScript programs: seconds on a loaded machine, not a timing assertion

  it('extracts the ts fences of markdown, not the shell ones', () => {
    const md = ['# Guide', '```sh', 'npm test', '```', '```ts', "import { account } from 'jumio-kyx';", '```'].join(
      '\n',
    );
    expect(extractMarkdownExamples('docs/guides/g.md', md)).toEqual([
      { file: 'docs/guides/g.md', line: 6, symbol: 'markdown', code: "import { account } from 'jumio-kyx';" },
    ]);
  });

  it('an `// error: text` line needs an error containing the text there; other errors are problems', () => {
    const code = [
      'const a: string = 1; // error: not assignable to type',
      'const b = 2; // error: nothing here',
      'c;',
    ].join('\n');
    const diagnostics = [
      { line: 1, text: "TS2322: Type 'number' is not assignable to type 'string'." },
      { line: 3, text: "TS2304: Cannot find name 'c'." },
    ];
    expect(expectedErrorProblems(code, diagnostics)).toEqual([
      'line 2: expected an error containing "nothing here", got none',
      "line 3: TS2304: Cannot find name 'c'.",
    ]);
    expect(expectedErrorProblems(code.split('\n')[0] ?? '', [])).toEqual([
      'line 1: expected an error containing "not assignable to type", got none',
    ]);
  });
});
