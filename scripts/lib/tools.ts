// Which external programs the real-infrastructure suites need, and whether this machine has them.
// A suite that needs one wraps itself in `describe.skipIf(!tools.redis.available)` (or chromium);
// scripts/test.mjs reads the same table and names every skipped suite in its summary line, and
// with CI=true a missing tool fails the run instead of skipping (.ci/run installs both).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The first executable named `name` on the PATH, or undefined. */
export function onPath(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function executable(path: string): string | undefined {
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return undefined;
  }
}

const redisServer = onPath('redis-server');
const chromium = executable('/usr/bin/chromium');

/** External programs used by the Redis and browser suites. */
export const tools = {
  redis: { available: redisServer !== undefined, path: redisServer, install: 'apt-get install -y redis-server' },
  chromium: { available: chromium !== undefined, path: chromium, install: 'apt-get install -y chromium' },
} as const;
