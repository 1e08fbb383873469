import type { CallbackPayload } from '../model/response.js';
import { isLoopbackHost } from '../model/rules.js';
import { sleep } from '../shared/sleep.js';
import type { SimulatorCallbackLog } from './types.js';

/** Delivers callbacks in the background, only to trusted hosts (repeats only when `retries` > 0; Jumio documents none). */
export interface CallbackSender {
  /** Starts delivering `payload` to `url`. */
  send(url: string, payload: CallbackPayload): void;
  /** Resolves when no delivery is pending. */
  idle(): Promise<void>;
  /** Cancels pending retries (their deliveries end as failed). */
  close(): void;
}

/** How callbacks are sent. */
export interface CallbackSenderOptions {
  readonly fetch: (request: Request) => Promise<Response>;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly trustedHosts: readonly string[];
  /** The drop fault: true for a callback that is never sent. */
  readonly drop?: ((payload: CallbackPayload) => boolean) | undefined;
  readonly onResult: (entry: SimulatorCallbackLog) => void;
}

const USER_AGENT = 'jumio-kyx-simulator/1 (callback)';
const ATTEMPT_TIMEOUT_MS = 10_000;

/** Whether the simulator may send to this URL: loopback, or a host it was told to trust. */
export function isTrustedCallbackUrl(url: string, trustedHosts: readonly string[]): boolean {
  if (!URL.canParse(url)) return false;
  const { hostname } = new URL(url);
  return isLoopbackHost(hostname) || trustedHosts.includes(hostname) || trustedHosts.includes(hostname.slice(1, -1));
}

/** Creates a sender. */
export function createCallbackSender(options: CallbackSenderOptions): CallbackSender {
  const pending = new Set<Promise<void>>();
  /** One per waiting retry (one shared signal would collect a listener per wait): `close()` wakes them. */
  const waits = new Set<AbortController>();
  let closed = false;

  async function wait(ms: number): Promise<void> {
    const wake = new AbortController();
    waits.add(wake);
    await sleep(ms, { signal: wake.signal }).catch(() => undefined);
    waits.delete(wake);
  }

  async function deliver(url: string, payload: CallbackPayload): Promise<void> {
    const status = String(payload.workflowExecution.status);
    if (!isTrustedCallbackUrl(url, options.trustedHosts)) {
      options.onResult({ url, status, outcome: 'skipped', attempts: 0 });
      return;
    }
    if (options.drop?.(payload)) {
      options.onResult({ url, status, outcome: 'dropped', attempts: 0 });
      return;
    }
    let attempts = 0;
    while (!closed && attempts <= options.retries) {
      if (attempts > 0) await wait(options.retryDelayMs * 2 ** (attempts - 1));
      if (closed) break;
      attempts++;
      try {
        const response = await options.fetch(
          new Request(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT },
            body: JSON.stringify(payload),
            signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
            // a trusted host must not send the payload on to another one
            redirect: 'manual',
          }),
        );
        await response.body?.cancel().catch(() => {});
        if (response.ok) {
          options.onResult({ url, status, outcome: 'delivered', attempts });
          return;
        }
        if (response.status >= 300 && response.status < 400) break; // a redirect is never followed: failed
      } catch {
        // refused, reset or timed out: retry
      }
    }
    options.onResult({ url, status, outcome: 'failed', attempts });
  }

  return {
    send(url, payload) {
      const delivery = deliver(url, payload).finally(() => pending.delete(delivery));
      pending.add(delivery);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close() {
      closed = true;
      for (const wake of waits) wake.abort();
      waits.clear();
    },
  };
}
