/**
 * The briefing routes whose role × scope cells are walked by the briefing module's own access test (they
 * are listed here so the authorization matrix knows they are covered). Keys as "METHOD /path".
 */
export const BRIEFING_WALKED_ROUTES: readonly string[] = [
  'GET /api/briefing/summary',
  'GET /api/briefing/report.pdf',
  'GET /api/briefing/report.xlsx',
  'GET /api/briefing/risk',
  'GET /api/briefing/next-visits',
];
