import { navigate } from '../../router/router.ts';
import { alarmsPageUrl, parseAlarmsQuery } from '../alarms-query.ts';
import type { Prefill } from './prefill.ts';

/**
 * Where a creation form goes once the item exists: back to the alarm it was made from (which now shows
 * the item), else to `fallback` (the item's own page), or nowhere when `fallback` is null.
 */
export function afterCreate(prefill: Prefill | undefined, fallback: string | null): void {
  const draft = prefill?.draft ?? null;
  if (draft !== null) {
    navigate(alarmsPageUrl({ ...parseAlarmsQuery(new URLSearchParams()), alarm: draft.alarmId }));
    return;
  }
  if (fallback !== null) navigate(fallback);
}
