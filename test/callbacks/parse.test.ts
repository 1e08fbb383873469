import { describe, expect, it } from 'vitest';
import { isJumioCallbackSource, JUMIO_CALLBACK_IPS, KyxValidationError, parseCallback } from '../../src/index.js';

const payload = (callbackSentAt: string, definitionKey: unknown = '10013') => ({
  callbackSentAt,
  userReference: 'user-123',
  workflowExecution: {
    id: '41f71912-1c6b-4e2f-b340-d6dc10cd69b8',
    href: 'https://retrieval.amer-1.jumio.ai/api/v1/workflow-executions/41f71912-1c6b-4e2f-b340-d6dc10cd69b8',
    definitionKey,
    status: 'PROCESSED',
  },
  account: {
    id: '572ac7b5-9f83-409d-ba8e-f0014e411c7e',
    href: 'https://retrieval.amer-1.jumio.ai/api/v1/accounts/572ac7b5-9f83-409d-ba8e-f0014e411c7e',
  },
});

describe('parseCallback', () => {
  for (const sentAt of [
    '2023-03-15T19:14:51Z',
    '2023-03-15T19:14:51.2Z',
    '2023-03-15T19:14:51.28Z',
    '2023-03-15T19:14:51.286Z',
  ]) {
    it(`accepts ${sentAt} (0–3 fractional digits)`, () => {
      expect(parseCallback(payload(sentAt)).callbackSentAt).toBe(sentAt);
    });
  }

  it('accepts raw text, bytes and parsed objects alike', () => {
    const body = payload('2023-03-15T19:14:51.286Z');
    const text = JSON.stringify(body);
    expect(parseCallback(text)).toEqual(body);
    expect(parseCallback(new TextEncoder().encode(text))).toEqual(body);
    expect(parseCallback(body)).toEqual(body);
  });

  it('keeps definitionKey a string (a number is converted) and passes unknown statuses and fields', () => {
    const body = { ...payload('2023-03-15T19:14:51Z', 10013), extra: { x: 1 } };
    body.workflowExecution.status = 'ACQUISITION_STARTED';
    const parsed = parseCallback(body);
    expect(parsed.workflowExecution.definitionKey).toBe('10013');
    expect(parsed.workflowExecution.status).toBe('ACQUISITION_STARTED');
    expect((parsed as unknown as { extra: unknown }).extra).toEqual({ x: 1 });
  });

  it('rejects bad input with KyxValidationError naming the field', () => {
    expect(() => parseCallback('{not json')).toThrow(KyxValidationError);
    const fourDigits = (() => {
      try {
        parseCallback(payload('2023-03-15T19:14:51.2861Z'));
      } catch (error) {
        return error as KyxValidationError;
      }
    })();
    expect(fourDigits?.issues[0]?.path).toBe('callbackSentAt');
    const noId = payload('2023-03-15T19:14:51Z') as { account: { id?: string } };
    delete noId.account.id;
    expect(() => parseCallback(noId)).toThrow(/account\.id/);
  });
});

describe('isJumioCallbackSource', () => {
  it('accepts each region’s documented IPs, and only that region’s', () => {
    expect(isJumioCallbackSource('34.202.241.227', 'amer-1')).toBe(true);
    expect(isJumioCallbackSource('34.253.41.236', 'emea-1')).toBe(true);
    expect(isJumioCallbackSource('3.0.109.121', 'apac-1')).toBe(true);
    expect(isJumioCallbackSource('34.253.41.236', 'amer-1')).toBe(false);
    expect(isJumioCallbackSource('203.0.113.9', 'amer-1')).toBe(false);
    for (const ips of Object.values(JUMIO_CALLBACK_IPS)) expect(ips).toHaveLength(6);
  });

  it('understands IPv4-mapped IPv6 and takes a replacement list', () => {
    expect(isJumioCallbackSource('::ffff:52.48.0.25', 'emea-1')).toBe(true);
    expect(isJumioCallbackSource('10.1.2.3', 'emea-1', ['10.1.2.3'])).toBe(true);
    expect(isJumioCallbackSource('52.48.0.25', 'emea-1', ['10.1.2.3'])).toBe(false);
  });
});
