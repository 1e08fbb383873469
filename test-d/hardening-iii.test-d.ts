import { expectAssignable, expectNotAssignable, expectType } from 'tsd';
import { type CallOptions, type ClientOptions, createClient, type SplitCredentials } from '../dist/index.js';
import { type RedisStore, type RedisStoreOptions, redisStore } from '../dist/redis.js';

const base = { region: 'amer-1', userAgent: 'Acme Onboarding/1.0' } as const;
const onboarding = { clientId: 'onboarding', clientSecret: 's1' };
const backOffice = { clientId: 'back-office', clientSecret: 's2' };

// credentials: one client, or one per permission (both halves needed)
expectAssignable<ClientOptions>({ ...base, credentials: onboarding });
expectAssignable<ClientOptions>({ ...base, credentials: { initiate: onboarding, retrieval: backOffice } });
expectAssignable<SplitCredentials>({ initiate: onboarding, retrieval: backOffice });
expectNotAssignable<ClientOptions>({ ...base, credentials: { initiate: onboarding } });
expectNotAssignable<SplitCredentials>({ initiate: onboarding, retrieval: { clientId: 'x' } });
createClient({ ...base, credentials: { initiate: onboarding, retrieval: backOffice } });

// a per-call deadline in ms
expectAssignable<CallOptions>({ deadline: 30_000, timeout: 10_000 });
expectNotAssignable<CallOptions>({ deadline: '30s' });

// redisStore: a command timeout, a persistence report (or false), and the check itself
expectAssignable<RedisStoreOptions>({ url: 'redis://127.0.0.1:6379', commandTimeoutMs: 2_000 });
expectAssignable<RedisStoreOptions>({ url: 'redis://127.0.0.1:6379', onPersistenceRisk: false });
expectAssignable<RedisStoreOptions>({ url: 'redis://127.0.0.1:6379', onPersistenceRisk: (risks) => risks.length });
expectNotAssignable<RedisStoreOptions>({ url: 'redis://127.0.0.1:6379', onPersistenceRisk: true });
const store: RedisStore = redisStore({ url: 'redis://127.0.0.1:6379' });
expectType<Promise<string[]>>(store.checkPersistence());
