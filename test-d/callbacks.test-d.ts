import type { RequestListener } from 'node:http';
import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import {
  type CallbackHandler,
  type CallbackHandlerOptions,
  type CallbackPayload,
  createCallbackHandler,
  createClient,
  createResults,
  JUMIO_RETRIEVAL_SCHEDULE,
  type KyxClient,
  type KyxStore,
  type KyxWorkQueue,
  memoryStore,
  type NodeListener,
  type ResultEvent,
  type Results,
  type ResultsStats,
  type TrustProxy,
  toNodeListener,
  type WorkflowDetails,
  type WorkflowStatusResponse,
} from '../dist/index.js';
import type { SimulatorOptions } from '../dist/simulator.js';

declare const client: KyxClient;

// onResult gets the typed details and the parsed callback
createCallbackHandler({
  client,
  onResult(details, callback) {
    expectType<WorkflowDetails>(details);
    expectType<CallbackPayload>(callback);
  },
  onStatus: (callback) => expectType<CallbackPayload>(callback),
});

const handler = createCallbackHandler({ client, onResult: async () => {} });
expectType<CallbackHandler>(handler);
// web-standard: a fetch handler (Bun.serve, Deno.serve, Next.js, Hono's c.req.raw) and the simulator's callbackFetch
expectAssignable<(request: Request) => Promise<Response>>(handler);
expectAssignable<SimulatorOptions['callbackFetch']>(handler);
expectType<Promise<Response>>(handler(new Request('http://localhost/'), { remoteAddress: undefined }));
// node:http / Express: the listener fits http.createServer without Node types in our declarations
expectAssignable<RequestListener>(toNodeListener(handler));
expectType<NodeListener>(toNodeListener(handler));

// the client is required, and so is onResult
expectError(createCallbackHandler({ onResult: () => {} }));
expectError(createCallbackHandler({ client }));
// allow: addresses or a predicate; trustProxy: hops or proxy addresses
expectAssignable<CallbackHandlerOptions['allow']>(['34.202.241.227']);
expectAssignable<CallbackHandlerOptions['allow']>((address: string) => address.startsWith('10.'));
expectNotAssignable<CallbackHandlerOptions['allow']>('34.202.241.227');
expectAssignable<TrustProxy>(1);
expectAssignable<TrustProxy>(['10.0.0.2']);
expectNotAssignable<TrustProxy>(true);
expectNotAssignable<TrustProxy>('10.0.0.2');
// the store's work queue is optional on the interface, always there on the built-in stores
expectType<KyxWorkQueue | undefined>(({} as KyxStore).queue);
expectType<KyxWorkQueue>(memoryStore().queue);

// createResults: onResult gets the details and the verified event; onStatus Jumio's status response
const results = createResults({
  client,
  onResult(details, event) {
    expectType<WorkflowDetails>(details);
    expectType<ResultEvent>(event);
    expectType<'callback' | 'poll'>(event.source);
  },
  onStatus: (status, event) => {
    expectType<WorkflowStatusResponse>(status);
    expectType<CallbackPayload | undefined>(event.callback);
  },
  retrySchedule: JUMIO_RETRIEVAL_SCHEDULE,
  concurrency: 4,
});
expectType<Results>(results);
expectType<Promise<void>>(results.track({ accountId: 'a', workflowExecutionId: 'w' }));
expectType<ResultsStats>(results.stats());
expectError(createResults({ client }));
expectError(createResults({ onResult: () => {} }));
expectError(createResults({ client, onResult: () => {}, retrySchedule: 40 }));
// the handler on a processor: no client or onResult beside it
expectType<CallbackHandler>(createCallbackHandler({ results, allow: ['34.202.241.227'], trustProxy: 1 }));
expectType<CallbackHandler>(createCallbackHandler({ results, waitUntil: (work: Promise<unknown>) => void work }));
expectError(createCallbackHandler({}));
expectType<boolean>(
  createClient({ region: 'amer-1', credentials: { clientId: 'a', clientSecret: 'b' }, userAgent: 'A/1' }).loopback,
);
