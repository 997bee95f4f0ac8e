/**
 * A plausible monitoring layout for one mine, scaled with its approved capacity: working faces
 * (methane T0/T1/T2, T3 in high-gas and outburst mines, CO/O2/CO2/temperature/wind in the return,
 * feed sensors on the face power), headings (T1/T2, main and standby local fans, feed), one to three
 * belt roadways, the main fans, the total return, the intake and the central substation chamber —
 * about 50 points for a small mine, up to about 190 for the largest. Plus personnel areas, base
 * stations and a card roster. Pure: the same mine and seed always give the same layout.
 *
 * Belt conveyor protections (domain §2.3) are modelled as type 1005 (开关) points, one per
 * protection (打滑 slip, 跑偏 deviation, 堆煤 pile-up, 撕裂 tear, 烟雾 smoke, 急停 pull-wire stop),
 * located at "<belt roadway> 皮带机头 <protection>保护", onText "<protection>保护动作" (1 = the
 * protection has detected its condition and acted), offText "正常". "Belt running" is a type 1004
 * 设备开停 point at "<belt roadway> 皮带机头", onText 运行 / offText 停止. The roadway's smoke
 * sensor (1008), two CO sensors and the temperature near the drum are separate points.
 */
import type { PointDefinition } from '../../core/monitoring/upload-file/point-definition-records.ts';
import type {
  BaseStation,
  Person,
  PersonnelArea,
} from '../../core/monitoring/upload-file/personnel-records.ts';
import type { GasClass, Mine, MineStatus } from '../../core/registry/types.ts';
import { createSeededRandom, type SeededRandom } from '../seeded-random.ts';
import { planAreas, planRoster, type AreaPlan, type PersonSpec } from './layout-personnel.ts';
import { PointCollector, type PointSpec } from './layout-points.ts';
import { hash3, hashString } from './signal.ts';

export type { PointBehaviour, PointSpec } from './layout-points.ts';
export type { PersonSpec } from './layout-personnel.ts';

export type MineLayoutInput = Pick<
  Mine,
  'code' | 'name' | 'gasClass' | 'approvedCapacityTPerYear' | 'approvedMaxUnderground' | 'status'
>;

/** Point codes the scenarios act on. */
export interface MineKeyPoints {
  mainFan: string;
  beltRunning: string;
  beltSlipProtection: string;
  beltSmoke: string;
  beltDrumTemperature: string;
  /** Near the drum (downwind 10 m) and mid-roadway. */
  beltCo: readonly [string, string];
  /** Feed sensors (1011) on face and heading power, first face first. */
  feeds: readonly string[];
  /** CO in each face return (or heading return when there is no face), first first. */
  workplaceCo: readonly string[];
  totalReturnCo: string;
}

/** Area codes by role, for the personnel simulation and the scenarios. */
export interface MineKeyAreas {
  pithead: string;
  mainRoadway: string;
  belts: readonly string[];
  faces: readonly string[];
  headings: readonly string[];
  restricted: string;
}

export interface MineLayout {
  mineCode: string;
  mineName: string;
  gasClass: GasClass;
  status: MineStatus;
  approvedMaxUnderground: number;
  points: PointDefinition[];
  /** `pointSpecs[i]` describes `points[i]`. */
  pointSpecs: PointSpec[];
  areas: PersonnelArea[];
  stations: BaseStation[];
  persons: Person[];
  /** `personSpecs[i]` describes `persons[i]`. */
  personSpecs: PersonSpec[];
  keyPoints: MineKeyPoints;
  keyAreas: MineKeyAreas;
}

export interface MineLayoutOptions {
  /** 数据时间 of the CDDY definitions (default 2020-01-01 00:00 CST). */
  definedAtMs?: number;
}

const DEFAULT_DEFINED_AT_MS = Date.UTC(2019, 11, 31, 16, 0, 0);
const GAS_FACTOR: Readonly<Record<GasClass, number>> = { low: 1, high: 1.6, outburst: 1.9 };
const BELT_PROTECTIONS = ['打滑', '跑偏', '堆煤', '撕裂', '烟雾', '急停'] as const;

interface Sizing {
  faces: number;
  headings: number;
  belts: number;
}

