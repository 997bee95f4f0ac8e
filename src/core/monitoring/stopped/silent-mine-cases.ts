import { writeAudited } from '../../audit/record-audit.ts';
import type { CrackdownCase } from '../../closure/closure-types.ts';
import type { Ports } from '../../ports.ts';
import { silencesDueForCase } from './silent-mine.ts';

/** Who opens a case on monitoring's own evidence (as the monitoring runtime records its alarms). */
export const SILENT_MINE_CASE_ACTOR = { id: 'system:monitoring', name: 'monitoring' } as const;

/**
 * A mine that must keep its monitoring online and has been silent for `afterMs` (platform policy, 24 h by
 * default): an evasion-of-supervision case is opened with the silence alarm as its first evidence, for the
 * regulators to pursue (ADR 0014). One case per silence: a silence that already has a case is skipped.
 * Returns the ids of the cases opened. Run it periodically (hourly) by the composition root.
 */
export async function openSilentMineCases(
  deps: Pick<Ports, 'monitoring' | 'mines' | 'closure' | 'clock' | 'ids' | 'transaction'>,
  afterMs: number,
): Promise<string[]> {
  const nowMs = deps.clock.nowMs();
  const due = silencesDueForCase(await deps.monitoring.loadAlarms(), nowMs, afterMs);
  const opened: string[] = [];
  for (const alarm of due) {
    const mine = await deps.mines.get(alarm.mineId);
    if (!mine) continue;
    const existing = await deps.closure.listCases({ mineId: mine.id });
    if (
      existing.some((c) =>
        c.evidence.some(
          (e) => e.kind === 'alarm' && e.ref === alarm.id && e.addedAt >= isoOf(alarm.activeSinceMs),
        ),
      )
    )
      continue;
    const now = deps.clock.nowIso();
    const hours = Math.floor((nowMs - alarm.activeSinceMs!) / 3_600_000);
    const c: CrackdownCase = {
      id: deps.ids.next('case'),
      type: 'evasion_of_supervision',
      mineId: mine.id,
      mineName: mine.name,
      regionPath: mine.regionPath,
      summary: `Monitoring silent for ${hours} h while the mine is ${mine.status}: it must stay online (ADR 0014). ${alarm.message}`,
      status: 'open',
      evidence: [
        {
          kind: 'alarm',
          ref: alarm.id,
          note: `${alarm.rule}: ${alarm.message}`,
          addedById: SILENT_MINE_CASE_ACTOR.id,
          addedByName: SILENT_MINE_CASE_ACTOR.name,
          addedAt: now,
        },
      ],
      decisions: [],
      openedById: SILENT_MINE_CASE_ACTOR.id,
      openedByName: SILENT_MINE_CASE_ACTOR.name,
      openedAt: now,
      updatedAt: now,
    };
    await deps.transaction(['closure', 'audit'], async (tx) => {
      await writeAudited(tx, SILENT_MINE_CASE_ACTOR, now, c, (r) => tx.closure.insertCase(r), {
        action: 'case.open',
        targetType: 'case',
        targetId: c.id,
        after: { ...c, cause: 'silent_mine', silentForMs: nowMs - alarm.activeSinceMs! },
      });
    });
    opened.push(c.id);
  }
  return opened;
}

/** An activation time as ISO: the evidence of an earlier silence of the same alarm is older than it. */
const isoOf = (ms: number | null) => new Date(ms ?? 0).toISOString();
