import type { LeaderAssignment, SiteVisit } from '../supervision/supervision-types.ts';
import { LOOKBACK_DAYS, weightOf, type FormalismKind, type FormalismParams } from './formalism-rules.ts';

/** Evidence the flags are computed from (already limited to the region and period). */
export interface FormalismInput {
  nowMs: number;
  visits: readonly SiteVisit[];
  leaders: readonly LeaderAssignment[];
  /** Alarm activations: which alarm, at which mine, when. */
  alarms: ReadonlyArray<{ alarmId: string; mineId: string; atMs: number }>;
  hazards: ReadonlyArray<{ id: string; mineId: string; reportedAt: string; closedAt: string | null }>;
  mineNames: ReadonlyMap<string, string>;
  params: FormalismParams;
}

export interface FormalismFlag {
  /** Stable: kind and subject. */
  id: string;
  kind: FormalismKind;
  score: number;
  mineId: string | null;
  mineName: string | null;
  visitorId: string | null;
  visitorName: string | null;
  /** Why it was flagged, in both UI languages. */
  explanation: { zh: string; en: string };
  /** The records behind it. */
  records: { visitIds: string[]; alarmIds: string[]; hazardIds: string[] };
}

const DAY_MS = 86_400_000;

function flag(
  kind: FormalismKind,
  key: string,
  evidence: number,
  rest: Omit<FormalismFlag, 'id' | 'kind' | 'score'>,
): FormalismFlag {
  return { id: `${kind}:${key}`, kind, score: weightOf(kind) * Math.max(1, evidence), ...rest };
}

const checklistKey = (v: SiteVisit): string =>
  JSON.stringify(v.checklist.map((c) => [c.item, c.result]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));

