import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readImportGraph } from '../support/import-graph.js';

// The options schemas (model/option-schema.ts and the schemas built with it) are internal: the
// builder never reaches them (its size budget stays what it was) and no entry file exports them.
const graph = readImportGraph(fileURLToPath(new URL('../../src', import.meta.url)));

/** Every file `from` reaches through its imports, itself included. */
function reach(from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...(graph.get(file) ?? []));
  }
  return seen;
}

describe('the options schemas', () => {
  it('are used by the client, the callbacks, the Redis store and the simulator', () => {
    const users = [...graph].filter(([, targets]) => targets.includes('model/option-schema.ts')).map(([f]) => f);
    expect(users).toEqual(expect.arrayContaining(['client/options.ts', 'callbacks/handler.ts', 'redis/index.ts']));
    expect(users.some((file) => file.startsWith('simulator/'))).toBe(true);
  });

  it('are never reached from the builder', () => {
    const builderFiles = [...graph.keys()].filter((file) => file.startsWith('builder/'));
    expect(builderFiles.length).toBeGreaterThan(5);
    expect(reach('client/client.ts').has('model/option-schema.ts')).toBe(true); // the walk finds it where it is
    const reached = builderFiles.filter((file) => reach(file).has('model/option-schema.ts'));
    expect(reached).toEqual([]);
  });
});
