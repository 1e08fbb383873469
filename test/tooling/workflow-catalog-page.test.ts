import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG_PAGE, renderWorkflowCatalog } from '../../scripts/lib/workflow-catalog-page.js';
import { WORKFLOW_CATALOG } from '../../src/index.js';

// docs/guides/workflows.md is generated from the catalog; it must be committed up to date.
describe('workflow catalog page', () => {
  const page = readFileSync(CATALOG_PAGE, 'utf8');

  it('is what the catalog renders today (run `npm run docs` after changing the catalog)', () => {
    expect(page).toBe(renderWorkflowCatalog());
  });

  it('has a section and a summary row for every catalog key', () => {
    for (const spec of WORKFLOW_CATALOG) {
      expect(page).toContain(`\n## ${spec.key}: ${spec.name}\n`);
      expect(page).toContain(`| [${spec.key}](#`);
      expect(page).toContain(`.workflow(${spec.key})`);
    }
    expect(page.match(/^## /gm)).toHaveLength(WORKFLOW_CATALOG.length);
  });

  it('renders required calls, update-only and notes from the spec', () => {
    const section = (key: number) =>
      page.slice(page.indexOf(`\n## ${key}: `), page.indexOf('\n## ', page.indexOf(`\n## ${key}: `) + 1));
    expect(section(10026)).toContain('| required calls | `.document(country, type)` |');
    expect(section(10010)).toContain('| required calls | `.user(userReference)` |');
    expect(section(5)).toContain('| update only | yes');
    expect(section(5)).toContain("account('572ac7b5-9f83-409d-ba8e-f0014e411c7e')");
    expect(section(10170)).toContain('the decision is always PASSED');
    expect(renderWorkflowCatalog([])).toContain('The 0 workflows of the catalog');
  });
});
