/**
 * The accidents routes whose role × scope cells are walked by the accidents module's own access test (they
 * are listed here so the authorization matrix knows they are covered). Keys as "METHOD /path".
 */
export const ACCIDENTS_WALKED_ROUTES: readonly string[] = [
  'GET /api/accidents',
  'POST /api/accidents/grade',
  'POST /api/accidents',
  'GET /api/accidents/accountability',
  'GET /api/accidents/:id',
  'GET /api/accidents/:id/preceded',
  'POST /api/accidents/:id/reports',
  'POST /api/accidents/:id/investigation',
  'POST /api/accidents/:id/accountability',
  'POST /api/accidents/import',
];
