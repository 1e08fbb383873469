// The hosted web journey over HTTP (no browser): the page, its routes, the redirects and
// Jumio's 9200 path. test/simulator/web-journey.browser.test.ts drives the same page in Chromium.
import { describe, expect, it } from 'vitest';
import { parseCallback, parseRedirect } from '../../src/index.js';
import { ROUTE_BODY_LIMITS } from '../../src/simulator/exposure.js';
import { createSimulatorHandler } from '../../src/simulator/handler.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { simulatorOf } from '../../src/simulator/simulator.js';
import { fileForm, JPEG, PDF, UA } from '../support/simulator.js';
import { BASE, session } from '../support/simulator-flow.js';

const web = { successUrl: 'https://acme.example/kyc/done?from=jumio', errorUrl: 'https://acme.example/kyc/failed' };

async function journey(sim: Simulator, body: Record<string, unknown>) {
  const s = await session(sim);
  const response = await s.created({ customerInternalReference: 'web-1', workflowDefinition: { key: 10011 }, ...body });
  const href = response.web?.href as string;
  const token = new URL(href).searchParams.get('authorizationToken') as string;
  const auth = { ...UA, authorization: `Bearer ${token}` };
  const page = await sim.fetch(href, { redirect: 'manual' });
  return { s, response, href, token, auth, page };
}

/** The file inputs of a page: id, label text, name, required. */
function inputs(html: string) {
  return [
    ...html.matchAll(
      /<label for="([^"]+)">([^<]+)<span class="hint">\(([a-z]+)\)<\/span><\/label>\s*<input type="file" id="\1" name="([A-Z_]+)"/g,
    ),
  ].map((m) => ({ id: m[1], label: (m[2] as string).trim(), need: m[3], classifier: m[4] }));
}

