import { defineWorkflow, type WorkflowSpec } from './define.js';

const ALL_CHANNELS = ['API', 'SDK', 'WEB'] as const;
const IDIV = ['usability', 'imageChecks', 'extraction', 'dataChecks', 'liveness', 'similarity'] as const;

// One const per workflow, so the types can look a workflow up by key (CatalogWorkflows) without
// building the whole catalog tuple; WORKFLOW_CATALOG lists them in order.

const W1 = defineWorkflow({
  key: 1,
  name: 'ID Capture and Storage',
  credentials: ['ID'],
  channels: ALL_CHANNELS,
  capabilities: ['usability', 'extraction'],
});

const W2 = defineWorkflow({
  key: 2,
  name: 'ID Verification',
  credentials: ['ID'],
  channels: ALL_CHANNELS,
  capabilities: ['usability', 'imageChecks', 'extraction', 'dataChecks'],
});

const W3 = defineWorkflow({
  key: 3,
  name: 'ID and Identity Verification',
  credentials: ['ID', 'SELFIE', 'FACEMAP'],
  channels: ALL_CHANNELS,
  capabilities: IDIV,
  notes: 'Collects biometrics: API acquisition needs userConsent.',
});

const W5 = defineWorkflow({
  key: 5,
  name: 'Similarity to Existing ID',
  credentials: ['ID', 'SELFIE'],
  requiredPresets: ['ID'],
  reusesCredential: true,
  updateOnly: true,
  channels: ['API'],
  capabilities: ['usability', 'similarity'],
  notes: "Reuses the ID on file: .reuse('ID', id?) (no id: the latest). Needs consent.",
});

const W6 = defineWorkflow({
  key: 6,
  name: 'Standalone Liveness',
  credentials: ['SELFIE', 'FACEMAP'],
  channels: ['API', 'SDK'],
  capabilities: ['usability', 'liveness'],
});

const W9 = defineWorkflow({
  key: 9,
  name: 'Authentication',
  credentials: ['SELFIE', 'FACEMAP'],
  updateOnly: true,
  channels: ['SDK', 'WEB'],
  capabilities: ['usability', 'authentication'],
  notes: 'Needs a facemap on file from workflow 3 or 6.',
});

const W16 = defineWorkflow({
  key: 16,
  name: 'Authentication on Premise',
  credentials: ['SELFIE', 'FACEMAP'],
  updateOnly: true,
  facemapUpload: true,
  channels: ['SDK', 'WEB'],
  capabilities: ['usability', 'authentication'],
  notes:
    'Upload the stored facemap (binary) to the FACEMAP credential with API in allowedChannels; the new selfie comes by SDK/WEB. Needs enablement. ⚠ finalize after the upload undocumented; may be unavailable with Jumio Liveness.',
});

const W20 = defineWorkflow({
  key: 20,
  name: 'Similarity of Two Images',
  credentials: ['ID', 'SELFIE'],
  channels: ['API'],
  capabilities: ['usability', 'similarity'],
  notes: '⚠ ID/selfie, ID/ID or selfie/selfie: which pair is not documented.',
});

const W32 = defineWorkflow({
  key: 32,
  name: 'ID + Identity Verification + Screening',
  credentials: ['ID', 'SELFIE', 'FACEMAP'],
  requiredFields: ['userReference'],
  channels: ALL_CHANNELS,
  capabilities: [...IDIV, 'watchlistScreening'],
  notes: 'Screening must be set up for the tenant.',
});

const W10005 = defineWorkflow({
  key: 10005,
  name: 'Standalone CPF Validation (Brazil)',
  credentials: ['DATA'],
  channels: ['API'],
  capabilities: ['braCpfValidation'],
  notes: 'Prepared data: personalNumber, firstName, lastName, address.country. Needs activation.',
});

const W10006 = defineWorkflow({
  key: 10006,
  name: 'Standalone Serpro Biometric (Brazil)',
  credentials: ['SELFIE', 'DATA'],
  channels: ['API'],
  capabilities: ['biometricVerification'],
  notes: 'Prepared data: personalNumber.',
});

const W10008 = defineWorkflow({
  key: 10008,
  name: 'Standalone DL Verification (AAMVA, USA)',
  credentials: ['DATA'],
  channels: ['API'],
  capabilities: ['drivingLicenseVerification'],
  notes: 'Needs AAMVA activation.',
});

const W10010 = defineWorkflow({
  key: 10010,
  name: 'Standalone Watchlist Screening',
  credentials: ['DATA'],
  requiredFields: ['userReference'],
  channels: ['API'],
  capabilities: ['watchlistScreening'],
  notes: 'Prepared data: firstName, lastName (dateOfBirth, address.country optional).',
});

