// One process of the fleet test: its own clients (one per scenario), all on one redisStore,
// driven over IPC by test/store/fleet.test.ts. Replies carry ids and error kinds, never tokens.
import { account, createClient, type KyxClient, KyxIdempotencyError } from '../../src/index.js';
import { type RedisStore, redisStore } from '../../src/redis/index.js';

type Command =
  | { op: 'client'; id: number; name: string; baseUrl: string; redisUrl: string; prefix: string; leaseMs: number }
  | { op: 'send'; id: number; client: string; ref: string; key?: string }
  | { op: 'close'; id: number };

const clients = new Map<string, KyxClient>();
const stores: RedisStore[] = [];
const reply = (message: object) => process.send?.(message);

async function handle(command: Command): Promise<object> {
  if (command.op === 'client') {
    const store = redisStore({ url: command.redisUrl, prefix: command.prefix });
    stores.push(store);
    clients.set(
      command.name,
      createClient({
        region: 'amer-1',
        credentials: { clientId: 'fleet', clientSecret: 'fleet-secret' },
        userAgent: 'Fleet Test/1.0',
        baseUrl: command.baseUrl,
        store,
        idempotency: { leaseMs: command.leaseMs },
        hooks: {
          onRequest: (event) => {
            if (event.operation === 'account') reply({ event: 'sending', client: command.name });
          },
        },
      }),
    );
    return { ok: true };
  }
  if (command.op === 'close') {
    await Promise.all(stores.map((s) => s.close()));
    return { ok: true };
  }
  const client = clients.get(command.client) as KyxClient;
  try {
    const response = await client.send(
      account().ref(command.ref).workflow(10011),
      command.key === undefined ? {} : { idempotencyKey: command.key },
    );
    return { ok: true, accountId: response.account.id, executionId: response.workflowExecution.id, at: Date.now() };
  } catch (error) {
    const e = error as Error;
    return {
      ok: false,
      name: e.name,
      reason: error instanceof KyxIdempotencyError ? error.reason : undefined,
      mayHaveCreated: error instanceof KyxIdempotencyError ? error.mayHaveCreated : undefined,
    };
  }
}

process.on('message', (command: Command) => {
  void handle(command).then((result) => reply({ id: command.id, ...result }));
});
reply({ event: 'ready' });
