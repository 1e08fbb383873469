import { defineWorkflow, type WorkflowSpec } from './define.js';

const ALL_CHANNELS = ['API', 'SDK', 'WEB'] as const;
const IDIV = ['usability', 'imageChecks', 'extraction', 'dataChecks', 'liveness', 'similarity'] as const;

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
  defineWorkflow({
    key: 1,
    name: 'ID Capture and Storage',
    credentials: ['ID'],
    channels: ALL_CHANNELS,
    capabilities: ['usability', 'extraction'],
  }),
  defineWorkflow({
    key: 2,
    name: 'ID Verification',
    credentials: ['ID'],
    channels: ALL_CHANNELS,
    capabilities: ['usability', 'imageChecks', 'extraction', 'dataChecks'],
  }),
  defineWorkflow({
    key: 3,
    name: 'ID and Identity Verification',
    credentials: ['ID', 'SELFIE', 'FACEMAP'],
    channels: ALL_CHANNELS,
    capabilities: IDIV,
    notes: 'Collects biometrics: API acquisition needs userConsent.',
  }),
  defineWorkflow({
    key: 5,
    name: 'Similarity to Existing ID',
    credentials: ['ID', 'SELFIE'],
    requiredPresets: ['ID'],
    reusesCredential: true,
    updateOnly: true,
    channels: ['API'],
    capabilities: ['usability', 'similarity'],
    notes: "Reuses the ID on file: .reuse('ID', id?) (no id: the latest). Needs consent.",
  }),
  defineWorkflow({
    key: 6,
    name: 'Standalone Liveness',
    credentials: ['SELFIE', 'FACEMAP'],
    channels: ['API', 'SDK'],
    capabilities: ['usability', 'liveness'],
  }),
  defineWorkflow({
    key: 9,
    name: 'Authentication',
    credentials: ['SELFIE', 'FACEMAP'],
    updateOnly: true,
    channels: ['SDK', 'WEB'],
    capabilities: ['usability', 'authentication'],
    notes: 'Needs a facemap on file from workflow 3 or 6.',
  }),
  defineWorkflow({
    key: 16,
    name: 'Authentication on Premise',
    credentials: ['SELFIE', 'FACEMAP'],
    updateOnly: true,
    facemapUpload: true,
    channels: ['SDK', 'WEB'],
    capabilities: ['usability', 'authentication'],
    notes:
      'Upload the stored facemap (binary) to the FACEMAP credential with API in allowedChannels; the new selfie comes by SDK/WEB. Needs enablement. ⚠ finalize after the upload undocumented; may be unavailable with Jumio Liveness.',
  }),
  defineWorkflow({
    key: 20,
    name: 'Similarity of Two Images',
    credentials: ['ID', 'SELFIE'],
    channels: ['API'],
    capabilities: ['usability', 'similarity'],
    notes: '⚠ ID/selfie, ID/ID or selfie/selfie: which pair is not documented.',
  }),
  defineWorkflow({
    key: 32,
    name: 'ID + Identity Verification + Screening',
    credentials: ['ID', 'SELFIE', 'FACEMAP'],
    requiredFields: ['userReference'],
    channels: ALL_CHANNELS,
    capabilities: [...IDIV, 'watchlistScreening'],
    notes: 'Screening must be set up for the tenant.',
  }),
  defineWorkflow({
    key: 10005,
    name: 'Standalone CPF Validation (Brazil)',
    credentials: ['DATA'],
    channels: ['API'],
    capabilities: ['braCpfValidation'],
    notes: 'Prepared data: personalNumber, firstName, lastName, address.country. Needs activation.',
  }),
  defineWorkflow({
    key: 10006,
    name: 'Standalone Serpro Biometric (Brazil)',
    credentials: ['SELFIE', 'DATA'],
    channels: ['API'],
    capabilities: ['biometricVerification'],
    notes: 'Prepared data: personalNumber.',
  }),
  defineWorkflow({
    key: 10008,
    name: 'Standalone DL Verification (AAMVA, USA)',
    credentials: ['DATA'],
    channels: ['API'],
    capabilities: ['drivingLicenseVerification'],
    notes: 'Needs AAMVA activation.',
  }),
  defineWorkflow({
    key: 10010,
    name: 'Standalone Watchlist Screening',
    credentials: ['DATA'],
    requiredFields: ['userReference'],
    channels: ['API'],
    capabilities: ['watchlistScreening'],
    notes: 'Prepared data: firstName, lastName (dateOfBirth, address.country optional).',
  }),
  defineWorkflow({
    key: 10011,
    name: 'Standalone ID and Identity Verification',
    credentials: ['ID', 'SELFIE', 'FACEMAP'],
    channels: ALL_CHANNELS,
    capabilities: IDIV,
    notes: '⚠ similarity assumed (seen in real 10013 results).',
  }),
  defineWorkflow({
    key: 10013,
    name: 'ID + Identity Verification + Screening + Proof of Residency + Address Validation + US DL Verification',
    credentials: ['ID', 'SELFIE', 'FACEMAP'],
    channels: ALL_CHANNELS,
    capabilities: [
      ...IDIV,
      'watchlistScreening',
      'addressValidation',
      'proofOfResidency',
      'drivingLicenseVerification',
    ],
    notes: 'Each added capability needs activation.',
  }),
  defineWorkflow({
    key: 10014,
    name: 'Standalone Authentication',
    credentials: ['SELFIE', 'FACEMAP'],
    updateOnly: true,
    channels: ['SDK', 'WEB'],
    capabilities: ['usability', 'authentication'],
    notes: 'Needs a prior passed liveness on the account.',
  }),
  defineWorkflow({
    key: 10015,
    name: 'Standalone ID Verification',
    credentials: ['ID'],
    channels: ['API'],
    capabilities: ['usability', 'imageChecks', 'extraction', 'dataChecks'],
    notes: '⚠ Known from a third party only; other channels unknown.',
  }),
  defineWorkflow({
    key: 10026,
    name: 'Standalone Document Verification',
    credentials: ['DOCUMENT'],
    requiredPresets: ['DOCUMENT'],
    channels: ['API', 'WEB'],
    capabilities: ['extraction'],
    notes: 'The DOCUMENT preset names exactly one country and one document type.',
  }),
  defineWorkflow({
    key: 10163,
    name: 'ID & Identity Verification (Standard Service)',
    credentials: ['ID', 'SELFIE', 'FACEMAP', 'DATA'],
    channels: ALL_CHANNELS,
    capabilities: IDIV,
    notes: 'Requires supporting data (prepared data). ⚠ Channels assumed.',
  }),
  defineWorkflow({
    key: 10170,
    name: 'Document Proof + Multi-Document Upload',
    credentials: ['DATA', 'DOCUMENT'],
    channels: ALL_CHANNELS,
    capabilities: [],
    notes: 'No extraction and no fraud checks; the decision is always PASSED. ⚠ Third-party source.',
  }),
  defineWorkflow({
    key: 10172,
    name: 'Fastfill (extraction only)',
    credentials: ['ID'],
    channels: ALL_CHANNELS,
    capabilities: ['usability', 'extraction'],
    notes: '⚠ Third-party source; channels assumed.',
  }),
  // Risk signals (part 2 §1 of the fact sheet): standalone keys take prepared data over the API
  // (create → uploadData → finalize); combined keys add a signal to ID + Identity Verification.
  defineWorkflow({
    key: 10065,
    name: 'Standalone Phone Verification',
    credentials: ['DATA'],
    channels: ['API'],
    capabilities: ['phoneVerification'],
    preparedData: { required: ['phoneNumber'] },
  }),
  defineWorkflow({
    key: 10066,
    name: 'Standalone Email Verification',
    credentials: ['DATA'],
    channels: ['API'],
    capabilities: ['emailVerification'],
    preparedData: { required: ['email'] },
  }),
  defineWorkflow({
    key: 10118,
    name: 'Standalone Geo IP Verification',
    credentials: ['DATA'],
    channels: ['API'],
    capabilities: ['geoIpVerification'],
    preparedData: { required: ['ipAddress'] },
  }),
  defineWorkflow({
    key: 10120,
    name: 'ID and Identity Verification + Geo IP',
    credentials: ['ID', 'SELFIE', 'FACEMAP'],
    channels: ALL_CHANNELS,
    capabilities: [...IDIV, 'geoIpVerification'],
    notes: 'The IP comes from the device (Web, SDK); how API acquisition passes it is undocumented.',
  }),
  defineWorkflow({
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
  }),
  defineWorkflow({
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
  }),
  defineWorkflow({
    key: 10054,
    name: 'ID and Identity Verification + Government Database Check',
    credentials: ['ID', 'SELFIE', 'FACEMAP'],
    channels: ALL_CHANNELS,
    capabilities: [...IDIV, 'govtIdVerification'],
    notes: 'Argentina Renaper or Colombia Registraduria on the ID data.',
  }),
  defineWorkflow({
    key: 10093,
    name: 'Argentina Renaper Biometric',
    credentials: ['DATA', 'SELFIE'],
    channels: ['API'],
    capabilities: ['usability', 'biometricVerification'],
    preparedData: { required: ['sex', 'id.idNumber'], alpha3: ['address.country'] },
    notes: 'id.idNumber: the DNI. Docs disagree on firstName, lastName, address.country (ARG).',
  }),
  defineWorkflow({
    key: 10094,
    name: 'ID and Identity Verification + Argentina Renaper Biometric',
    credentials: ['ID', 'SELFIE', 'FACEMAP'],
    channels: ALL_CHANNELS,
    capabilities: [...IDIV, 'biometricVerification'],
  }),
  defineWorkflow({
    key: 10021,
    name: 'ID and Identity Verification + CPF Check + CPF Biometric (Brazil)',
    credentials: ['ID', 'SELFIE', 'FACEMAP', 'DATA'],
    channels: ALL_CHANNELS,
    capabilities: [...IDIV, 'braCpfValidation', 'biometricVerification'],
    preparedData: { required: ['personalNumber'], alpha3: ['address.country'] },
    notes: 'personalNumber: the CPF. An older copy of the docs says 10054.',
  }),
] as const;

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
  return WORKFLOW_CATALOG.find((w) => w.key === key);
}
