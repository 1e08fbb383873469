import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COVERAGE_FLOOR, checkCoverage } from '../../scripts/check-coverage.js';

const dir = mkdtempSync(join(tmpdir(), 'kyx-coverage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(pct: Record<string, number>) {
  const file = join(dir, `${Object.values(pct).join('-')}.json`);
  const total = Object.fromEntries(Object.entries(pct).map(([metric, value]) => [metric, { pct: value }]));
  writeFileSync(file, JSON.stringify({ total }));
  const { lines, failed } = checkCoverage(file);
  return { failed, stdout: lines.join('\n') };
}

describe('the coverage floor (scripts/check-coverage.mjs)', () => {
  it('passes coverage at the floor and names each metric in its note', () => {
    const run = check({ ...COVERAGE_FLOOR });
    expect(run.failed).toBe(0);
    expect(run.stdout).toContain(`note: lines ${COVERAGE_FLOOR.lines} %`);
    expect(run.stdout).toContain('4 passed, 0 failed');
  });

  it('fails a metric below its floor, naming it', () => {
    const run = check({ ...COVERAGE_FLOOR, branches: COVERAGE_FLOOR.branches - 0.01 });
    expect(run.failed).toBe(1);
    expect(run.stdout).toContain(`coverage of src/ branches: ${COVERAGE_FLOOR.branches - 0.01} % is below the floor`);
    expect(run.stdout).toContain('3 passed, 1 failed');
  });

  it('fails when the unit tests wrote no summary', () => {
    const run = checkCoverage(join(dir, 'absent.json'));
    expect(run.failed).toBe(1);
    expect(run.lines).toContain('0 passed, 1 failed');
  });
});
