import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnosticsByLine, STRICT_CONSUMER } from '../support/compiler.js';

// The typed flow's compile-time errors, as an editor shows them: compile each must-reject line
// with the real compiler and check that the message names the workflow, its parts, or the id.
const header = [
  "import { account, type KyxClient } from '../../src/index.js';",
  'declare const client: KyxClient;',
  'declare const file: Uint8Array;',
  'declare const accountId: string;',
  'declare const workflowExecutionId: string;',
  "const idv = await client.send(account().ref('a').workflow(10011));",
  "const docv = await client.send(account().ref('b').workflow(10026).document('USA', 'BS'));",
  "const screening = await client.send(account().ref('c').user('u').workflow(10010));",
];
const cases: [code: string, message: string][] = [
  [
    "await client.upload(idv, 'document', file);",
    "workflow 10011 collects no DOCUMENT credential (it collects ID, SELFIE and FACEMAP): upload 'front', 'back' or 'face'",
  ],
  [
    "await client.upload(docv, 'front', file);",
    "workflow 10026 collects no ID credential (it collects DOCUMENT): upload 'document'",
  ],
  [
    "await client.upload(docv, 'face', file);",
    "workflow 10026 collects no SELFIE credential (it collects DOCUMENT): upload 'document'",
  ],
  [
    "await client.upload(screening, 'front', file);",
    'workflow 10010 collects no ID credential (it collects DATA), so it has no file part to upload',
  ],
  [
    "await client.uploadData(idv, { firstName: 'ALEX' });",
    'workflow 10011 collects no DATA credential (it collects ID, SELFIE and FACEMAP), so it takes no prepared data',
  ],
  [
    'await client.details({ accountId: idv.workflowExecution.id, workflowExecutionId: idv.account.id });',
    "Type 'WorkflowExecutionId' is not assignable to type 'IdInput<AccountId>'",
  ],
  [
    'await client.status({ accountId, workflowExecutionId: idv.account.id });',
    "Type 'AccountId' is not assignable to type 'IdInput<WorkflowExecutionId>'",
  ],
  [
    'await client.status(accountId, workflowExecutionId);',
    "Argument of type 'string' is not assignable to parameter of type 'ExecutionReference'",
  ],
];

mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
const dir = mkdtempSync(join(process.cwd(), '.tmp', 'flow-type-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function diagnostics(): Map<number, string> {
  const file = join(dir, 'cases.ts');
  writeFileSync(file, [...header, ...cases.map(([code]) => code), 'export {};'].join('\n'));
  return diagnosticsByLine(file, { ...STRICT_CONSUMER, lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'] });
}

describe('compile-time error messages of the typed flow', () => {
  const byLine = diagnostics();
  it.each(cases.map(([code, message], index) => [code, message, header.length + index] as const))(
    '%s → %s',
    (_code, message, line) => {
      expect(byLine.get(line) ?? '(no error)').toContain(message);
    },
  );
  it('reports nothing else (the setup lines compile)', () => {
    expect([...byLine.keys()].filter((line) => line < header.length)).toEqual([]);
    expect(byLine.size).toBe(cases.length);
  });
});
