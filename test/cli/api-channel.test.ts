// The whole API channel from the shell: `kyx simulate` as a process, and each step as a `kyx`
// process, as an operator types it (send → upload → finalize → wait → details → delete).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFiles } from '../../src/simulator/index.js';
import { scratch } from './run.js';

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

/** One `kyx` process: exit code, stdout, stderr lines. */
function kyx(args: string[], extra: Record<string, string> = {}, input = '') {
  const { JUMIO_CLIENT_ID: _, JUMIO_CLIENT_SECRET: __, JUMIO_BASE_URL: ___, JUMIO_REGION: ____, ...rest } = process.env;
  const run = spawnSync(process.execPath, ['--import', 'tsx', bin, ...args], {
    env: { ...rest, ...env, ...extra },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const err = run.stderr.split('\n').filter((l) => l !== '');
  return { code: run.status, out: run.stdout, err, json: () => JSON.parse(run.stdout) };
}

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

describe('the API channel from the shell, against kyx simulate', () => {
  it('send, upload, finalize, wait, details, delete', () => {
    const sent = kyx(['send', idBody]);
    expect(sent.code).toBe(0);
    const saved = files.file('response.json', sent.out);
    const { account, workflowExecution } = sent.json();
    expect(account.id).toMatch(UUID);

    const front = kyx(['upload', saved, 'front', jpeg]);
    expect(front).toMatchObject({ code: 0, err: [] });
    expect(front.json().workflowExecution.id).toBe(workflowExecution.id);
    expect(kyx(['upload', saved, 'face', selfie]).code).toBe(0);
    // a part the execution does not collect: refused before anything is sent, one line
    const document = kyx(['upload', saved, 'document', jpeg]);
    expect(document.code).toBe(1);
    expect(document.err).toEqual([
      "kyx upload: invalid input, nothing was sent: workflowExecution.credentials: part 'document': the execution collects no DOCUMENT credential (it collects ID, SELFIE and FACEMAP): upload 'front', 'back' or 'face'",
    ]);

    // INITIATED before finalize, and kyx wait says what it means
    const early = kyx(['wait', account.id, workflowExecution.id, '--schedule', '0']);
    expect(early.code).toBe(3);
    expect(early.err[0]).toBe(
      'kyx wait: INITIATED, nothing uploaded or finalized yet: kyx upload the parts, then kyx finalize (check 1 of 1)',
    );

    const finalized = kyx(['finalize', saved]);
    expect(finalized.code).toBe(0);
    expect(finalized.json().workflowExecution.id).toBe(workflowExecution.id);

    const waited = kyx(['wait', account.id, workflowExecution.id, ...SCHEDULE]);
    expect(waited.code).toBe(0);
    expect(waited.json()).toMatchObject({ workflow: { status: 'PROCESSED' }, decision: { type: 'PASSED' } });
    expect(waited.err.at(-1)).toMatch(/^kyx wait: PROCESSED, done: the result is ready \(check \d+ of 8\)$/);

    const details = kyx(['details', account.id, workflowExecution.id]);
    expect(details.code).toBe(0);
    expect(details.json().workflow.id).toBe(workflowExecution.id);

    const unconfirmed = kyx(['delete', account.id, workflowExecution.id]);
    expect(unconfirmed).toMatchObject({ code: 2, out: '' });
    expect(unconfirmed.err).toEqual([
      `kyx delete: deleting workflow execution ${workflowExecution.id} of account ${account.id} is permanent: add --yes to confirm`,
    ]);
    expect(kyx(['details', account.id, workflowExecution.id]).code).toBe(0); // still there

    const deleted = kyx(['delete', account.id, workflowExecution.id, '--yes']);
    expect(deleted).toMatchObject({ code: 0, err: [] });
    expect(deleted.out).toBe(`deleted workflow execution ${workflowExecution.id} of account ${account.id}\n`);
    const gone = kyx(['details', account.id, workflowExecution.id]);
    expect(gone.code).toBe(3);
    expect(gone.err).toHaveLength(1);
    expect(gone.err[0]).toContain('404');

    const account2 = kyx(['delete', account.id, '--yes']);
    expect(account2.out).toBe(`deleted account ${account.id} and every execution of it\n`);
  }, 300_000);

  it('one shot: send --upload front=… --upload face=… --finalize --wait', () => {
    const run = kyx([
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
    const late = kyx(['upload', saved, 'back', jpeg]); // the execution is processed: Jumio refuses, one line
    expect(late.code).toBe(1);
    expect(late.err).toEqual([
      expect.stringMatching(
        /^kyx upload: POST \S+ failed with HTTP 400 \(Bad Request: The workflow execution is PROCESSED: parts can no longer be uploaded\): Jumio rejected the request$/,
      ),
    ]);
  }, 300_000);

  it('a missing --upload file stops the one shot before anything is sent', () => {
    const run = kyx(['send', idBody, '--upload', `front=${join(files.dir, 'nope.jpg')}`]);
    expect(run).toMatchObject({ code: 2, out: '' });
    expect(run.err).toEqual([`kyx send: ${join(files.dir, 'nope.jpg')}: no such file: check the path`]);
  }, 60_000);

  it('upload and finalize by ids and the credential token (KYX_API_TOKEN), and prepared data from JSON', () => {
    const sent = kyx(['send', idBody]).json();
    const id = sent.workflowExecution.credentials.find((c: { category: string }) => c.category === 'ID');
    const selfieCredential = sent.workflowExecution.credentials.find(
      (c: { category: string }) => c.category === 'SELFIE',
    );
    const ids = ['--account', sent.account.id, '--execution', sent.workflowExecution.id];
    const front = kyx(['upload', ...ids, '--credential', id.id, 'front', jpeg], { KYX_API_TOKEN: id.api.token });
    expect(front).toMatchObject({ code: 0, err: [] });
    const face = kyx(['upload', ...ids, '--credential', selfieCredential.id, 'face', selfie], {
      KYX_API_TOKEN: selfieCredential.api.token,
    });
    expect(face.code).toBe(0);
    const noToken = kyx(['finalize', ...ids, '--credential', id.id]);
    expect(noToken).toMatchObject({
      code: 2,
      err: ['kyx finalize: name a saved kyx send response, or give --token (or KYX_API_TOKEN)'],
    });
    const finalized = kyx(['finalize', ...ids, '--credential', id.id], { KYX_API_TOKEN: id.api.token });
    expect(finalized.code).toBe(0);
    expect(kyx(['wait', sent.account.id, sent.workflowExecution.id, ...SCHEDULE]).json().workflow.status).toBe(
      'PROCESSED',
    );

    // prepared data (DATA credential of a screening workflow) from a JSON file
    const screening = kyx([
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
    const uploaded = kyx(['upload', savedScreening, 'data', data]);
    expect(uploaded).toMatchObject({ code: 0, err: [] });
    const notObject = kyx(['upload', savedScreening, 'data', files.file('list.json', [1, 2])]);
    expect(notObject.code).toBe(1);
    expect(notObject.err).toEqual([`kyx upload: ${join(files.dir, 'list.json')}: prepared data must be a JSON object`]);
  }, 300_000);

  it('health prints the status and exits 0 when UP, without credentials', () => {
    const run = kyx(['health'], { JUMIO_CLIENT_ID: '', JUMIO_CLIENT_SECRET: '' });
    expect(run).toMatchObject({ code: 0, err: [] });
    expect(run.json()).toEqual({ status: 'UP' });
  }, 60_000);
});
