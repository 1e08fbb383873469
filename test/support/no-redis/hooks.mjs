// Module hooks that make the optional peer `redis` (and its `@redis/*` parts) not installed.
export async function resolve(specifier, context, next) {
  if (specifier === 'redis' || specifier.startsWith('@redis/')) {
    throw Object.assign(new Error(`Cannot find package '${specifier}' imported from ${context.parentURL}`), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
  }
  return next(specifier, context);
}
