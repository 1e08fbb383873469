import * as v from 'valibot';
import { KyxValidationError } from '../errors/index.js';
import { parseWith } from '../model/parse.js';
import { UUID_PATTERN } from '../model/rules.js';

/**
 * The parameters Jumio's hosted web journey appends to `successUrl` / `errorUrl` when it sends
 * the user back. They say how the *acquisition* ended, not what was decided: fetch the result
 * (callback, status, details) before acting on it.
 *
 * @example
 * ```ts
 * import type { WebRedirect } from 'jumio-kyx';
 * const back: WebRedirect = {
 *   accountId: '572ac7b5-9f83-409d-ba8e-f0014e411c7e',
 *   workflowExecutionId: '9d5b9c3e-8f2a-4c1e-9b7d-2f6a1e0c4d3b',
 *   acquisitionStatus: 'ERROR',
 *   errorCode: 9200,
 * };
 * ```
 */
export interface WebRedirect {
  /** The account the journey belonged to. */
  accountId: string;
  /** The workflow execution the journey acquired credentials for. */
  workflowExecutionId: string;
  /** `SUCCESS` (the user submitted) or `ERROR` (the journey failed; see `errorCode`). */
  acquisitionStatus: 'SUCCESS' | 'ERROR';
  /** Your reference from the account request, when Jumio sent it back. */
  customerInternalReference?: string;
  /**
   * Why the journey failed (on `ERROR`): 9100 server error, 9200 authorization token missing,
   * invalid or expired, 9210 session expired after the start, 9300 image transmission, 9400
   * verification step, 9800 no network, 9801 unexpected client error, 9810 server communication,
   * 9820 upload disabled and no camera, 9821 face capture failed, 9822 no camera support,
   * 9835 no acceptable submission in 3 attempts, 9836 authentication failed. Others may come.
   */
  errorCode?: number;
}

const ID = (what: string) => v.pipe(v.string('is required'), v.regex(UUID_PATTERN, `must be a UUID (${what})`));

const RedirectSchema = v.object({
  accountId: ID('the account id Jumio sent'),
  workflowExecutionId: ID('the workflow execution id Jumio sent'),
  acquisitionStatus: v.picklist(['SUCCESS', 'ERROR'], 'must be SUCCESS or ERROR'),
  customerInternalReference: v.exactOptional(v.string()),
  errorCode: v.exactOptional(
    v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'must be a number (e.g. 9200)'), v.transform(Number)),
  ),
});

/**
 * Reads the parameters Jumio appends to `successUrl` / `errorUrl` (the request URL your page
 * receives: absolute, relative, or just its query string), typed. A missing or malformed parameter throws
 * `KyxValidationError` naming it; values are never quoted in the message.
 *
 * A redirect is not a result: anyone can open your success URL with any parameters, and even a
 * real `SUCCESS` says only that the user submitted. Use the ids to look the execution up (or wait
 * for the callback) and decide on its details.
 *
 * @example
 * ```ts
 * import { parseRedirect } from 'jumio-kyx';
 * const back = parseRedirect(
 *   'https://acme.example/kyc/done?accountId=572ac7b5-9f83-409d-ba8e-f0014e411c7e' +
 *     '&workflowExecutionId=9d5b9c3e-8f2a-4c1e-9b7d-2f6a1e0c4d3b&acquisitionStatus=SUCCESS' +
 *     '&customerInternalReference=order-1',
 * );
 * back.acquisitionStatus; // 'SUCCESS': the user submitted; the decision comes with the callback
 * ```
 */
export function parseRedirect(url: string | URL): WebRedirect {
  const text = url instanceof URL ? url.search : URL.canParse(url) ? new URL(url).search : url;
  const params = new URLSearchParams(text.includes('?') ? text.slice(text.indexOf('?')) : text);
  const input: Record<string, string> = {};
  for (const name of Object.keys(RedirectSchema.entries)) {
    const value = params.get(name);
    if (value !== null) input[name] = value;
  }
  const parsed = parseWith(RedirectSchema, input, { quoteValues: false });
  if (!parsed.success) throw new KyxValidationError({ issues: parsed.issues, subject: 'redirect' });
  return parsed.output;
}
