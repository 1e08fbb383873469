// TypeScript 7's editor half for `npm run bench:editor`. The native compiler has no in-process
// language service; editors talk to it as a language server (`tsc --lsp --stdio`). This is the
// smallest LSP client that asks what an editor asks after an edit: completions, hover and the
// file's diagnostics (pull model), each timed from the edit to the answer.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

/** The version of the TypeScript 7 devDependency (`typescript-7`). */
export function ts7Version(): string {
  return (createRequire(import.meta.url)('typescript-7/package.json') as { version: string }).version;
}

/** The request an editor makes, after an edit that ends the file with the probe line. */
export type LspOperation = 'completions' | 'hover' | 'diagnostics';

interface Message {
  readonly id?: number;
  readonly method?: string;
  readonly result?: unknown;
  readonly error?: { readonly message: string };
}

/** One TypeScript 7 language server over a project directory, with one file the benchmark edits. */
export class LspEditorProject {
  readonly #server: ChildProcess;
  readonly #uri: string;
  readonly #base: string;
  readonly #pending = new Map<number, (message: Message) => void>();
  #buffer = Buffer.alloc(0);
  #nextId = 0;
  #version = 1;
  #ready: Promise<unknown>;

  constructor(dir: string, editedFile: string) {
    const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript-7/package.json')), 'bin', 'tsc');
    this.#server = spawn(process.execPath, [tsc, '--lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.#server.stdout?.on('data', (chunk: Buffer) => this.#receive(chunk));
    const file = join(dir, 'src', editedFile);
    this.#uri = pathToFileURL(file).href;
    this.#base = readFileSync(file, 'utf8');
    this.#ready = this.#request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: { textDocument: { completion: {}, hover: {}, diagnostic: {} } },
    }).then(() => {
      this.#notify('initialized', {});
      this.#notify('textDocument/didOpen', {
        textDocument: { uri: this.#uri, languageId: 'typescript', version: this.#version, text: this.#base },
      });
    });
  }

  /** Milliseconds from an edit to the answer; throws when the answer is empty or the file has errors. */
  async measure(
    operation: LspOperation,
    probes: Record<'completions' | 'hover', string>,
    mark: string,
  ): Promise<number> {
    await this.#ready;
    this.#version += 1;
    const probe = operation === 'diagnostics' ? probes.hover : probes[operation];
    const head = `${this.#base}export const edited = 'v${this.#version}';\n`;
    const text = `${head}${probe.replace(mark, '')}\n`;
    const position = positionOf(text, head.length + probe.indexOf(mark));
    const textDocument = { uri: this.#uri };
    const started = performance.now();
    this.#notify('textDocument/didChange', {
      textDocument: { uri: this.#uri, version: this.#version },
      contentChanges: [{ text }],
    });
    if (operation === 'completions') {
      const result = (await this.#request('textDocument/completion', { textDocument, position })) as
        | { items?: unknown[] }
        | unknown[]
        | null;
      const elapsed = performance.now() - started;
      const items = Array.isArray(result) ? result : result?.items;
      if (!items || items.length === 0) throw new Error('bench:editor (TS 7): no completions at the probe');
      return elapsed;
    }
    if (operation === 'hover') {
      const result = await this.#request('textDocument/hover', { textDocument, position });
      const elapsed = performance.now() - started;
      if (!result) throw new Error('bench:editor (TS 7): no hover at the probe');
      return elapsed;
    }
    const report = (await this.#request('textDocument/diagnostic', { textDocument })) as {
      items?: { message: string }[];
    };
    const elapsed = performance.now() - started;
    const items = report.items ?? [];
    if (items.length > 0) {
      throw new Error(`bench:editor (TS 7): the edited file has ${items.length} errors, first: ${items[0]?.message}`);
    }
    return elapsed;
  }

  /** Shuts the server down. */
  async dispose(): Promise<void> {
    const exited = new Promise((resolve) => this.#server.once('exit', resolve));
    await this.#request('shutdown', null).catch(() => undefined);
    this.#notify('exit', null);
    this.#server.stdin?.end();
    const timer = setTimeout(() => this.#server.kill(), 5_000);
    await exited;
    clearTimeout(timer);
  }

  #send(message: object): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.#server.stdin?.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  #notify(method: string, params: unknown): void {
    this.#send({ method, params });
  }

  #request(method: string, params: unknown): Promise<unknown> {
    const id = ++this.#nextId;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, (message) =>
        message.error ? reject(new Error(`${method}: ${message.error.message}`)) : resolve(message.result),
      );
      this.#send({ id, method, params });
    });
  }

  /** Reads framed messages: answers to our requests resolve them; requests from the server get `null`. */
  #receive(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const end = this.#buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.#buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (this.#buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.#buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Message;
      this.#buffer = this.#buffer.subarray(end + 4 + length);
      if (message.method !== undefined && message.id !== undefined) this.#send({ id: message.id, result: null });
      else if (message.id !== undefined) {
        this.#pending.get(message.id)?.(message);
        this.#pending.delete(message.id);
      }
    }
  }
}

/** The LSP position (0-based line and UTF-16 column) of an offset. */
function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
