/**
 * The supervision routes whose role × scope cells are walked by the supervision module's own access test (they
 * are listed here so the authorization matrix knows they are covered). Keys as "METHOD /path".
 */
export const SUPERVISION_WALKED_ROUTES: readonly string[] = [
  'GET /api/supervision/coverage',
  'GET /api/supervision/coverage.csv',
  'GET /api/supervision/kpi',
  'GET /api/supervision/mines/:mineId',
  'GET /api/supervision/mines/:mineId/candidates',
  'POST /api/supervision/mines/:mineId/plan',
  'PATCH /api/supervision/mines/:mineId/plan',
  'DELETE /api/supervision/mines/:mineId/plan',
  'POST /api/supervision/mines/:mineId/plan/submit',
  'POST /api/supervision/mines/:mineId/plan/approve',
  'POST /api/supervision/mines/:mineId/plan/return',
  'POST /api/supervision/mines/:mineId/responsible',
  'POST /api/supervision/mines/:mineId/group',
  'POST /api/supervision/mines/:mineId/leader',
  'POST /api/supervision/visits',
  'GET /api/supervision/visits',
  'GET /api/supervision/visits/:id',
  'POST /api/supervision/findings/:id/hazard',
];
