/**
 * The orders routes whose role × scope cells are walked by the orders module's own access test (they
 * are listed here so the authorization matrix knows they are covered). Keys as "METHOD /path".
 */
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
