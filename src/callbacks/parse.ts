import { KyxValidationError } from '../errors/index.js';
import { parseWith } from '../model/parse.js';
import type { CallbackPayload } from '../model/response.js';
import { CallbackPayloadSchema } from '../model/response-schemas.js';

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
      throw new KyxValidationError({ issues: [{ path: '', message: 'must be a JSON body' }], subject: 'callback' });
    }
  }
  const parsed = parseWith(CallbackPayloadSchema, value, { quoteValues: false });
  if (!parsed.success) throw new KyxValidationError({ issues: parsed.issues, subject: 'callback' });
  return parsed.output as CallbackPayload;
}
