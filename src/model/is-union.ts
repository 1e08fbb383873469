/** `true` for a union (a workflow key chosen at run time, a response of several workflows), `false` for one member. */
export type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;
