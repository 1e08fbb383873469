import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { validateAccountRequest } from '../workflows/validate.js';
import type { CliIo } from './io.js';

/** Usage of `kyx validate`. */
export const VALIDATE_USAGE = `Usage: kyx validate [options] <file.json ...>

Checks account request bodies (JSON files; "-" reads standard input) against the account API
contract and the workflow catalog, the way the builder does before anything is sent.

Options:
  --update     the bodies are for PUT /api/v1/accounts/{id} (update-only workflows allowed)
  -h, --help   show this help

Exit code: 0 when every body is valid, 1 when any is not, 2 on usage errors.`;

const OPTIONS = { update: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

/** Runs `kyx validate` and returns the exit code. */
export async function validate(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
  } catch (error) {
    io.stderr(`kyx validate: ${(error as Error).message}\n\n${VALIDATE_USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(VALIDATE_USAGE);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    io.stderr(`kyx validate: name at least one file\n\n${VALIDATE_USAGE}`);
    return 2;
  }
  let failures = 0;
  for (const source of parsed.positionals) {
    const name = source === '-' ? '(stdin)' : source;
    let body: unknown;
    try {
      body = JSON.parse(source === '-' ? await io.readStdin() : await readFile(source, 'utf8'));
    } catch (error) {
      failures++;
      io.stdout(`✖ ${name}: not readable JSON (${(error as Error).message})`);
      continue;
    }
    const result = validateAccountRequest(body, { mode: parsed.values.update ? 'update' : 'create' });
    if (result.success) {
      io.stdout(`✔ ${name}: valid (workflow ${result.output.workflowDefinition.key})`);
    } else {
      failures++;
      io.stdout(`✖ ${name}:`);
      for (const issue of result.issues) io.stdout(`    ${issue.path || '(root)'}: ${issue.message}`);
    }
  }
  return failures === 0 ? 0 : 1;
}
