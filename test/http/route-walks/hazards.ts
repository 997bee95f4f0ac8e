/**
 * The hazards routes whose role × scope cells are walked by the hazards module's own access test (they
 * are listed here so the authorization matrix knows they are covered). Keys as "METHOD /path".
 */
export const HAZARDS_WALKED_ROUTES: readonly string[] = [
  'GET /api/hazards/criteria',
  'GET /api/hazards',
  'GET /api/hazards/board',
  'GET /api/hazards/:id',
  'POST /api/hazards',
  'POST /api/hazards/:id/assign',
  'POST /api/hazards/:id/start',
  'POST /api/hazards/:id/submit',
  'POST /api/hazards/:id/verify',
  'POST /api/hazards/:id/reject',
  'POST /api/hazards/:id/extend',
  'POST /api/hazards/:id/listing',
  'POST /api/hazards/:id/listing/close',
  'POST /api/hazards/:id/progress',
  'GET /api/hazards/proposals',
  'POST /api/hazards/proposals/:id/confirm',
  'POST /api/hazards/proposals/:id/dismiss',
  'GET /api/hazards/monitoring-proposals',
  'POST /api/hazards/monitoring-proposals/confirm',
  'POST /api/hazards/monitoring-proposals/dismiss',
  'POST /api/hazards/daily-review',
  'POST /api/hazards/:id/evidence',
  'GET /api/hazards/:id/evidence/:evidenceId',
  'POST /api/hazards/self-check-files',
  'POST /api/hazards/self-check-reports',
  'GET /api/hazards/self-check-reports/missing',
];
