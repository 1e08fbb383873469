import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Operation } from '../../src/index.js';
import type { SimulatorRoute } from '../../src/simulator/index.js';

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

/** What a cell must end in. */
export interface Expectation {
  /** `ok`, or the class name of the typed error. */
  readonly outcome: string;
  /** Requests the route under test receives. */
  readonly attempts: number;
  /** Why, in a few words (for the report). */
  readonly rule: string;
  /**
   * `error.mayHaveCreated` of a failed call: `true` only for account create/update (operation
   * `account`) after a 5xx, a reset, a timeout or an answer whose body failed; `undefined` for `ok`.
   */
  readonly mayHaveCreated?: boolean;
}

/** One cell's record. */
export interface CellResult {
  readonly route: SimulatorRoute;
  readonly fault: string;
  readonly operation: Operation;
  readonly call: string;
  readonly expected: Expectation;
  readonly outcome: string;
  /** Requests the route under test received. */
  readonly attempts: number;
  readonly accountsCreated: number;
  readonly executionsCreated: number;
  readonly expectedAccounts: number;
  readonly expectedExecutions: number;
  /** Accounts and executions the call under test made (setup excluded). */
  readonly newAccounts: number;
  readonly newExecutions: number;
  /** Reasons of the client's retries (`onRetry`). */
  readonly retries: readonly string[];
  /** Clock time between the first and the last attempt on the route (fake clock in process). */
  readonly waitedMs: number;
  /** The error message, when the call failed. */
  readonly message?: string;
  /** Whether the error is a KyxError. */
  readonly typed: boolean;
  /** `error.mayHaveCreated`, when the call failed. */
  readonly mayHaveCreated?: boolean;
  /** The client's per-attempt timeout (ms). */
  readonly timeoutMs: number;
}
