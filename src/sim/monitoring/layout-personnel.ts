/**
 * The personnel-positioning side of a mine layout: areas (RYQY) with approved headcounts that sum to
 * the mine's approved maximum underground, base stations (RYJZ) and the card roster (RYXX), with
 * each person's shift and home area for the simulator. Codes follow [S3]: area = mine code + 4
 * digits, station = area code + 6 digits, card = mine code + 5 digits.
 */
import type {
  BaseStation,
  Person,
  PersonnelArea,
} from '../../core/monitoring/upload-file/personnel-records.ts';
import type { SeededRandom } from '../seeded-random.ts';
import {
  MINE_LEADER_TITLES,
  ROVER_WORK_TYPES,
  WORK_TYPES_BY_PLACE,
  chineseName,
  teamFor,
  type WorkPlace,
} from './layout-vocabulary.ts';

export type AreaKind = WorkPlace | 'restricted';

export interface AreaPlan {
  kind: AreaKind;
  /** Index among areas of the same kind (face 0, face 1, …). */
  index: number;
  name: string;
  /** Names of the base stations in the area. */
  stationNames: readonly string[];
  /** Share of the approved maximum underground; 0 for restricted areas. */
  weight: number;
}

const AREA_TYPE: Readonly<Record<AreaKind, string>> = {
  face: '重点区域',
  heading: '重点区域',
  chamber: '重点区域',
  belt: '其它区域',
  'main-roadway': '其它区域',
  pithead: '其它区域',
  return: '其它区域',
  restricted: '限制区域',
};

/** Largest-remainder apportionment of `total` over `weights` (sums exactly to `total`). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

export interface PersonnelPlan {
  areas: PersonnelArea[];
  stations: BaseStation[];
  /** `areaKinds[i]` is the kind and index of `areas[i]`. */
  areaKinds: Array<{ kind: AreaKind; index: number }>;
}

export function planAreas(
  mineCode: string,
  plans: readonly AreaPlan[],
  approvedMaxUnderground: number,
  random: SeededRandom,
): PersonnelPlan {
  const headcounts = apportion(
    approvedMaxUnderground,
    plans.map((p) => p.weight),
  );
  const areas: PersonnelArea[] = [];
  const stations: BaseStation[] = [];
  const areaKinds: PersonnelPlan['areaKinds'] = [];
  plans.forEach((plan, i) => {
    const areaCode = `${mineCode}${String(i + 1).padStart(4, '0')}`;
    areas.push({
      areaType: AREA_TYPE[plan.kind],
      areaCode,
      // An area's limit is a workplace limit with room for shift overlap, not a share of the mine's
      // total: the limits add up to more than the mine maximum. Nobody is approved for a restricted area.
      // Transit areas (shaft top, shaft bottom and main roadways) see a whole shift pass at once.
      approvedHeadcount:
        plan.kind === 'restricted'
          ? 0
          : plan.kind === 'pithead' || plan.kind === 'main-roadway'
            ? approvedMaxUnderground
            : Math.ceil((headcounts[i] ?? 0) * 1.5) + 2,
      areaName: plan.name,
    });
    areaKinds.push({ kind: plan.kind, index: plan.index });
    plan.stationNames.forEach((stationName, j) => {
      stations.push({
        stationCode: `${areaCode}${String(j + 1).padStart(6, '0')}`,
        areaCode,
        stationName,
        unconfirmedFields: [
          String(random.int(-3000, 3000)),
          String(random.int(-3000, 3000)),
          String(random.int(-600, -100)),
        ],
        description: `${plan.name}${stationName}`,
      });
    });
  });
  return { areas, stations, areaKinds };
}

/** The simulator's view of one card holder; `personSpecs[i]` describes `persons[i]`. */
export interface PersonSpec {
  cardCode: string;
  role: 'worker' | 'rover' | 'leader';
  /** Shift of day worked: 0 夜班, 1 早班, 2 中班; null for mine leaders (they take turns on duty). */
  shiftOfDay: 0 | 1 | 2 | null;
  /** Area the worker spends the shift in; null for rovers and leaders. */
  homeAreaCode: string | null;
}

/** Share of the approved maximum that a shift sends underground: 夜班 (maintenance), 早班, 中班. */
export const SHIFT_CREW_SHARE: readonly [number, number, number] = [0.35, 0.6, 0.5];
/** Probability that a rostered person works a given shift (rest days, leave). */
export const ATTENDANCE = 0.9;
const ROVER_SHARE = 0.12;

function birthDate(random: SeededRandom): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${random.int(1966, 2002)}-${p(random.int(1, 12))}-${p(random.int(1, 28))}`;
}

export function planRoster(
  mineCode: string,
  plan: PersonnelPlan,
  approvedMaxUnderground: number,
  random: SeededRandom,
): { persons: Person[]; personSpecs: PersonSpec[] } {
  const persons: Person[] = [];
  const personSpecs: PersonSpec[] = [];
  const add = (
    person: Omit<Person, 'cardCode' | 'dateText' | 'unknownText'>,
    spec: Omit<PersonSpec, 'cardCode'>,
  ) => {
    const cardCode = `${mineCode}${String(persons.length + 1).padStart(5, '0')}`;
    persons.push({ cardCode, ...person, dateText: birthDate(random), unknownText: '' });
    personSpecs.push({ cardCode, ...spec });
  };

  MINE_LEADER_TITLES.forEach((title) => {
    add(
      {
        name: chineseName(random),
        workType: '矿领导',
        position: title,
        team: '矿领导',
        isMineLeader: true,
        isSpecialWorker: false,
      },
      { role: 'leader', shiftOfDay: null, homeAreaCode: null },
    );
  });

  const places = plan.areas
    .map((area, i) => ({ area, kind: plan.areaKinds[i] }))
    .filter(
      (a): a is { area: PersonnelArea; kind: { kind: WorkPlace; index: number } } =>
        a.kind !== undefined && a.kind.kind !== 'restricted' && a.area.approvedHeadcount > 0,
    );
  const placeChoices = places.map((p) => [p, p.area.approvedHeadcount] as const);

  for (const shift of [0, 1, 2] as const) {
    const size = Math.max(2, Math.round((SHIFT_CREW_SHARE[shift] * approvedMaxUnderground) / ATTENDANCE));
    const rovers = Math.max(1, Math.round(size * ROVER_SHARE));
    for (let i = 0; i < size; i++) {
      if (i < rovers || placeChoices.length === 0) {
        const workType = random.weighted(ROVER_WORK_TYPES);
        add(
          {
            name: chineseName(random),
            workType: workType.name,
            position: null,
            team: teamFor('rover', 0, workType.name),
            isMineLeader: false,
            isSpecialWorker: workType.isSpecialWorker,
          },
          { role: 'rover', shiftOfDay: shift, homeAreaCode: null },
        );
        continue;
      }
      const place = random.weighted(placeChoices);
      const workType = random.weighted(WORK_TYPES_BY_PLACE[place.kind.kind]);
      add(
        {
          name: chineseName(random),
          workType: workType.name,
          position: random.chance(0.06) ? '班长' : null,
          team: teamFor(place.kind.kind, place.kind.index, workType.name),
          isMineLeader: false,
          isSpecialWorker: workType.isSpecialWorker,
        },
        { role: 'worker', shiftOfDay: shift, homeAreaCode: place.area.areaCode },
      );
    }
  }
  return { persons, personSpecs };
}
