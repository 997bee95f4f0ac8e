import type { PersonnelArea, PersonPosition } from '../upload-file/personnel-records.ts';
import type { AlarmBook } from './alarm-book.ts';
import { describeStoppedPeople, judgeStoppedPeople } from '../stopped/stopped-exemptions.ts';
import { gasControlMessage, judgeGasControl } from '../stopped/gas-control.ts';
import { STOPPED_STATUSES, type AlarmChange, type MonitoredMine } from './engine-types.ts';

export interface PersonUnderground {
  cardCode: string;
  name: string;
  areaCode: string | null;
  stationCode: string | null;
  enteredMineAtMs: number | null;
  isMineLeader: boolean;
}

interface MinePeople {
  snapshotMs: number;
  people: PersonUnderground[];
}

const STOPPED = STOPPED_STATUSES;

/**
 * Whether an RYSS record puts the person underground. The flag is the mine's word; the times are the
 * card reader's: an entry time with no exit time means the person went down and has not come up,
 * whatever the flag says (a mine cannot hide people by writing 2 or 0). An exit earlier than the
 * entry is an older exit followed by a new descent.
 */
export function isUnderground(p: PersonPosition): boolean {
  if (p.inOut === 'underground') return true;
  if (p.enteredMineAtMs === null) return false;
  return p.exitedMineAtMs === null || p.exitedMineAtMs < p.enteredMineAtMs;
}
const RESTRICTED = /限制|禁止|禁入/;

/**
 * Personnel rules over RYSS snapshots (each one is the full list for a mine; who is underground is
 * decided by {@link isUnderground}, not by the flag alone):
 * - anyone underground in a suspended, closing or closed mine → critical (the Diaoshuidong pattern);
 * - more people underground than the mine's approved maximum → high;
 * - more people in an area than its approved headcount (RYQY) → high;
 * - anyone in a restricted area → high;
 * - anyone underground longer than the overtime limit → low.
 */
export class PersonnelRules {
  readonly #alarms: AlarmBook;
  readonly #overtimeAfterMs: number;
  readonly #people = new Map<string, MinePeople>();
  readonly #areas = new Map<string, Map<string, PersonnelArea>>();
  /** The data time each mine's people were last judged at (exemption edges are judged after it). */
  readonly #judgedMs = new Map<string, number>();

  constructor(alarms: AlarmBook, overtimeAfterMs: number) {
    this.#alarms = alarms;
    this.#overtimeAfterMs = overtimeAfterMs;
  }

  defineAreas(mineId: string, areas: readonly PersonnelArea[]): void {
    let m = this.#areas.get(mineId);
    if (!m) {
      m = new Map();
      this.#areas.set(mineId, m);
    }
    for (const a of areas) m.set(a.areaCode, a);
  }

