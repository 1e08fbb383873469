import { describe } from 'vitest';
import { memoryStore } from '../../src/index.js';
import { queueContract } from './queue-contract.js';
import { storeContract } from './store-contract.js';

describe('memoryStore: the KyxStore contract', () => {
  const store = memoryStore();
  storeContract(() => store);
});

describe('memoryStore: the KyxWorkQueue contract', () => {
  const store = memoryStore();
  queueContract(() => store.queue);
});