function sizeMine(mine: MineLayoutInput, random: SeededRandom): Sizing {
  const cap = mine.approvedCapacityTPerYear;
  const belts = 1 + (cap >= 1_200_000 ? 1 : 0) + (cap >= 3_000_000 ? 1 : 0);
  if (mine.status === 'construction') {
    return { faces: 0, headings: cap >= 900_000 ? random.int(4, 6) : random.int(3, 4), belts: 1 };
  }
  const faces =
    cap < 300_000 ? 1 : cap < 900_000 ? random.int(1, 2) : cap < 2_400_000 ? 2 : cap < 4_000_000 ? 3 : 4;
  const headings = Math.min(8, faces + 1 + (cap >= 900_000 ? 1 : 0) + random.int(0, 1));
  return { faces, headings, belts };
}

interface Names {
  faces: string[];
  headings: string[];
  belts: string[];
  district: string;
}

function nameWorkplaces(sizing: Sizing, cap: number, random: SeededRandom): Names {
  const district = `${random.int(1, 3)}${random.int(1, 3)}`;
  const method = cap >= 300_000 ? '综采' : '炮采';
  const faces = Array.from({ length: sizing.faces }, (_, i) => `${district}0${i + 1}${method}工作面`);
  const headings = Array.from({ length: sizing.headings }, (_, j) => {
    const face = `${district}${String(sizing.faces + 1 + Math.floor(j / 2)).padStart(2, '0')}`;
    return `${face}${j % 2 === 0 ? '运输顺槽' : '回风顺槽'}掘进工作面`;
  });
  const belts = ['主运输皮带巷', `${district}采区皮带巷`, '二采区皮带巷'].slice(0, sizing.belts);
  return { faces, headings, belts, district };
}

function addMineWidePoints(pc: PointCollector, gf: number, r: SeededRandom) {
  pc.substation('中央变电所', [0, 0, -300], 'mine');
  const mainFan = pc.switchPoint('1010', 'main-fan', '主通风机房 1号主要通风机', '运行', '停止', 1);
  pc.switchPoint('1010', 'standby-fan', '主通风机房 2号主要通风机(备用)', '运行', '停止', 0);
  const ret = '总回风巷';
  pc.substation(ret, [0, 900, -280], 'total-return');
  pc.analog('0001', 'methane', ret, 'ch4MainReturn', 0.06 * gf + r.between(0, 0.04), 0.04);
  const totalReturnCo = pc.analog('0004', 'co', ret, 'co', r.between(1, 3), 0.5);
  pc.analog('0013', 'co2', ret, 'co2MainReturn', r.between(0.1, 0.25), 0.03);
  pc.analog('0002', 'wind', ret, 'windMain', r.between(3.5, 5.5));
  pc.substation('井底车场', [0, -200, -300], 'intake');
  pc.analog('0002', 'wind', '主要进风大巷', 'windMain', r.between(3, 5));
  pc.analog('0012', 'o2', '主要进风大巷', 'o2', r.between(20.78, 20.84));
  pc.analog('0003', 'temperature', '井底车场', 'tempShaftBottom', r.between(18.8, 20.5));
  pc.analog('0003', 'temperature', '中央变电所', 'tempChamber', r.between(21, 24));
  pc.analog('0001', 'methane', '中央变电所', 'ch4Intake', r.between(0.02, 0.04));
  return { mainFan, totalReturnCo };
}

type Origin = [number, number, number];

