// One process of bench/fleet.ts: a client of the built package on one redisStore, sending the
// creates it is told to over IPC and answering when each one was served.
import { loadBuiltPackage, loadBuiltRedis } from './built.js';

const { account, createClient } = await loadBuiltPackage();
const { redisStore } = await loadBuiltRedis();
const [baseUrl, redisUrl, prefix] = process.argv.slice(2) as [string, string, string];
const store = redisStore({ url: redisUrl, prefix });
const client = createClient({
  region: 'amer-1',
  credentials: { clientId: 'bench-fleet', clientSecret: 'bench-fleet-secret' },
  userAgent: 'Bench Fleet/1.0',
  baseUrl,
  store,
});

process.on('message', async (message: { refs: string[] } | 'close') => {
  if (message === 'close') {
    await store.close();
    process.exit(0);
  }
  const results = await Promise.all(
    message.refs.map((ref) =>
      client.send(account().ref(ref).workflow(10011)).then(
        () => ({ ok: true, name: '' }),
        (error: Error) => ({ ok: false, name: error.name }),
      ),
    ),
  );
  process.send?.(results);
});
process.send?.('ready');
