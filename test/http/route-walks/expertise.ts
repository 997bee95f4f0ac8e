/**
 * The expertise routes whose role × scope cells are walked by the expertise module's own access test (they
 * are listed here so the authorization matrix knows they are covered). Keys as "METHOD /path".
 */
export const EXPERTISE_WALKED_ROUTES: readonly string[] = [
  'GET /api/expertise/experts',
  'PUT /api/expertise/experts/:id/specialities',
  'POST /api/expertise/assignments',
  'DELETE /api/expertise/assignments/:id',
  'GET /api/expertise/mines/:id',
  'GET /api/expertise/gaps',
  'POST /api/expertise/guidance',
  'POST /api/expertise/guidance/:id/findings/:index/hazard',
  'POST /api/expertise/trainings',
  'POST /api/expertise/assessments',
  'POST /api/expertise/assessments/:id/approve',
  'POST /api/expertise/assessments/:id/withdraw',
  'POST /api/expertise/assessments/expire',
  'POST /api/expertise/progress',
  'PUT /api/expertise/targets/:id',
  'POST /api/expertise/mergers',
  'GET /api/expertise/upgrading',
  'GET /api/expertise/formalism',
];
