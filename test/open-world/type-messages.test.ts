import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnosticsByLine } from '../support/compiler.js';

// The compile-time errors of credential reuse, tenant codes and keys, and workflow 16, as the
// real compiler prints them: each says what to do.
const ID = "'572ac7b5-9f83-409d-ba8e-f0014e411c7e'";
const cases: [code: string, message: string][] = [
  [
    "account().ref('x').workflow(10011).reuse('ID');",
    'reusing a credential needs an existing account: start from account(accountId) to reuse its credentials',
  ],
  [
    `account(${ID}).ref('x').workflow(10026).reuse('SELFIE');`,
    'workflow 10026 does not accept a SELFIE credential (it collects DOCUMENT)',
  ],
  [
    "account().ref('x').workflow(10026).selfie();",
    'workflow 10026 does not accept a SELFIE credential (it collects DOCUMENT)',
  ],
  [`account(${ID}).ref('x').workflow(5).selfie().build();`, "workflow 5 requires .reuse('ID', credentialId)"],
  ["account().ref('x').workflow(16);", 'workflow 16 runs only on an existing account: start from account(accountId)'],
  [
    "account().ref('x').workflow(10026).document('USA', 'CUSTOM');",
    "'CUSTOM' is not a document code: give your tenant's own code with customDocumentType(code)",
  ],
  [
    "account().ref('x').workflow(10026).document('USA', 'ACMEPAY');",
    "not a document code: use a standard code (DocumentType, e.g. BS) or customDocumentType(code) for your tenant's own",
  ],
  [
    "customDocumentType('ACMEPAYMENT1');",
    "custom document code 'ACMEPAYMENT1' is longer than 10 characters: use the code as set up in the Jumio portal (1–10 characters, no blanks)",
  ],
  [
    "customDocumentType('ACME PAY');",
    "custom document code 'ACME PAY' contains a blank: use the code as set up in the Jumio portal (1–10 characters, no blanks)",
  ],
  ["customDocumentType('CUSTOM');", "'CUSTOM' is not a document code"],
  [
    'uncheckedWorkflow(10011);',
    'workflow 10011 is in the catalog, which knows its rules: pass the key itself, .workflow(10011)',
  ],
  [
    "declare const idv: AccountResponse<10011>; await client.upload(idv, 'facemap', bytes);",
    'workflow 10011 takes no facemap file: its FACEMAP is captured by the web client or SDK (a stored facemap is uploaded in workflow 16 only)',
  ],
];

mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
const dir = mkdtempSync(join(process.cwd(), '.tmp', 'open-world-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const header = [
  "import { account, customDocumentType, uncheckedWorkflow, type AccountResponse, type KyxClient } from '../../src/index.js';",
  'declare const client: KyxClient; declare const bytes: Uint8Array;',
];

function diagnostics(): Map<number, string> {
  const file = join(dir, 'cases.ts');
  writeFileSync(file, [...header, ...cases.map(([code]) => code), 'export {};'].join('\n'));
  return diagnosticsByLine(file);
}

describe('compile-time error messages of the open world', () => {
  const byLine = diagnostics();
  it.each(cases.map(([code, message], index) => [code, message, header.length + index] as const))(
    '%s → %s',
    (_code, message, line) => {
      expect(byLine.get(line) ?? '(no error)').toContain(message);
    },
  );
  it('reports nothing else', () => {
    expect(byLine.size).toBe(cases.length);
  });
});
