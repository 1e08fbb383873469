import { describe, expect, it } from 'vitest';
import { KyxValidationError, parseRedirect } from '../../src/index.js';

const A = '572ac7b5-9f83-409d-ba8e-f0014e411c7e';
const W = '9d5b9c3e-8f2a-4c1e-9b7d-2f6a1e0c4d3b';

function issues(url: string) {
  try {
    parseRedirect(url);
  } catch (error) {
    expect(error).toBeInstanceOf(KyxValidationError);
    return (error as KyxValidationError).issues;
  }
  throw new Error('expected KyxValidationError');
}

describe('parseRedirect', () => {
  it('reads the parameters of a success redirect, from a URL, a string, a relative URL or a query', () => {
    const query = `accountId=${A}&workflowExecutionId=${W}&acquisitionStatus=SUCCESS&customerInternalReference=order%201`;
    const expected = {
      accountId: A,
      workflowExecutionId: W,
      acquisitionStatus: 'SUCCESS',
      customerInternalReference: 'order 1',
    };
    expect(parseRedirect(`https://acme.example/done?from=jumio&${query}`)).toEqual(expected);
    expect(parseRedirect(new URL(`https://acme.example/done?${query}`))).toEqual(expected);
    expect(parseRedirect(`/kyc/done?${query}`)).toEqual(expected);
    expect(parseRedirect(`?${query}`)).toEqual(expected);
    expect(parseRedirect(query)).toEqual(expected);
    expect(parseRedirect(`myapp://done?${query}`)).toEqual(expected);
  });

  it('reads errorCode as a number on an error redirect; other parameters are ignored', () => {
    expect(
      parseRedirect(
        `https://a.example/e?accountId=${A}&workflowExecutionId=${W}&acquisitionStatus=ERROR&errorCode=9200&x=1`,
      ),
    ).toEqual({
      accountId: A,
      workflowExecutionId: W,
      acquisitionStatus: 'ERROR',
      errorCode: 9200,
    });
  });

  it('names each missing or malformed parameter and never quotes what it received', () => {
    expect(issues('https://a.example/done')).toEqual([
      { path: 'accountId', message: 'is required' },
      { path: 'workflowExecutionId', message: 'is required' },
      { path: 'acquisitionStatus', message: 'is required' },
    ]);
    const secretish = 'eyJhbGciOiJIUzUxMiJ9.secret';
    const bad = issues(`?accountId=${secretish}&workflowExecutionId=${W}&acquisitionStatus=DONE&errorCode=nine`);
    expect(bad).toEqual([
      { path: 'accountId', message: 'must be a UUID (the account id Jumio sent)' },
      { path: 'acquisitionStatus', message: 'must be SUCCESS or ERROR' },
      { path: 'errorCode', message: 'must be a number (e.g. 9200)' },
    ]);
    expect(JSON.stringify(bad)).not.toContain(secretish);
  });
});