describe('the hosted web journey (web.href)', () => {
  it('serves a page with one labelled file input per part the execution needs', async () => {
    const sim = createSimulator({ rateLimits: false });
    const { page, response } = await journey(sim, { web });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('ID and Identity Verification');
    // ID front (required), back (optional), selfie; the face map comes with the selfie (liveness)
    expect(inputs(html)).toEqual([
      { id: 'part-0', label: 'Front of your ID', need: 'required', classifier: 'FRONT' },
      { id: 'part-1', label: 'Back of your ID', need: 'optional', classifier: 'BACK' },
      { id: 'part-2', label: 'A selfie: a photo of your face', need: 'required', classifier: 'FACE' },
    ]);
    expect(html).toContain('<button type="submit">Submit</button>');
    expect(html).toContain('role="alert"');
    // no token or credential secret is written into the page
    for (const c of response.workflowExecution.credentials) if (c.api) expect(html).not.toContain(c.api.token);
    expect(html).not.toContain(new URL(response.web?.href as string).searchParams.get('authorizationToken'));
    await sim.close();
  });

  it('a DOCUMENT workflow asks for the document (PDF too); web.locale sets the page language', async () => {
    const sim = createSimulator({ rateLimits: false });
    const s = await session(sim);
    const response = await s.created({
      customerInternalReference: 'web-doc',
      workflowDefinition: {
        key: 10026,
        credentials: [
          {
            category: 'DOCUMENT',
            country: { predefinedType: 'DEFINED', values: ['USA'] },
            type: { predefinedType: 'DEFINED', values: ['BS'] },
          },
        ],
      },
      web: { locale: 'de' },
    });
    const html = await (await sim.fetch(response.web?.href as string)).text();
    expect(html).toContain('<html lang="de">');
    expect(inputs(html)).toEqual([{ id: 'part-0', label: 'Your document', need: 'required', classifier: 'DOCUMENT' }]);
    expect(html).toContain('accept="image/jpeg,image/png,application/pdf"');
    await sim.close();
  });

  it('uploads and finalize through the page routes, then the redirect to successUrl with Jumio parameters', async () => {
    const callbacks: string[] = [];
    const sim = createSimulator({
      rateLimits: false,
      processingDelayMs: 0,
      callbackFetch: async (request) => {
        callbacks.push(parseCallback(await request.text()).workflowExecution.status);
        return new Response(null, { status: 200 });
      },
    });
    const { response, auth, s } = await journey(sim, { web, callbackUrl: 'http://127.0.0.1:9/cb' });
    const id = response.workflowExecution.credentials.find((c) => c.category === 'ID');
    const selfie = response.workflowExecution.credentials.find((c) => c.category === 'SELFIE');
    const post = (credential: string, classifier: string, bytes: Buffer) =>
      sim.fetch(`${BASE}/web/v4/app/parts/${credential}/${classifier}`, {
        method: 'POST',
        headers: auth,
        body: fileForm(bytes),
      });
    // a PDF is not an ID image: the page shows the detail next to the input
    const rejected = await post(id?.id as string, 'FRONT', PDF);
    expect(rejected.status).toBe(400);
    expect(((await rejected.json()) as { detail: string }).detail).toContain(
      'a PDF is accepted for an ID part only for the Brazilian digital driving licence',
    );
    // finalize before the required parts names them
    const early = await sim.fetch(`${BASE}/web/v4/app/finalize`, { method: 'POST', headers: auth });
    expect(early.status).toBe(400);
    expect(((await early.json()) as { detail: string }).detail).toBe(
      'Choose a file for: Front of your ID, A selfie: a photo of your face',
    );
    expect((await post(id?.id as string, 'FRONT', JPEG)).status).toBe(200);
    expect((await post(selfie?.id as string, 'FACE', JPEG)).status).toBe(200);
    const done = await sim.fetch(`${BASE}/web/v4/app/finalize`, { method: 'POST', headers: auth });
    expect(done.status).toBe(200);
    const { redirect } = (await done.json()) as { redirect: string };
    expect(redirect.startsWith('https://acme.example/kyc/done?from=jumio&accountId=')).toBe(true);
    expect(parseRedirect(redirect)).toEqual({
      accountId: response.account.id,
      workflowExecutionId: response.workflowExecution.id,
      acquisitionStatus: 'SUCCESS',
      customerInternalReference: 'web-1',
    });
    await sim.tick();
    expect(callbacks).toEqual(['PROCESSED']);
    const status = (await (await s.get(`${s.executionUrl(response)}/status`)).json()) as {
      workflowExecution: { status: string };
    };
    expect(status.workflowExecution.status).toBe('PROCESSED');
    // the face map was captured with the selfie, so details show every credential's part
    const details = (await (await s.get(s.executionUrl(response))).json()) as {
      credentials: { category: string; parts: { classifier: string }[] }[];
    };
    expect(details.credentials.map((c) => [c.category, c.parts.map((p) => p.classifier)])).toEqual([
      ['ID', ['FRONT']],
      ['SELFIE', ['FACE']],
      ['FACEMAP', ['FACEMAP']],
    ]);
    // the page of a submitted journey sends the user on again
    const again = await sim.fetch(response.web?.href as string, { redirect: 'manual' });
    expect(again.status).toBe(303);
    expect(parseRedirect(again.headers.get('location') as string).acquisitionStatus).toBe('SUCCESS');
    await sim.close();
  });

  it('the page’s upload route shares the API’s body bound: a chunked 300 MB upload is refused with 413 after at most the bound', async () => {
    // the app itself (simulator.fetch buffers a request first; a server streams it to the app)
    const handler = createSimulatorHandler({ rateLimits: false });
    const sim = simulatorOf(handler);
    const { response, auth } = await journey(sim, { web });
    const id = response.workflowExecution.credentials.find((c) => c.category === 'ID')?.id as string;
    const chunk = new Uint8Array(1024 * 1024);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 300 * chunk.byteLength) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request(`${BASE}/web/v4/app/parts/${id}/FRONT`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'multipart/form-data; boundary=x', 'transfer-encoding': 'chunked' },
      body,
      duplex: 'half',
    } as RequestInit);
    const unused = {
      reset: (): Response => {
        throw new Error('no fault is scripted');
      },
      truncate: (head: Response) => head,
    };
    const answer = await handler.handle(request, unused);
    expect(answer.status).toBe(413);
    expect(((await answer.json()) as { detail: string }).detail).toBe(
      `The request body must be at most ${ROUTE_BODY_LIMITS.uploadPart} bytes`,
    );
    expect(pulled).toBeLessThanOrEqual(ROUTE_BODY_LIMITS.uploadPart + 2 * chunk.byteLength); // nothing past the bound was read
    const finalize = await sim.fetch(`${BASE}/web/v4/app/finalize`, {
      method: 'POST',
      headers: auth,
      body: 'x'.repeat(ROUTE_BODY_LIMITS.finalize + 1),
    });
    expect(finalize.status).toBe(413);
    await sim.close();
  });

  it('an expired token takes Jumio 9200 error path: errorUrl with the parameters, or its own error page', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const sim = createSimulator({ now: () => now, rateLimits: false });
    const withUrls = await journey(sim, { web, tokenLifetime: '5m' });
    const withoutUrls = await journey(sim, { tokenLifetime: '5m' });
    now += 5 * 60_000;
    const expired = await sim.fetch(withUrls.href, { redirect: 'manual' });
    expect(expired.status).toBe(303);
    const location = expired.headers.get('location') as string;
    expect(location.startsWith('https://acme.example/kyc/failed?')).toBe(true);
    expect(parseRedirect(location)).toEqual({
      accountId: withUrls.response.account.id,
      workflowExecutionId: withUrls.response.workflowExecution.id,
      acquisitionStatus: 'ERROR',
      customerInternalReference: 'web-1',
      errorCode: 9200,
    });
    const own = await sim.fetch(withoutUrls.href, { redirect: 'manual' });
    expect(own.status).toBe(401);
    expect(await own.text()).toContain('Error 9200: Authorization token missing, invalid or expired.');
    const forged = await sim.fetch(`${BASE}/web/v4/app?authorizationToken=not-a-token`);
    expect(forged.status).toBe(401);
    expect(await forged.text()).toContain('Error 9200');
    // a page left open past the expiry: its upload answers 401 with where to go (9200 before any upload)
    const late = await sim.fetch(`${BASE}/web/v4/app/finalize`, { method: 'POST', headers: withUrls.auth });
    expect(late.status).toBe(401);
    expect(parseRedirect(((await late.json()) as { redirect: string }).redirect).errorCode).toBe(9200);
    await sim.close();
  });

  it("client-side failures (3 rejected attempts: 9835) go to errorUrl, or to Jumio's own result page", async () => {
    const sim = createSimulator({ rateLimits: false });
    const withUrls = await journey(sim, { web });
    const failed = await sim.fetch(`${BASE}/web/v4/app/error?authorizationToken=${withUrls.token}&errorCode=9835`, {
      redirect: 'manual',
    });
    expect(failed.status).toBe(303);
    expect(parseRedirect(failed.headers.get('location') as string)).toMatchObject({
      acquisitionStatus: 'ERROR',
      errorCode: 9835,
    });
    const withoutUrls = await journey(sim, {});
    const own = await sim.fetch(`${BASE}/web/v4/app/error?authorizationToken=${withoutUrls.token}&errorCode=9835`, {
      redirect: 'manual',
    });
    const page = await sim.fetch(own.headers.get('location') as string);
    expect(await page.text()).toContain('Error 9835: No acceptable submission in 3 attempts.');
    await sim.close();
  });
});
