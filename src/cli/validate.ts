import { validateAccountRequest } from '../workflows/validate.js';
import { defineCommand, EXIT } from './command.js';
import { CliError, usageError } from './exit.js';
import { parseJson, readSource } from './files.js';
import { validateDataFile } from './validate-data.js';
import { readWorkflows } from './workflows-file.js';

/** Usage of `kyx validate`. */
export const VALIDATE_USAGE = `Usage: kyx validate [options] <file.json ...>
       kyx validate --data <data.json> [--workflow <key>] [options]

Checks account request bodies (JSON files; "-" reads standard input) against the account API
contract and the workflow catalog, the way the builder does before anything is sent, and lists
every problem of a body at once. A workflow key that is neither in the catalog nor in --workflows
is reported.

With --data, checks a prepared-data file (the JSON uploadData sends to a DATA credential) the way
the client does before sending: formats (E.164, e-mail, IP, YYYY-MM-DD, country codes, SSN),
keys Jumio does not document, and with --workflow that workflow's required keys and rules.

Options:
  --data <data.json>         check a prepared-data file instead of account request bodies
  --workflow <key>           with --data: the workflow the data is for (catalog or --workflows)
  --allow-unknown            with --data: accept keys the prepared-data schema does not list
  --update                   the bodies are for PUT /api/v1/accounts/{id} (update-only workflows allowed)
  --workflows <file.json>    your tenant's workflow definitions (a JSON array of defineWorkflow input)
  --allow-unknown-fields     accept fields the schemas do not know (known fields keep every check)
  -h, --help                 show this help

Exit code: 0 when every body is valid, 1 when any is not, 2 on usage errors (also a missing file).`;

/** `kyx validate`. */
export const validate = defineCommand({
  name: 'validate',
  summary: 'check account request JSON files against the contract, the catalog and your workflows',
  usage: VALIDATE_USAGE,
  options: {
    update: { type: 'boolean' },
    workflows: { type: 'string' },
    data: { type: 'string' },
    workflow: { type: 'string' },
    'allow-unknown': { type: 'boolean' },
    'allow-unknown-fields': { type: 'boolean' },
  },
  run: async ({ values, positionals: sources, io }) => {
    const workflows = values.workflows === undefined ? [] : await readWorkflows(values.workflows, io);
    if (values.data !== undefined) {
      if (sources.length > 0) throw usageError('--data checks one prepared-data file: name no other file');
      const allowUnknown = values['allow-unknown'] === true;
      return validateDataFile({ source: values.data, workflow: values.workflow, workflows, allowUnknown, io });
    }
    if (values.workflow !== undefined) throw usageError('--workflow goes with --data <data.json>');
    if (sources.length === 0) throw usageError('name at least one file: kyx validate <file.json ...>');
    let code: number = EXIT.ok;
    for (const source of sources) {
      const name = source === '-' ? '(stdin)' : source;
      let body: unknown;
      try {
        body = parseJson(await readSource(source, io), source);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        code = Math.max(code, error.exitCode);
        io.stdout(`✖ ${error.message}`);
        continue;
      }
      const result = validateAccountRequest(body, {
        mode: values.update ? 'update' : 'create',
        workflows,
        unknownFields: values['allow-unknown-fields'] ? 'allow' : 'reject',
      });
      if (result.success) {
        io.stdout(`✔ ${name}: valid (workflow ${result.output.workflowDefinition.key})`);
      } else {
        code = Math.max(code, EXIT.invalid);
        io.stdout(`✖ ${name}:`);
        for (const issue of result.issues) io.stdout(`    ${issue.path || '(root)'}: ${issue.message}`);
      }
    }
    return code;
  },
});
