// The builder's own rules, written once: `validate()` reports them at run time (compile.ts) with
// these words, and the types (types.ts) show the same words as `KyxTypeError<typeof NO_REFERENCE>`.
// The catalog rules' words are in ../workflows/messages.ts.

/** `build()` before `.ref()`. */
export const NO_REFERENCE = 'set the reference first: .ref(customerInternalReference)';

/** `build()` before `.workflow()`. */
export const NO_WORKFLOW = 'choose a workflow first: .workflow(key)';
