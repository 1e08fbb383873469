import type { CallbackHandler } from './handler.js';

/**
 * The parts of a Node.js `http.IncomingMessage` (or an Express `req`) that {@link toNodeListener}
 * reads. Written as a structural type so that using it needs no Node.js type declarations.
 *
 * @example
 * ```ts
 * import type { IncomingMessage } from 'node:http';
 * import type { NodeRequestLike } from 'jumio-kyx';
 * const accepts = (req: IncomingMessage): NodeRequestLike => req;
 * ```
 */
export interface NodeRequestLike {
  /** `POST`, … */
  readonly method?: string | undefined;
  /** Path and query. */
  readonly url?: string | undefined;
  /** Header values by lower-case name. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The connection; its `remoteAddress` is the peer checked against the allow-list. */
  readonly socket?: { readonly remoteAddress?: string | undefined } | null | undefined;
  /** Set by body parsers (Express `express.json()`, …) that read the body first. */
  readonly body?: unknown;
  /** Whether the body was read to its end already (by a body parser). */
  readonly readableEnded?: boolean | undefined;
  /** Stream events (`data`, `end`, `error`). */
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  /** Removes a stream listener. */
  off(event: string, listener: (...args: unknown[]) => void): unknown;
  /** Stops `data` events until {@link NodeRequestLike.resume}. */
  pause(): unknown;
  /** Resumes `data` events. */
  resume(): unknown;
}

/**
 * The parts of a Node.js `http.ServerResponse` (or an Express `res`) that {@link toNodeListener}
 * writes.
 *
 * @example
 * ```ts
 * import type { ServerResponse } from 'node:http';
 * import type { NodeResponseLike } from 'jumio-kyx';
 * const accepts = (res: ServerResponse): NodeResponseLike => res;
 * ```
 */
export interface NodeResponseLike {
  /** The status to send. */
  statusCode: number;
  /** Sets one header. */
  setHeader(name: string, value: string): unknown;
  /** Sends the body and ends the response. */
  end(chunk: Uint8Array): unknown;
}

/**
 * A Node.js request listener: `(req, res) => void`.
 *
 * @example
 * ```ts
 * import type { NodeListener } from 'jumio-kyx';
 * declare const listener: NodeListener;
 * ```
 */
export type NodeListener = (req: NodeRequestLike, res: NodeResponseLike) => void;

const bytesOf = (chunk: unknown): Uint8Array =>
  typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);

/**
 * The request body as a web stream that reads the Node.js stream only as fast as it is consumed.
 * Cancelling it stops reading without destroying the socket, so the answer (e.g. 413) still goes
 * out; Node.js discards the rest of the body.
 */
function bodyStream(req: NodeRequestLike): ReadableStream<Uint8Array> {
  let finished = false;
  const listeners: [string, (...args: unknown[]) => void][] = [];
  const listen = (event: string, listener: (...args: unknown[]) => void) => {
    listeners.push([event, listener]);
    req.on(event, listener);
  };
  const detach = () => {
    finished = true;
    for (const [event, listener] of listeners) req.off(event, listener);
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      listen('data', (chunk: unknown) => {
        if (finished) return;
        controller.enqueue(bytesOf(chunk));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      listen('end', () => {
        if (finished) return;
        detach();
        controller.close();
      });
      listen('error', (error: unknown) => {
        if (finished) return;
        detach();
        controller.error(error);
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      detach();
      req.resume(); // let the rest flow away unread
    },
  });
}

/** The body a body parser already read, as the text it was. */
function parsedBody(body: unknown): string | Uint8Array {
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  return JSON.stringify(body ?? null);
}

/** The web `Request` of a Node.js request. */
function toRequest(req: NodeRequestLike): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    try {
      for (const v of typeof value === 'string' ? [value] : value) headers.append(name, v);
    } catch {
      // a header value a web Headers cannot hold (rare): the handler does not need it
    }
  }
  const host = headers.get('host') ?? 'localhost';
  const path = req.url ?? '/';
  const url = URL.canParse(path, `http://${host}`) ? new URL(path, `http://${host}`) : new URL('http://localhost/');
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  if (req.readableEnded === true && req.body !== undefined) {
    headers.delete('content-length'); // the parsed body, written out again, may differ in length
    return new Request(url, { method, headers, body: parsedBody(req.body) as BodyInit });
  }
  return new Request(url, { method, headers, body: bodyStream(req), duplex: 'half' } as RequestInit);
}

/**
 * Adapts a web-standard handler (such as {@link createCallbackHandler}'s) to a Node.js request
 * listener for `http.createServer`, Express (`app.post(path, listener)`; before or after
 * `express.json()`), Fastify's raw server and the like. The sender checked is
 * `req.socket.remoteAddress`.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { type CallbackHandler, toNodeListener } from 'jumio-kyx';
 *
 * declare const handler: CallbackHandler; // from createCallbackHandler
 * createServer(toNodeListener(handler)).listen(8080);
 * ```
 */
export function toNodeListener(handler: CallbackHandler): NodeListener {
  return (req, res) => {
    let request: Request;
    try {
      request = toRequest(req);
    } catch {
      res.statusCode = 400;
      res.setHeader('content-type', 'application/json');
      res.end(new TextEncoder().encode('{"outcome":"invalid"}'));
      return;
    }
    void handler(request, { remoteAddress: req.socket?.remoteAddress })
      .then(async (response) => {
        res.statusCode = response.status;
        response.headers.forEach((value, name) => {
          res.setHeader(name, value);
        });
        res.end(new Uint8Array(await response.arrayBuffer()));
      })
      .catch(() => {
        res.statusCode = 500;
        res.end(new Uint8Array(0));
      });
  };
}
