import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { match, P } from 'ts-pattern';
import { sleep } from '../shared/sleep.js';
import type { Engine } from './engine.js';
import type { SimulatorEnv } from './env.js';
import type { FaultScripts } from './faults.js';
import { problem, statusTitle } from './problem.js';

/**
 * Plays each request's scripted fault, after counting the request: waits `delayMs`; then drops
 * the connection (`reset: 'before'`) or answers `status`, without handling the request; or else
 * moves the executions on to the clock's time, handles the request, and drops that answer
 * (`reset: 'after'`) or sends it with the fault's `headers` and `body`. The transport learns of a
 * dropped or cut connection from `c.env.network`.
 */
export function playFaults(engine: Engine, faults: FaultScripts) {
  return createMiddleware<SimulatorEnv>(async (c, next) => {
    const { route } = c.var;
    engine.countRequest(route);
    const fault = faults.take(route) ?? {};
    if (fault.delayMs) await sleep(fault.delayMs, { unref: true });
    const handled = async () => {
      engine.advance();
      await next();
      return c.res;
    };
    const reset = () => {
      c.env.network = 'reset';
      return new Response(null);
    };
    const answer = await match({ reset: fault.reset, status: fault.status })
      .with({ reset: 'before' }, reset)
      .with({ status: P.number }, ({ status }) =>
        problem(status, status === 429 ? 'Request limit exceeded' : `Simulated ${statusTitle(status)}`),
      )
      .with({ reset: 'after' }, async () => {
        await handled();
        return reset();
      })
      .with({ reset: P.nullish }, handled)
      .exhaustive();
    if (c.env.network === 'reset') return send(c, answer);
    for (const [name, value] of Object.entries(fault.headers ?? {})) answer.headers.set(name, value);
    const shaped = await match(fault.body)
      .with(undefined, () => answer)
      .with('malformed', () => malformed(answer))
      .with('truncated', () => {
        c.env.network = 'truncate';
        return answer;
      })
      .with('empty', () => empty(answer))
      .with('oversized', () => oversized(answer))
      .with('stalled', () => stalled(answer))
      .exhaustive();
    return send(c, shaped);
  });
}

/** Makes `response` the answer as it is (setting `c.res` over another would merge the old headers in). */
function send(c: Context, response: Response): void {
  c.res = undefined;
  c.res = response;
}

/** Cuts a body in half (keeping status and headers): invalid JSON that arrives whole. */
async function malformed(response: Response): Promise<Response> {
  const text = await response.text();
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))) || '{', {
    status: response.status,
    headers,
  });
}

/** The same status and headers with no body (`content-length: 0`). */
function empty(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('content-length', '0');
  return new Response(null, { status: response.status, headers });
}

/** Bytes an `oversized` fault adds to a body: past the client's default 1 MiB bound for JSON. */
export const OVERSIZED_PADDING_BYTES = 1536 * 1024;

/** The same answer padded with trailing whitespace (still valid JSON) past 1 MiB. */
export async function oversized(response: Response): Promise<Response> {
  const body = new Uint8Array(await response.arrayBuffer());
  const padded = new Uint8Array(body.byteLength + OVERSIZED_PADDING_BYTES).fill(0x20);
  padded.set(body);
  const headers = new Headers(response.headers);
  headers.set('content-length', String(padded.byteLength));
  return new Response(padded, { status: response.status, headers });
}

/** The same status and headers; the first half of the body, then nothing more, ever (until cancelled). */
export async function stalled(response: Response): Promise<Response> {
  const body = new Uint8Array(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  let sent = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return new Promise<void>(() => undefined); // never another byte
      sent = true;
      controller.enqueue(body.slice(0, Math.max(1, Math.floor(body.byteLength / 2))));
      return undefined;
    },
  });
  return new Response(stream, { status: response.status, headers });
}
