import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnosticsByLine } from '../support/compiler.js';

// The compile-time errors are read by people: compile each must-reject line with the real
// compiler and check that the message it prints says what to do.
const cases: [code: string, message: string][] = [
  ['account().workflow(10011).build();', 'set the reference first: .ref(customerInternalReference)'],
  ["account().ref('x').compile();", 'choose a workflow first: .workflow(key)'],
  ["account().ref('x').workflow(10026).build();", 'workflow 10026 requires .document(country, type)'],
  ["account().ref('x').workflow(32).build();", 'workflow 32 requires .user(userReference)'],
  ["account().ref('x').workflow(10010).toJSON();", 'workflow 10010 requires .user(userReference)'],
  ["account().ref('x').workflow(5);", 'workflow 5 runs only on an existing account: start from account(accountId)'],
  [
    "account().ref('x').workflow(10014);",
    'workflow 10014 runs only on an existing account: start from account(accountId)',
  ],
  [
    "account().ref('x').workflow(10011).document('USA', 'BS');",
    'workflow 10011 does not accept a DOCUMENT credential (it collects ID, SELFIE, FACEMAP)',
  ],
  [
    "account().ref('x').workflow(10026).id();",
    'workflow 10026 does not accept an ID credential (it collects DOCUMENT)',
  ],
  [
    "account().document('USA', 'BS').ref('x').workflow(10011).build();",
    'workflow 10011 does not accept a DOCUMENT credential (it collects ID, SELFIE, FACEMAP)',
  ],
  [
    "account().ref('x').workflow(10011).capability.extraction(false);",
    'workflow 10011 accepts no DOCUMENT credential, so extraction cannot be configured',
  ],
  ["account().ref('x').workflow(10011).capability.watchlist();", 'workflow 10011 does not run watchlist screening'],
  ["account().ref('a/b');", 'customerInternalReference must not contain any of < > \\" / ; ` % { } |'],
  [
    "account().ref('x').workflow(99999);",
    'workflow 99999 is not in the catalog: pass defineWorkflow({ key: 99999, … }) or register its key in WorkflowRegistry',
  ],
  [
    "account().ref('x').workflow(10026).document('USA', 'BS').capability.ekyc('three');",
    `'"three"' is not assignable to parameter of type '"one" | "two"'`,
  ],
  ["account().ref('x').workflow(10011).tokenLifetime('30 minutes');", `'"30 minutes"' is not assignable`],
  ["account().ref('x').workflow(10011).id({ type: 'PASSPRT' });", `Did you mean '"PASSPORT"'?`],
  [
    "account().ref('x').workflow(10011).overrides({ crossDeviceOption: 'SMS' });",
    `'"SMS"' is not assignable to type '"DEFAULT" | "QR_ONLY" | "EMAIL_ONLY"'`,
  ],
  // A two-letter country names its alpha-3 code
  [
    "account().ref('x').workflow(10026).document('US', 'BS');",
    `KyxTypeError<"country 'US' is an ISO alpha-2 code: use its alpha-3 code 'USA'">`,
  ],
  [
    "account().ref('x').workflow(10026).document('GB', 'BS');",
    "country 'GB' is an ISO alpha-2 code: use its alpha-3 code 'GBR'",
  ],
  [
    "account().ref('x').workflow(10026).document('XKX', 'BS');",
    'country must be an ISO 3166-1 alpha-3 code (a CountryCode)',
  ],
  // a plain number points at isWorkflowKey and defineWorkflow
  [
    "account().ref('x').workflow(Number('10011'));",
    'a plain number is not a workflow key: narrow it with isWorkflowKey(key), or pass defineWorkflow({ key, … })',
  ],
  // a union with an unknown key names only the unknown one
  ["account().ref('x').workflow(Math.random() > 0.5 ? 10011 : 99998);", 'workflow 99998 is not in the catalog'],
  [
    "account().ref('x').workflow(10026).document('USA', 'BS').document('DEU', 'BS');",
    '.document() was already called: a DOCUMENT preset names exactly one country and one type',
  ],
  // .extra() keeps the types of known fields, and says so
  [
    "account().ref('x').workflow(10011).extra({ customerInternalReference: 1 });",
    `KyxTypeError<".extra() keeps the type of every known field: give it the type its setter takes">`,
  ],
  [
    "account().ref('x').workflow(10011).extra({ web: { successUrl: 3 }, theme: 'dark' });",
    '.extra() keeps the type of every known field: give it the type its setter takes',
  ],
];

mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
const dir = mkdtempSync(join(process.cwd(), '.tmp', 'type-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function diagnostics(): Map<number, string> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'cases.ts');
  const source = ["import { account } from '../../src/index.js';", ...cases.map(([code]) => code)].join('\n');
  writeFileSync(file, source);
  return diagnosticsByLine(file);
}

describe('compile-time error messages', () => {
  const byLine = diagnostics();
  it.each(cases.map(([code, message], index) => [code, message, index + 1] as const))(
    '%s → %s',
    (_code, message, line) => {
      expect(byLine.get(line) ?? '(no error)').toContain(message);
    },
  );
  it('reports nothing else', () => {
    expect(byLine.size).toBe(cases.length);
  });
});
