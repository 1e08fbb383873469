import { describe, expect, it } from 'vitest';
import { statusMeaning } from '../../src/cli/status-meaning.js';

// kyx wait and the pending-result line say what each status means for the operator.
describe('statusMeaning', () => {
  it.each([
    ['INITIATED', 'nothing uploaded or finalized yet: kyx upload the parts, then kyx finalize'],
    ['ACQUIRED', 'the credentials are in and being processed'],
    ['PROCESSED', 'done: the result is ready'],
    ['SESSION_EXPIRED', "the end user's session expired before the credentials were complete"],
    ['TOKEN_EXPIRED', 'the token lifetime ended before anything was finalized'],
    ['SOMETHING_NEW', 'a status kyx does not know (see Jumio’s documentation)'],
  ])('%s: %s', (status, meaning) => {
    expect(statusMeaning(status)).toBe(meaning);
  });
});
