import type { KyxStore } from '../store/types.js';

/**
 * The store each client was made with, for the library's own use (a callback handler shares the
 * client's store by default). Held here rather than on the client, so that no property,
 * `inspect` or JSON of a client ever shows the store (which may hold account responses).
 */
const stores = new WeakMap<object, KyxStore>();

/** Records the store of `client`. */
export function registerStore(client: object, store: KyxStore): void {
  stores.set(client, store);
}

/** The store `client` was made with, if it was made by `createClient`. */
export function storeOf(client: object): KyxStore | undefined {
  return stores.get(client);
}
