/**
 * The routes whose role × scope cells are walked by their module's own access test (test/http/*-access.test.ts,
 * through test/support/access-walk.ts), listed here so the authorization matrix knows they are covered.
 * Keys as "METHOD /path", in the order each access test walks them.
 */

export const ACCIDENTS_WALKED_ROUTES: readonly string[] = [
  'GET /api/accidents',
  'POST /api/accidents/grade',
  'POST /api/accidents',
  'GET /api/accidents/accountability',
  'GET /api/accidents/:id',
  'GET /api/accidents/:id/preceded',
  'POST /api/accidents/:id/reports',
  'POST /api/accidents/:id/supplements',
  'POST /api/accidents/:id/investigation',
  'POST /api/accidents/:id/accountability',
  'POST /api/accidents/import',
];

export const BRIEFING_WALKED_ROUTES: readonly string[] = [
  'GET /api/briefing/summary',
  'GET /api/briefing/report.pdf',
  'GET /api/briefing/report.xlsx',
  'GET /api/briefing/risk',
  'GET /api/briefing/next-visits',
];

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

export const DIRECTIVES_WALKED_ROUTES: readonly string[] = [
  'GET /api/directives',
  'POST /api/directives',
  'GET /api/directives/:id',
  'POST /api/directives/:id/read',
  'POST /api/directives/:id/reply',
  'POST /api/directives/:id/visit-requests',
];

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

export const ORDERS_WALKED_ROUTES: readonly string[] = [
  'GET /api/orders',
  'POST /api/orders/preview',
  'POST /api/orders',
  'GET /api/orders/gas-control-violations',
  'GET /api/orders/:id',
  'POST /api/orders/:id/notice',
  'GET /api/orders/resumptions',
  'POST /api/orders/resumptions',
  'GET /api/orders/resumptions/:id',
  'POST /api/orders/resumptions/:id/sign-offs',
  'POST /api/orders/resumptions/:id/decision',
  'POST /api/orders/resumptions/:id/notice',
  'GET /api/orders/campaigns',
  'POST /api/orders/campaigns',
  'GET /api/orders/campaigns/:id',
  'POST /api/orders/campaigns/:id/marks',
  'GET /api/orders/campaigns/:id/report',
];

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
  'GET /api/supervision/mines/:mineId/leader-shifts',
  'POST /api/supervision/users/:userId/card',
  'GET /api/supervision/bulk-candidates',
  'POST /api/supervision/bulk-assignments',
];

/** Walked by test/http/stopped-access.test.ts. */
export const STOPPED_WALKED_ROUTES: readonly string[] = [
  'GET /api/mines/:id/stopped-allowances',
  'POST /api/mines/:id/stopped-allowances',
  'POST /api/stopped-allowances/:id/decision',
  'GET /api/orders/:id/compliance',
];
