import { readFileSync } from 'node:fs';

/**
 * The version of jumio-kyx this `kyx` belongs to (`kyx --version`): read from the package's
 * `package.json`, found above this module both in src/ and in dist/.
 */
export function version(): string {
  for (const path of ['../package.json', '../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'jumio-kyx' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here
    }
  }
  return '0.0.0';
}
