import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// No module of src/simulator imports itself back through others (type-only imports
// count: they tie the files together just the same).

const DIR = new URL('../../src/simulator/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

/** The simulator modules a file imports (`./x.js`), by file name. */
function importsOf(file: string): string[] {
  const source = readFileSync(new URL(file, DIR), 'utf8');
  return [...source.matchAll(/\bfrom\s+'\.\/([\w-]+)\.js'/g)].map((m) => `${m[1]}.ts`);
}

/** The cycles of an import graph, each as the path that closes it. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, path: string[]) => {
    if (path.includes(file)) {
      found.push([...path.slice(path.indexOf(file)), file]);
      return;
    }
    if (done.has(file)) return;
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    done.add(file);
  };
  for (const file of graph.keys()) visit(file, []);
  return found;
}

describe('src/simulator imports', () => {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));

  it('reads the imports it checks (app.ts imports the engine, state.ts imports nothing back)', () => {
    expect(graph.get('app.ts')).toContain('engine.ts');
    expect(graph.get('engine.ts')).toContain('state.ts');
    expect(graph.get('state.ts')).toEqual([]);
  });

  it('form no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('would report one (the check sees a cycle when there is one)', () => {
    const cyclic = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts']],
    ]);
    expect(cycles(cyclic)).toEqual([['a.ts', 'b.ts', 'a.ts']]);
  });
});
