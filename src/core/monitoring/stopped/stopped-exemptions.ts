import type { MineStatus } from '../../registry/types.ts';

/**
 * The exceptions the law allows to "nobody underground, nothing running" in a stopped mine, in the
 * form the monitoring rules read them (plain data, times in epoch ms of data time):
 * - `watch_crew`: a suspended mine's approved watch crew (值守人员) — at most `size` people, only in
 *   `areaCodes`, keeping the declared systems (ventilation, drainage, monitoring) running;
 * - `dismantling`: a closing mine's approved, supervised window to dismantle equipment (回撤) — the
 *   crew, the areas and powered equipment are allowed only from `fromMs` to `toMs`;
 * - `evacuation`: a stop order's evacuation deadline — until `toMs`, people still underground are
 *   leaving, not violating.
 * Outside every exemption, any person underground or powered equipment in a stopped mine is critical.
 */
export type StoppedExemptionKind = 'watch_crew' | 'dismantling' | 'evacuation';

export interface StoppedExemption {
  kind: StoppedExemptionKind;
  /** The approved declaration or the order it comes from. */
  sourceId: string;
  fromMs: number;
  /** Null: open-ended (a watch crew stands until withdrawn). */
  toMs: number | null;
  /** Null: any number (an evacuation). */
  size: number | null;
  /** Null: anywhere underground. */
  areaCodes: readonly string[] | null;
  /** Powered equipment is allowed (dismantling windows, evacuations). */
  allowsPower: boolean;
}

/** Which exemption kinds a status may use: a watch crew while suspended, dismantling while closing. */
const KINDS_BY_STATUS: Readonly<Partial<Record<MineStatus, readonly StoppedExemptionKind[]>>> = {
  suspended: ['watch_crew', 'evacuation'],
  resumption_review: ['watch_crew', 'evacuation'],
  closing: ['dismantling', 'evacuation'],
  closed: [],
};

/** The exemptions in force for a mine of this status at data time `atMs`. */
export function exemptionsAt(
  status: MineStatus,
  exemptions: readonly StoppedExemption[] | undefined,
  atMs: number,
): StoppedExemption[] {
  const kinds = KINDS_BY_STATUS[status] ?? [];
  return (exemptions ?? []).filter(
    (e) => kinds.includes(e.kind) && e.fromMs <= atMs && (e.toMs === null || atMs < e.toMs),
  );
}

/** True when powered equipment in a stopped mine is covered at `atMs` (a dismantling window, an evacuation). */
export function isPowerAllowedAt(
  status: MineStatus,
  exemptions: readonly StoppedExemption[] | undefined,
  atMs: number,
): boolean {
  return exemptionsAt(status, exemptions, atMs).some((e) => e.allowsPower);
}

export interface PersonAt {
  name: string;
  areaCode: string | null;
}

export interface StoppedPeopleVerdict {
  /** People underground. */
  total: number;
  /** People no exemption covers: beyond the crew's size, or outside its areas. Zero: no alarm. */
  uncovered: number;
  /** Of those, the ones in an area no exemption names. */
  outsideAreas: PersonAt[];
  /** How many the exemptions allow in all (null: any number, an evacuation). */
  allowed: number | null;
  /** The exemptions that applied. */
  by: StoppedExemptionKind[];
}

/**
 * Judges the people underground in a stopped mine at data time `atMs`. People in an area an exemption
 * names are counted against its size (the crews' sizes add up when several stand); anyone in an area
 * no exemption names, or beyond the sizes, is uncovered. A person whose area is unknown counts only
 * against an exemption valid anywhere.
 */
export function judgeStoppedPeople(
  status: MineStatus,
  exemptions: readonly StoppedExemption[] | undefined,
  people: readonly PersonAt[],
  atMs: number,
): StoppedPeopleVerdict {
  const active = exemptionsAt(status, exemptions, atMs);
  const by = [...new Set(active.map((e) => e.kind))];
  if (active.some((e) => e.size === null && e.areaCodes === null)) {
    return { total: people.length, uncovered: 0, outsideAreas: [], allowed: null, by };
  }
  const seats = active.map((e) => ({
    left: e.size ?? Number.POSITIVE_INFINITY,
    areas: e.areaCodes === null ? null : new Set(e.areaCodes),
  }));
  const allowed = seats.reduce((n, s) => n + s.left, 0);
  let uncovered = 0;
  const outsideAreas: PersonAt[] = [];
  // Area-bound seats first, so an unbounded seat is kept for those only it can cover.
  const ordered = [...seats].sort((a, b) => (a.areas === null ? 1 : 0) - (b.areas === null ? 1 : 0));
  for (const person of people) {
    const inArea = (s: (typeof seats)[number]) =>
      s.areas === null || (person.areaCode !== null && s.areas.has(person.areaCode));
    const seat = ordered.find((s) => s.left > 0 && inArea(s));
    if (seat) {
      seat.left--;
      continue;
    }
    uncovered++;
    if (seats.length > 0 && !seats.some(inArea)) outsideAreas.push(person);
  }
  return {
    total: people.length,
    uncovered,
    outsideAreas,
    allowed: Number.isFinite(allowed) ? allowed : null,
    by,
  };
}

/**
 * Why the people alarm of a stopped mine stands, in one sentence (the alarm's message; the web parses it
 * into either language): "4 people underground in a suspended mine, 1 beyond the approved watch_crew of 3,
 * 1 outside its areas (人员4@A09)."
 */
export function describeStoppedPeople(status: MineStatus, v: StoppedPeopleVerdict, names: string): string {
  if (v.by.length === 0) return `${v.total} people underground in a ${status} mine (${names}).`;
  const outside = v.outsideAreas
    .slice(0, 5)
    .map((p) => `${p.name}@${p.areaCode ?? '?'}`)
    .join('、');
  return `${v.total} people underground in a ${status} mine, ${v.uncovered} beyond the approved ${v.by.join(
    '+',
  )} of ${v.allowed ?? 'any'}, ${v.outsideAreas.length} outside its areas${outside ? ` (${outside})` : ''}.`;
}

/**
 * The next data time after `afterMs` at which an exemption of this mine starts or ends (an evacuation
 * deadline, a dismantling window), or null: the people rule must be judged again then, even when no
 * new snapshot arrives.
 */
export function nextExemptionEdge(
  exemptions: readonly StoppedExemption[] | undefined,
  afterMs: number,
): number | null {
  let next: number | null = null;
  for (const e of exemptions ?? []) {
    for (const t of [e.fromMs, e.toMs]) {
      if (t !== null && t > afterMs && (next === null || t < next)) next = t;
    }
  }
  return next;
}
