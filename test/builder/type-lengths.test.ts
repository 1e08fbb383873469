import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRICT_CONSUMER } from '../support/compiler.js';

// What an editor shows, measured with the TypeScript language service (a benchmark-style check:
// the figures are printed, the test fails only above the bounds): the hover of a builder names
// its workflow key and stays short, and the error for an incomplete request handed to `send`
// names the missing part in a few hundred characters.

const HOVER_BOUND = 300;
const ERROR_BOUND = 600;

mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
const dir = mkdtempSync(join(process.cwd(), '.tmp', 'type-lengths-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const source = [
  "import { account, type AccountTemplate, createClient, type WorkflowKey } from '../../src/index.js';",
  "const client = createClient({ region: 'amer-1', credentials: { clientId: 'a', clientSecret: 'b' }, userAgent: 'A/1' });",
  "export const docv = account().ref('x').workflow(10026);",
  'declare const key: WorkflowKey;',
  "export const dynamic = account().ref('x').workflow(key);",
  "export const template = account().workflow(10011).id({ country: 'USA' });",
  "void client.send(account().ref('x').workflow(10026)); // missing: .document(country, type)",
  'void client.send(account().workflow(10011)); // missing: .ref()',
  "void client.send(account().ref('x').user('u').workflow(32).facemap().capability.watchlist('p').reporting('r')); // complete",
  "void client.send(account().ref('x').workflow(32).facemap()); // missing: .user()",
  "export const t1: AccountTemplate<'ref'> = account().workflow(32); // missing: .user()",
  "export const t2 = { idv: account().workflow(10011), screening: account().workflow(10010) } satisfies Record<string, AccountTemplate<'ref'>>;",
  "export const t3: AccountTemplate<'ref' | 'user'> = account().workflow(10026); // missing: .document()",
].join('\n');

/** The template errors' bound: the builder's message within the first characters of the error. */
const TEMPLATE_MESSAGE_WITHIN = 300;

function service() {
  const file = join(dir, 'hover.ts');
  writeFileSync(file, source);
  const options = STRICT_CONSUMER;
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const text = ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => process.cwd(),
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  return { ls: ts.createLanguageService(host), file };
}

const { ls, file } = service();
const lines = source.split('\n');
const offset = (line: number, column: number) =>
  lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0) + column;

/** The hover text at the first `needle` of `line` (0-based), as an editor shows it. */
function hover(line: number, needle: string): string {
  const column = (lines[line] as string).indexOf(needle);
  const info = ls.getQuickInfoAtPosition(file, offset(line, column));
  return ts.displayPartsToString(info?.displayParts);
}

/** The full diagnostic text reported on `line`, or '' when it compiles. */
function errorOn(line: number): string {
  return ls
    .getSemanticDiagnostics(file)
    .filter((d) => d.start !== undefined && d.file?.getLineAndCharacterOfPosition(d.start).line === line)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    .join('\n');
}

const figures: string[] = [];
afterAll(() =>
  console.log(`editor text lengths (bounds: hover ${HOVER_BOUND}, error ${ERROR_BOUND}):\n${figures.join('\n')}`),
);

describe('what an editor shows', () => {
  // the first question builds the program: seconds on a loaded machine
  beforeAll(() => void ls.getSemanticDiagnostics(file), 120_000);

  it.each([
    [2, 'docv', '10026'],
    [4, 'dynamic', 'WorkflowKey'],
    [5, 'template', '10011'],
  ] as const)('hover of line %i (%s) names the workflow and is short', (line, needle, key) => {
    const text = hover(line, needle);
    figures.push(`hover ${needle}: ${text.length} chars: ${text}`);
    expect(text).toContain(key);
    expect(text.length).toBeLessThanOrEqual(HOVER_BOUND);
  });

  it('hover of .workflow(10026) shows the key', () => {
    const text = hover(2, 'workflow');
    figures.push(`hover .workflow(10026): ${text.length} chars`);
    expect(text).toContain('10026');
    expect(text.length).toBeLessThanOrEqual(HOVER_BOUND);
  });

  it.each([
    [6, 'workflow 10026 requires .document(country, type)'],
    [7, 'set the reference first: .ref(customerInternalReference)'],
    [9, 'workflow 32 requires .user(userReference)'],
  ] as const)('the send error of line %i names the missing part (%s) and is short', (line, missing) => {
    const text = errorOn(line);
    figures.push(`send error line ${line}: ${text.length} chars${line === 6 ? `:\n${text}` : ''}`);
    expect(text).toContain(missing);
    expect(text.length).toBeLessThanOrEqual(ERROR_BOUND);
  });

  it.each([
    [10, 'workflow 32 requires .user(userReference)'],
    [11, 'workflow 10010 requires .user(userReference)'],
    [12, 'workflow 10026 requires .document(country, type)'],
  ] as const)('a template that does not fit (line %i) says why within the first 300 characters', (line, message) => {
    const text = errorOn(line);
    const at = text.indexOf(`KyxTypeError<"${message}">`);
    figures.push(
      `template error line ${line}: message at ${at} of ${text.length} chars${line === 10 ? `:\n${text}` : ''}`,
    );
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at + message.length).toBeLessThanOrEqual(TEMPLATE_MESSAGE_WITHIN);
  });

  it('a complete request sends without an error', () => {
    expect(errorOn(8)).toBe('');
  });
});
