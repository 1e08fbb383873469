import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as builderMessages from '../../src/builder/messages.js';
import { type AccountValidationResult, account, defineWorkflow, type KyxIssue } from '../../src/index.js';
import * as workflowMessages from '../../src/workflows/messages.js';
import { diagnosticsByLine } from '../support/compiler.js';

// A rule the types check and the run-time validation checks again must say the same thing in
// both. Each case is a chain that breaks one rule: compiled as a consumer would (the message of
// the KyxTypeError TypeScript prints), and run with the types out of the way (the issue
// `validate()` reports at `path`).

interface Case {
  /** The message producer of the rule (in src/builder/messages.ts or src/workflows/messages.ts). */
  readonly rule: string;
  /** A builder chain that breaks the rule; at run time it is evaluated and validated. */
  readonly chain: string;
  /** What the type check needs after the chain to report the rule (e.g. `.build()`), if anything. */
  readonly tail?: string;
  /** Where the run-time issue is reported. */
  readonly path: string;
}

const UUID = '572ac7b5-9f83-409d-ba8e-f0014e411c7e';
const TENANT_UPDATE_ONLY =
  "defineWorkflow({ key: 20001, name: 'Tenant', credentials: ['ID'], channels: ['API'], capabilities: [], updateOnly: true })";

const cases: readonly Case[] = [
  { rule: 'NO_REFERENCE', chain: 'account().workflow(10011)', tail: '.build()', path: 'customerInternalReference' },
  { rule: 'NO_WORKFLOW', chain: "account().ref('x')", tail: '.compile()', path: 'workflowDefinition.key' },
  { rule: 'updateOnlyMessage', chain: "account().ref('x').workflow(10014)", path: 'workflowDefinition.key' },
  { rule: 'updateOnlyMessage', chain: "account().ref('x').workflow(5)", path: 'workflowDefinition.key' },
  {
    rule: 'updateOnlyMessage',
    chain: `account().ref('x').workflow(${TENANT_UPDATE_ONLY})`,
    path: 'workflowDefinition.key',
  },
  {
    rule: 'requiresMessage',
    chain: "account().ref('x').workflow(10026)",
    tail: '.build()',
    path: 'workflowDefinition.credentials',
  },
  {
    rule: 'requiresMessage',
    chain: `account('${UUID}').ref('x').workflow(5)`,
    tail: '.build()',
    path: 'workflowDefinition.credentials',
  },
  { rule: 'requiresMessage', chain: "account().ref('x').workflow(32)", tail: '.build()', path: 'userReference' },
  { rule: 'requiresMessage', chain: "account().ref('x').workflow(10010)", tail: '.build()', path: 'userReference' },
  {
    rule: 'notAcceptedMessage',
    chain: "account().ref('x').workflow(10011).document('USA', 'BS')",
    path: 'workflowDefinition.credentials.0.category',
  },
  {
    rule: 'notAcceptedMessage',
    chain: "account().ref('x').workflow(10026).id()",
    path: 'workflowDefinition.credentials.0.category',
  },
  {
    rule: 'notAcceptedMessage',
    chain: "account().ref('x').user('u').workflow(10010).facemap()",
    path: 'workflowDefinition.credentials.0.category',
  },
  {
    rule: 'notAcceptedMessage',
    chain: "account().document('USA', 'BS').ref('x').workflow(10011)",
    tail: '.build()',
    path: 'workflowDefinition.credentials.0.category',
  },
  {
    rule: 'noExtractionMessage',
    chain: "account().ref('x').workflow(10011).capability.extraction(false)",
    path: 'workflowDefinition.capabilities.documentVerification',
  },
  {
    rule: 'noWatchlistMessage',
    chain: "account().ref('x').workflow(10026).document('USA', 'BS').capability.watchlist('p')",
    path: 'workflowDefinition.capabilities.watchlistScreening',
  },
];

// The reference rule: the compile-time error names the field, the run-time issue (under the
// field's path) adds the characters it found.
const REFERENCE_CHAIN = "account().ref('order/1').workflow(10011)";

// Checked at run time only: the types do not see whether `.id()` was given an `id`.
const RUN_TIME_ONLY = ['needsCredentialIdMessage'];

mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
const dir = mkdtempSync(join(process.cwd(), '.tmp', 'messages-agree-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const snippets = [...cases.map((c) => `${c.chain}${c.tail ?? ''};`), `${REFERENCE_CHAIN};`];

/** The message of every KyxTypeError TypeScript reports on each snippet line, by snippet index. */
function typeMessages(): string[][] {
  const file = join(dir, 'cases.ts');
  writeFileSync(file, ["import { account, defineWorkflow } from '../../src/index.js';", ...snippets].join('\n'));
  const byLine = diagnosticsByLine(file);
  return snippets.map((_, index) => {
    const text = byLine.get(index + 1) ?? '';
    // TypeScript prints the literal with JSON-style escapes (`\"`), so JSON reads it back.
    const found = [...text.matchAll(/KyxTypeError<("(?:[^"\\]|\\.)*")>/g)].map((m) => JSON.parse(m[1] as string));
    return [...new Set(found)];
  });
}

/** The issue `validate()` reports at `path` when the chain runs without its types. */
function runTimeIssue(chain: string, path: string): KyxIssue | undefined {
  const builder = new Function('account', 'defineWorkflow', `return ${chain};`)(account, defineWorkflow) as {
    validate(): AccountValidationResult;
  };
  const result = builder.validate();
  return result.success ? undefined : result.issues.find((issue) => issue.path === path);
}

describe('the type-level and the run-time message of each rule agree', () => {
  const messages = typeMessages();

  it.each(cases.map((c, index) => [c.rule, c.chain, c, index] as const))('%s: %s', (_rule, _chain, c, index) => {
    const [typeMessage, ...others] = messages[index] ?? [];
    expect(others).toEqual([]);
    expect(typeMessage).toMatch(/\S/);
    expect(runTimeIssue(c.chain, c.path)).toEqual({ path: c.path, message: typeMessage });
  });

  it(`forbiddenCharactersMessage: ${REFERENCE_CHAIN}`, () => {
    const typeMessage = messages[cases.length]?.[0];
    const issue = runTimeIssue(REFERENCE_CHAIN, 'customerInternalReference');
    const rule = 'must not contain any of < > " / ; ` % { } |';
    expect(typeMessage).toBe(`customerInternalReference ${rule}`);
    expect(issue?.message).toBe(`${rule} (found '/')`);
  });

  it('every rule with a message producer has a case (or is checked at run time only)', () => {
    const producers = [
      ...Object.keys(builderMessages),
      ...Object.entries(workflowMessages)
        .filter(([name, value]) => typeof value === 'function' && name.endsWith('Message'))
        .map(([name]) => name),
    ].filter((name) => !RUN_TIME_ONLY.includes(name));
    expect([...new Set(cases.map((c) => c.rule))].sort()).toEqual(producers.sort());
  });
});
