import { describe, expect, it } from 'vitest';
import {
  type CallbackHandlerOptions,
  createCallbackHandler,
  createClient,
  createResults,
  type KyxIssue,
  KyxValidationError,
  type ResultsOptions,
} from '../../src/index.js';

// The options of createCallbackHandler and createResults are checked by their schemas when the
// handler or processor is made: each problem names the field and the rule, all of them in one
// KyxValidationError.

const client = createClient({
  region: 'amer-1',
  credentials: { clientId: 'acme', clientSecret: 'acme-secret' },
  userAgent: 'Acme Callbacks tests/1.0',
});
const onResult = () => undefined;

/** The issues of the KyxValidationError `make` throws (fails the test when it throws something else). */
function issuesOf(make: () => unknown): readonly KyxIssue[] | undefined {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(KyxValidationError);
    return (error as KyxValidationError).issues;
  }
  return undefined;
}
const handler = (options: object) => issuesOf(() => createCallbackHandler(options as CallbackHandlerOptions));
const results = (options: object) => issuesOf(() => createResults(options as ResultsOptions));

describe('createCallbackHandler options', () => {
  it('one bad value names the field and the rule', () => {
    expect(handler({ client, onResult, maxBodyBytes: 0 })).toEqual([
      { path: 'maxBodyBytes', message: 'must be a positive number' },
    ]);
    expect(handler({ client, onResult, trustProxy: -1 })).toEqual([
      { path: 'trustProxy', message: 'must be a number of hops (0 or more) or a list of proxy addresses' },
    ]);
    expect(handler({ client, onResult, allow: ['10.0.0.1', 7] })).toEqual([
      { path: 'allow', message: 'must be a list of addresses or a function' },
    ]);
  });

  it('good options of both forms pass', () => {
    const processor = createResults({ client, onResult });
    for (const options of [
      { client, onResult, allow: ['10.0.0.1'], trustProxy: 1, maxBodyBytes: 1024, deadlineMs: 500 },
      { client, onResult, allow: () => true, trustProxy: ['10.0.0.2'], onOutcome: () => undefined },
      { results: processor, waitUntil: () => undefined },
    ]) {
      expect(handler(options)).toBeUndefined();
    }
  });

  it('several problems are reported together: without results', () => {
    expect(handler({ onStatus: 1, onOutcome: 'log', deadlineMs: Number.NaN, trustProxy: 1.5 })).toEqual([
      { path: 'client', message: 'must be a client from createClient (or give results)' },
      { path: 'onResult', message: 'must be a function' },
      { path: 'onStatus', message: 'must be a function' },
      { path: 'onOutcome', message: 'must be a function' },
      { path: 'deadlineMs', message: 'must be a positive number' },
      { path: 'trustProxy', message: 'must be a number of hops (0 or more) or a list of proxy addresses' },
    ]);
  });

  it('several problems are reported together: with results', () => {
    expect(handler({ results: {}, client, onError: () => undefined, maxBodyBytes: -1 })).toEqual([
      { path: 'results', message: 'must be made by createResults' },
      { path: 'client', message: 'is given to createResults, not beside results' },
      { path: 'onError', message: 'is given to createResults, not beside results' },
      { path: 'maxBodyBytes', message: 'must be a positive number' },
    ]);
  });
});

describe('createResults options', () => {
  it('one bad value names the field and the rule', () => {
    expect(results({ client, onResult, leaseMs: 0 })).toEqual([
      { path: 'leaseMs', message: 'must be a positive number of ms' },
    ]);
    expect(results({ client, onResult, retrySchedule: [1000, 500] })).toEqual([
      { path: 'retrySchedule', message: 'must list non-decreasing times in ms (at least one)' },
    ]);
  });

  it('good options pass', () => {
    expect(
      results({ client, onResult, concurrency: 2, maxPending: 10, pollAfterMs: 1, retrySchedule: [0, 0, 10] }),
    ).toBeUndefined();
  });

  it('several problems are reported together', () => {
    expect(
      results({
        client: {},
        concurrency: 0,
        maxPending: 2.5,
        pollAfterMs: Number.POSITIVE_INFINITY,
        checkEveryMs: '1s',
        retrySchedule: [],
      }),
    ).toEqual([
      { path: 'client', message: 'must be a client from createClient' },
      { path: 'onResult', message: 'must be a function' },
      { path: 'concurrency', message: 'must be a positive integer' },
      { path: 'maxPending', message: 'must be a positive integer' },
      { path: 'pollAfterMs', message: 'must be a positive number of ms' },
      { path: 'checkEveryMs', message: 'must be a positive number of ms' },
      { path: 'retrySchedule', message: 'must list non-decreasing times in ms (at least one)' },
    ]);
  });
});
