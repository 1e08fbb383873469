import { match, P } from 'ts-pattern';
import type { KyxClient } from '../client/client.js';
import type { UploadPart } from '../client/credentials.js';
import { type ExecutionSource, uploadData, uploadPart } from './api.js';
import { defineCommand, EXIT } from './command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, clientFor, connection } from './connection.js';
import { CREDENTIAL_OPTIONS, CREDENTIAL_USAGE, executionSource } from './execution-source.js';
import { CliError, usageError } from './exit.js';
import { MAX_FILE_BYTES, readBytes, readJson } from './files.js';
import type { CliIo } from './io.js';
import { printJson } from './output.js';

/** The parts `kyx upload` takes: the four file parts, and `data` (prepared data, a JSON file). */
const PARTS = ['front', 'back', 'face', 'document', 'data'] as const;
type CliPart = (typeof PARTS)[number];
const isPart = (value: string): value is CliPart => (PARTS as readonly string[]).includes(value);

/** The positionals: `[<response.json|->] <part> <file>`. */
function partAndFile(given: readonly string[]): { saved: string | undefined; part: CliPart; file: string } {
  const [saved, part, file] = given.length === 3 ? given : [undefined, ...given];
  if (given.length < 2 || given.length > 3 || part === undefined || file === undefined) {
    throw usageError(
      'kyx upload [<response.json|->] <part> <file> (a saved kyx send response, or --account …; see kyx help upload)',
    );
  }
  if (!isPart(part)) throw usageError(`part must be one of ${PARTS.join(', ')} (got ${part})`);
  if (saved === '-' && file === '-') throw usageError('only one of the response and the file can be standard input');
  return { saved, part, file };
}

/** A part read from its file, ready to send: file bytes, or prepared data. */
export type ReadPart =
  | { readonly part: UploadPart; readonly file: string; readonly bytes: Uint8Array }
  | { readonly part: 'data'; readonly file: string; readonly data: Record<string, unknown> };

/** Reads a part's file (bounded): a file part's bytes, or `data`'s JSON object. */
export async function readPart(part: CliPart, file: string, io: CliIo): Promise<ReadPart> {
  return match(part)
    .with('data', async () => {
      const data = await readJson(file, io);
      if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new CliError(EXIT.invalid, `${file}: prepared data must be a JSON object`);
      }
      return { part: 'data' as const, file, data: data as Record<string, unknown> };
    })
    .with(P.union('front', 'back', 'face', 'document'), async (p) => ({
      part: p,
      file,
      bytes: await readBytes(file, io, MAX_FILE_BYTES),
    }))
    .exhaustive();
}

/** Sends a part read by {@link readPart}. Shared with `kyx send --upload`. */
export function sendPart(client: KyxClient, source: ExecutionSource, read: ReadPart, signal: AbortSignal) {
  return 'data' in read
    ? uploadData(client, source, read.data, signal)
    : uploadPart(client, source, read.part, read.bytes, signal);
}

/** Whether a `part=file` names a part `kyx upload` takes. */
export { type CliPart, isPart, PARTS };

/** `kyx upload`: one part file (or prepared data) to the credential that collects it. */
export const upload = defineCommand({
  name: 'upload',
  summary: 'upload a part file (front, back, face, document) or prepared data (data) of an execution',
  usage: `Usage: kyx upload <response.json|-> <part> <file> [options]
       kyx upload --account <id> --execution <id> --credential <id> <part> <file> [options]

Uploads one part of a workflow execution on the API channel, with the credential's api.token,
and prints Jumio's answer as JSON. <response.json> is what kyx send printed (saved to a file).
Parts: front, back (ID), face (SELFIE), document (DOCUMENT) take a JPEG or PNG file of at most
15 MB (document also PDF); data takes prepared data, a JSON object (DATA). A part the execution
does not collect is refused before anything is sent. Then: kyx finalize.

${CREDENTIAL_USAGE}

${CONNECTION_USAGE}`,
  options: { ...CONNECTION_OPTIONS, ...CREDENTIAL_OPTIONS },
  run: async ({ values, positionals: given, io }) => {
    const { saved, part, file } = partAndFile(given);
    const target = connection(values, io);
    const source = await executionSource(saved, values, target, io, part === 'data' ? 'prepared_data' : part);
    const read = await readPart(part, file, io);
    printJson(await sendPart(clientFor(target), source, read, io.signal), io);
    return EXIT.ok;
  },
});
