import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import {
  account,
  type ClientOptions,
  createClient,
  type KyxIdempotencyError,
  type KyxIdempotencyReason,
  type KyxStore,
  memoryStore,
  type RateLimits,
  type SendOptions,
} from '../dist/index.js';
import { type RedisStore, redisStore } from '../dist/redis.js';

const base = {
  region: 'amer-1',
  credentials: { clientId: 'id', clientSecret: 'secret' },
  userAgent: 'Acme Onboarding/1.0',
} as const;
const client = createClient(base);
const request = account().ref('signup-42').workflow(10011);

// rate limits: per limit { perSecond, burst? } or false; all of them false
expectAssignable<ClientOptions>({ ...base, rateLimits: { account: { perSecond: 1, burst: 5 }, upload: false } });
expectAssignable<ClientOptions>({ ...base, rateLimits: false });
expectNotAssignable<RateLimits>({ account: { burst: 5 } });
expectNotAssignable<RateLimits>({ account: { perSecond: '1' } });
expectNotAssignable<RateLimits>({ account: true });

// a store: the memory store and the Redis store are KyxStores
expectAssignable<KyxStore>(memoryStore());
expectType<RedisStore>(redisStore({ url: 'redis://127.0.0.1:6379' }));
expectAssignable<ClientOptions>({ ...base, store: redisStore({ url: 'redis://127.0.0.1:6379', prefix: 'x:' }) });
expectNotAssignable<KyxStore>({ get: async () => undefined });
expectError(redisStore({ url: 6379 }));

// send options: the key is a string; releaseIdempotencyKey takes one
expectAssignable<SendOptions>({ idempotencyKey: 'signup-42', signal: AbortSignal.timeout(1000) });
expectNotAssignable<SendOptions>({ idempotencyKey: 42 });
expectError(client.send(request, { idempotencyKey: 42 }));
expectType<Promise<void>>(client.releaseIdempotencyKey('signup-42'));

// the error: mayHaveCreated is the literal true; reason is a closed union
declare const blocked: KyxIdempotencyError;
expectType<true>(blocked.mayHaveCreated);
expectType<KyxIdempotencyReason>(blocked.reason);
expectAssignable<KyxIdempotencyReason>('holder-lost');
expectNotAssignable<KyxIdempotencyReason>('timeout');
