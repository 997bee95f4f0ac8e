import type { Principal } from '../../src/core/access/types.ts';
import type { ReportHazardInput } from '../../src/core/hazards/hazard-use-cases.ts';
import type { RectificationPlan } from '../../src/core/hazards/hazard-types.ts';

/** Shared inputs for the hazards suites. */

export const GENERAL_PLAN: Partial<RectificationPlan> = {
  responsiblePerson: '王工（机电科长）',
  measures: '更换损坏托辊，清理积煤',
  deadline: '2026-12-20',
};

export const MAJOR_PLAN: Partial<RectificationPlan> = {
  ...GENERAL_PLAN,
  fundsCny: 120_000,
  contingencyPlan: '发现烟雾立即停机撤人',
  objectives: '消除皮带跑偏与温度保护失效',
  methods: '更换传感器并做联动试验',
  materials: '温度、烟雾传感器各 2 套',
  responsibleBody: '机电科',
  requirements: '12 月 20 日前完成并复检',
  safetyMeasures: '检修期间停机闭锁',
};

export function beltHazard(mineId: string, overrides: Partial<ReportHazardInput> = {}): ReportHazardInput {
  return {
    mineId,
    source: 'inspection',
    grade: 'major',
    category: '2020-15-8',
    title: '主运输皮带温度保护失效',
    description: '温度保护、烟雾保护不起作用，皮带仍在运行',
    area: '主斜井',
    equipment: '主运输皮带',
    pointCode: null,
    ...overrides,
  };
}

export const generalHazard = (
  mineId: string,
  overrides: Partial<ReportHazardInput> = {},
): ReportHazardInput => ({
  ...beltHazard(mineId),
  grade: 'general',
  category: 'general',
  title: '巷道积水',
  ...overrides,
});

export const userIdOf = (p: Principal): string => p.userId;
