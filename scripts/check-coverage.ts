// The `npm test` step after the unit tests: the coverage of src/ they measured (vitest's v8
// provider, json-summary in .tmp/coverage) must not fall below the floor, one check per metric.
// Raise a floor when coverage rises for good; never lower one to make a change pass.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The coverage of src/ (per cent) before the 0.2 house pass; nothing since may fall below it. */
export const COVERAGE_FLOOR = { lines: 96.68, statements: 95.1, functions: 96.73, branches: 89.42 } as const;

type Metric = keyof typeof COVERAGE_FLOOR;

/** The report lines for a `coverage-summary.json` file, and how many metrics fell below the floor. */
export function checkCoverage(file: string): { lines: string[]; failed: number } {
  if (!existsSync(file)) {
    return {
      lines: [`${file} is missing: the unit tests did not write their coverage`, '0 passed, 1 failed'],
      failed: 1,
    };
  }
  const total = (JSON.parse(readFileSync(file, 'utf8')) as { total: Record<Metric, { pct: number }> }).total;
  const lines: string[] = [];
  const figures: string[] = [];
  let failed = 0;
  for (const [metric, floor] of Object.entries(COVERAGE_FLOOR) as [Metric, number][]) {
    const pct = total[metric].pct;
    if (pct < floor) {
      failed += 1;
      lines.push(`coverage of src/ ${metric}: ${pct} % is below the floor ${floor} %`);
    }
    figures.push(`${metric} ${pct} %`);
  }
  lines.push(`note: ${figures.join(', ')} (floors ${Object.values(COVERAGE_FLOOR).join(' / ')})`);
  lines.push(`${4 - failed} passed, ${failed} failed`);
  return { lines, failed };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { lines, failed } = checkCoverage(process.argv[2] ?? '.tmp/coverage/coverage-summary.json');
  for (const line of lines) console.log(line);
  process.exit(failed === 0 ? 0 : 1);
}
