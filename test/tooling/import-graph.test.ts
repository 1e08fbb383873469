import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ImportGraph, importCycles, readImportGraph } from '../support/import-graph.js';

const src = fileURLToPath(new URL('../../src', import.meta.url));
const graph = readImportGraph(src);

/**
 * The layers of src/, lowest first: a file may import only from its own layer or a lower one.
 * (shared plumbing, the errors and the model at the ground floor; model ← workflows ← builder ← client; the
 * store beside the builder; callbacks and the Redis store on the client; the simulator and the
 * CLI on top; the entry files above everything.)
 */
const LAYERS: readonly (readonly string[])[] = [
  ['errors', 'model', 'shared'],
  ['workflows'],
  ['builder', 'store'],
  ['client'],
  ['callbacks', 'redis'],
  ['simulator'],
  ['cli'],
];

function layerOf(file: string): number {
  const unit = file.includes('/') ? (file.split('/')[0] as string) : file;
  const layer = LAYERS.findIndex((units) => units.includes(unit));
  return layer === -1 ? LAYERS.length : layer; // entry files (index.ts, …) sit on top
}

function edges(from: ImportGraph): [string, string][] {
  return [...from].flatMap(([file, targets]) => targets.map((target): [string, string] => [file, target]));
}

describe('the import graph of src/', () => {
  it('reads every source file and its imports', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('builder/compile.ts')).toContain('model/paths.ts');
  });

  it('has no import cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('model/ and workflows/ import nothing from builder/, client/, simulator/ or cli/', () => {
    const crossing = edges(graph).filter(
      ([file, target]) => /^(model|workflows)\//.test(file) && /^(builder|client|simulator|cli)\//.test(target),
    );
    expect(crossing).toEqual([]);
  });

  it('the simulator (the other side of the wire) imports nothing from client/ or callbacks/', () => {
    const crossing = edges(graph).filter(
      ([file, target]) => file.startsWith('simulator/') && /^(client|callbacks)\//.test(target),
    );
    expect(crossing).toEqual([]);
  });

  it('shared/ imports nothing of the library (it is the ground floor every layer uses)', () => {
    expect(edges(graph).filter(([file]) => file.startsWith('shared/'))).toEqual([]);
  });

  it('errors/ (the ground floor every layer throws from) imports only errors/ and, for types only, model/', () => {
    const errorFiles = [...graph.keys()].filter((file) => file.startsWith('errors/'));
    expect(errorFiles).toContain('errors/index.ts');
    const above = edges(graph).filter(
      ([file, target]) =>
        file.startsWith('errors/') && /^(client|callbacks|simulator|cli|builder|workflows|store|redis)\//.test(target),
    );
    expect(above).toEqual([]);
    const outside = edges(graph).filter(
      ([file, target]) => file.startsWith('errors/') && !/^(errors|model)\//.test(target),
    );
    expect(outside).toEqual([]);
    // a model import is a type (a status name), never code: the errors carry no model logic
    const valueImportsOfModel = errorFiles.filter((file) =>
      /^import (?!type )[^;]*from '\.\.\/model\//m.test(readFileSync(`${src}/${file}`, 'utf8')),
    );
    expect(valueImportsOfModel).toEqual([]);
  });

  it('imports point down the layers only', () => {
    const upward = edges(graph)
      .filter(([file, target]) => layerOf(target) > layerOf(file))
      .map(([file, target]) => `${file} → ${target}`);
    expect(upward).toEqual([]);
  });
});

describe('importCycles', () => {
  it('finds a cycle of three, a pair and a self-import, and nothing in a tree', () => {
    const cyclic: ImportGraph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', ['e.ts']],
      ['e.ts', ['d.ts']],
      ['f.ts', ['f.ts']],
    ]);
    expect(importCycles(cyclic)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['d.ts', 'e.ts'], ['f.ts']]);
    const tree: ImportGraph = new Map([
      ['a.ts', ['b.ts', 'c.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', []],
    ]);
    expect(importCycles(tree)).toEqual([]);
  });
});
