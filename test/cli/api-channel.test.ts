// The whole API channel against `kyx simulate` (a process): each step as a `kyx` process, as an
// operator types it (send → upload → finalize → wait → details → delete), and the same steps and
// the rest of the channel in process (the same `main`, measured by the coverage).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFiles } from '../../src/simulator/index.js';
import { kyx as kyxInProcess, scratch } from './run.js';

const bin = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
const files = scratch('kyx-api-channel-');
const jpeg = join(files.dir, 'id.jpg');
const selfie = join(files.dir, 'selfie.png');
writeFileSync(jpeg, sampleFiles.jpeg);
writeFileSync(selfie, sampleFiles.png);
const idBody = files.file('idv.json', { customerInternalReference: 'shell-1', workflowDefinition: { key: 10011 } });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SCHEDULE = ['--schedule', '0,0.1,0.2,0.4,0.8,1.6,3.2,6.4'];

let simulator: ChildProcess;
let env: Record<string, string>;

/** What one `kyx` run printed: exit code, stdout as text, stderr lines. */
interface Run {
  code: number | null;
  out: string;
  err: string[];
  // biome-ignore lint/suspicious/noExplicitAny: tests read the JSON they asserted the shape of
  json: () => any;
}
type Runner = (args: string[], extra?: Record<string, string>, input?: string) => Promise<Run>;

/** One `kyx` process. */
const shell: Runner = async (args, extra = {}, input = '') => {
  const { JUMIO_CLIENT_ID: _, JUMIO_CLIENT_SECRET: __, JUMIO_BASE_URL: ___, JUMIO_REGION: ____, ...rest } = process.env;
  const run = spawnSync(process.execPath, ['--import', 'tsx', bin, ...args], {
    env: { ...rest, ...env, ...extra },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const err = run.stderr.split('\n').filter((l) => l !== '');
  return { code: run.status, out: run.stdout, err, json: () => JSON.parse(run.stdout) };
};

/** One `kyx` run in this process (its `main`, with the same environment). */
const inProcess: Runner = async (args, extra = {}, input = '') => {
  const run = await kyxInProcess(args, { env: { ...env, ...extra }, stdin: input });
  const out = run.out.length > 0 ? `${run.out.join('\n')}\n` : '';
  return { code: run.code, out, err: run.err, json: () => JSON.parse(out) };
};

beforeAll(async () => {
  simulator = spawn(
    process.execPath,
    ['--import', 'tsx', bin, 'simulate', '--port', '0', '--quiet', '--no-rate-limits', '--processing-delay', '20'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    simulator.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      const match = /listening on (\S+)/.exec(text);
      if (match) resolve(match[1] as string);
    });
    simulator.once('exit', (code) => reject(new Error(`kyx simulate exited with ${code}`)));
  });
  env = { JUMIO_CLIENT_ID: 'shell-id', JUMIO_CLIENT_SECRET: 'shell-secret', JUMIO_BASE_URL: url };
}, 60_000);

afterAll(async () => {
  if (simulator.exitCode === null) {
    const exited = new Promise((resolve) => simulator.once('exit', resolve));
    simulator.kill('SIGTERM');
    await exited;
  }
  files.remove();
});

