import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * When `KYX_RELIABILITY_DIR` is set (by `npm run reliability`), tests write what they measured
 * there as `<name>.json`, for scripts/reliability.ts to render into docs/reliability.md.
 */
export function writeReliability(name: string, data: unknown): void {
  const dir = process.env['KYX_RELIABILITY_DIR'];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
}
