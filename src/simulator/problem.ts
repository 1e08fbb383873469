/** Reason phrases for the statuses the simulator answers with. */
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The title Jumio's problem bodies use for a status. */
export function statusTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Error');
}

/** A problem-details JSON response (`title`, `status`, `detail`), the shape of Jumio's errors. */
export function problem(status: number, detail: string, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify({ title: statusTitle(status), status, detail }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A JSON response. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Jumio's documented rate-limit answer, verbatim. */
export function tooManyRequests(): Response {
  return problem(429, 'Request limit exceeded');
}
