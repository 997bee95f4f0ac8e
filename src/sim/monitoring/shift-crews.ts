/**
 * Personnel underground under 三八制 (three 8-hour shifts from 0:00, 8:00, 16:00 CST): who of the
 * roster works a shift, when each enters (within ~30 minutes of the shift start) and comes out
 * (around the next shift start), and the base stations each passes through. A crew is a pure
 * function of (mine key, shift index), so it is computed once per shift and cached.
 */
import type {
  Person,
  PersonPosition,
  TrackPoint,
} from '../../core/monitoring/upload-file/personnel-records.ts';
import { ATTENDANCE } from './layout-personnel.ts';
import type { MineLayout } from './mine-layout.ts';
import { SHIFT_MS, SHIFT_PATTERN, hash3, shiftOfDay, shiftStartMs, signedUnit, unit } from './signal.ts';

const MIN_MS = 60_000;

export interface Leg {
  areaCode: string;
  stationCode: string;
  atMs: number;
}

export interface CrewMember {
  personIndex: number;
  entryMs: number;
  exitMs: number;
  /** Stations passed, oldest first; the first is at `entryMs`, all before `exitMs`. */
  legs: Leg[];
  /**
   * The last record built and the state it was built for (leg index, or -1 once out): a record only
   * changes when the person reaches a new station or comes out, so steps share it (read-only).
   */
  cache: { state: number; position: PersonPosition } | null;
}

/** Latest a member of a shift can still be underground, relative to the shift start. */
export const LATEST_EXIT_AFTER_START_MS = 7.5 * 3_600_000 + 50 * MIN_MS;

/** Station lookup for one mine. */
export interface CrewGeometry {
  stationsByArea: ReadonlyMap<string, readonly string[]>;
  pithead: string;
  mainRoadway: string;
  /** Places rovers and leaders visit (faces, headings, belts). */
  roverTargets: readonly string[];
}

export function crewGeometry(layout: MineLayout): CrewGeometry {
  const stationsByArea = new Map<string, string[]>();
  for (const s of layout.stations) {
    const list = stationsByArea.get(s.areaCode);
    if (list === undefined) stationsByArea.set(s.areaCode, [s.stationCode]);
    else list.push(s.stationCode);
  }
  const { keyAreas } = layout;
  const roverTargets = [...keyAreas.faces, ...keyAreas.headings, ...keyAreas.belts];
  return {
    stationsByArea,
    pithead: keyAreas.pithead,
    mainRoadway: keyAreas.mainRoadway,
    roverTargets: roverTargets.length > 0 ? roverTargets : [keyAreas.mainRoadway],
  };
}

/** A station of the area, chosen by `pick` in [0, 1). */
export function stationIn(geo: CrewGeometry, areaCode: string, pick: number): string {
  const list = geo.stationsByArea.get(areaCode) ?? [];
  return list[Math.floor(pick * list.length)] ?? list[0] ?? `${areaCode}000001`;
}

/** Whole-second time `base + fraction·spanMs`. */
const at = (base: number, spanMs: number, fraction: number): number =>
  base + Math.floor((spanMs * fraction) / 1000) * 1000;

/** A walk from the pithead through the main roadway to the work place(s) and back. */
export function planLegs(
  geo: CrewGeometry,
  places: readonly string[],
  entryMs: number,
  exitMs: number,
  r: (j: number) => number,
): Leg[] {
  const legs: Leg[] = [
    { areaCode: geo.pithead, stationCode: stationIn(geo, geo.pithead, r(1)), atMs: entryMs },
  ];
  const leg = (areaCode: string, atMs: number, pick: number): void => {
    const last = legs[legs.length - 1];
    if (last !== undefined && atMs <= last.atMs) return;
    legs.push({ areaCode, stationCode: stationIn(geo, areaCode, pick), atMs });
  };
  const home = places[0];
  if (home === undefined || home === geo.pithead) return legs;
  leg(geo.mainRoadway, at(entryMs + 4 * MIN_MS, 3 * MIN_MS, r(2)), 0);
  if (home === geo.mainRoadway) return legs;
  let t = at(entryMs + 12 * MIN_MS, 8 * MIN_MS, r(3));
  const backAt = at(exitMs - 22 * MIN_MS, 7 * MIN_MS, r(4));
  for (let i = 0; t < backAt - 20 * MIN_MS; i++) {
    leg(places[i % places.length] ?? home, t, r(10 + i));
    t = at(t + 50 * MIN_MS, 60 * MIN_MS, r(30 + i));
  }
  leg(geo.mainRoadway, backAt, 1);
  leg(geo.pithead, at(exitMs - 5 * MIN_MS, 3 * MIN_MS, r(5)), r(6));
  return legs;
}

