/**
 * The stopped-mine routes whose role × scope cells are walked by test/http/stopped-access.test.ts (listed
 * here so the authorization matrix knows they are covered). Keys as "METHOD /path".
 */
export const STOPPED_WALKED_ROUTES: readonly string[] = [
  'GET /api/mines/:id/stopped-allowances',
  'POST /api/mines/:id/stopped-allowances',
  'POST /api/stopped-allowances/:id/decision',
  'GET /api/orders/:id/compliance',
];
