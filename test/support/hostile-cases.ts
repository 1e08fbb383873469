import { account } from '../../src/index.js';
import type { Exposure } from './exposure.js';
import {
  ACCOUNT_ID,
  accountResponse,
  clientOn,
  EXECUTION_ID,
  json,
  jumio,
  rejection,
  type TestServer,
} from './hostile.js';

// The hostile-server cases whose errors could carry a secret, run once with every
// planted secret registered: test/client/attacks.test.ts asserts on the errors, and
// the one secret scan (secrets.test.ts) runs them too and scans what they show.

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

/** The planted secrets, each a value the client saw on the wire. */
export const PLANTED = {
  tenant: 'tenant-ACCESS-token-5d1e',
  bearerKey: 'opaque-KEY-secret-77',
  headerUnsafe: 'opaque-API-token-8c3e',
  sdk: 'sdk-OPAQUE-token-41f9aa',
  web: 'web-OPAQUE-token-93bd11',
  location: 'location-SECRET-2b8e61',
} as const;

/** The error of each case. */
export interface HostileErrors {
  /** Account response with a parts key holding the tenant token and one holding `Bearer <secret>`. */
  issuePaths: Error;
  /** Upload with an api.token that is not header-safe: the runtime's TypeError quotes it. */
  cause: Error;
  /** Opaque sdk.token and web.href token, echoed in a later problem detail. */
  opaqueTokens: Error;
  /** A redirect whose Location carries a token in its query. */
  redirect: Error;
}

/** Runs every case against loopback servers made here (closed before it returns). */
export async function hostileCases(exposure?: Exposure): Promise<HostileErrors> {
  const servers: TestServer[] = [];
  const track = async (server: Promise<TestServer>) => {
    const s = await server;
    servers.push(s);
    return s;
  };
  exposure?.secret(...Object.values(PLANTED));
  try {
    const paths = await track(
      jumio((_q, r) => {
        const body = accountResponse('http://127.0.0.1:1') as {
          workflowExecution: { credentials: { api: { parts: Record<string, unknown> } }[] };
        };
        const parts = body.workflowExecution.credentials[0]?.api.parts as Record<string, unknown>;
        parts[PLANTED.tenant] = 5;
        parts[`Bearer ${PLANTED.bearerKey}`] = 6;
        json(r, body);
      }),
    );
    const issuePaths = await rejection(clientOn(paths.url).send(account().ref('paths').workflow(10011)));

    let base = '';
    const unsafe = await track(
      jumio((q, r) =>
        q.url === '/api/v1/accounts'
          ? json(r, accountResponse(base, `${PLANTED.headerUnsafe}\r\nX-Evil: 1`))
          : json(r, {}),
      ),
    );
    base = unsafe.url;
    const unsafeClient = clientOn(unsafe.url);
    const created = await unsafeClient.send(account().ref('cause').workflow(10011));
    const cause = await rejection(unsafeClient.upload(created, 'front', JPEG));

    const opaque = await track(
      jumio((q, r) => {
        if (q.url === '/api/v1/accounts') {
          return json(r, {
            ...accountResponse('http://127.0.0.1:1'),
            sdk: { token: PLANTED.sdk },
            web: { href: `https://web.example/app?authorizationToken=${PLANTED.web}&locale=en` },
          });
        }
        json(r, { title: 'Bad Request', detail: `rejected ${PLANTED.sdk} and ${PLANTED.web}` }, 400);
      }),
    );
    const opaqueClient = clientOn(opaque.url);
    await opaqueClient.send(account().ref('tokens').workflow(10011));
    const opaqueTokens = await rejection(
      opaqueClient.status({ accountId: ACCOUNT_ID, workflowExecutionId: EXECUTION_ID }),
    );

    const moved = await track(
      jumio((_q, r) => {
        r.writeHead(302, { location: `https://elsewhere.example/next?token=${PLANTED.location}` });
        r.end();
      }),
    );
    const redirect = await rejection(
      clientOn(moved.url).details({ accountId: ACCOUNT_ID, workflowExecutionId: EXECUTION_ID }),
    );

    const errors = { issuePaths, cause, opaqueTokens, redirect };
    for (const error of Object.values(errors)) exposure?.showError(error);
    return errors;
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}
