import { cstStamp } from '../../format.ts';

/** A stored ISO time as "YYYY-MM-DD HH:mm:ss" in China Standard Time. */
export function formatTime(iso: string | null): string {
  if (iso === null) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : cstStamp(ms);
}