describe('the API channel against kyx simulate', () => {
  it.each([
    ['from the shell', shell],
    ['in process', inProcess],
  ] as const)(
    'send, upload, finalize, wait, details, delete (%s)',
    async (_, kyx) => {
      const sent = await kyx(['send', idBody]);
      expect(sent.code).toBe(0);
      const saved = files.file('response.json', sent.out);
      const { account, workflowExecution } = sent.json();
      expect(account.id).toMatch(UUID);

      const front = await kyx(['upload', saved, 'front', jpeg]);
      expect(front).toMatchObject({ code: 0, err: [] });
      expect(front.json().workflowExecution.id).toBe(workflowExecution.id);
      expect((await kyx(['upload', saved, 'face', selfie])).code).toBe(0);
      // a part the execution does not collect: refused before anything is sent, one line
      const document = await kyx(['upload', saved, 'document', jpeg]);
      expect(document.code).toBe(1);
      expect(document.err).toEqual([
        "kyx upload: invalid input, nothing was sent: workflowExecution.credentials: part 'document': the execution collects no DOCUMENT credential (it collects ID, SELFIE and FACEMAP): upload 'front', 'back' or 'face'",
      ]);

      // INITIATED before finalize, and kyx wait says what it means
      const early = await kyx(['wait', account.id, workflowExecution.id, '--schedule', '0']);
      expect(early.code).toBe(3);
      expect(early.err[0]).toBe(
        'kyx wait: INITIATED, nothing uploaded or finalized yet: kyx upload the parts, then kyx finalize (check 1 of 1)',
      );

      const finalized = await kyx(['finalize', saved]);
      expect(finalized.code).toBe(0);
      expect(finalized.json().workflowExecution.id).toBe(workflowExecution.id);

      const waited = await kyx(['wait', account.id, workflowExecution.id, ...SCHEDULE]);
      expect(waited.code).toBe(0);
      expect(waited.json()).toMatchObject({ workflow: { status: 'PROCESSED' }, decision: { type: 'PASSED' } });
      expect(waited.err.at(-1)).toMatch(/^kyx wait: PROCESSED, done: the result is ready \(check \d+ of 8\)$/);

      const details = await kyx(['details', account.id, workflowExecution.id]);
      expect(details.code).toBe(0);
      expect(details.json().workflow.id).toBe(workflowExecution.id);

      const unconfirmed = await kyx(['delete', account.id, workflowExecution.id]);
      expect(unconfirmed).toMatchObject({ code: 2, out: '' });
      expect(unconfirmed.err).toEqual([
        `kyx delete: deleting workflow execution ${workflowExecution.id} of account ${account.id} is permanent: add --yes to confirm`,
      ]);
      expect((await kyx(['details', account.id, workflowExecution.id])).code).toBe(0); // still there

      const deleted = await kyx(['delete', account.id, workflowExecution.id, '--yes']);
      expect(deleted).toMatchObject({ code: 0, err: [] });
      expect(deleted.out).toBe(`deleted workflow execution ${workflowExecution.id} of account ${account.id}\n`);
      const gone = await kyx(['details', account.id, workflowExecution.id]);
      expect(gone.code).toBe(3);
      expect(gone.err).toHaveLength(1);
      expect(gone.err[0]).toContain('404');

      const account2 = await kyx(['delete', account.id, '--yes']);
      expect(account2.out).toBe(`deleted account ${account.id} and every execution of it\n`);
    },
    300_000,
  );

  it('one shot: send --upload front=… --upload face=… --finalize --wait (in process)', async () => {
    const kyx = inProcess;
    const run = await kyx([
      'send',
      idBody,
      '--upload',
      `front=${jpeg}`,
      '--upload',
      `face=${selfie}`,
      '--finalize',
      '--wait',
      ...SCHEDULE,
    ]);
    expect(run.code).toBe(0);
    const out = run.json();
    expect(Object.keys(out)).toEqual(['response', 'uploads', 'finalize', 'details']);
    expect(Object.keys(out.uploads)).toEqual(['front', 'face']);
    expect(out.details).toMatchObject({
      workflow: { id: out.response.workflowExecution.id, status: 'PROCESSED' },
      decision: { type: 'PASSED' },
    });
    expect(run.err.slice(0, 4)).toEqual([
      `kyx send: sent: account ${out.response.account.id}, execution ${out.response.workflowExecution.id}`,
      `kyx send: uploaded front (${jpeg})`,
      `kyx send: uploaded face (${selfie})`,
      'kyx send: finalized',
    ]);
    // its output is a saved response for kyx upload and kyx finalize
    const saved = files.file('one-shot.json', run.out);
    const late = await kyx(['upload', saved, 'back', jpeg]); // the execution is processed: Jumio refuses, one line
    expect(late.code).toBe(1);
    expect(late.err).toEqual([
      expect.stringMatching(
        /^kyx upload: POST \S+ failed with HTTP 400 \(Bad Request: The workflow execution is PROCESSED: parts can no longer be uploaded\): Jumio rejected the request$/,
      ),
    ]);
  }, 300_000);

  it('a missing --upload file stops the one shot before anything is sent (in process)', async () => {
    const kyx = inProcess;
    const run = await kyx(['send', idBody, '--upload', `front=${join(files.dir, 'nope.jpg')}`]);
    expect(run).toMatchObject({ code: 2, out: '' });
    expect(run.err).toEqual([`kyx send: ${join(files.dir, 'nope.jpg')}: no such file: check the path`]);
  }, 60_000);

  it('upload and finalize by ids and the credential token (KYX_API_TOKEN), and prepared data from JSON (in process)', async () => {
    const kyx = inProcess;
    const sent = (await kyx(['send', idBody])).json();
    const id = sent.workflowExecution.credentials.find((c: { category: string }) => c.category === 'ID');
    const selfieCredential = sent.workflowExecution.credentials.find(
      (c: { category: string }) => c.category === 'SELFIE',
    );
    const ids = ['--account', sent.account.id, '--execution', sent.workflowExecution.id];
    const front = await kyx(['upload', ...ids, '--credential', id.id, 'front', jpeg], { KYX_API_TOKEN: id.api.token });
    expect(front).toMatchObject({ code: 0, err: [] });
    const face = await kyx(['upload', ...ids, '--credential', selfieCredential.id, 'face', selfie], {
      KYX_API_TOKEN: selfieCredential.api.token,
    });
    expect(face.code).toBe(0);
    const noToken = await kyx(['finalize', ...ids, '--credential', id.id]);
    expect(noToken).toMatchObject({
      code: 2,
      err: ['kyx finalize: name a saved kyx send response, or give --token (or KYX_API_TOKEN)'],
    });
    const finalized = await kyx(['finalize', ...ids, '--credential', id.id], { KYX_API_TOKEN: id.api.token });
    expect(finalized.code).toBe(0);
    expect((await kyx(['wait', sent.account.id, sent.workflowExecution.id, ...SCHEDULE])).json().workflow.status).toBe(
      'PROCESSED',
    );

    // prepared data (DATA credential of a screening workflow) from a JSON file
    const screening = await kyx([
      'send',
      files.file('screening.json', {
        customerInternalReference: 'shell-2',
        userReference: 'user-2',
        workflowDefinition: { key: 10010 },
      }),
    ]);
    expect(screening.code).toBe(0);
    const savedScreening = files.file('screening-response.json', screening.out);
    const data = files.file('data.json', { firstName: 'ALEX', lastName: 'MUSTER', dateOfBirth: '1990-01-01' });
    const uploaded = await kyx(['upload', savedScreening, 'data', data]);
    expect(uploaded).toMatchObject({ code: 0, err: [] });
    const notObject = await kyx(['upload', savedScreening, 'data', files.file('list.json', [1, 2])]);
    expect(notObject.code).toBe(1);
    expect(notObject.err).toEqual([`kyx upload: ${join(files.dir, 'list.json')}: prepared data must be a JSON object`]);
  }, 300_000);

  it('health prints the status and exits 0 when UP, without credentials (in process)', async () => {
    const kyx = inProcess;
    const run = await kyx(['health'], { JUMIO_CLIENT_ID: '', JUMIO_CLIENT_SECRET: '' });
    expect(run).toMatchObject({ code: 0, err: [] });
    expect(run.json()).toEqual({ status: 'UP' });
  }, 60_000);
});
