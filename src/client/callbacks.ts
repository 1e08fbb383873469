import { KyxValidationError } from '../errors.js';
import { parseWith } from '../model/parse.js';
import { type CallbackPayload, CallbackPayloadSchema } from '../model/response.js';
import type { Region } from './regions.js';

/**
 * Parses the JSON body Jumio POSTs to the callback URL (raw text or an already parsed object).
 * Lenient: unknown fields and statuses pass, `callbackSentAt` may have 0–3 fractional digits,
 * and a numeric `definitionKey` becomes a string. Jumio signs nothing: re-fetch the status with
 * the Retrieval API before trusting it. Throws `KyxValidationError`.
 *
 * @example
 * ```ts
 * import { parseCallback } from 'jumio-kyx';
 * const callback = parseCallback(
 *   '{"callbackSentAt":"2023-03-15T19:14:51Z","workflowExecution":{"id":"41f71912-1c6b-4e2f-b340-d6dc10cd69b8",' +
 *     '"href":"https://retrieval.amer-1.jumio.ai/x","definitionKey":"10011","status":"PROCESSED"},' +
 *     '"account":{"id":"572ac7b5-9f83-409d-ba8e-f0014e411c7e","href":"https://retrieval.amer-1.jumio.ai/y"}}',
 * );
 * callback.workflowExecution.status; // 'PROCESSED'
 * ```
 */
export function parseCallback(body: string | Uint8Array | object): CallbackPayload {
  let value: unknown = body;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
    try {
      value = JSON.parse(text);
    } catch {
      throw new KyxValidationError([{ path: '', message: 'must be a JSON body' }], 'callback');
    }
  }
  const parsed = parseWith(CallbackPayloadSchema, value, { quoteValues: false });
  if (!parsed.success) throw new KyxValidationError(parsed.issues, 'callback');
  return parsed.output as CallbackPayload;
}

/**
 * The documented callback source addresses per region (Jumio callback docs; they change —
 * pass your own list to {@link isJumioCallbackSource} when Jumio publishes new ones).
 *
 * @example
 * ```ts
 * import { JUMIO_CALLBACK_IPS } from 'jumio-kyx';
 * JUMIO_CALLBACK_IPS['emea-1'].length; // 6
 * ```
 */
export const JUMIO_CALLBACK_IPS: Readonly<Record<Region, readonly string[]>> = {
  'amer-1': ['34.202.241.227', '34.226.103.119', '34.226.254.127', '52.8.136.236', '54.177.61.57', '54.183.15.212'],
  'emea-1': ['34.253.41.236', '35.157.27.193', '52.48.0.25', '52.57.194.92', '52.58.113.86', '52.209.180.134'],
  'apac-1': ['3.0.109.121', '52.76.184.73', '52.77.102.92', '13.238.100.17', '13.238.203.238', '52.64.132.26'],
};

/**
 * Whether `ip` (as your server saw the peer; IPv4-mapped IPv6 such as `::ffff:1.2.3.4` is
 * understood) is a Jumio callback sender of `region`. `allowList` replaces the built-in list.
 *
 * @example
 * ```ts
 * import { isJumioCallbackSource } from 'jumio-kyx';
 * isJumioCallbackSource('::ffff:34.202.241.227', 'amer-1'); // true
 * isJumioCallbackSource('10.0.0.1', 'amer-1', ['10.0.0.1']); // true
 * ```
 */
export function isJumioCallbackSource(ip: string, region: Region, allowList?: readonly string[]): boolean {
  const address = ip.trim().replace(/^::ffff:/i, '');
  return (allowList ?? JUMIO_CALLBACK_IPS[region] ?? []).includes(address);
}
