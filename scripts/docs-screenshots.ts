// `npm run docs:check` and an `npm test` step: the built site (docs/api, from `npm run docs`) in
// headless Chromium (/usr/bin/chromium through playwright-core; no browser download, a fresh
// profile), served from a loopback port. For the index, one guide and one API page: the page
// loads with no script error, no console error and no failed or off-site request; the sidebar
// navigation is built by the site's script; every "On this page" entry is its whole heading;
// then a screenshot (1280×900) is written to .tmp/docs-screenshots/ (git-ignored) for a person
// to look at before a release. Each page is one test. Prints `N passed, N failed`.
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { tools } from './lib/tools.js';

const SITE = 'docs/api';
const OUT = '.tmp/docs-screenshots';
/** The pages looked at: path in the site, what the title must contain, the screenshot's name. */
const PAGES = [
  { path: 'index.html', title: 'jumio-kyx', shot: 'index.png' },
  { path: 'documents/Errors.html', title: 'Errors', shot: 'guide-errors.png' },
  { path: 'functions/jumio-kyx.account.html', title: 'account', shot: 'api-account.png' },
] as const;
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

if (!tools.chromium.available || !tools.chromium.path) {
  console.log(`docs screenshots: chromium is not installed (${tools.chromium.install})`);
  console.log('docs screenshots: 0 passed, 1 failed');
  process.exit(1);
}
if (!existsSync(join(SITE, 'index.html'))) {
  console.log(`docs screenshots: ${SITE} is not built (npm run docs)`);
  console.log('docs screenshots: 0 passed, 1 failed');
  process.exit(1);
}

const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(SITE, path.endsWith('/') ? `${path}index.html` : path);
  if (!existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const profile = mkdtempSync(join(tmpdir(), 'jumio-kyx-chromium-'));
mkdirSync(OUT, { recursive: true });

let passed = 0;
let failed = 0;
const context = await chromium.launchPersistentContext(profile, {
  executablePath: tools.chromium.path,
  args: ARGS,
  headless: true,
  viewport: { width: 1280, height: 900 },
  timeout: 30_000,
});
try {
  for (const { path, title, shot } of PAGES) {
    const problems: string[] = [];
    const page = await context.newPage();
    // Nothing leaves the machine: a request to another origin is refused and reported.
    await page.route('**/*', (route) =>
      route.request().url().startsWith(origin) ? route.continue() : route.abort('blockedbyclient'),
    );
    page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    try {
      await page.goto(`${origin}/${path}`, { waitUntil: 'load', timeout: 20_000 });
      // The sidebar is filled in by the site's script from assets/navigation.js.
      await page.waitForFunction(() => document.querySelectorAll('#tsd-nav-container a').length > 0, null, {
        timeout: 10_000,
      });
      const pageTitle = await page.title();
      if (!pageTitle.includes(title)) problems.push(`title "${pageTitle}" lacks "${title}"`);
      const lost = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLAnchorElement>('.tsd-page-navigation a[href^="#"]')].flatMap((a) => {
          const heading = document.getElementById(decodeURIComponent(a.hash.slice(1)));
          const entry = a.textContent?.replace(/\s+/g, ' ').trim() ?? '';
          const whole = heading?.textContent?.replace(/\s+/g, ' ').trim() ?? entry;
          return entry && entry === whole ? [] : [`"On this page" entry "${entry}" for heading "${whole}"`];
        }),
      );
      problems.push(...lost);
      const png = await page.screenshot({ path: join(OUT, shot) });
      // A blank 1280×900 page compresses to a few kB; a rendered page of text is far larger.
      if (png.byteLength < 20_000) problems.push(`screenshot is ${png.byteLength} bytes: blank?`);
    } catch (error) {
      problems.push(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
    } finally {
      await page.close();
    }
    if (problems.length === 0) {
      passed += 1;
      console.log(`✔ ${path} → ${join(OUT, shot)}`);
    } else {
      failed += 1;
      console.log(`✖ ${path}\n    ${problems.join('\n    ')}`);
    }
  }
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`docs screenshots: ${passed} passed, ${failed} failed (${OUT}/)`);
process.exit(failed === 0 ? 0 : 1);
