import { parseArgs } from 'node:util';
import { startSimulator } from '../simulator/server.js';
import type { SimulatorCallbackLog, SimulatorClient, SimulatorRequestLog } from '../simulator/types.js';
import type { CliIo } from './io.js';

/** Usage of `kyx simulate`. */
export const SIMULATE_USAGE = `Usage: kyx simulate [options]

Runs a local Jumio KYX simulator: every Jumio host's paths on one origin.

Options:
  --port <n>                 port to listen on (default 4010; 0 picks a free one)
  --host <name>              interface to bind (default 127.0.0.1)
  --expose                   allow a --host that is not loopback (needs --client; admin routes off)
  --client <id:secret>       accept only these client credentials (repeatable; default: any non-empty)
  --processing-delay <ms>    time from finalize to PROCESSED (default 200)
  --seed <value>             seed of ids, scores and decisions
  --trust-callback-host <h>  also send callbacks to this host (repeatable; loopback is always trusted)
  --no-rate-limits           turn Jumio's rate limits off
  --quiet                    do not print each request
  -h, --help                 show this help`;

const formatRequest = (e: SimulatorRequestLog) =>
  `${e.method} ${e.path} ${e.status === 0 ? 'RESET' : e.status} ${e.ms}ms`;

/** Only origin and path: a callback URL's query may carry the receiver's secret. */
const formatCallback = (e: SimulatorCallbackLog) => {
  const url = URL.canParse(e.url) ? new URL(e.url) : undefined;
  const where = url ? `${url.origin}${url.pathname}` : '(invalid URL)';
  return `callback ${e.status} -> ${where} ${e.outcome} (${e.attempts} attempt${e.attempts === 1 ? '' : 's'})`;
};

function parseClient(value: string): SimulatorClient | undefined {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) return undefined;
  return { clientId: value.slice(0, colon), clientSecret: value.slice(colon + 1) };
}

function parseNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number ≥ 0 (got ${value})`);
  return n;
}

/** `kyx simulate`: starts the simulator, logs each request, stops when `io.signal` aborts. */
export async function simulate(argv: readonly string[], io: CliIo): Promise<number> {
  let options: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      args: [...argv],
      strict: true,
      allowNegative: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        expose: { type: 'boolean', default: false },
        client: { type: 'string', multiple: true },
        'processing-delay': { type: 'string' },
        seed: { type: 'string' },
        'trust-callback-host': { type: 'string', multiple: true },
        'rate-limits': { type: 'boolean', default: true },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  let port: number;
  let processingDelayMs: number;
  const clients: SimulatorClient[] = [];
  try {
    options = parse();
    port = parseNumber('port', options.values.port, 4010);
    processingDelayMs = parseNumber('processing-delay', options.values['processing-delay'], 200);
    for (const value of options.values.client ?? []) {
      const client = parseClient(value);
      if (!client) throw new Error('--client must be <id>:<secret> with both parts non-empty');
      clients.push(client);
    }
  } catch (error) {
    io.stderr(`kyx simulate: ${(error as Error).message}\n\n${SIMULATE_USAGE}`);
    return 2;
  }
  const { values } = options;
  if (values.help) {
    io.stdout(SIMULATE_USAGE);
    return 0;
  }
  const simulator = await startSimulator({
    port,
    host: values.host ?? '127.0.0.1',
    expose: values.expose,
    processingDelayMs,
    ...(clients.length > 0 ? { clients } : {}),
    ...(values.seed !== undefined ? { seed: values.seed } : {}),
    ...(values['rate-limits'] ? {} : { rateLimits: false as const }),
    trustedCallbackHosts: values['trust-callback-host'] ?? [],
    ...(values.quiet ? {} : { onRequest: (e: SimulatorRequestLog) => io.stdout(formatRequest(e)) }),
    onCallback: (e) => io.stdout(formatCallback(e)),
  }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  if (simulator instanceof Error) {
    io.stderr(`kyx simulate: ${simulator.message}`); // e.g. a non-loopback --host without --expose
    return 2;
  }
  io.stdout(`Jumio KYX simulator listening on ${simulator.url}`);
  await new Promise<void>((resolve) => {
    if (io.signal.aborted) resolve();
    else io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await simulator.close();
  io.stdout('Simulator stopped');
  return 0;
}
