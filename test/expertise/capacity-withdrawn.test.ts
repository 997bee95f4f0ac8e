import { describe, expect, it } from 'vitest';
import { computeCapacityWithdrawn } from '../../src/core/expertise/capacity-withdrawn.ts';
import type { Region } from '../../src/core/registry/types.ts';

const county = (id: string, name: string): Region => ({
  id,
  name,
  nameEn: name,
  level: 'county',
  parentId: '990100',
  path: `/990000/990100/${id}/`,
});
const districts = [county('990101', 'A'), county('990102', 'B')];
const mines = [
  { regionId: '990101', status: 'closed' as const, approvedCapacityTPerYear: 90_000 },
  { regionId: '990101', status: 'closed' as const, approvedCapacityTPerYear: 150_000 },
  { regionId: '990101', status: 'closing' as const, approvedCapacityTPerYear: 210_000 },
  { regionId: '990101', status: 'producing' as const, approvedCapacityTPerYear: 600_000 },
  { regionId: '990102', status: 'closed' as const, approvedCapacityTPerYear: 300_000 },
  { regionId: '990102', status: 'suspended' as const, approvedCapacityTPerYear: 90_000 },
  // Outside the districts asked about: ignored.
  { regionId: '990201', status: 'closed' as const, approvedCapacityTPerYear: 999_000 },
];

describe('capacity withdrawn by closures', () => {
  it('sums closed capacity per district and in total, closing separately', () => {
    const r = computeCapacityWithdrawn(mines, districts, 1_080_000);
    expect(r.districts).toEqual([
      expect.objectContaining({
        regionId: '990102',
        closedMines: 1,
        withdrawnTPerYear: 300_000,
        closingTPerYear: 0,
      }),
      expect.objectContaining({
        regionId: '990101',
        closedMines: 2,
        withdrawnTPerYear: 240_000,
        closingMines: 1,
        closingTPerYear: 210_000,
      }),
    ]);
    expect(r.total).toEqual({
      closedMines: 3,
      withdrawnTPerYear: 540_000,
      closingMines: 1,
      closingTPerYear: 210_000,
    });
    expect(r.percentOfTarget).toBe(50);
    expect(r.remainingTPerYear).toBe(540_000);
  });

  it('never reports a negative remainder, and no percentage without a target', () => {
    expect(computeCapacityWithdrawn(mines, districts, 500_000).remainingTPerYear).toBe(0);
    expect(computeCapacityWithdrawn(mines, districts, 500_000).percentOfTarget).toBe(108);
    const none = computeCapacityWithdrawn(mines, districts, null);
    expect(none.percentOfTarget).toBeNull();
    expect(none.remainingTPerYear).toBeNull();
  });
});
