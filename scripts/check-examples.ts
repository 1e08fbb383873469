// `npm test` step: type-checks every ```ts block inside an `@example` of src/**/*.ts (and of the
// guides in docs/guides and the README) against the BUILT package, and fails when an export of a
// public entry point (package.json `exports`) lacks its documentation: an `@example` for what a user
// calls or builds (functions, classes, values, option objects), a doc comment for a type. Each example becomes its own module in .tmp/examples/ importing 'jumio-kyx' (or a
// subpath), which resolves through the package's self-reference to dist/, as a consumer's would.
// Run after the build: `tsx scripts/check-examples.ts`. Counts one test per example plus one for
// the "every export has an example" rule (one failure per undocumented export).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkExamples,
  type Example,
  entryPoints,
  extractExamples,
  extractMarkdownExamples,
  sourceFiles,
  undocumentedExports,
} from './lib/examples.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function main(): void {
  const guides = join(root, 'docs', 'guides');
  const markdown = [
    join(root, 'README.md'),
    ...readdirSync(guides)
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(guides, f)),
  ];
  const examples = [
    ...sourceFiles(join(root, 'src')).flatMap((file) =>
      extractExamples(relative(root, file), readFileSync(file, 'utf8')),
    ),
    ...markdown.flatMap((file) => extractMarkdownExamples(relative(root, file), readFileSync(file, 'utf8'))),
  ];
  let passed = 0;
  let failed = 0;
  const results = checkExamples(examples);
  results.forEach((problems, i) => {
    const example = examples[i] as Example;
    if (problems.length === 0) {
      passed += 1;
      return;
    }
    failed += 1;
    console.error(`✖ example at ${example.file}:${example.line} (${example.symbol})`);
    for (const problem of problems) console.error(`    ${problem}`);
    console.error(`  code:\n${example.code.replace(/^/gm, '    | ')}`);
  });
  console.log(
    `${examples.length} examples (TSDoc @example, guides, README) type-checked against dist (strict, exactOptionalPropertyTypes)`,
  );
  const missing = undocumentedExports();
  if (missing.length === 0) {
    passed += 1;
    console.log(
      `every export of ${entryPoints()
        .map((e) => e.specifier)
        .join(', ')} is documented (an @example on functions, classes, values and options)`,
    );
  } else {
    failed += missing.length;
    console.error(
      `✖ exports without their documentation (an @example, or for a type a doc comment):\n${missing.map((m) => `    ${m}`).join('\n')}`,
    );
  }
  console.log(`examples: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main();
