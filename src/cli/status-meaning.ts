import { match } from 'ts-pattern';

/** What a workflow execution's status means for the operator, and what to do next. */
export function statusMeaning(status: string): string {
  return match(status)
    .with('INITIATED', () => 'nothing uploaded or finalized yet: kyx upload the parts, then kyx finalize')
    .with('ACQUIRED', () => 'the credentials are in and being processed')
    .with('PROCESSED', () => 'done: the result is ready')
    .with('SESSION_EXPIRED', () => "the end user's session expired before the credentials were complete")
    .with('TOKEN_EXPIRED', () => 'the token lifetime ended before anything was finalized')
    .otherwise(() => 'a status kyx does not know (see Jumio’s documentation)');
}
