import { describe, expect, it } from 'vitest';
import { API_PATHS, apiPath } from '../../src/model/paths.js';

describe('apiPath', () => {
  it('fills every parameter of a pattern, URI-encoded', () => {
    expect(apiPath('account', { accountId: 'a b/c' })).toBe('/api/v1/accounts/a%20b%2Fc');
    expect(
      apiPath('upload', { accountId: 'a', workflowExecutionId: 'w', credentialId: 'c', classifier: 'FRONT' }),
    ).toBe('/api/v1/accounts/a/workflow-executions/w/credentials/c/parts/FRONT');
    expect(apiPath('executionStatus', { accountId: 'a', workflowExecutionId: 'w' })).toBe(
      '/api/v1/accounts/a/workflow-executions/w/status',
    );
  });

  it('leaves a pattern without parameters as it is', () => {
    expect(apiPath('accounts', {})).toBe(API_PATHS.accounts);
    expect(apiPath('token', {})).toBe('/oauth2/token');
  });

  it('types each pattern with exactly its parameters, and its result as the filled pattern', () => {
    // @ts-expect-error: an execution path needs the workflowExecutionId too
    apiPath('execution', { accountId: 'a' });
    // @ts-expect-error: a part path has no workflowExecutionId
    apiPath('part', { accountId: 'a', credentialId: 'c', classifier: 'FACE', workflowExecutionId: 'w' });
    const path: `/api/v1/accounts/${string}/workflow-executions/${string}` = apiPath('execution', {
      accountId: 'a',
      workflowExecutionId: 'w',
    });
    expect(path).toBe('/api/v1/accounts/a/workflow-executions/w');
  });
});
