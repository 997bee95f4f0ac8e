import { describe, expect, it } from 'vitest';
import type { AlarmRule } from '../engine/engine-types.ts';
import { proposalOf } from './major-hazard-proposals.ts';

const T = Date.parse('2026-12-05T02:00:00Z');
const alarm = (rule: AlarmRule, value: number | null = null) => ({
  id: `m|${rule}|`,
  mineId: 'm',
  mineName: '矿',
  rule,
  subject: '',
  value,
  activeSinceMs: T,
  firstRaisedMs: T - 3_600_000,
});

describe('major hazards proposed by monitoring evidence (2020 criteria, table)', () => {
  const cases: Array<[AlarmRule, number | null, number | null, string | null]> = [
    ['incident_gas_production', null, null, '2020-2-2'], // art. 5(2)
    ['incident_power_cut_ineffective', null, null, '2020-4-2'], // art. 7(2)
    ['suspected_tampering', null, null, '2020-15-6'], // art. 18(6)
    ['incident_fire_pattern', null, null, '2020-15-8'], // art. 18(8)
    ['headcount_over_limit', 120, 100, '2020-1-6'], // art. 4(6): 20 % over
    ['headcount_over_limit', 119, 100, null], // over, but less than 20 %
    ['over_limit', 1.2, null, null], // one alarm is not a major hazard
    ['incident_stopped_mine_work', null, null, null], // a closure matter, not a criteria item
  ];
  for (const [rule, value, approved, category] of cases) {
    it(`${rule}${value === null ? '' : ` ${value}/${approved}`} → ${category ?? 'none'}`, () => {
      const p = proposalOf(alarm(rule, value), approved);
      expect(p?.category ?? null).toBe(category);
      if (p) {
        // One proposal per activation, dated by the activation's data time, with its evidence.
        expect(p.key).toBe(`m|${rule}|@${T}`);
        expect(p.evidence.length).toBeGreaterThan(0);
      }
    });
  }
});
