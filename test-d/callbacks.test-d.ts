import type { RequestListener } from 'node:http';
import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import {
  type CallbackHandler,
  type CallbackHandlerOptions,
  type CallbackPayload,
  createCallbackHandler,
  createClient,
  type KyxClient,
  type KyxStore,
  type NodeListener,
  type TrustProxy,
  toNodeListener,
  type WorkflowDetails,
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
// a store is a key-value store with expiry
expectNotAssignable<CallbackHandlerOptions['store']>(new Map<string, string>());
expectAssignable<CallbackHandlerOptions['store']>({} as KyxStore);
expectType<boolean>(
  createClient({ region: 'amer-1', credentials: { clientId: 'a', clientSecret: 'b' }, userAgent: 'A/1' }).loopback,
);
