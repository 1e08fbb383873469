import { KyxValidationError } from '../errors/index.js';
import { startSimulator } from '../simulator/server.js';
import type { SimulatorCallbackLog, SimulatorClient, SimulatorRequestLog } from '../simulator/types.js';
import { defineCommand, EXIT } from './command.js';
import { CliError, usageError } from './exit.js';
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

/** A usage error naming the help, as `parseArgs`' own errors do. */
const usage = (message: string) => usageError(`${message}: see kyx help simulate`);

/** Each `--client <id>:<secret>`. */
function parseClients(values: readonly string[] | undefined): SimulatorClient[] {
  return (values ?? []).map((value) => {
    const colon = value.indexOf(':');
    if (colon <= 0 || colon === value.length - 1) {
      throw usage('--client must be <id>:<secret> with both parts non-empty');
    }
    return { clientId: value.slice(0, colon), clientSecret: value.slice(colon + 1) };
  });
}

function parseNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw usage(`--${name} must be a whole number ≥ 0 (got ${value})`);
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
    // The simulator's own refusals, e.g. a non-loopback --host without --expose: a usage error
    // naming the option once (`--host 0.0.0.0 is not a loopback interface: …`).
    if (error instanceof KyxValidationError) {
      const line = error.issues.map((i) => `--${i.path.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${i.message}`);
      throw new CliError(EXIT.usage, line.join('; '));
    }
    if (code === undefined && error instanceof Error) throw new CliError(EXIT.usage, error.message);
    throw error;
  }
}

/** `kyx simulate`: starts the simulator, logs each request, stops when `io.signal` aborts. */
export const simulate = defineCommand({
  name: 'simulate',
  summary: 'run a local Jumio KYX simulator (every Jumio host on one origin)',
  usage: SIMULATE_USAGE,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    expose: { type: 'boolean' },
    client: { type: 'string', multiple: true },
    'processing-delay': { type: 'string' },
    seed: { type: 'string' },
    'trust-callback-host': { type: 'string', multiple: true },
    workflows: { type: 'string' },
    'rate-limits': { type: 'boolean' },
    quiet: { type: 'boolean' },
  },
  parse: { allowPositionals: false, allowNegative: true },
  run: async ({ values, io }) => {
    const port = parseNumber('port', values.port, 4010);
    const processingDelayMs = parseNumber('processing-delay', values['processing-delay'], 200);
    const clients = parseClients(values.client);
    const workflows = values.workflows === undefined ? [] : await readWorkflows(values.workflows, io);
    const host = values.host ?? '127.0.0.1';
    const simulator = await listen({
      port,
      host,
      expose: values.expose ?? false,
      processingDelayMs,
      ...(clients.length > 0 ? { clients } : {}),
      ...(values.seed !== undefined ? { seed: values.seed } : {}),
      ...(values['rate-limits'] === false ? { rateLimits: false as const } : {}),
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
    return EXIT.ok;
  },
});
