/**
 * The directives routes whose role × scope cells are walked by the directives module's own access test (they
 * are listed here so the authorization matrix knows they are covered). Keys as "METHOD /path".
 */
export const DIRECTIVES_WALKED_ROUTES: readonly string[] = [
  'GET /api/directives',
  'POST /api/directives',
  'GET /api/directives/:id',
  'POST /api/directives/:id/read',
  'POST /api/directives/:id/reply',
  'POST /api/directives/:id/visit-requests',
];