/** Every formalism flag in the input, ranked (highest score first). Pure. */
export function computeFormalismFlags(input: FormalismInput): FormalismFlag[] {
  const { params, nowMs } = input;
  const sinceMs = nowMs - params.periodDays * DAY_MS;
  const inPeriod = input.visits.filter((v) => Date.parse(v.startedAt) >= sinceMs);
  const name = (mineId: string) => input.mineNames.get(mineId) ?? mineId;
  const flags: FormalismFlag[] = [];

  const byVisitor = new Map<string, SiteVisit[]>();
  for (const v of inPeriod) byVisitor.set(v.visitorId, [...(byVisitor.get(v.visitorId) ?? []), v]);

  for (const [visitorId, visits] of byVisitor) {
    const visitorName = visits[0]?.visitorName ?? visitorId;
    // Never underground.
    if (visits.length >= params.minVisitsUnderground && visits.every((v) => !v.wentUnderground)) {
      flags.push(
        flag('never_underground', visitorId, visits.length, {
          mineId: null,
          mineName: null,
          visitorId,
          visitorName,
          explanation: {
            zh: `${visitorName} 在近 ${params.periodDays} 天的 ${visits.length} 次检查中从未下井。`,
            en: `${visitorName} made ${visits.length} visits in the last ${params.periodDays} days and never went underground.`,
          },
          records: { visitIds: visits.map((v) => v.id), alarmIds: [], hazardIds: [] },
        }),
      );
    }
    // Copied checklists: runs of identical answers in consecutive visits.
    const ordered = [...visits].sort(
      (a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id),
    );
    let run: SiteVisit[] = [];
    const closeRun = () => {
      if (run.length >= params.copiedRun) {
        const first = run[0]!;
        flags.push(
          flag('copied_checklist', `${visitorId}:${first.id}`, run.length, {
            mineId: null,
            mineName: null,
            visitorId,
            visitorName,
            explanation: {
              zh: `${visitorName} 连续 ${run.length} 次检查的检查表结果完全相同。`,
              en: `${visitorName} gave identical checklist answers in ${run.length} consecutive visits.`,
            },
            records: { visitIds: run.map((v) => v.id), alarmIds: [], hazardIds: [] },
          }),
        );
      }
    };
    for (const v of ordered) {
      const prev = run[run.length - 1];
      if (v.checklist.length > 0 && prev && checklistKey(prev) === checklistKey(v)) run.push(v);
      else {
        closeRun();
        run = v.checklist.length > 0 ? [v] : [];
      }
    }
    closeRun();
  }

  for (const v of inPeriod) {
    // Short visits.
    if (v.durationMinutes < params.shortVisitMinutes) {
      flags.push(
        flag('short_visit', v.id, 1, {
          mineId: v.mineId,
          mineName: name(v.mineId),
          visitorId: v.visitorId,
          visitorName: v.visitorName,
          explanation: {
            zh: `${v.visitorName} 对 ${name(v.mineId)} 的检查只持续了 ${v.durationMinutes} 分钟（少于 ${params.shortVisitMinutes} 分钟）。`,
            en: `${v.visitorName}'s visit to ${name(v.mineId)} lasted ${v.durationMinutes} min (under ${params.shortVisitMinutes}).`,
          },
          records: { visitIds: [v.id], alarmIds: [], hazardIds: [] },
        }),
      );
    }
    // Found nothing where the records say otherwise.
    const foundNothing = v.findings.length === 0 && v.checklist.every((c) => c.result !== 'problem');
    if (!foundNothing) continue;
    const startMs = Date.parse(v.startedAt);
    const fromMs = startMs - LOOKBACK_DAYS * DAY_MS;
    const alarmIds = [
      ...new Set(
        input.alarms
          .filter((a) => a.mineId === v.mineId && a.atMs >= fromMs && a.atMs < startMs)
          .map((a) => a.alarmId),
      ),
    ];
    const hazardIds = input.hazards
      .filter((h) => {
        if (h.mineId !== v.mineId) return false;
        const reported = Date.parse(h.reportedAt);
        const openAtVisit = h.closedAt === null || Date.parse(h.closedAt) > startMs;
        return reported >= fromMs && reported < startMs && openAtVisit;
      })
      .map((h) => h.id);
    if (alarmIds.length >= params.quietAlarmThreshold || hazardIds.length > 0) {
      flags.push(
        flag('found_nothing', v.id, alarmIds.length + hazardIds.length, {
          mineId: v.mineId,
          mineName: name(v.mineId),
          visitorId: v.visitorId,
          visitorName: v.visitorName,
          explanation: {
            zh: `${v.visitorName} 在 ${name(v.mineId)} 的检查未发现任何问题，但检查前 ${LOOKBACK_DAYS} 天该矿有 ${alarmIds.length} 条报警、${hazardIds.length} 项未整改隐患。`,
            en: `${v.visitorName} found nothing at ${name(v.mineId)}, which had ${alarmIds.length} alarms and ${hazardIds.length} open hazards in the ${LOOKBACK_DAYS} days before.`,
          },
          records: { visitIds: [v.id], alarmIds, hazardIds },
        }),
      );
    }
  }

  // Leaders who have not visited their mines.
  const leaderFromMs = nowMs - params.leaderDays * DAY_MS;
  for (const l of input.leaders) {
    if (Date.parse(l.assignedAt) > leaderFromMs) continue;
    const visited = input.visits.some(
      (v) => v.mineId === l.mineId && v.visitorId === l.userId && Date.parse(v.startedAt) >= leaderFromMs,
    );
    if (visited) continue;
    const last = input.visits
      .filter((v) => v.mineId === l.mineId && v.visitorId === l.userId)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
    flags.push(
      flag('leader_absent', `${l.userId}:${l.mineId}`, 1, {
        mineId: l.mineId,
        mineName: name(l.mineId),
        visitorId: l.userId,
        visitorName: l.name,
        explanation: {
          zh: `包保领导 ${l.name} 已 ${params.leaderDays} 天以上未到 ${name(l.mineId)} 检查${last ? `（上次 ${last.startedAt.slice(0, 10)}）` : '（从未到过）'}。`,
          en: `Leader ${l.name} has not visited ${name(l.mineId)} for over ${params.leaderDays} days${last ? ` (last ${last.startedAt.slice(0, 10)})` : ' (never)'}.`,
        },
        records: { visitIds: last ? [last.id] : [], alarmIds: [], hazardIds: [] },
      }),
    );
  }

  return flags.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
