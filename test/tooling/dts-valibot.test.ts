import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { walkDeclarations } from '../../scripts/check-dts-valibot.js';

// The post-build check of scripts/check-dts-valibot.ts, on small declaration graphs written here.
let dir: string;
const write = (files: Record<string, string>) => {
  dir = mkdtempSync(join(tmpdir(), 'kyx-dts-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return (name: string) => join(dir, name);
};
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('walkDeclarations', () => {
  it('names the file that imports valibot and the chain of imports from the entry to it', () => {
    const at = write({
      'index.d.ts': 'export { a } from "./model/a.js";\nexport type { B } from "./b.js";\n',
      'model/a.d.ts': 'import { C } from "./c.js";\nexport declare const a: C;\n',
      'model/c.d.ts': 'import * as _$valibot from "valibot";\nexport type C = _$valibot.StringSchema<undefined>;\n',
      'b.d.ts': 'export interface B { x: string }\n',
    });
    const graph = walkDeclarations(at('index.d.ts'));
    expect(graph.forbidden).toEqual([
      {
        file: at('model/c.d.ts'),
        specifier: 'valibot',
        chain: [at('index.d.ts'), at('model/a.d.ts'), at('model/c.d.ts')],
      },
    ]);
    expect(new Set(graph.files)).toEqual(new Set(['index.d.ts', 'model/a.d.ts', 'model/c.d.ts', 'b.d.ts'].map(at)));
    expect(graph.unresolved).toEqual([]);
  });

  it('follows import() types, side-effect imports and .d.mts chunks, and catches valibot subpaths', () => {
    const at = write({
      'index.d.ts': 'import "./side.js";\nexport declare const x: import("./typed.js").T;\n',
      'side.d.ts': 'export {};\n',
      'typed.d.ts': 'export type { U } from "./chunk.mjs";\nexport type T = string;\n',
      'chunk.d.mts': 'import type { GenericSchema } from "valibot/dist/index.js";\nexport type U = GenericSchema;\n',
    });
    const graph = walkDeclarations(at('index.d.ts'));
    expect(graph.forbidden.map((hit) => [hit.file, hit.specifier])).toEqual([
      [at('chunk.d.mts'), 'valibot/dist/index.js'],
    ]);
    expect(graph.forbidden[0]?.chain).toEqual([at('index.d.ts'), at('typed.d.ts'), at('chunk.d.mts')]);
  });

  it('passes a graph whose only mention of valibot is in comments, and survives import cycles', () => {
    const at = write({
      'index.d.ts': [
        '/**',
        ' * @example',
        " * import * as v from 'valibot';",
        ' */',
        'export { a } from "./a.js";',
        '// import "valibot";',
        'import { LiteralUnion } from "type-fest";',
        'export type L = LiteralUnion<"a", string>;',
        '',
      ].join('\n'),
      'a.d.ts': 'import type { L } from "./index.js";\nexport declare const a: L;\n',
    });
    const graph = walkDeclarations(at('index.d.ts'));
    expect(graph.forbidden).toEqual([]);
    expect(graph.files).toEqual([at('index.d.ts'), at('a.d.ts')]);
  });

  it('reports a relative import that names no declaration file (a chunk it cannot check)', () => {
    const at = write({ 'index.d.ts': 'export * from "./missing.js";\n' });
    expect(walkDeclarations(at('index.d.ts')).unresolved).toEqual([
      { file: at('index.d.ts'), specifier: './missing.js' },
    ]);
  });

  it('checks the packages it is given', () => {
    const at = write({ 'index.d.ts': 'import { Tagged } from "type-fest";\nexport type T = Tagged<string, "t">;\n' });
    expect(walkDeclarations(at('index.d.ts')).forbidden).toEqual([]);
    expect(walkDeclarations(at('index.d.ts'), ['type-fest']).forbidden.map((hit) => hit.specifier)).toEqual([
      'type-fest',
    ]);
  });
});
