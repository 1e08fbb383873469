import { parseArgs } from 'node:util';
import { startSimulator } from '../simulator/server.js';
import type { SimulatorCallbackLog, SimulatorClient, SimulatorRequestLog } from '../simulator/types.js';
import { type Command, EXIT, guard } from './command.js';
import { CliError, usageError } from './exit.js';
import type { CliIo } from './io.js';
import { readWorkflows } from './workflows-file.js';

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
  --workflows <file.json>    also serve your tenant's workflows (a JSON array of defineWorkflow input)
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

/** Starts the server; a busy or forbidden port is one line and exit code 3. */
async function listen(options: Parameters<typeof startSimulator>[0] & { port: number; host: string }) {
  try {
    return await startSimulator(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${options.host}:${options.port}`;
    if (code === 'EADDRINUSE') {
      throw new CliError(
        EXIT.failed,
        `port ${options.port} is in use (${where}): pick another with --port (0 picks a free one)`,
      );
    }
    if (code === 'EACCES')
      throw new CliError(EXIT.failed, `no permission to listen on ${where}: use a port above 1023`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new CliError(EXIT.failed, `cannot listen on ${where}: --host must be an address of this machine`);
    }
    // The simulator's own refusals, e.g. a non-loopback --host without --expose: a usage error.
    if (code === undefined && error instanceof Error) throw new CliError(EXIT.usage, error.message);
    throw error;
  }
}

/** `kyx simulate`: starts the simulator, logs each request, stops when `io.signal` aborts. */
async function run(argv: readonly string[], io: CliIo): Promise<number> {
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
        workflows: { type: 'string' },
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
    throw usageError(`${(error as Error).message}: see kyx help simulate`);
  }
  const { values } = options;
  if (values.help) {
    io.stdout(SIMULATE_USAGE);
    return 0;
  }
  const workflows = values.workflows === undefined ? [] : await readWorkflows(values.workflows, io);
  const host = values.host ?? '127.0.0.1';
  const simulator = await listen({
    port,
    host,
    expose: values.expose,
    processingDelayMs,
    ...(clients.length > 0 ? { clients } : {}),
    ...(values.seed !== undefined ? { seed: values.seed } : {}),
    ...(values['rate-limits'] ? {} : { rateLimits: false as const }),
    ...(workflows.length > 0 ? { workflows } : {}),
    trustedCallbackHosts: values['trust-callback-host'] ?? [],
    ...(values.quiet ? {} : { onRequest: (e: SimulatorRequestLog) => io.stdout(formatRequest(e)) }),
    onCallback: (e) => io.stdout(formatCallback(e)),
  });
  const tenant = workflows.length > 0 ? ` (tenant workflows: ${workflows.map((w) => w.key).join(', ')})` : '';
  io.stdout(`Jumio KYX simulator listening on ${simulator.url}${tenant}`);
  await new Promise<void>((resolve) => {
    if (io.signal.aborted) resolve();
    else io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await simulator.close();
  io.stdout('Simulator stopped');
  return 0;
}

/** `kyx simulate`. */
export const simulate: Command = {
  name: 'simulate',
  summary: 'run a local Jumio KYX simulator (every Jumio host on one origin)',
  usage: SIMULATE_USAGE,
  run: (argv, io) => guard('simulate', io, () => run(argv, io)),
};
