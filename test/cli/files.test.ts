import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError, EXIT } from '../../src/cli/exit.js';
import { parseJson, readBytes, readSource } from '../../src/cli/files.js';
import { type CliIo, InputTooLargeError } from '../../src/cli/io.js';
import { jsonErrorPlace } from '../../src/cli/json-error.js';

// The CLI's readers: bounded reads of files and standard input, and JSON errors that name a place,
// never the text (the file may be a secret).
const dir = mkdtempSync(join(tmpdir(), 'kyx-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const io = (stdin: (max: number) => Promise<string>): CliIo => ({
  stdout: () => undefined,
  stderr: () => undefined,
  readStdin: stdin,
  signal: new AbortController().signal,
});
const failure = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
};

describe('readBytes and readSource', () => {
  it('standard input past the bound is invalid input naming the bound; other stdin failures pass through', async () => {
    const tooLarge = io(() => Promise.reject(new InputTooLargeError(10)));
    const bytes = await failure(readBytes('-', tooLarge, 2 * 1024 * 1024));
    expect(bytes.message).toBe('(stdin): larger than 2 MiB, the most kyx reads there: name the right file');
    expect(bytes.exitCode).toBe(EXIT.invalid);
    expect((await failure(readSource('-', tooLarge))).message).toContain('(stdin): larger than 1 MiB');
    const broken = io(() => Promise.reject(new Error('EPIPE')));
    await expect(readBytes('-', broken, 10)).rejects.toThrow('EPIPE');
    await expect(readSource('-', broken)).rejects.toThrow('EPIPE');
    expect(
      new TextDecoder().decode(
        await readBytes(
          '-',
          io(async () => 'ok'),
          10,
        ),
      ),
    ).toBe('ok');
  });

  it('a directory and a missing file are usage errors that say what to do', async () => {
    const folder = await failure(
      readBytes(
        dir,
        io(async () => ''),
        10,
      ),
    );
    expect(folder).toMatchObject({ exitCode: EXIT.usage, message: `${dir}: is a directory: name a file` });
    const missing = await failure(
      readBytes(
        join(dir, 'nope.json'),
        io(async () => ''),
        10,
      ),
    );
    expect(missing.message).toBe(`${join(dir, 'nope.json')}: no such file: check the path`);
  });
});

describe('JSON errors name the place, never the text', () => {
  const cases: [string, string][] = [
    ['{"a": tru}', 'a JSON value'],
    ['{"a": "x\u0001"}', 'a closing quote (control characters must be escaped)'],
    ['{"a": "\\u12G4"}', 'four hex digits after \\u'],
    ['{"a": "\\q"}', 'an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)'],
    ['{"a": "open', 'a closing quote'],
    ['{"a": -}', 'a JSON value'],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)}: expected ${expected}`, () => {
      expect(jsonErrorPlace(text)).toMatchObject({ line: 1, expected });
      let error: unknown;
      try {
        parseJson(text, 'body.json');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).message).toContain(`body.json: not readable JSON (at line 1, column`);
      expect((error as CliError).message).not.toContain(text.slice(6));
    });
  }

  it('valid JSON has no error place', () => {
    expect(jsonErrorPlace('{"a": [1, -2.5e3, "\\u00e9\\n", true, null]}')).toBeUndefined();
  });
});
