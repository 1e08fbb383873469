import type * as v from 'valibot';
import { type KyxIssue, type KyxResult, KyxValidationError } from '../errors/index.js';
import { PartsParse } from '../model/parse.js';
import { API_PATHS, apiPath } from '../model/paths.js';
import type { AccountMode, AccountRequest, Capabilities } from '../model/request.js';
import { UUID_PATTERN } from '../model/rules.js';
import {
  AccountRequestSchema,
  CapabilitiesSchema,
  CredentialPresetSchema,
  WorkflowDefinitionSchema,
} from '../model/schemas.js';
import { type AccountValidationResult, checkAccountRequest, checkParsed } from '../workflows/validate.js';
import { inPatch, mergeExtra } from './extra.js';
import { NO_REFERENCE, NO_WORKFLOW } from './messages.js';
import { type AccountNode, type DirectFields, type Leaves, plainCopy } from './node.js';
import type { CompiledAccountRequest } from './types.js';

/** Whether an object has a field of its own (without making the list `Object.keys` makes). */
function hasFields(object: object): boolean {
  for (const name in object) if (Object.hasOwn(object, name)) return true;
  return false;
}

/** The workflow key the node was given (a spec's key), copied. */
const workflowKey = (node: AccountNode): unknown =>
  plainCopy(
    typeof node.workflow === 'object' && node.workflow !== null ? node.workflow.key : node.workflow,
    'workflowDefinition.key',
  );

/**
 * The node as the wire body, adding only what the caller asked for. The node's parts were
 * deep-copied (without `undefined` properties) when they were set, so they are used as they are:
 * valibot reads them and builds a fresh output, laid out in the schema's order.
 */
function toBody(node: AccountNode): Record<string, unknown> {
  const key = workflowKey(node);
  const workflowDefinition: Record<string, unknown> = {};
  if (key !== undefined) workflowDefinition['key'] = key;
  if (node.presets.length > 0) workflowDefinition['credentials'] = node.presets.map(([, preset]) => preset);
  if (Object.keys(node.capabilities).length > 0) workflowDefinition['capabilities'] = node.capabilities;
  // Laid out in the schema's order, field by field: valibot reads such a body markedly faster
  // than a spread copy of the fields (measured in bench/runtime.ts).
  const body: Record<string, unknown> = {};
  for (const name in AccountRequestSchema.entries) {
    const value = name === 'workflowDefinition' ? workflowDefinition : node.fields[name as keyof DirectFields];
    if (value !== undefined) body[name] = value;
  }
  return body;
}

/** The parts of a valibot schema {@link schemaAt} walks. */
interface Shape {
  readonly type: string;
  readonly entries?: Readonly<Record<string, Shape>>;
  readonly wrapped?: Shape;
  readonly item?: Shape;
  readonly options?: readonly Shape[];
  readonly key?: string;
  readonly literal?: unknown;
}

const unwrap = (schema: Shape): Shape => (schema.type === 'exact_optional' ? unwrap(schema.wrapped as Shape) : schema);

/** The schema at `steps` below `schema`: an entry, a variant's option by its tag, or `*`, a list's item. */
function schemaAt(schema: Shape, steps: string): Shape {
  let at = schema;
  for (const step of steps.split('.')) {
    const here = unwrap(at);
    const next =
      step === '*'
        ? here.item
        : here.type === 'variant'
          ? here.options?.find((o) => o.entries?.[here.key as string]?.literal === step)
          : here.entries?.[step];
    if (!next) throw new Error(`jumio-kyx: no schema at ${steps}`); // a leaf path in the builder is wrong
    at = next;
  }
  return at;
}

/**
 * A fresh copy of a part the builder made, so the output shares nothing with the node: objects
 * and lists of strings (a part whose leaves pass holds only strings, in the lists of its presets).
 * A spread first, then the nested parts replaced: V8 clones a spread object's shape in one step,
 * about twice as fast as adding the properties one by one (measured on a DOCUMENT preset).
 */
function fresh(part: Record<string, unknown>): Record<string, unknown> {
  const out = { ...part };
  for (const name in out) {
    const item = out[name];
    if (typeof item === 'object' && item !== null) {
      out[name] = Array.isArray(item) ? item.slice() : fresh(item as Record<string, unknown>);
    }
  }
  return out;
}

/** A part checked by its leaves when the builder made its shape, else whole with its schema. */
function checkPart(
  parts: PartsParse,
  schema: Shape,
  value: unknown,
  leaves: Leaves | undefined,
  path: string,
): unknown {
  if (!leaves) return parts.run(schema as unknown as v.GenericSchema, value, path);
  for (const { spot, value: leafValue } of leaves) {
    spot.schema ??= schemaAt(schema, spot.steps);
    parts.run(spot.schema as v.GenericSchema, leafValue, `${path}.${spot.path}`);
  }
  return fresh(value as Record<string, unknown>);
}

