import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient } from '../../src/index.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';

/** What one load run measured. */
export interface LoadResult {
  n: number;
  concurrency: number;
  warmup: number;
  fulfilled: number;
  rejectedCount: number;
  rejected: string[];
  elapsedMs: number;
  /** Heap used after GC before and after the measured batch, in the client's process. */
  before: number;
  after: number;
  /** Simulator counts after the run. */
  accountsCreated: number;
  createRequests: number;
  /** How often each `load-i` reference was seen by the simulator (from each account's details). */
  refsSeen: Map<string, number>;
  distinctAccounts: number;
}

const CLIENT = fileURLToPath(new URL('./load-client.ts', import.meta.url));

function runChild(url: string, n: number, concurrency: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', CLIENT, url, String(n), String(concurrency)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out.trim().split('\n')) : reject(new Error(`load client exited ${code}: ${err}`)),
    );
  });
}

/** Sends `n` account requests through sendAll in a child process against a loopback simulator. */
export async function runLoad(n = 2_000, concurrency = 50): Promise<LoadResult> {
  const sim: RunningSimulator = await startSimulator({ port: 0, rateLimits: false });
  try {
    const [idsLine, summaryLine] = await runChild(sim.url, n, concurrency);
    const ids = JSON.parse(idsLine as string) as [number, string?, string?][];
    const summary = JSON.parse(summaryLine as string) as Omit<
      LoadResult,
      'accountsCreated' | 'createRequests' | 'refsSeen' | 'distinctAccounts'
    >;
    const stats = sim.stats();
    // ask the simulator (in process, same state) which reference each account was created with
    const reader = createClient({
      region: 'amer-1',
      credentials: { clientId: 'reader', clientSecret: 'reader-secret' },
      userAgent: 'Acme Load Check/1.0',
      baseUrl: 'https://jumio.test',
      fetch: sim.fetch,
      rateLimits: false,
    });
    const refsSeen = new Map<string, number>();
    const created = ids.filter((x): x is [number, string, string] => x.length === 3);
    for (let i = 0; i < created.length; i += 100) {
      const details = await Promise.all(
        created.slice(i, i + 100).map(([, a, w]) => reader.details({ accountId: a, workflowExecutionId: w })),
      );
      for (const d of details) {
        const ref = d.workflow.customerInternalReference ?? '';
        refsSeen.set(ref, (refsSeen.get(ref) ?? 0) + 1);
      }
    }
    return {
      ...summary,
      accountsCreated: stats.accountsCreated,
      createRequests: stats.requests.createAccount ?? 0,
      refsSeen,
      distinctAccounts: new Set(created.map(([, a]) => a)).size,
    };
  } finally {
    await sim.close();
  }
}
