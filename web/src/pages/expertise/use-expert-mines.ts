import { useEffect, useMemo, useState } from 'react';
import { request, withQuery } from '../../api/api-client.ts';
import type { MinesResponse } from '../../api/generated/api-schema.ts';
import { useApiData } from '../../api/use-api.ts';
import type { ExpertGap, MineExpertise } from '../../api/generated/api-schema.ts';
import { mineApi } from './expertise-api.ts';

export interface AssignedMine {
  mineId: string;
  mineName: string;
  assignmentId: string;
}

const MAX_CARDS = 150;
const PARALLEL = 6;

/**
 * Which mines each expert is assigned to. There is no region-wide assignment list in the API, so this reads
 * the expertise card of every high-gas / outburst mine that the gaps view does not report as lacking an
 * expert (capped at 150 mines). `generation` re-reads after an assignment.
 */
export function useExpertMines(
  regionId: string,
  gaps: readonly ExpertGap[] | null,
  generation: number,
): { byExpert: Map<string, AssignedMine[]>; loading: boolean; truncated: boolean } {
  const high = useApiData<MinesResponse>(
    withQuery('/api/mines', { regionId, gasClass: 'high', pageSize: 500, sort: 'name' }),
  );
  const outburst = useApiData<MinesResponse>(
    withQuery('/api/mines', { regionId, gasClass: 'outburst', pageSize: 500, sort: 'name' }),
  );
  const candidates = useMemo(() => {
    if (gaps === null || high.data === null || outburst.data === null) return null;
    const without = new Set(gaps.filter((g) => !g.hasExpert).map((g) => g.mineId));
    return [...high.data.items, ...outburst.data.items]
      .filter((m) => m.status !== 'closed' && !without.has(m.id))
      .map((m) => m.id);
  }, [gaps, high.data, outburst.data]);
  const key = candidates === null ? null : `${generation}|${candidates.join(',')}`;
  const [result, setResult] = useState<{ key: string; byExpert: Map<string, AssignedMine[]> } | null>(null);

  useEffect(() => {
    if (key === null || candidates === null) return;
    const controller = new AbortController();
    const ids = candidates.slice(0, MAX_CARDS);
    const cards: MineExpertise[] = [];
    let next = 0;
    const worker = async () => {
      while (next < ids.length && !controller.signal.aborted) {
        const id = ids[next++];
        if (id === undefined) break;
        try {
          cards.push(await request<MineExpertise>('GET', mineApi(id), { signal: controller.signal }));
        } catch {
          // A card that fails to load only leaves its mine out of the column.
        }
      }
    };
    void Promise.all(Array.from({ length: PARALLEL }, worker)).then(() => {
      if (controller.signal.aborted) return;
      const byExpert = new Map<string, AssignedMine[]>();
      for (const c of cards) {
        for (const a of c.assignments.filter((x) => x.endedAt === null)) {
          const list = byExpert.get(a.expertId) ?? [];
          list.push({ mineId: c.mine.id, mineName: c.mine.name, assignmentId: a.id });
          byExpert.set(a.expertId, list);
        }
      }
      for (const list of byExpert.values()) list.sort((a, b) => a.mineName.localeCompare(b.mineName));
      setResult({ key, byExpert });
    });
    return () => controller.abort();
  }, [key, candidates]);

  const current = result !== null && result.key === key;
  return {
    byExpert: result?.byExpert ?? new Map<string, AssignedMine[]>(),
    loading: !current,
    truncated: (candidates?.length ?? 0) > MAX_CARDS,
  };
}
