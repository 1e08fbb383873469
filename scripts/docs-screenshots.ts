// `npm run docs:check` and an `npm test` step: the built site (docs/api, from `npm run docs`) in
// headless Chromium (/usr/bin/chromium through playwright-core; no browser download, a fresh
// profile), served from a loopback port. For the index, one guide and one API page: the page
// loads with no script error, no console error and no failed or off-site request; the sidebar
// navigation is built by the site's script; every "On this page" entry is its whole heading;
// no navigation entry and no identifier in code broken over two lines; then a screenshot
// (1280×900) is written to .tmp/docs-screenshots/ (git-ignored) for a person to look at before a
// release; and the page without its script (main.js not served: a cold load) is not blank. Each
// page is one test. Prints `N passed, N failed`.
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
  { path: 'functions/jumio-kyx.defineWorkflow.html', title: 'defineWorkflow', shot: 'api-define-workflow.png' },
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

/**
 * Runs in the page: each visible navigation entry and each identifier in code (inline code,
 * blocks, signatures) must sit on one line. A name broken at a camelCase boundary ("define
 * Workflow") has its text on two line boxes.
 */
// As a script's text: tsx would wrap named functions in a helper the page does not have.
const BROKEN_NAMES = `(() => {
  const lines = (range) => new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  const found = [];
  for (const a of document.querySelectorAll('#tsd-nav-container a, .tsd-page-navigation a')) {
    // the text only (the icon beside it sits on its own box)
    const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    const tops = new Set();
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
    }
    if (tops.size > 1) found.push('navigation entry "' + a.textContent.trim() + '" wraps');
  }
  for (const code of document.querySelectorAll('code, pre, .tsd-signature')) {
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      for (const match of (node.textContent || '').matchAll(/[A-Za-z_$][\\w$]{2,}/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        if (lines(range) > 1) found.push('identifier "' + match[0] + '" in code wraps');
      }
    }
  }
  return [...new Set(found)].slice(0, 10);
})()`;

/**
 * The page before (and without) its script: the site's main.js is not served, so what shows is
 * what a cold screenshot or a reader without scripts sees. It must not be blank.
 */
async function coldProblems(path: string, shot: string): Promise<string[]> {
  const page = await context.newPage();
  try {
    await page.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith(origin) && !url.endsWith('/assets/main.js')
        ? route.continue()
        : route.abort('blockedbyclient');
    });
    // what the body shows once the HTML is parsed (an inline script that hides it has run by then)
    await page.addInitScript(
      "document.addEventListener('DOMContentLoaded', () => { window.kyxShownAtReady = getComputedStyle(document.body).display; });",
    );
    await page.goto(`${origin}/${path}`, { waitUntil: 'load', timeout: 20_000 });
    const problems: string[] = [];
    const shown = (await page.evaluate(
      '({ display: window.kyxShownAtReady, text: document.body.innerText.trim().length })',
    )) as { display: string; text: number };
    if (shown.display === 'none') problems.push('without its script the page body is hidden (display: none)');
    if (shown.text < 200) problems.push(`without its script the page shows ${shown.text} characters of text`);
    const png = await page.screenshot({ path: join(OUT, `cold-${shot}`) });
    if (png.byteLength < 20_000) problems.push(`cold screenshot is ${png.byteLength} bytes: blank?`);
    return problems;
  } catch (error) {
    return [`cold: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`];
  } finally {
    await page.close();
  }
}

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
      // Names whole: no navigation entry and no identifier in code spread over two lines.
      problems.push(...((await page.evaluate(BROKEN_NAMES)) as string[]));
      const png = await page.screenshot({ path: join(OUT, shot) });
      // A blank 1280×900 page compresses to a few kB; a rendered page of text is far larger.
      if (png.byteLength < 20_000) problems.push(`screenshot is ${png.byteLength} bytes: blank?`);
    } catch (error) {
      problems.push(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
    } finally {
      await page.close();
    }
    problems.push(...(await coldProblems(path, shot)));
    if (problems.length === 0) {
      passed += 1;
      console.log(`✔ ${path} → ${join(OUT, shot)}, cold: ${join(OUT, `cold-${shot}`)}`);
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
