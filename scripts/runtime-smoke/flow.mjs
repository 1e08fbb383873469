// The runtime smoke's flow, in plain JavaScript that every runtime runs as it is (Node.js, Bun,
// Deno, a Cloudflare Worker on workerd): the installed package's builder, its client and the
// in-process simulator (`createSimulator().fetch`, no socket, a test clock), through the whole
// KYX flow. `flow()` resolves with one `{ name, ok, detail }` per check; it never throws.
import { account, createClient, isKyxError, KyxValidationError } from 'jumio-kyx';
import { createSimulator } from 'jumio-kyx/simulator';

const EXPECTED_BODY =
  '{"customerInternalReference":"smoke-1","workflowDefinition":{"key":10026,"credentials":[{"category":"DOCUMENT","country":{"predefinedType":"DEFINED","values":["USA"]},"type":{"predefinedType":"DEFINED","values":["BS"]}}],"capabilities":{"ekycCheck":{"searchType":"one"}}}}';
const PDF = new TextEncoder().encode('%PDF-1.4\n% runtime smoke\n%%EOF\n');

export async function flow() {
  const checks = [];
  const check = async (name, fn) => {
    try {
      const [ok, detail] = await fn();
      checks.push({ name, ok, detail });
    } catch (error) {
      checks.push({ name, ok: false, detail: `threw ${error?.name}: ${error?.message}` });
    }
  };

  let now = Date.parse('2026-01-01T00:00:00Z');
  const simulator = createSimulator({ now: () => now, processingDelayMs: 1_000, seed: 1 });
  const secret = 'smoke-secret-must-not-show';
  const client = createClient({
    region: 'amer-1',
    credentials: { clientId: 'smoke', clientSecret: secret },
    userAgent: 'jumio-kyx runtime smoke/1.0',
    baseUrl: 'https://jumio.test', // never a real host: the simulator answers for any origin
    fetch: simulator.fetch,
  });
  const request = account().ref('smoke-1').workflow(10026).document('USA', 'BS').capability.ekyc('one');

  try {
    await check('builder: the design card request serializes to the seed body', () => {
      const body = JSON.stringify(request);
      return [body === EXPECTED_BODY, body];
    });
    await check('builder: a bad reference is a KyxValidationError naming the field', () => {
      try {
        account().ref('bad/ref').workflow(10011).build();
        return [false, 'no error'];
      } catch (error) {
        const paths = error instanceof KyxValidationError ? error.issues.map((i) => i.path) : [];
        return [isKyxError(error) && paths.includes('customerInternalReference'), paths.join(',')];
      }
    });
    let response;
    await check('client.send: token, then POST /api/v1/accounts', async () => {
      response = await client.send(request);
      const credential = response.workflowExecution.credentials[0];
      return [/^[0-9a-f-]{36}$/.test(response.account.id) && credential?.category === 'DOCUMENT', response.account.id];
    });
    if (!response) return checks;
    await check('client.upload + finalize: status ACQUIRED', async () => {
      await client.upload(response, 'document', PDF);
      await client.finalize(response);
      const { status } = (await client.status(response)).workflowExecution;
      return [status === 'ACQUIRED', status];
    });
    await check('simulator clock + tick(): status PROCESSED, details decided', async () => {
      now += 1_000;
      await simulator.tick();
      const { status } = (await client.status(response)).workflowExecution;
      const details = await client.details(response);
      const decided = ['PASSED', 'REJECTED', 'WARNING'].includes(details.decision.type);
      return [status === 'PROCESSED' && decided, `${status}, ${details.decision.type}`];
    });
    await check('errors never show the client secret', async () => {
      const bad = createClient({
        region: 'amer-1',
        credentials: { clientId: 'smoke', clientSecret: secret },
        userAgent: 'jumio-kyx runtime smoke/1.0',
        baseUrl: 'https://jumio.test',
        fetch: createSimulator({ clients: [{ clientId: 'other', clientSecret: 'other' }] }).fetch,
        retry: false,
      });
      try {
        await bad.send(request);
        return [false, 'no error'];
      } catch (error) {
        const shown = `${error?.message} ${JSON.stringify(error)} ${String(error?.stack)}`;
        return [isKyxError(error) && !shown.includes(secret), `${error?.name} ${error?.status ?? ''}`];
      }
    });
  } finally {
    await simulator.close();
  }
  return checks;
}

/** `✔ name` / `✖ name: detail` lines and the closing `N passed, N failed` line. */
export function report(runtime, checks) {
  const lines = checks.map((c) => (c.ok ? `✔ ${c.name}` : `✖ ${c.name}: ${c.detail}`));
  const passed = checks.filter((c) => c.ok).length;
  lines.push(`${runtime}: ${passed} passed, ${checks.length - passed} failed`);
  return { text: lines.join('\n'), ok: passed === checks.length && checks.length > 0 };
}
