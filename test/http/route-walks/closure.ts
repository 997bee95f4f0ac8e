/**
 * The closure routes whose role × scope cells are walked by the closure module's own access test (they
 * are listed here so the authorization matrix knows they are covered). Keys as "METHOD /path".
 */
export const CLOSURE_WALKED_ROUTES: readonly string[] = [];