function addFace(
  pc: PointCollector,
  face: string,
  gasClass: GasClass,
  big: boolean,
  at: Origin,
  r: SeededRandom,
) {
  const gf = GAS_FACTOR[gasClass];
  pc.substation(face, at, face);
  const feedShearer = pc.switchPoint('1011', 'feed', `${face} 采煤机电源馈电`, '有电', '无电', 1);
  const feedReturn = pc.switchPoint('1011', 'feed', `${face}回风巷 动力电源馈电`, '有电', '无电', 1);
  const toShearer = `D-${feedShearer}-${face}采煤机`;
  const toReturn = `D-${feedReturn}-${face}回风巷动力电源`;
  const ret = `${face}回风巷`;
  pc.analog('0001', 'methane', `${face}上隅角T0`, 'ch4Face', 0.12 * gf + r.between(0, 0.06), 0.12, toShearer);
  pc.analog('0001', 'methane', `${face}T1`, 'ch4Face', 0.1 * gf + r.between(0, 0.05), 0.1, toShearer);
  pc.analog('0001', 'methane', `${ret}T2`, 'ch4Return', 0.08 * gf + r.between(0, 0.04), 0.08, toReturn);
  if (gasClass !== 'low') {
    pc.analog('0001', 'methane', `${face}进风巷T3`, 'ch4Intake', r.between(0.03, 0.06));
    pc.analog('0001', 'methane', `${ret}中部`, 'ch4Return', 0.07 * gf + r.between(0, 0.03), 0.07);
  }
  if (big) pc.analog('0001', 'methane', `${face} 采煤机`, 'ch4Face', 0.1 * gf + r.between(0, 0.04), 0.12);
  const co = pc.analog('0004', 'co', ret, 'co', r.between(1, 3), 0.8);
  pc.analog('0012', 'o2', ret, 'o2', r.between(20.74, 20.8));
  pc.analog('0013', 'co2', ret, 'co2Return', r.between(0.08, 0.2), 0.05);
  pc.analog('0003', 'temperature', face, 'tempFace', r.between(21, 23.5), 0.8);
  pc.analog('0002', 'wind', ret, 'windRoadway', r.between(1.2, 2.2));
  return { feeds: [feedShearer, feedReturn], co };
}

function addHeading(
  pc: PointCollector,
  heading: string,
  gasClass: GasClass,
  big: boolean,
  at: Origin,
  r: SeededRandom,
) {
  const gf = GAS_FACTOR[gasClass];
  pc.substation(heading, at, heading);
  const feed = pc.switchPoint('1011', 'feed', `${heading} 掘进机电源馈电`, '有电', '无电', 1);
  pc.switchPoint('1001', 'local-fan', `${heading} 主局部通风机`, '运行', '停止', 1);
  pc.switchPoint('1001', 'standby-local-fan', `${heading} 备用局部通风机`, '运行', '停止', 0);
  const rel = `D-${feed}-${heading}掘进机`;
  pc.analog('0001', 'methane', `${heading}T1`, 'ch4Face', 0.1 * gf + r.between(0, 0.05), 0.08, rel);
  pc.analog('0001', 'methane', `${heading}回风流T2`, 'ch4Return', 0.07 * gf + r.between(0, 0.04), 0.05, rel);
  if (big) pc.analog('0001', 'methane', `${heading} 掘进机`, 'ch4Face', 0.09 * gf, 0.08, rel);
  pc.analog('0002', 'wind', heading, 'windFace', r.between(0.6, 1.2));
  const co = pc.analog('0004', 'co', `${heading}回风流`, 'co', r.between(1, 3), 0.6);
  return { feed, co };
}

function addBelt(pc: PointCollector, belt: string, at: Origin, r: SeededRandom) {
  pc.substation(belt, at, belt);
  const head = `${belt} 皮带机头`;
  const running = pc.switchPoint('1004', 'belt-running', head, '运行', '停止', 1);
  const protections = BELT_PROTECTIONS.map((p) =>
    pc.switchPoint('1005', 'belt-protection', `${head} ${p}保护`, `${p}保护动作`, '正常', 0),
  );
  const smoke = pc.switchPoint('1008', 'smoke', `${head}下风侧`, '有烟', '无烟', 0);
  const drumTemperature = pc.analog(
    '0003',
    'temperature',
    `${head}滚筒处`,
    'tempFace',
    r.between(20, 22.5),
    1.2,
  );
  const coHead = pc.analog('0004', 'co', `${head}下风侧10m`, 'co', r.between(1, 3), 0.3);
  const coMid = pc.analog('0004', 'co', `${belt}中部`, 'co', r.between(1, 3), 0.3);
  pc.analog('0002', 'wind', belt, 'windRoadway', r.between(1.2, 2.5));
  return { running, slip: protections[0] ?? '', smoke, drumTemperature, co: [coHead, coMid] as const };
}

