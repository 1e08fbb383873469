/**
 * Every Jumio API path, once: the builder and the client fill these patterns, the simulator
 * registers them as routes. Parameters are written `:name` (the router syntax), filled with
 * {@link apiPath}.
 */
export const API_PATHS = {
  token: '/oauth2/token',
  health: '/',
  accounts: '/api/v1/accounts',
  account: '/api/v1/accounts/:accountId',
  execution: '/api/v1/accounts/:accountId/workflow-executions/:workflowExecutionId',
  executionStatus: '/api/v1/accounts/:accountId/workflow-executions/:workflowExecutionId/status',
  executionSteps: '/api/v1/accounts/:accountId/workflow-executions/:workflowExecutionId/steps',
  /** The account-less execution link that status and callback bodies carry. */
  executionLink: '/api/v1/workflow-executions/:workflowExecutionId',
  upload:
    '/api/v1/accounts/:accountId/workflow-executions/:workflowExecutionId/credentials/:credentialId/parts/:classifier',
  part: '/api/v1/accounts/:accountId/credentials/:credentialId/parts/:classifier',
} as const;

/** The name of one API path. */
export type ApiPathName = keyof typeof API_PATHS;

type ParamsOf<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamsOf<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** A path pattern with each `:name` parameter as `${string}` (what {@link apiPath} returns). */
export type FilledPath<P extends string> = P extends `${infer Head}:${string}/${infer Rest}`
  ? `${Head}${string}/${FilledPath<Rest>}`
  : P extends `${infer Head}:${string}`
    ? `${Head}${string}`
    : P;

/** The parameters a path needs, by name (none for a path without parameters). */
export type ApiPathParams<N extends ApiPathName> = { readonly [K in ParamsOf<(typeof API_PATHS)[N]>]: string };

/**
 * The path `name` with its parameters filled in, each URI-encoded.
 */
export function apiPath<N extends ApiPathName>(name: N, params: ApiPathParams<N>): FilledPath<(typeof API_PATHS)[N]> {
  const values = params as Readonly<Record<string, string>>;
  const filled = API_PATHS[name].replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(values[key] ?? ''));
  return filled as FilledPath<(typeof API_PATHS)[N]>;
}
