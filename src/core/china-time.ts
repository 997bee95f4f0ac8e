/** China Standard Time is UTC+8 all year (no daylight saving). */
const CST_OFFSET_MS = 8 * 3_600_000;

/**
 * The calendar date (YYYY-MM-DD) in China Standard Time of an ISO time: the day a Chinese user and
 * the law count in (working days, due dates, "not in the future").
 */
export const chinaDateOf = (iso: string): string =>
  new Date(Date.parse(iso) + CST_OFFSET_MS).toISOString().slice(0, 10);
