// `npm run demo`: the whole KYX flow against the local simulator — no Jumio account, no network.
// Starts the simulator and a callback receiver on loopback, then for two workflows: builds the
// request with the DSL, sends it with createClient, uploads the files, finalizes, waits for the
// callback and retrieves the decision. Every step is printed with what was sent and what came back.
// Last, it prints the web.href of a WEB-channel request (`--web` keeps the simulator running so a
// person can open it and go through the hosted journey).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AccountResponse,
  account,
  type CallbackPayload,
  createClient,
  parseCallback,
  parseRedirect,
} from '../../src/index.js';
import { startSimulator } from '../../src/simulator/index.js';
import { pdf, png } from './files.js';

const started = performance.now();
const elapsed = () => `${String(Math.round(performance.now() - started)).padStart(5)} ms`;
const step = (title: string) => console.log(`\n${elapsed()}  ▸ ${title}`);
const detail = (label: string, value: unknown) =>
  console.log(`            ${label.padEnd(10)} ${typeof value === 'string' ? value : JSON.stringify(value)}`);

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
let webReturned: ((url: string) => void) | undefined;

// 1. A callback receiver: Jumio POSTs status changes here (no results; we fetch those ourselves).
const callbacks = new Map<string, (payload: CallbackPayload) => void>();
const receiver = createServer((req, res) => {
  if (req.method === 'GET') {
    // The web journey's successUrl / errorUrl: the user's browser comes back here.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><title>Back at the demo</title><h1>Back at the demo</h1><pre>${escapeHtml(req.url ?? '')}</pre>`,
    );
    if (req.url?.startsWith('/kyc/')) webReturned?.(req.url);
    return;
  }
  let raw = '';
  req.on('data', (chunk) => {
    raw += chunk;
  });
  req.on('end', () => {
    const payload = parseCallback(raw);
    res.writeHead(200).end();
    callbacks.get(payload.workflowExecution.id)?.(payload);
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/jumio/callback`;

// 2. The simulator, on an ephemeral loopback port, logging each request it serves.
const simulator = await startSimulator({
  port: 0,
  onRequest: (e) => console.log(`            simulator  ${e.method} ${e.path} → ${e.status} (${e.ms} ms)`),
});
step(`simulator listening at ${simulator.url}; callback receiver at ${callbackUrl}`);

const client = createClient({
  region: 'amer-1',
  credentials: { clientId: 'demo-client', clientSecret: 'demo-secret' },
  userAgent: 'jumio-kyx demo/0.1',
  baseUrl: simulator.url,
});

function callbackFor(response: AccountResponse): Promise<CallbackPayload> {
  return new Promise((resolve) => callbacks.set(response.workflowExecution.id, resolve));
}

async function run(
  title: string,
  request: Parameters<typeof client.send>[0],
  upload: (r: AccountResponse) => Promise<void>,
) {
  console.log(`\n━━ ${title} ━━`);
  step('build: the validated request the DSL compiled');
  const compiled = request.compile();
  detail('request', `${compiled.method} ${compiled.path}`);
  detail('body', compiled.body);

  step('send: OAuth2 token (once per client), then the account request');
  const response = await client.send(request);
  detail('account', response.account.id);
  detail('execution', response.workflowExecution.id);
  for (const c of response.workflowExecution.credentials) {
    detail(
      'credential',
      `${c.category} via ${c.allowedChannels.join('/')}${c.api ? ` — parts: ${Object.keys(c.api.parts).join(', ')}` : ''}`,
    );
  }
  const callback = callbackFor(response);

  step('upload: each part with its credential token');
  await upload(response);

  step('finalize: hand the credentials over for processing');
  const finalized = await client.finalize(response);
  detail('finalized', finalized.workflowExecution.id);

  step('callback: wait for Jumio to say the execution is processed');
  const payload = await callback;
  detail('callback', `${payload.workflowExecution.status} (definitionKey ${payload.workflowExecution.definitionKey})`);

  step('retrieve: status and decision');
  const status = await client.status(response.account.id, response.workflowExecution.id);
  detail('status', status.workflowExecution.status);
  const details = await client.details(response.account.id, response.workflowExecution.id);
  detail('decision', `${details.decision.type} (risk score ${details.decision.risk?.score ?? 'n/a'})`);
  for (const [name, results] of Object.entries(details.capabilities ?? {})) {
    detail('capability', `${name}: ${results.map((r) => r.decision.type).join(', ')}`);
  }
}

/**
 * The WEB channel: the simulator serves `web.href` as a hosted journey. The demo prints it; with
 * `npm run demo -- --web` it keeps running until a person has completed the journey in a browser.
 */
async function web() {
  console.log('\n━━ Hosted web journey (workflow 10011, WEB channel): open web.href in a browser ━━');
  const origin = callbackUrl.replace(/\/jumio\/callback$/, '');
  const response = await client.send(
    account()
      .ref(`demo-web-${Date.now()}`)
      .workflow(10011)
      .callback(callbackUrl)
      .web({ successUrl: `${origin}/kyc/done`, errorUrl: `${origin}/kyc/failed` }),
  );
  step('send: the account response names the page of the hosted journey');
  detail('web.href', response.web?.href ?? '(none)');
  if (!process.argv.includes('--web')) {
    detail('note', 'the simulator stops with the demo: npm run demo -- --web keeps it running for the browser');
    return;
  }
  step('waiting for you: open web.href, choose the files, submit (Ctrl-C to stop)');
  const callback = callbackFor(response);
  const back = await new Promise<string>((resolve) => {
    webReturned = resolve;
  });
  detail('redirect', back);
  const redirect = parseRedirect(back);
  detail('params', redirect);
  step('callback: Jumio says the execution is processed (the redirect is not a result)');
  detail('callback', (await callback).workflowExecution.status);
  const details = await client.details(redirect.accountId, redirect.workflowExecutionId);
  detail('decision', details.decision.type);
}

try {
  await run(
    'Document verification (workflow 10026): a bank statement as PDF',
    account()
      .ref(`demo-docv-${Date.now()}`)
      .workflow(10026)
      .document('USA', 'BS')
      .callback(callbackUrl)
      .tokenLifetime('30m'),
    async (response) => {
      const file = pdf('Bank statement - Jane Doe - demo');
      await client.upload(response, 'document', file);
      detail('uploaded', `document: PDF, ${file.byteLength} bytes`);
    },
  );

  await run(
    'ID and identity verification (workflow 10011): ID front/back and a selfie',
    account()
      .ref(`demo-idiv-${Date.now()}`)
      .workflow(10011)
      .id({ country: 'USA', type: 'DRIVING_LICENSE' })
      .callback(callbackUrl)
      .consent({
        userIp: '203.0.113.10',
        userLocation: { country: 'USA', state: 'IL' },
        consent: { obtained: 'yes', obtainedAt: new Date().toISOString() },
      }),
    async (response) => {
      const parts = [
        ['front', png(640, 400, [40, 90, 160])],
        ['back', png(640, 400, [160, 90, 40])],
        ['face', png(480, 640, [90, 160, 40])],
      ] as const;
      for (const [part, file] of parts) {
        await client.upload(response, part, file);
        detail('uploaded', `${part}: PNG, ${file.byteLength} bytes`);
      }
    },
  );
  await web();
  console.log(`\n${elapsed()}  ✔ demo complete`);
} finally {
  await simulator.close();
  receiver.close();
}
