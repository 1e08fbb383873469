import { createClient, type KyxClient } from '../client/client.js';
import { REGIONS, type Region, regionHosts } from '../client/regions.js';
import { KyxValidationError } from '../errors/index.js';
import type { KyxStore } from '../store/types.js';
import { issueLine, usageError } from './exit.js';
import type { CliIo } from './io.js';
import { version } from './version.js';

/** The `parseArgs` options every command that talks to Jumio takes. */
export const CONNECTION_OPTIONS = {
  region: { type: 'string' },
  'base-url': { type: 'string' },
  'user-agent': { type: 'string' },
} as const;

/** The help lines of {@link CONNECTION_OPTIONS} (and of `-h, --help`, which every command takes). */
export const CONNECTION_USAGE = `Connection (every command that talks to Jumio):
  --region <r>         ${REGIONS.join(', ')} (default: JUMIO_REGION, else amer-1)
  --base-url <url>     one origin for every Jumio host, e.g. a running kyx simulate (default: JUMIO_BASE_URL)
  --user-agent <ua>    your company and application, e.g. "Acme Onboarding/1.0" (default: kyx/<version>)
  -h, --help           show this help

Credentials: JUMIO_CLIENT_ID and JUMIO_CLIENT_SECRET (your tenant's OAuth2 client).`;

/** The values of {@link CONNECTION_OPTIONS} after parsing. */
export interface ConnectionValues {
  region?: string | undefined;
  'base-url'?: string | undefined;
  'user-agent'?: string | undefined;
}

/** Where a command connects, resolved from options and the environment. */
export interface Connection {
  readonly region: Region;
  readonly baseUrl: string | undefined;
  readonly userAgent: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

const env = (io: CliIo, name: string) => {
  const value = io.env?.[name];
  return value === undefined || value.trim() === '' ? undefined : value;
};

/** Resolves options and environment; missing credentials or a bad region are usage errors. */
export function connection(values: ConnectionValues, io: CliIo): Connection {
  const region = values.region ?? env(io, 'JUMIO_REGION') ?? 'amer-1';
  if (!(REGIONS as readonly string[]).includes(region)) {
    throw usageError(`region "${region}" is not one of ${REGIONS.join(', ')}: set --region or JUMIO_REGION`);
  }
  const clientId = env(io, 'JUMIO_CLIENT_ID');
  const clientSecret = env(io, 'JUMIO_CLIENT_SECRET');
  if (clientId === undefined || clientSecret === undefined) {
    const missing = [clientId ? undefined : 'JUMIO_CLIENT_ID', clientSecret ? undefined : 'JUMIO_CLIENT_SECRET'];
    throw usageError(`set ${missing.filter(Boolean).join(' and ')} (your tenant's OAuth2 client credentials)`);
  }
  const baseUrl = values['base-url'] ?? env(io, 'JUMIO_BASE_URL');
  try {
    regionHosts(region as Region, baseUrl); // a bad --base-url is a usage error before any client is made
  } catch (error) {
    if (error instanceof KyxValidationError) {
      throw usageError(`--base-url ${error.issues.map((i) => i.message).join('; ')}`);
    }
    throw error;
  }
  return {
    region: region as Region,
    baseUrl,
    userAgent: values['user-agent'] ?? `kyx/${version()}`,
    clientId,
    clientSecret,
  };
}

/** A client for the resolved connection. */
export function clientFor(c: Connection, store?: KyxStore): KyxClient {
  try {
    return createClient({
      ...(store !== undefined ? { store } : {}),
      region: c.region,
      credentials: { clientId: c.clientId, clientSecret: c.clientSecret },
      userAgent: c.userAgent,
      ...(c.baseUrl !== undefined ? { baseUrl: c.baseUrl } : {}),
    });
  } catch (error) {
    if (error instanceof KyxValidationError) throw usageError(issueLine(error.issues));
    throw error;
  }
}
