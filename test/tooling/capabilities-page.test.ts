import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES_PAGE, renderCapabilities } from '../../scripts/lib/capabilities-page.js';
import { CAPABILITIES, CAPABILITY_NAMES } from '../../src/index.js';
import { CAPABILITY_DATA } from '../../src/schemas.js';

// docs/guides/capabilities.md is generated from the capability table; it must be committed up to date.
describe('capabilities page', () => {
  const page = readFileSync(CAPABILITIES_PAGE, 'utf8');

  it('is what the table renders today (run `npm run docs` after changing the table)', () => {
    expect(page).toBe(renderCapabilities());
  });

  it('has a section for every capability, with every label of the table', () => {
    expect(page.match(/^## /gm)).toHaveLength(CAPABILITY_NAMES.length);
    for (const [name, spec] of Object.entries(CAPABILITIES)) {
      const start = page.indexOf(`\n## ${name}\n`);
      expect(start, name).toBeGreaterThan(0);
      const section = page.slice(start, page.indexOf('\n## ', start + 1) >>> 0);
      for (const labels of Object.values(spec.labels))
        for (const label of labels) expect(section).toContain(`\`${label}\``);
    }
    expect(page).toContain('`MISMATCH_HRZ_MRZ_DATA`');
    expect(page).toContain('`searchResultUrl`');
    expect(page).toContain('`validFaceMapForAuthentication` (a URL)');
  });

  it('the table is consistent: names in dependency order, preconditions earlier, data only for known names', () => {
    expect(Object.keys(CAPABILITIES)).toEqual([...CAPABILITY_NAMES]);
    const seen = new Set<string>();
    for (const [name, spec] of Object.entries(CAPABILITIES)) {
      for (const dep of spec.after) expect(seen.has(dep), `${name} after ${dep}`).toBe(true);
      seen.add(name);
    }
    for (const name of Object.keys(CAPABILITY_DATA)) expect(CAPABILITY_NAMES).toContain(name);
  });
});
