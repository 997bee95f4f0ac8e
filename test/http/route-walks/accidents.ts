/**
 * The accidents routes whose role × scope cells are walked by the accidents module's own access test (they
 * are listed here so the authorization matrix knows they are covered). Keys as "METHOD /path".
 */
export const ACCIDENTS_WALKED_ROUTES: readonly string[] = [];