/** One area plan per name, all of one kind, indexed in order (belt 0, belt 1, …). */
function areasNamed(
  kind: AreaPlan['kind'],
  names: readonly string[],
  stationNames: readonly string[],
  weight: number,
): AreaPlan[] {
  return names.map((name, index) => ({ kind, index, name, stationNames, weight }));
}

/** Lays out one mine's monitoring points, personnel areas, stations and roster. */
export function layoutMine(mine: MineLayoutInput, seed: number, options: MineLayoutOptions = {}): MineLayout {
  const random = createSeededRandom(hash3(seed, hashString(mine.code), 0x1a7));
  const sizing = sizeMine(mine, random);
  const names = nameWorkplaces(sizing, mine.approvedCapacityTPerYear, random);
  const big = mine.approvedCapacityTPerYear >= 900_000;
  const pc = new PointCollector(mine.code, random, options.definedAtMs ?? DEFAULT_DEFINED_AT_MS);
  const origin = (i: number, depth: number): Origin => [400 * i - 600, 300 + random.int(0, 400), depth];

  const mineWide = addMineWidePoints(pc, GAS_FACTOR[mine.gasClass], random);
  const belts = names.belts.map((b, i) => addBelt(pc, b, origin(i, -310), random));
  const faces = names.faces.map((f, i) => addFace(pc, f, mine.gasClass, big, origin(i, -350), random));
  const headings = names.headings.map((h, i) =>
    addHeading(pc, h, mine.gasClass, big, origin(i, -380), random),
  );
  const mainBelt = belts[0];
  if (mainBelt === undefined) throw new Error('a mine layout always has a main belt');

  const areaPlans: AreaPlan[] = [
    { kind: 'pithead', index: 0, name: '副井井口', stationNames: ['井口'], weight: 1 },
    {
      kind: 'main-roadway',
      index: 0,
      name: '井底车场及主要进风大巷',
      stationNames: ['井底车场', '主要进风大巷'],
      weight: 3,
    },
    { kind: 'chamber', index: 0, name: '中央变电所', stationNames: ['中央变电所'], weight: 1 },
    { kind: 'return', index: 0, name: '总回风巷', stationNames: ['总回风巷'], weight: 1 },
    ...areasNamed('belt', names.belts, ['机头', '机尾'], 2),
    ...areasNamed('face', names.faces, ['运输顺槽口', '回风顺槽口'], 6),
    ...areasNamed('heading', names.headings, ['迎头'], 4),
    {
      kind: 'restricted',
      index: 0,
      name: `${names.district}采空区密闭`,
      stationNames: ['密闭墙外'],
      weight: 0,
    },
  ];
  const personnel = planAreas(mine.code, areaPlans, mine.approvedMaxUnderground, random);
  const roster = planRoster(mine.code, personnel, mine.approvedMaxUnderground, random);
  const areasOf = (kind: string): string[] =>
    personnel.areas.filter((_, i) => personnel.areaKinds[i]?.kind === kind).map((a) => a.areaCode);
  const first = (kind: string): string => areasOf(kind)[0] ?? '';

  return {
    mineCode: mine.code,
    mineName: mine.name,
    gasClass: mine.gasClass,
    status: mine.status,
    approvedMaxUnderground: mine.approvedMaxUnderground,
    points: pc.points,
    pointSpecs: pc.specs,
    areas: personnel.areas,
    stations: personnel.stations,
    persons: roster.persons,
    personSpecs: roster.personSpecs,
    keyPoints: {
      mainFan: mineWide.mainFan,
      beltRunning: mainBelt.running,
      beltSlipProtection: mainBelt.slip,
      beltSmoke: mainBelt.smoke,
      beltDrumTemperature: mainBelt.drumTemperature,
      beltCo: mainBelt.co,
      feeds: [...faces.flatMap((f) => f.feeds), ...headings.map((h) => h.feed)],
      workplaceCo: [...faces.map((f) => f.co), ...headings.map((h) => h.co)],
      totalReturnCo: mineWide.totalReturnCo,
    },
    keyAreas: {
      pithead: first('pithead'),
      mainRoadway: first('main-roadway'),
      belts: areasOf('belt'),
      faces: areasOf('face'),
      headings: areasOf('heading'),
      restricted: first('restricted'),
    },
  };
}
