// `npm test` step: the package as published. publint --strict (package.json fields, exports,
// files) and attw --pack . --profile esm-only (types resolve for every ESM consumer: node16 and
// bundler), then the tarball's markdown (README, CHANGELOG, docs/guides, docs/*.md): every relative
// link points at a file the tarball holds, and every `#anchor` at a heading of its target (GitHub's
// heading ids). Each check is one test. Prints `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

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
/**
 * The heading ids of a markdown file (code fences skipped; repeats get `-1`, `-2`, …) as GitHub
 * and npm make them, and as typedoc's site does (its Slugger: it drops `&` and the like, then joins
 * only the first run of dashes). An anchor counts when either renderer has it: the site's anchors
 * are checked against its HTML by `npm run docs`.
 */
function headingIds(markdown) {
  const ids = new Set();
  const seen = { github: new Map(), typedoc: new Map() };
  const add = (renderer, base) => {
    const count = seen[renderer].get(base) ?? 0;
    seen[renderer].set(base, count + 1);
    ids.add(count === 0 ? base : `${base}-${count}`);
  };
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const text = heading[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    add(
      'github',
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    );
    add(
      'typedoc',
      text
        .trim()
        .replace(/[\u2000-\u206F\u2E00-\u2E7F\\'!"#$%&()*+,./:;<=>?@[\]^`{|}~]/g, '')
        .replace(/\s/g, '-')
        .replace(/--+/, '-')
        .toLowerCase(),
    );
  }
  return ids;
}

/** Relative links of the packed markdown files that do not resolve inside the tarball. */
function brokenTarballLinks() {
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json'], { encoding: 'utf8' });
  if (pack.status !== 0) return [`npm pack --dry-run failed: ${pack.stderr}`];
  const files = new Set(JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')))[0].files.map((f) => f.path));
  for (const required of ['README.md', 'CHANGELOG.md', 'docs/guides/getting-started.md']) {
    if (!files.has(required)) return [`the tarball lacks ${required}`];
  }
  const ids = new Map();
  const idsOf = (file) => {
    if (!ids.has(file)) ids.set(file, headingIds(readFileSync(file, 'utf8')));
    return ids.get(file);
  };
  const broken = [];
  for (const file of [...files].filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(file, 'utf8').replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
      const [path, anchor] = target.split('#');
      const resolved = path ? posix.normalize(posix.join(posix.dirname(file), path)) : file;
      if (!files.has(resolved)) broken.push(`${file}: ${target} (not in the tarball)`);
      else if (anchor && resolved.endsWith('.md') && !idsOf(resolved).has(anchor)) {
        broken.push(`${file}: ${target} (no such heading)`);
      }
    }
  }
  return broken;
}

const broken = brokenTarballLinks();
if (broken.length === 0) passed += 1;
else {
  failed += 1;
  console.error(`✖ links in the tarball's markdown that do not resolve inside it:\n  ${broken.join('\n  ')}`);
}
console.log(`package: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
