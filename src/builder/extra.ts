import type { KyxIssue } from '../errors/index.js';

// `.extra(patch)`: a JSON object deep-merged into the body after the builder's own fields. It
// adds fields; a value the builder set is not changed by it (an issue naming the path).

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep equality of JSON data. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => same((a as Json)[k], (b as Json)[k]));
}

/** Merges objects by key and arrays by index; elsewhere `issues` undefined: the patch wins, else: the base stays. */
function merge(base: unknown, patch: unknown, path: string[], issues?: KyxIssue[]): unknown {
  if (base === undefined) return patch;
  const bothArrays = Array.isArray(base) && Array.isArray(patch);
  if (bothArrays || (isRecord(base) && isRecord(patch))) {
    const out: Json | unknown[] = bothArrays ? [...(base as unknown[])] : { ...(base as Json) };
    for (const name of Object.keys(patch as Json)) {
      (out as Json)[name] = merge((base as Json)[name], (patch as Json)[name], [...path, name], issues);
    }
    return out;
  }
  if (!issues) return patch;
  if (!same(base, patch)) {
    issues.push({
      path: path.join('.'),
      message: "is set by the builder: .extra() adds fields, it does not change the builder's",
    });
  }
  return base;
}

/**
 * `patch` deep-merged into `body` (objects by key, arrays by index), without changing it: a
 * value of the body the patch gives differently is reported and kept.
 */
export function mergeExtra(body: Json, patch: Json): { body: Json; issues: KyxIssue[] } {
  const issues: KyxIssue[] = [];
  return { body: merge(body, patch, [], issues) as Json, issues };
}

/** A later patch over an earlier one (later values win, objects and arrays merge), as setters replace. */
export function combineExtra(earlier: Json | undefined, later: Json): Json {
  return earlier ? (merge(earlier, later, []) as Json) : later;
}

/** Whether `path` is in `patch` (every step of it present): unknown fields are allowed there only. */
export function inPatch(patch: Json, path: readonly string[]): boolean {
  let at: unknown = patch;
  for (const step of path) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, step)) return false;
    at = (at as Json)[step];
  }
  return true;
}