/**
 * The node's body, checked in parts: each field with its schema, and the parts of
 * `workflowDefinition` the builder made (`.document('USA', 'BS')`, `.capability.ekyc('one')`) by
 * their leaves only, since their shape is the schema's by construction. The same checks, issues
 * (paths, messages, order) and output as the request schema on the whole body, without walking the
 * shapes the builder made (valibot's object schemas were about 40 % of a `build()`).
 */
function parseNode(node: AccountNode): KyxResult<AccountRequest> {
  const parts = new PartsParse();
  const body: Record<string, unknown> = {};
  const entries = AccountRequestSchema.entries as Record<string, v.GenericSchema>;
  for (const name in entries) {
    if (name === 'workflowDefinition') {
      body[name] = parseDefinition(node, parts);
      continue;
    }
    const value = node.fields[name as keyof DirectFields];
    if (value !== undefined) body[name] = parts.run(entries[name] as v.GenericSchema, value, name);
    else if ((entries[name] as Shape).type !== 'exact_optional') parts.missing(name);
  }
  return parts.result(body as unknown as AccountRequest);
}

function parseDefinition(node: AccountNode, parts: PartsParse): Record<string, unknown> {
  const definition: Record<string, unknown> = {};
  const key = workflowKey(node);
  if (key === undefined) parts.missing('workflowDefinition.key');
  else definition['key'] = parts.run(WorkflowDefinitionSchema.entries.key, key, 'workflowDefinition.key');
  if (node.presets.length > 0) {
    const presetSchema = CredentialPresetSchema as unknown as Shape;
    definition['credentials'] = node.presets.map(([, preset, leaves], index) =>
      checkPart(parts, presetSchema, preset, leaves, `workflowDefinition.credentials.${index}`),
    );
  }
  const { capabilities, capabilityLeaves } = node;
  if (hasFields(capabilities)) {
    const out: Record<string, unknown> = {};
    // in the schema's order, as the schema lays its output out
    for (const name in CapabilitiesSchema.entries) {
      const value = capabilities[name as keyof Capabilities];
      if (value === undefined) continue;
      const schema = unwrap(CapabilitiesSchema.entries[name as keyof Capabilities] as unknown as Shape);
      const leaves = capabilityLeaves[name as keyof Capabilities];
      out[name] = checkPart(parts, schema, value, leaves, `workflowDefinition.capabilities.${name}`);
    }
    definition['capabilities'] = out;
  }
  return definition;
}

/**
 * Validates a node: missing parts, the account id, what `.extra()` would change, the request
 * schema and the workflow rules; fields the schemas do not know pass only where `.extra()` put them.
 */
export function validateNode(node: AccountNode): AccountValidationResult {
  const issues: KyxIssue[] = [];
  const mode: AccountMode = node.accountId === undefined ? 'create' : 'update';
  if (mode === 'update' && !(typeof node.accountId === 'string' && UUID_PATTERN.test(node.accountId))) {
    issues.push({ path: 'accountId', message: 'must be the UUID of an existing account' });
  }
  if (node.fields.customerInternalReference === undefined) {
    issues.push({ path: 'customerInternalReference', message: NO_REFERENCE });
  }
  if (node.workflow === undefined) {
    issues.push({ path: 'workflowDefinition.key', message: NO_WORKFLOW });
  }
  const workflow = typeof node.workflow === 'object' && node.workflow !== null ? [node.workflow] : [];
  // valibot builds a fresh output, so callers can never reach the builder's own state through it.
  // Unknown keys do not compile; a key registered in WorkflowRegistry has no definition at run time.
  const { extra } = node;
  const options = { mode, workflows: workflow, unknownKeys: 'allow', wording: 'builder' } as const;
  let result: AccountValidationResult;
  if (extra) {
    // what .extra() adds may be anywhere in the body: the whole body is checked as a body from outside
    const merged = mergeExtra(toBody(node), extra);
    issues.push(...merged.issues);
    result = checkAccountRequest(merged.body, { ...options, allowUnknown: (path) => inPatch(extra, path) });
  } else {
    const parsed = parseNode(node);
    // the rules read a body that failed its checks as it was given
    result = checkParsed(parsed.success ? undefined : toBody(node), parsed, [], options);
  }
  if (issues.length === 0) return result;
  const reported = new Set(issues.map((i) => i.path));
  if (!result.success) issues.push(...result.issues.filter((i) => !reported.has(i.path)));
  return { success: false, issues };
}

/** The validated body, or a thrown `KyxValidationError`. */
export function buildNode(node: AccountNode): AccountRequest {
  const result = validateNode(node);
  if (!result.success) throw new KyxValidationError({ issues: result.issues });
  return result.output;
}

/** Method, path and validated body. */
export function compileNode(node: AccountNode): CompiledAccountRequest {
  const body = buildNode(node);
  return node.accountId === undefined
    ? { method: 'POST', path: API_PATHS.accounts, body }
    : { method: 'PUT', path: apiPath('account', { accountId: node.accountId }), body };
}
