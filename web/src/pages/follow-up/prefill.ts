import { withQuery } from '../../api/api-client.ts';
import type { AlarmDraft, MineResponse } from '../../api/generated/api-schema.ts';
import { useApiData } from '../../api/use-api.ts';
import type { PickedMine } from '../../components/mine-picker.tsx';
import { useAppLocation } from '../../router/router.ts';

/**
 * What a creation form (hazard, order, case) opens with when it is reached from a mine's page
 * (`?mine=<id>`) or in one click from an alarm (`?alarm=<id>`): the mine, and the alarm's draft — its
 * Chinese title, summary and description with data times in China Standard Time — whose id the form
 * sends as `alarmId`, so the alarm shows what was made from it.
 */
export interface Prefill {
  mine: PickedMine | null;
  draft: AlarmDraft | null;
}

export interface PrefillState {
  prefill: Prefill;
  /** True while the mine or the draft is still loading (the form waits, so it opens filled). */
  isLoading: boolean;
  error: unknown;
}

/** The path of a creation form, opened from an alarm or for a mine. */
export function followUpPath(path: string, from: { alarm?: string; mine?: string }): string {
  return withQuery(path, { alarm: from.alarm, mine: from.mine });
}

/** Reads `?alarm=` / `?mine=` and loads what the form is pre-filled with. */
export function usePrefill(): PrefillState {
  const { query } = useAppLocation();
  const alarmId = query.get('alarm') ?? '';
  const draft = useApiData<AlarmDraft>(
    alarmId === '' ? null : `/api/alarms/${encodeURIComponent(alarmId)}/draft`,
  );
  const mineId = alarmId === '' ? (query.get('mine') ?? '') : (draft.data?.mineId ?? '');
  const mine = useApiData<MineResponse>(mineId === '' ? null : `/api/mines/${encodeURIComponent(mineId)}`);
  const m = mine.data?.mine;
  return {
    prefill: {
      mine: m === undefined ? null : { id: m.id, code: m.code, name: m.name, status: m.status },
      draft: alarmId === '' ? null : draft.data,
    },
    isLoading: draft.isLoading || mine.isLoading || (alarmId !== '' && draft.data === null && !draft.error),
    error: draft.error ?? mine.error,
  };
}
