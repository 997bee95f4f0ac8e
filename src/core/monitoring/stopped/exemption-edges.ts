import type { AlarmChange, MonitoredMine } from '../engine/engine-types.ts';
import { STOPPED_STATUSES } from '../engine/engine-types.ts';
import { nextExemptionEdge } from './stopped-exemptions.ts';

/** What the edge rule needs of the personnel rules. */
export interface PeopleJudge {
  judgedMs(mineId: string): number | null;
  rejudge(out: AlarmChange[], mine: MonitoredMine, atMs: number): void;
}

/**
 * An evacuation deadline passes, a dismantling window closes: the people last reported underground are
 * judged again at that edge — dated at the edge, in data time — even when no new snapshot arrives (a
 * mine that stops uploading does not escape its deadline). Edges up to `nowMs` are judged in order.
 */
export function judgeExemptionEdges(
  mines: Iterable<MonitoredMine>,
  people: PeopleJudge,
  out: AlarmChange[],
  nowMs: number,
): void {
  for (const mine of mines) {
    if (mine.exemptions === undefined || mine.exemptions.length === 0) continue;
    if (!STOPPED_STATUSES.has(mine.status)) continue;
    for (let i = 0; i < 8; i++) {
      const judged = people.judgedMs(mine.id);
      if (judged === null) break;
      const edge = nextExemptionEdge(mine.exemptions, judged);
      if (edge === null || edge > nowMs) break;
      people.rejudge(out, mine, edge);
    }
  }
}
