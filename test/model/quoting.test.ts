import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseCallback } from '../../src/index.js';
import { parseWith } from '../../src/model/parse.js';
import { caught, EXECUTION, json, jumio, setup } from '../support/client-harness.js';

// Found by the parser properties: valibot's fallback messages quote a received string, so a
// token that arrives in the wrong field of a response or callback ended up in the error message.

const OPAQUE = 'opaque-transaction-token-5f2e9a'; // not JWT-shaped, unknown to the client

describe('messages about input from outside never quote a received string', () => {
  it('parseCallback names the field and the type only', () => {
    let message = '';
    try {
      parseCallback({ callbackSentAt: '2023-03-15T19:14:51Z', account: OPAQUE, workflowExecution: [OPAQUE] });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('account: must be an object (got a string)');
    expect(message).not.toContain(OPAQUE);
  });

  it('a response parsed by the client names the field and the type only', async () => {
    const base = jumio();
    const { client } = setup((call, request) =>
      call.path.endsWith('/status')
        ? json({ account: OPAQUE, workflowExecution: { id: OPAQUE } })
        : base(call, request),
    );
    const error = await caught(client.status(EXECUTION));
    expect(error.message).toContain('account: must be an object (got a string)');
    expect(error.message).not.toContain(OPAQUE);
  });

  it('parseWith quotes by default (the caller’s own request input) and not with quoteValues: false', () => {
    const schema = v.object({ a: v.number() });
    const quoted = parseWith(schema, { a: OPAQUE });
    const typed = parseWith(schema, { a: OPAQUE }, { quoteValues: false });
    expect(quoted.success || quoted.issues[0]?.message).toBe(`must be number (got "${OPAQUE}")`);
    expect(typed.success || typed.issues[0]?.message).toBe('must be number (got a string)');
  });
});