  areas(mineId: string): PersonnelArea[] {
    return [...(this.#areas.get(mineId)?.values() ?? [])];
  }

  /** The data time the mine's people were last judged at, or null. */
  judgedMs(mineId: string): number | null {
    return this.#judgedMs.get(mineId) ?? null;
  }

  snapshotMs(mineId: string): number | null {
    return this.#people.get(mineId)?.snapshotMs ?? null;
  }

  underground(mineId: string): PersonUnderground[] {
    return this.#people.get(mineId)?.people ?? [];
  }

  /** Applies a snapshot unless an older one arrives late (freshness by the snapshot time). */
  ingest(
    mine: MonitoredMine,
    positions: readonly PersonPosition[],
    snapshotMs: number,
    nowMs: number,
  ): AlarmChange[] {
    this.#alarms.receivedAt(nowMs);
    const out: AlarmChange[] = [];
    const prev = this.#people.get(mine.id);
    if (prev && prev.snapshotMs > snapshotMs) return out;
    const people: PersonUnderground[] = [];
    for (const p of positions) {
      if (!isUnderground(p)) continue;
      people.push({
        cardCode: p.cardCode,
        name: p.name,
        areaCode: p.areaCode,
        stationCode: p.stationCode,
        enteredMineAtMs: p.enteredMineAtMs,
        isMineLeader: p.isMineLeader,
      });
    }
    this.#people.set(mine.id, { snapshotMs, people });
    // Judged at the snapshot's own time (the data's time), not when it arrived.
    this.#judge(out, mine, snapshotMs);
    return out;
  }

  /** Puts back a stored snapshot (engine rebuild); no rule is applied. */
  restore(mineId: string, people: PersonUnderground[], snapshotMs: number): void {
    this.#people.set(mineId, { snapshotMs, people });
  }

  /**
   * Re-applies the rules after the mine's status changed (e.g. a stop order while people are below):
   * the change is the event, so it is dated at `nowMs`; overtime stays judged at the snapshot's time.
   */
  rejudge(out: AlarmChange[], mine: MonitoredMine, nowMs: number): void {
    if (this.#people.has(mine.id)) this.#judge(out, mine, nowMs);
  }

  #judge(out: AlarmChange[], mine: MonitoredMine, nowMs: number): void {
    const people = this.underground(mine.id);
    const n = people.length;
    // Within an approved watch crew, dismantling window or evacuation deadline nobody is uncovered.
    const stopped = STOPPED.has(mine.status)
      ? judgeStoppedPeople(mine.status, mine.exemptions, people, nowMs)
      : null;
    this.#judgedMs.set(mine.id, nowMs);
    if (stopped !== null && stopped.uncovered > 0) {
      const names = people
        .slice(0, 5)
        .map((p) => p.name)
        .join('、');
      this.#alarms.raise(
        out,
        {
          mineId: mine.id,
          rule: 'people_in_stopped_mine',
          subject: '',
          pointId: null,
          message: describeStoppedPeople(mine.status, stopped, `${names}${n > 5 ? ' …' : ''}`),
          value: stopped.uncovered,
        },
        nowMs,
      );
    } else this.#alarms.clear(out, mine.id, 'people_in_stopped_mine', '', nowMs, n);

    const gas = judgeGasControl(mine, people, nowMs);
    if (gas.isViolation) {
      this.#alarms.raise(
        out,
        {
          mineId: mine.id,
          rule: 'gas_control_lacking',
          subject: '',
          pointId: null,
          message: gasControlMessage(mine, gas),
          value: gas.beyondCrew,
        },
        nowMs,
      );
    } else this.#alarms.clear(out, mine.id, 'gas_control_lacking', '', nowMs, gas.beyondCrew);

    if (mine.approvedMaxUnderground > 0 && n > mine.approvedMaxUnderground) {
      this.#alarms.raise(
        out,
        {
          mineId: mine.id,
          rule: 'headcount_over_limit',
          subject: '',
          pointId: null,
          message: `${n} people underground; the approved maximum is ${mine.approvedMaxUnderground}.`,
          value: n,
        },
        nowMs,
      );
    } else this.#alarms.clear(out, mine.id, 'headcount_over_limit', '', nowMs, n);

    const perArea = new Map<string, number>();
    for (const p of people)
      if (p.areaCode !== null) perArea.set(p.areaCode, (perArea.get(p.areaCode) ?? 0) + 1);
    for (const area of this.#areas.get(mine.id)?.values() ?? []) {
      const count = perArea.get(area.areaCode) ?? 0;
      const approved = area.approvedHeadcount;
      if (approved !== null && approved > 0 && count > approved) {
        this.#alarms.raise(
          out,
          {
            mineId: mine.id,
            rule: 'area_over_limit',
            subject: area.areaCode,
            pointId: null,
            message: `${count} people in ${area.areaName}; approved ${approved}.`,
            value: count,
          },
          nowMs,
        );
      } else this.#alarms.clear(out, mine.id, 'area_over_limit', area.areaCode, nowMs, count);
      if (RESTRICTED.test(area.areaType) || RESTRICTED.test(area.areaName)) {
        if (count > 0) {
          this.#alarms.raise(
            out,
            {
              mineId: mine.id,
              rule: 'restricted_area',
              subject: area.areaCode,
              pointId: null,
              message: `${count} people in the restricted area ${area.areaName}.`,
              value: count,
            },
            nowMs,
          );
        } else this.#alarms.clear(out, mine.id, 'restricted_area', area.areaCode, nowMs, 0);
      }
    }
    this.#judgeOvertime(out, mine, this.#people.get(mine.id)?.snapshotMs ?? nowMs);
  }

  /** Overtime is judged at a snapshot's time: how long each person had been underground by then. */
  #judgeOvertime(out: AlarmChange[], mine: MonitoredMine, atMs: number): void {
    const over = this.underground(mine.id).filter(
      (p) => p.enteredMineAtMs !== null && atMs - p.enteredMineAtMs > this.#overtimeAfterMs,
    );
    if (over.length > 0) {
      this.#alarms.raise(
        out,
        {
          mineId: mine.id,
          rule: 'overtime_underground',
          subject: '',
          pointId: null,
          message: `${over.length} people underground for more than ${this.#overtimeAfterMs / 3_600_000} h.`,
          value: over.length,
        },
        atMs,
      );
    } else this.#alarms.clear(out, mine.id, 'overtime_underground', '', atMs, 0);
  }
}