/** The members of one shift (index = floor(t / 8 h)) for a mine in normal operation. */
export function buildCrew(
  layout: MineLayout,
  geo: CrewGeometry,
  mineKey: number,
  shiftIndex: number,
): CrewMember[] {
  const start = shiftStartMs(shiftIndex);
  const ofDay = shiftOfDay(shiftIndex);
  const leaders = layout.personSpecs.flatMap((s, i) => (s.role === 'leader' ? [i] : []));
  const leaderOnDuty = leaders[((shiftIndex % leaders.length) + leaders.length) % leaders.length];
  const crew: CrewMember[] = [];
  layout.personSpecs.forEach((spec, personIndex) => {
    const key = hash3(mineKey, personIndex, shiftIndex);
    const r = (j: number): number => unit(hash3(key, j));
    if (spec.role === 'leader' ? personIndex !== leaderOnDuty : spec.shiftOfDay !== ofDay) return;
    if (spec.role !== 'leader' && r(0) >= ATTENDANCE) return;
    const entryMs = at(start, (spec.role === 'rover' ? 12 : 30) * MIN_MS, r(7));
    const exitMs = at(start + 7.5 * 3_600_000, 50 * MIN_MS, r(8));
    let places: string[];
    if (spec.homeAreaCode !== null) places = [spec.homeAreaCode];
    else {
      const n = geo.roverTargets.length;
      const first = Math.floor(r(9) * n);
      places = Array.from({ length: Math.min(n, 5) }, (_, i) => geo.roverTargets[(first + i * 3) % n] ?? '');
    }
    crew.push({ personIndex, entryMs, exitMs, legs: planLegs(geo, places, entryMs, exitMs, r), cache: null });
  });
  return crew;
}

const track = (legs: readonly Leg[], upTo: number): TrackPoint[] => {
  const out: TrackPoint[] = [];
  for (let i = 0; i <= upTo && i < legs.length; i++) {
    const l = legs[i] as Leg;
    out.push({ stationCode: l.stationCode, atMs: l.atMs });
  }
  return out;
};

/**
 * RYSS record for a crew member at `nowMs`, or null when they are neither underground nor recently
 * out. The record object is shared between calls while it does not change: treat it as read-only.
 */
export function positionAt(
  layout: MineLayout,
  member: CrewMember,
  nowMs: number,
  recentExitMs: number,
): PersonPosition | null {
  if (nowMs < member.entryMs || nowMs >= member.exitMs + recentExitMs) return null;
  const { legs } = member;
  let state = -1;
  if (nowMs < member.exitMs) {
    state = 0;
    while (state + 1 < legs.length && (legs[state + 1] as Leg).atMs <= nowMs) state++;
  }
  if (member.cache?.state === state) return member.cache.position;
  const person = layout.persons[member.personIndex];
  if (person === undefined) return null;
  const position = buildPosition(person, member, state);
  member.cache = { state, position };
  return position;
}

function buildPosition(person: Person, member: CrewMember, state: number): PersonPosition {
  const { legs } = member;
  const base = {
    cardCode: person.cardCode,
    name: person.name,
    enteredMineAtMs: member.entryMs,
    shiftPattern: SHIFT_PATTERN,
    workState: '正常',
    isMineLeader: person.isMineLeader,
    isSpecialWorker: person.isSpecialWorker,
  };
  if (state < 0) {
    return {
      ...base,
      inOut: 'out',
      exitedMineAtMs: member.exitMs,
      areaCode: null,
      enteredAreaAtMs: null,
      stationCode: null,
      enteredStationAtMs: null,
      distanceToStationM: null,
      track: track(legs, legs.length - 1),
    };
  }
  const current = legs[state] as Leg;
  let areaSince = state;
  while (areaSince > 0 && (legs[areaSince - 1] as Leg).areaCode === current.areaCode) areaSince--;
  const d = signedUnit(hash3(member.personIndex, state, member.entryMs / 1000));
  return {
    ...base,
    inOut: 'underground',
    exitedMineAtMs: null,
    areaCode: current.areaCode,
    enteredAreaAtMs: (legs[areaSince] as Leg).atMs,
    stationCode: current.stationCode,
    enteredStationAtMs: current.atMs,
    distanceToStationM: Math.round(d * 600) / 10,
    track: track(legs, state),
  };
}

/** Shift indices whose members can appear in a snapshot at `nowMs`. */
export function shiftsInView(nowMs: number, recentExitMs: number): { from: number; to: number } {
  return {
    from: Math.floor((nowMs - LATEST_EXIT_AFTER_START_MS - recentExitMs) / SHIFT_MS),
    to: Math.floor(nowMs / SHIFT_MS),
  };
}
