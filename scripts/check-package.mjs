// `npm test` step: the package as published. publint --strict (package.json fields, exports,
// files) and attw --pack . --profile esm-only (types resolve for every ESM consumer: node16 and
// bundler). Each tool is one test. Prints `N passed, N failed`.
import { spawnSync } from 'node:child_process';

const checks = [
  ['publint --strict', 'node_modules/.bin/publint', ['--strict']],
  ['attw --pack . --profile esm-only', 'node_modules/.bin/attw', ['--pack', '.', '--profile', 'esm-only']],
];
let passed = 0;
let failed = 0;
for (const [name, command, args] of checks) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  if (result.status === 0) passed += 1;
  else {
    failed += 1;
    console.error(`✖ ${name} failed`);
  }
}
console.log(`package: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
