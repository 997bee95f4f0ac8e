/**
 * Words the mine layout generator draws from: surnames and given-name syllables for the personnel
 * roster, and the work types (工种) found underground with whether each is a special-operations post
 * (特种作业人员: gas inspector, electrician, shearer driver, …). All invented combinations.
 */
import type { SeededRandom } from '../seeded-random.ts';

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严覃武戴孔向汤',
];
const GIVEN = [
  ...'伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬振壮会群豪邦承乐绍功松善厚庆磊民友裕河江超浩亮政谦奇固翰朗伯宏鸣朋斌栋维启克伦翔旭鹏泽晨建家树德行泰盛',
];

/** A Chinese name: surname + one or two given-name syllables. */
export function chineseName(random: SeededRandom): string {
  const given = random.chance(0.7) ? random.pick(GIVEN) + random.pick(GIVEN) : random.pick(GIVEN);
  return random.pick(SURNAMES) + given;
}

export interface WorkType {
  name: string;
  isSpecialWorker: boolean;
}

const w = (name: string, isSpecialWorker = false): WorkType => ({ name, isSpecialWorker });

/** Where a worker is based; rovers (gas inspectors, safety officers…) move between places. */
export type WorkPlace = 'face' | 'heading' | 'belt' | 'main-roadway' | 'chamber' | 'pithead' | 'return';

export const WORK_TYPES_BY_PLACE: Readonly<Record<WorkPlace, ReadonlyArray<readonly [WorkType, number]>>> = {
  face: [
    [w('采煤工'), 6],
    [w('支架工'), 2],
    [w('采煤机司机', true), 1.5],
    [w('刮板输送机司机'), 1],
  ],
  heading: [
    [w('掘进工'), 6],
    [w('掘进机司机', true), 2],
    [w('支护工'), 2],
  ],
  belt: [
    [w('胶带输送机司机'), 3],
    [w('机电维修工'), 1],
  ],
  'main-roadway': [
    [w('运输工'), 3],
    [w('电机车司机'), 2],
    [w('信号工'), 1],
  ],
  chamber: [[w('电工', true), 1]],
  pithead: [
    [w('把钩工'), 1],
    [w('信号工'), 1],
  ],
  return: [[w('通风工', true), 1]],
};

/** Rovers: they walk between faces and headings during the shift. */
export const ROVER_WORK_TYPES: ReadonlyArray<readonly [WorkType, number]> = [
  [w('瓦检员', true), 4],
  [w('安全员', true), 2],
  [w('电工', true), 2],
  [w('通风工', true), 1],
  [w('探放水工', true), 1],
];

export const MINE_LEADER_TITLES = ['矿长', '总工程师', '安全副矿长', '生产副矿长', '机电副矿长'] as const;

const ORDINALS = '一二三四五六七八九十';
export const ordinal = (i: number): string => ORDINALS[i] ?? String(i + 1);

/** 队组 for a place (`index` numbers faces and headings). */
export function teamFor(place: WorkPlace | 'rover', index: number, workType: string): string {
  switch (place) {
    case 'face':
      return `综采${ordinal(index)}队`;
    case 'heading':
      return `掘进${ordinal(index)}队`;
    case 'belt':
    case 'main-roadway':
    case 'pithead':
      return '运输队';
    case 'chamber':
      return '机电队';
    case 'return':
      return '通风队';
    case 'rover':
      if (workType === '安全员') return '安监科';
      if (workType === '电工') return '机电队';
      if (workType === '探放水工') return '地测防治水科';
      return '通风队';
  }
}