const W10011 = defineWorkflow({
  key: 10011,
  name: 'Standalone ID and Identity Verification',
  credentials: ['ID', 'SELFIE', 'FACEMAP'],
  channels: ALL_CHANNELS,
  capabilities: IDIV,
  notes: '⚠ similarity assumed (seen in real 10013 results).',
});

const W10013 = defineWorkflow({
  key: 10013,
  name: 'ID + Identity Verification + Screening + Proof of Residency + Address Validation + US DL Verification',
  credentials: ['ID', 'SELFIE', 'FACEMAP'],
  channels: ALL_CHANNELS,
  capabilities: [...IDIV, 'watchlistScreening', 'addressValidation', 'proofOfResidency', 'drivingLicenseVerification'],
  notes: 'Each added capability needs activation.',
});

const W10014 = defineWorkflow({
  key: 10014,
  name: 'Standalone Authentication',
  credentials: ['SELFIE', 'FACEMAP'],
  updateOnly: true,
  channels: ['SDK', 'WEB'],
  capabilities: ['usability', 'authentication'],
  notes: 'Needs a prior passed liveness on the account.',
});

const W10015 = defineWorkflow({
  key: 10015,
  name: 'Standalone ID Verification',
  credentials: ['ID'],
  channels: ['API'],
  capabilities: ['usability', 'imageChecks', 'extraction', 'dataChecks'],
  notes: '⚠ Known from a third party only; other channels unknown.',
});

const W10026 = defineWorkflow({
  key: 10026,
  name: 'Standalone Document Verification',
  credentials: ['DOCUMENT'],
  requiredPresets: ['DOCUMENT'],
  channels: ['API', 'WEB'],
  capabilities: ['extraction'],
  notes: 'The DOCUMENT preset names exactly one country and one document type.',
});

const W10163 = defineWorkflow({
  key: 10163,
  name: 'ID & Identity Verification (Standard Service)',
  credentials: ['ID', 'SELFIE', 'FACEMAP', 'DATA'],
  channels: ALL_CHANNELS,
  capabilities: IDIV,
  notes: 'Requires supporting data (prepared data). ⚠ Channels assumed.',
});

const W10170 = defineWorkflow({
  key: 10170,
  name: 'Document Proof + Multi-Document Upload',
  credentials: ['DATA', 'DOCUMENT'],
  channels: ALL_CHANNELS,
  capabilities: [],
  notes: 'No extraction and no fraud checks; the decision is always PASSED. ⚠ Third-party source.',
});

const W10172 = defineWorkflow({
  key: 10172,
  name: 'Fastfill (extraction only)',
  credentials: ['ID'],
  channels: ALL_CHANNELS,
  capabilities: ['usability', 'extraction'],
  notes: '⚠ Third-party source; channels assumed.',
});

// Risk signals (part 2 §1 of the fact sheet): standalone keys take prepared data over the API
// (create → uploadData → finalize); combined keys add a signal to ID + Identity Verification.
const W10065 = defineWorkflow({
  key: 10065,
  name: 'Standalone Phone Verification',
  credentials: ['DATA'],
  channels: ['API'],
  capabilities: ['phoneVerification'],
  preparedData: { required: ['phoneNumber'] },
});

const W10066 = defineWorkflow({
  key: 10066,
  name: 'Standalone Email Verification',
  credentials: ['DATA'],
  channels: ['API'],
  capabilities: ['emailVerification'],
  preparedData: { required: ['email'] },
});

const W10118 = defineWorkflow({
  key: 10118,
  name: 'Standalone Geo IP Verification',
  credentials: ['DATA'],
  channels: ['API'],
  capabilities: ['geoIpVerification'],
  preparedData: { required: ['ipAddress'] },
});

const W10120 = defineWorkflow({
  key: 10120,
  name: 'ID and Identity Verification + Geo IP',
  credentials: ['ID', 'SELFIE', 'FACEMAP'],
  channels: ALL_CHANNELS,
  capabilities: [...IDIV, 'geoIpVerification'],
  notes: 'The IP comes from the device (Web, SDK); how API acquisition passes it is undocumented.',
});

const W10148 = defineWorkflow({
  key: 10148,
  name: 'Standalone eKYC Checks',
  credentials: ['DATA'],
  channels: ['API'],
  capabilities: [],
  preparedData: {
    required: ['firstName', 'lastName', 'address.line1', 'address.city', 'address.postalCode', 'address.country'],
    slashDates: true,
  },
  notes: '.capability.ekyc(searchType). dob or dateOfBirth, yyyy/mm/dd. Result capability undocumented.',
});

const W10020 = defineWorkflow({
  key: 10020,
  name: 'Standalone Government Database Check',
  credentials: ['DATA'],
  channels: ['API'],
  capabilities: ['govtIdVerification'],
  preparedData: {
    required: ['firstName', 'lastName', 'dateOfBirth', 'id.idNumber', 'address.country'],
    alpha3: ['address.country'],
  },
  notes: 'Argentina Renaper (ARG; also sex, city, postalCode) or Colombia Registraduria (COL; also id.type).',
});

