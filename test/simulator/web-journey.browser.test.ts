// The hosted web journey in a real browser: Playwright (playwright-core, no browser download)
// drives Debian's Chromium through web.href — choose the files, submit, land on successUrl with
// Jumio's parameters — then the execution is PROCESSED and the callback arrives.
// KYX_WRITE_SCREENSHOT=1 also rewrites docs/guides/images/web-journey.png from this run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../../scripts/demo/files.js';
import { tools } from '../../scripts/lib/tools.js';
import { account, type CallbackPayload, createClient, parseCallback, parseRedirect } from '../../src/index.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';

const SCREENSHOT = fileURLToPath(new URL('../../docs/guides/images/web-journey.png', import.meta.url));
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe.skipIf(!tools.chromium.available)('the hosted web journey in Chromium', () => {
  let simulator: RunningSimulator;
  let app: Server;
  let appUrl: string;
  let context: BrowserContext;
  let profile: string;
  const callbacks: CallbackPayload[] = [];
  let onCallback: () => void = () => {};

  beforeAll(async () => {
    // The application: its success/error pages and its callback endpoint.
    app = createServer((req, res) => {
      if (req.method === 'POST') {
        let raw = '';
        req.on('data', (chunk) => {
          raw += chunk;
        });
        req.on('end', () => {
          callbacks.push(parseCallback(raw));
          res.writeHead(200).end();
          onCallback();
        });
        return;
      }
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>Acme</title><h1>Back at Acme</h1>');
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    simulator = await startSimulator({ port: 0, processingDelayMs: 50, rateLimits: false });
    profile = mkdtempSync(join(tmpdir(), 'kyx-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: tools.chromium.path as string,
      headless: true,
      args: FLAGS,
      viewport: { width: 800, height: 620 },
      timeout: 30_000,
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await simulator?.close();
    app?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('choose files, submit, land on successUrl with the parameters; PROCESSED and the callback follow', async () => {
    const client = createClient({
      region: 'amer-1',
      credentials: { clientId: 'browser', clientSecret: 'test' },
      userAgent: 'Acme Onboarding/1.0',
      baseUrl: simulator.url,
    });
    const response = await client.send(
      account()
        .ref('browser-1')
        .workflow(10011)
        .callback(`${appUrl}/jumio/callback`)
        .web({ successUrl: `${appUrl}/kyc/done`, errorUrl: `${appUrl}/kyc/failed` }),
    );
    const files = mkdtempSync(join(tmpdir(), 'kyx-files-'));
    const front = join(files, 'licence-front.png');
    const selfie = join(files, 'selfie.png');
    writeFileSync(front, png(640, 400, [40, 90, 160]));
    writeFileSync(selfie, png(480, 640, [90, 160, 40]));
    const callback = new Promise<void>((resolve) => {
      onCallback = resolve;
    });

    const page = await context.newPage();
    await page.goto(response.web?.href as string);
    await expect(page.title()).resolves.toBe('Verify your identity');
    await page.getByLabel('Front of your ID').setInputFiles(front);
    await page.getByLabel('A selfie: a photo of your face').setInputFiles(selfie);
    if (process.env['KYX_WRITE_SCREENSHOT'] === '1') await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(`${appUrl}/kyc/done?**`, { timeout: 15_000 });
    expect(await page.textContent('h1')).toBe('Back at Acme');

    expect(parseRedirect(page.url())).toEqual({
      accountId: response.account.id,
      workflowExecutionId: response.workflowExecution.id,
      acquisitionStatus: 'SUCCESS',
      customerInternalReference: 'browser-1',
    });
    await callback;
    expect(callbacks.map((c) => [c.workflowExecution.id, c.workflowExecution.status])).toEqual([
      [response.workflowExecution.id, 'PROCESSED'],
    ]);
    const status = await client.status(response);
    expect(status.workflowExecution.status).toBe('PROCESSED');
    const details = await client.details(response);
    expect(details.credentials?.find((c) => c.category === 'ID')?.parts?.map((p) => p.classifier)).toEqual(['FRONT']);
    await page.close();
    rmSync(files, { recursive: true, force: true });
  }, 60_000);

  it('a rejected file is shown next to its input; an unknown token shows Jumio error 9200', async () => {
    const client = createClient({
      region: 'amer-1',
      credentials: { clientId: 'browser', clientSecret: 'test' },
      userAgent: 'Acme Onboarding/1.0',
      baseUrl: simulator.url,
    });
    const response = await client.send(account().ref('browser-2').workflow(10026).document('USA', 'BS'));
    const files = mkdtempSync(join(tmpdir(), 'kyx-files-'));
    const text = join(files, 'statement.txt');
    writeFileSync(text, 'not a document');
    const page = await context.newPage();
    await page.goto(response.web?.href as string);
    await page.getByLabel('Your document').setInputFiles(text);
    await page.getByRole('button', { name: 'Submit' }).click();
    // The page's script fills these after its uploads answer: wait for the text, not just the element.
    await expect(textOnceShown(page.getByRole('alert'))).resolves.toContain('Some files were not accepted');
    await expect(textOnceShown(page.locator('#part-0-error'))).resolves.toContain('file must be JPEG, PNG or PDF');

    await page.goto(`${simulator.url}/web/v4/app?authorizationToken=forged`);
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'Error 9200: Authorization token missing, invalid or expired.',
    );
    await page.close();
    rmSync(files, { recursive: true, force: true });
  }, 60_000);
});

/** The element's text once the page has put some there (Playwright waits up to its default timeout). */
async function textOnceShown(locator: Locator): Promise<string | null> {
  await locator.filter({ hasText: /\S/ }).waitFor({ state: 'visible' });
  return locator.textContent();
}
