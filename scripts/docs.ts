// `npm run docs`: regenerates the workflow catalog page from the catalog, the capabilities page
// from the capability table (scripts/lib/capabilities-page.ts), and the generated
// sections of the guides from the code (scripts/lib/guide-sections.ts), then runs typedoc (API
// reference of every public entry point + the guides in docs/guides, configured in typedoc.json)
// into docs/api, and checks
// that every link to an anchor (`#anchor`, `page.html#anchor`) of the generated guides and README
// page points at a heading.
// `--check` (used by `npm test`) rewrites nothing; it fails if the page or a section is stale.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CAPABILITIES_PAGE, renderCapabilities } from './lib/capabilities-page.js';
import { entryPoints } from './lib/examples.js';
import { fillSections, guideFiles, staleGuides } from './lib/guide-sections.js';
import { CATALOG_PAGE, renderWorkflowCatalog } from './lib/workflow-catalog-page.js';

const check = process.argv.includes('--check');
for (const [file, page] of [
  [CATALOG_PAGE, renderWorkflowCatalog()],
  [CAPABILITIES_PAGE, renderCapabilities()],
] as const) {
  if (!check) writeFileSync(file, page);
  else if (readFileSync(file, 'utf8') !== page) {
    console.error(`${file} is out of date: run npm run docs`);
    process.exit(1);
  }
}
if (!check) for (const file of guideFiles()) writeFileSync(file, fillSections(readFileSync(file, 'utf8')));
else if (staleGuides().length > 0) {
  console.error(`generated sections out of date in ${staleGuides().join(', ')}: run npm run docs`);
  process.exit(1);
}

// The guides are listed one by one in typedoc.json (that order is the reading order of the site's
// navigation), so a new guide must be added there.
const listed: string[] = JSON.parse(readFileSync('typedoc.json', 'utf8')).projectDocuments;
const unlisted = guideFiles()
  .map((file) => relative(process.cwd(), file))
  .filter((file) => !listed.includes(file));
if (unlisted.length > 0) {
  console.error(`guides missing from typedoc.json projectDocuments: ${unlisted.join(', ')}`);
  process.exit(1);
}

// The entry points are the package's public ones (package.json `exports`), so a new subpath such as
// `jumio-kyx/simulator` is documented as soon as it is exported.
const entries = entryPoints().flatMap((entry) => ['--entryPoints', relative(process.cwd(), entry.source)]);
const typedoc = spawnSync('node_modules/.bin/typedoc', entries, { stdio: 'inherit' });
if (typedoc.status !== 0) process.exit(typedoc.status ?? 1);

const out = 'docs/api';
const pages = [join(out, 'index.html'), ...readdirSync(join(out, 'documents')).map((f) => join(out, 'documents', f))];
const idsOf = new Map<string, Set<string | undefined>>();
const ids = (file: string) => {
  if (!idsOf.has(file)) {
    const html = existsSync(file) ? readFileSync(file, 'utf8') : '';
    idsOf.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
  }
  return idsOf.get(file) as Set<string | undefined>;
};
// In-page links (`#anchor`) and links from one page to an anchor of another (`X.html#anchor`).
const broken = pages.filter(existsSync).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/href="([^"#:]*)#([^"]+)"/g)].flatMap((m) => {
    const target = m[1] ? join(dirname(file), m[1]) : file;
    if (!existsSync(target)) return [`${file}: ${m[1]} (no such page)`];
    return ids(target).has(m[2]) ? [] : [`${file}: ${m[1] ?? ''}#${m[2]}`];
  }),
);
if (broken.length > 0) {
  console.error(`links to missing anchors:\n  ${broken.join('\n  ')}`);
  process.exit(1);
}

// "On this page" keeps each heading's whole text, inline code included (scripts/typedoc/heading-code.mjs).
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&(amp|lt|gt|quot);/g, (_, name: string) => entities[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
const lostText = pages.filter(existsSync).flatMap((file) => {
  const html = readFileSync(file, 'utf8');
  const headings = new Map(
    [...html.matchAll(/<h[1-6] id="([^"]+)" class="tsd-anchor-link">(.*?)<a href="#\1" aria-label="Permalink"/g)].map(
      (m) => [m[1], text(m[2] ?? '')],
    ),
  );
  const nav = html.slice(html.indexOf('tsd-page-navigation'), html.indexOf('class="site-menu"'));
  return [...nav.matchAll(/<a href="#([^"]+)"><span>(.*?)<\/span><\/a>/g)].flatMap(([, id, entry]) => {
    const heading = headings.get(id ?? '');
    return heading === undefined || heading === text(entry ?? '')
      ? []
      : [`${file}: "${text(entry ?? '')}" for "${heading}"`];
  });
});
if (lostText.length > 0) {
  console.error(`"On this page" entries that lost part of their heading:\n  ${lostText.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `docs: ${pages.length} pages, every link to an anchor resolves, every "On this page" entry is its whole heading (${out}/index.html)`,
);