const W10054 = defineWorkflow({
  key: 10054,
  name: 'ID and Identity Verification + Government Database Check',
  credentials: ['ID', 'SELFIE', 'FACEMAP'],
  channels: ALL_CHANNELS,
  capabilities: [...IDIV, 'govtIdVerification'],
  notes: 'Argentina Renaper or Colombia Registraduria on the ID data.',
});

const W10093 = defineWorkflow({
  key: 10093,
  name: 'Argentina Renaper Biometric',
  credentials: ['DATA', 'SELFIE'],
  channels: ['API'],
  capabilities: ['usability', 'biometricVerification'],
  preparedData: { required: ['sex', 'id.idNumber'], alpha3: ['address.country'] },
  notes: 'id.idNumber: the DNI. Docs disagree on firstName, lastName, address.country (ARG).',
});

const W10094 = defineWorkflow({
  key: 10094,
  name: 'ID and Identity Verification + Argentina Renaper Biometric',
  credentials: ['ID', 'SELFIE', 'FACEMAP'],
  channels: ALL_CHANNELS,
  capabilities: [...IDIV, 'biometricVerification'],
});

const W10021 = defineWorkflow({
  key: 10021,
  name: 'ID and Identity Verification + CPF Check + CPF Biometric (Brazil)',
  credentials: ['ID', 'SELFIE', 'FACEMAP', 'DATA'],
  channels: ALL_CHANNELS,
  capabilities: [...IDIV, 'braCpfValidation', 'biometricVerification'],
  preparedData: { required: ['personalNumber'], alpha3: ['address.country'] },
  notes: 'personalNumber: the CPF. An older copy of the docs says 10054.',
});

/**
 * The workflows Jumio documents publicly, with what each needs. The single source for the
 * builder's types, run-time validation, the simulator and the generated catalog page.
 *
 * @example
 * ```ts
 * import { WORKFLOW_CATALOG } from 'jumio-kyx';
 * WORKFLOW_CATALOG.find((w) => w.key === 10026)?.name; // 'Standalone Document Verification'
 * ```
 */
export const WORKFLOW_CATALOG = [
  W1,
  W2,
  W3,
  W5,
  W6,
  W9,
  W16,
  W20,
  W32,
  W10005,
  W10006,
  W10008,
  W10010,
  W10011,
  W10013,
  W10014,
  W10015,
  W10026,
  W10163,
  W10170,
  W10172,
  W10065,
  W10066,
  W10118,
  W10120,
  W10148,
  W10020,
  W10054,
  W10093,
  W10094,
  W10021,
] as const;

/**
 * The catalog's workflows by key, for the builder's types: `CatalogWorkflows[10026]` is one
 * property lookup, while a mapped type over {@link WORKFLOW_CATALOG} made every checker build
 * the 31-element tuple and all its entries for a `.workflow(key)` call (bench/editor.ts).
 * test/workflows/catalog.test.ts checks it lists exactly the catalog.
 */
export interface CatalogWorkflows {
  1: typeof W1;
  2: typeof W2;
  3: typeof W3;
  5: typeof W5;
  6: typeof W6;
  9: typeof W9;
  16: typeof W16;
  20: typeof W20;
  32: typeof W32;
  10005: typeof W10005;
  10006: typeof W10006;
  10008: typeof W10008;
  10010: typeof W10010;
  10011: typeof W10011;
  10013: typeof W10013;
  10014: typeof W10014;
  10015: typeof W10015;
  10026: typeof W10026;
  10163: typeof W10163;
  10170: typeof W10170;
  10172: typeof W10172;
  10065: typeof W10065;
  10066: typeof W10066;
  10118: typeof W10118;
  10120: typeof W10120;
  10148: typeof W10148;
  10020: typeof W10020;
  10054: typeof W10054;
  10093: typeof W10093;
  10094: typeof W10094;
  10021: typeof W10021;
}

/**
 * The keys of {@link WORKFLOW_CATALOG}.
 */
export type CatalogWorkflowKey = (typeof WORKFLOW_CATALOG)[number]['key'];

/**
 * Looks up a catalog workflow by key; `undefined` for keys the catalog does not know.
 *
 * @example
 * ```ts
 * import { findWorkflow } from 'jumio-kyx';
 * findWorkflow(10010)?.requiredFields; // ['userReference']
 * ```
 */
export function findWorkflow(key: number): WorkflowSpec | undefined {
  byKey ??= new Map(WORKFLOW_CATALOG.map((w): [number, WorkflowSpec] => [w.key, w]));
  return byKey.get(key);
}

/** The catalog by key, made on the first {@link findWorkflow} (every `build()` asks it). */
let byKey: ReadonlyMap<number, WorkflowSpec> | undefined;
