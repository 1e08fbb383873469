import { describe } from 'vitest';
import { memoryStore } from '../../src/index.js';
import { storeContract } from './store-contract.js';

describe('memoryStore: the KyxStore contract', () => {
  const store = memoryStore();
  storeContract(() => store);
});
