/**
 * The closure routes whose role × scope cells are walked by the closure module's own access test (they
 * are listed here so the authorization matrix knows they are covered). Keys as "METHOD /path".
 */
export const CLOSURE_WALKED_ROUTES: readonly string[] = [
  'GET /api/closure/candidates',
  'POST /api/closure/policy-list',
  'GET /api/closure/targets',
  'GET /api/closure/history',
  'POST /api/closure/targets',
  'GET /api/closure/closures',
  'POST /api/closure/closures',
  'GET /api/closure/closures/:id',
  'POST /api/closure/closures/:id/steps/:step/record',
  'POST /api/closure/closures/:id/steps/:step/file',
  'GET /api/closure/closures/:id/steps/:step/file',
  'POST /api/closure/closures/:id/steps/:step/verify',
  'POST /api/closure/closures/:id/steps/:step/reject',
  'POST /api/closure/closures/:id/transformations',
  'GET /api/closure/mines/:mineId/ownership',
  'POST /api/closure/mines/:mineId/ownership',
  'GET /api/closure/cases',
  'POST /api/closure/cases',
  'GET /api/closure/cases/:id',
  'POST /api/closure/cases/:id/evidence',
  'POST /api/closure/cases/:id/events',
];
