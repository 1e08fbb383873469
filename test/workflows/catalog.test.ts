import { readFileSync } from 'node:fs';
import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { catalogFactsSource } from '../../scripts/catalog-facts.js';
import { alpha2Source } from '../../scripts/country-alpha2.js';
import {
  account,
  COUNTRY_CODES,
  type CountryCode,
  defineWorkflow,
  findWorkflow,
  PRESET_CATEGORIES,
  WORKFLOW_CATALOG,
} from '../../src/index.js';
import type { CountryAlpha3 } from '../../src/model/alpha2.js';
import type { CatalogWorkflows } from '../../src/workflows/catalog.js';
import type { CatalogBuildFacts } from '../../src/workflows/catalog-facts.js';

describe('CatalogWorkflows (the catalog by key, for the types)', () => {
  it('src/workflows/catalog-facts.ts (what the builder checks of each workflow, types only) is generated from the catalog and up to date', () => {
    const generated = readFileSync(new URL('../../src/workflows/catalog-facts.ts', import.meta.url), 'utf8');
    expect(generated, 'stale: run npx tsx scripts/catalog-facts.ts').toBe(catalogFactsSource());
    expect(generated).toContain(
      "  10026: {\n    readonly accepts: 'DOCUMENT' | 'reused ID' | 'reused SELFIE' | 'reused FACEMAP';\n    readonly requires: 'DOCUMENT';\n    readonly user: never;\n    readonly updateOnly: false;\n  };",
    );
    expect(generated.match(/^ {2}\d+: \{$/gm)).toEqual(WORKFLOW_CATALOG.map((w) => `  ${w.key}: {`));
    const sameKeys: [keyof CatalogBuildFacts] extends [keyof CatalogWorkflows]
      ? [keyof CatalogWorkflows] extends [keyof CatalogBuildFacts]
        ? true
        : false
      : false = true;
    expect(sameKeys).toBe(true);
  });
  it('lists exactly the workflows of WORKFLOW_CATALOG, each under its own key', () => {
    type FromTuple = { [S in (typeof WORKFLOW_CATALOG)[number] as S['key']]: S };
    const same: [FromTuple] extends [CatalogWorkflows]
      ? [CatalogWorkflows] extends [FromTuple]
        ? true
        : false
      : false = true;
    const keys: [keyof FromTuple] extends [keyof CatalogWorkflows]
      ? [keyof CatalogWorkflows] extends [keyof FromTuple]
        ? true
        : false
      : false = true;
    expect([same, keys]).toEqual([true, true]);
    expect(WORKFLOW_CATALOG.map((w) => w.key)).toEqual([...new Set(WORKFLOW_CATALOG.map((w) => w.key))]);
  });
});

describe('code lists', () => {
  it('COUNTRY_CODES is every officially assigned ISO 3166-1 alpha-3 code (checked against an independent list)', () => {
    // i18n-iso-countries also lists XKK (Kosovo), a user-assigned code that is not part of ISO 3166-1.
    const reference = Object.keys(countries.getAlpha3Codes()).filter((code) => code !== 'XKK');
    expect(COUNTRY_CODES).toHaveLength(249);
    expect([...COUNTRY_CODES].sort()).toEqual(reference.sort());
  });
  it('src/model/alpha2.ts (alpha-2 → alpha-3, types only) is generated from the country table and up to date', () => {
    const generated = readFileSync(new URL('../../src/model/alpha2.ts', import.meta.url), 'utf8');
    expect(generated).toBe(alpha2Source());
    expect(
      generated.match(
        /^ {2}[A-Z]{2}: "country '[A-Z]{2}' is an ISO alpha-2 code: use its alpha-3 code '[A-Z]{3}'";$/gm,
      ),
    ).toHaveLength(COUNTRY_CODES.length);
    expect(generated).toContain(`US: "country 'US' is an ISO alpha-2 code: use its alpha-3 code 'USA'";`);
    // CountryAlpha3, the table `.document()` looks its country up in: exactly the codes of COUNTRY_CODES.
    expect(generated.match(/^ {2}[A-Z]{3}: true;$/gm)).toEqual(COUNTRY_CODES.map((code) => `  ${code}: true;`));
    const sameKeys: [keyof CountryAlpha3] extends [CountryCode]
      ? [CountryCode] extends [keyof CountryAlpha3]
        ? true
        : false
      : false = true;
    expect(sameKeys).toBe(true);
  });
  it('every country code is accepted in a DOCUMENT preset', () => {
    const template = account().ref('r').workflow(10026);
    const rejected = COUNTRY_CODES.filter((code) => !template.document(code, 'UB').validate().success);
    expect(rejected).toEqual([]);
  });
});

describe('workflow catalog', () => {
  it('has unique keys and only known categories', () => {
    const keys = WORKFLOW_CATALOG.map((w) => w.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([
      1, 2, 3, 5, 6, 9, 16, 20, 32, 10005, 10006, 10008, 10010, 10011, 10013, 10014, 10015, 10026, 10163, 10170, 10172,
      // risk signals, appended
      10065, 10066, 10118, 10120, 10148, 10020, 10054, 10093, 10094, 10021,
    ]);
  });
  it('required presets are accepted categories that can be preset', () => {
    for (const workflow of WORKFLOW_CATALOG) {
      for (const category of 'requiredPresets' in workflow ? workflow.requiredPresets : []) {
        expect(PRESET_CATEGORIES).toContain(category);
        expect(workflow.credentials).toContain(category);
      }
    }
  });
  it('records the facts the issue names: userReference for 32 and 10010, update-only 5, 9, 16, 10014', () => {
    const needsUser = WORKFLOW_CATALOG.filter((w) => 'requiredFields' in w).map((w) => w.key);
    const updateOnly = WORKFLOW_CATALOG.filter((w) => 'updateOnly' in w && w.updateOnly).map((w) => w.key);
    expect(needsUser).toEqual([32, 10010]);
    expect(updateOnly).toEqual([5, 9, 16, 10014]);
    expect(WORKFLOW_CATALOG.filter((w) => 'facemapUpload' in w).map((w) => w.key)).toEqual([16]);
    expect(findWorkflow(10026)?.requiredPresets).toEqual(['DOCUMENT']);
    expect(findWorkflow(12345)).toBeUndefined();
  });
  it('defineWorkflow returns a frozen definition whose rules the builder enforces at run time', () => {
    const tenant = defineWorkflow({
      key: 20001,
      name: 'Tenant KYC',
      credentials: ['ID', 'SELFIE'],
      requiredPresets: ['ID'],
      requiredFields: ['userReference'],
      channels: ['API'],
      capabilities: ['usability'],
    });
    expect(Object.isFrozen(tenant)).toBe(true);
    // biome-ignore lint/suspicious/noExplicitAny: run-time rules, bypassing the compile-time ones
    const result = (account() as any).ref('r').workflow(tenant).validate();
    expect(result.issues.map((i: { path: string }) => i.path)).toEqual([
      'workflowDefinition.credentials',
      'userReference',
    ]);
    expect(account().ref('r').user('u').workflow(tenant).id({ country: 'USA' }).build().workflowDefinition.key).toBe(
      20001,
    );
  });
});
