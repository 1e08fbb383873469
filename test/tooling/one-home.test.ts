import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Jumio's numbers that both sides of the wire keep to are written once, in src/model/limits.ts:
// every other file of src/ reads them from there.
const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const files = sources(SRC).map((file) => ({ name: relative(SRC, file), text: readFileSync(file, 'utf8') }));

/** Files that write the fact, matched by its shape (wherever it stands and whatever it is called). */
const writers = (pattern: RegExp) => files.filter((f) => pattern.test(f.text)).map((f) => f.name);

const FACTS: readonly { fact: string; pattern: RegExp }[] = [
  { fact: 'the 15 MB upload bound', pattern: /15\s*\*\s*1024\s*\*\s*1024/ },
  { fact: 'the terminal statuses', pattern: /\[\s*'PROCESSED',\s*'SESSION_EXPIRED',\s*'TOKEN_EXPIRED'\s*\]/ },
  { fact: "the tenant's account limit (1/s, burst 5)", pattern: /account:\s*\{\s*perSecond:\s*1,\s*burst:\s*5\s*\}/ },
  { fact: "the tenant's retrieval limit (15/s)", pattern: /retrieval:\s*\{\s*perSecond:\s*15\s*\}/ },
];

describe('each of Jumio’s numbers is written once, in src/model/limits.ts', () => {
  it('reads every source file', () => {
    expect(files.length).toBeGreaterThan(100);
  });
  for (const { fact, pattern } of FACTS) {
    it(fact, () => {
      expect(writers(pattern)).toEqual(['model/limits.ts']);
    });
  }
});

// The shapes of Jumio's records that more than one layer reads are defined once, in src/model/
// (the simulator's own state of an execution is `SimulatedExecution`, a different thing).
const RECORDS: readonly { record: string; home: string }[] = [
  { record: 'ExecutionRecord', home: 'model/execution-record.ts' },
];

describe('each of Jumio’s record shapes is defined once, in src/model', () => {
  for (const { record, home } of RECORDS) {
    it(record, () => {
      expect(writers(new RegExp(`\\b(?:interface|type)\\s+${record}\\b`))).toEqual([home]);
    });
  }
});
