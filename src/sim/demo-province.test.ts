import { describe, expect, it } from 'vitest';
import { ROLES } from '../core/access/types.ts';
import { MINE_STATUSES, SMALL_MINE_CAPACITY_T_PER_YEAR, type GasClass } from '../core/registry/types.ts';
import { generateDemoProvince, type DemoProvince } from './demo-province.ts';
import { createSeededRandom } from './seeded-random.ts';

const now = '2026-12-05T08:00:00.000Z';
const demo = generateDemoProvince({ now });

function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.filter(test).length / items.length;
}

function regionOf(p: DemoProvince, id: string) {
  return p.regions.find((r) => r.id === id);
}

describe('seeded random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const random = createSeededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('demo province generator', () => {
  it('is deterministic for the same options', () => {
    expect(generateDemoProvince({ now })).toEqual(demo);
    expect(generateDemoProvince({ now, seed: 5, mineCount: 50 })).toEqual(
      generateDemoProvince({ now, seed: 5, mineCount: 50 }),
    );
  });

  it('gives different mines for a different seed, on the same regions', () => {
    const other = generateDemoProvince({ now, seed: 2 });
    expect(other.regions).toEqual(demo.regions);
    expect(other.mines.map((m) => m.name)).not.toEqual(demo.mines.map((m) => m.name));
    expect(other.mines.map((m) => m.approvedCapacityTPerYear)).not.toEqual(
      demo.mines.map((m) => m.approvedCapacityTPerYear),
    );
  });

  it.each([
    ['province', 1],
    ['city', 4],
    ['county', 12],
  ] as const)('has %s-level regions: %i', (level, count) => {
    expect(demo.regions.filter((r) => r.level === level)).toHaveLength(count);
  });

  it('is a demo province in the 99xxxx range, never a real division', () => {
    expect(demo.regions[0]).toMatchObject({
      id: '990000',
      level: 'province',
      parentId: null,
      path: '/990000/',
    });
    expect(demo.regions[0]?.name).toContain('示范');
    expect(demo.regions.every((r) => /^99\d{4}$/.test(r.id))).toBe(true);
    expect(demo.regions.every((r) => r.name.length > 0 && /^[A-Za-z ]+$/.test(r.nameEn))).toBe(true);
  });

  it('lists parents before children, with paths that extend the parent path', () => {
    const seen = new Map<string, string>();
    for (const r of demo.regions) {
      if (r.parentId === null) {
        expect(r.path).toBe(`/${r.id}/`);
      } else {
        const parentPath = seen.get(r.parentId);
        expect(parentPath, `${r.id} listed before its parent ${r.parentId}`).toBeDefined();
        expect(r.path).toBe(`${parentPath}${r.id}/`);
      }
      seen.set(r.id, r.path);
    }
    expect(new Set(demo.regions.map((r) => r.id)).size).toBe(demo.regions.length);
  });

  it.each([10, 300, 20_000])(
    'generates exactly %i mines with unique 12-digit codes under their county',
    (n) => {
      const p = n === 300 ? demo : generateDemoProvince({ now, mineCount: n });
      expect(p.mines).toHaveLength(n);
      expect(new Set(p.mines.map((m) => m.code)).size).toBe(n);
      expect(new Set(p.mines.map((m) => m.name)).size).toBe(n);
      for (const m of p.mines) {
        expect(m.code).toMatch(/^\d{12}$/);
        expect(m.code.startsWith(m.regionId)).toBe(true);
        expect(m.id).toBe(`m-${m.code}`);
        expect(m.name).toMatch(/^\p{Script=Han}{2,}矿$/u);
        expect(regionOf(p, m.regionId)?.level).toBe('county');
      }
    },
  );

  it('spreads 300 mines over all 12 counties', () => {
    expect(new Set(demo.mines.map((m) => m.regionId)).size).toBe(12);
  });

  it('has 35–45 % of mines below 300 kt/yr, capacities rounded to 10,000 t within 60 kt–5 Mt', () => {
    for (const p of [demo, generateDemoProvince({ now, seed: 99, mineCount: 1000 })]) {
      const small = share(p.mines, (m) => m.approvedCapacityTPerYear < SMALL_MINE_CAPACITY_T_PER_YEAR);
      expect(small).toBeGreaterThanOrEqual(0.35);
      expect(small).toBeLessThanOrEqual(0.45);
    }
    for (const m of demo.mines) {
      expect(m.approvedCapacityTPerYear % 10_000).toBe(0);
      expect(m.approvedCapacityTPerYear).toBeGreaterThanOrEqual(60_000);
      expect(m.approvedCapacityTPerYear).toBeLessThanOrEqual(5_000_000);
    }
  });

  it.each(MINE_STATUSES)('has %s mines among 300', (status) => {
    expect(demo.mines.some((m) => m.status === status)).toBe(true);
  });

  it('is mostly producing, and closing/closed mines are mostly small', () => {
    expect(share(demo.mines, (m) => m.status === 'producing')).toBeGreaterThan(0.5);
    const ending = demo.mines.filter((m) => m.status === 'closing' || m.status === 'closed');
    expect(share(ending, (m) => m.approvedCapacityTPerYear < SMALL_MINE_CAPACITY_T_PER_YEAR)).toBeGreaterThan(
      0.6,
    );
  });

  const big = generateDemoProvince({ now, seed: 3, mineCount: 5000 });
  it.each([
    ['low', 0.55],
    ['high', 0.3],
    ['outburst', 0.15],
  ] as Array<[GasClass, number]>)('has about %s gas mines at %d', (gasClass, expected) => {
    expect(share(big.mines, (m) => m.gasClass === gasClass)).toBeCloseTo(expected, 1);
  });

  it('certifies gas control for most but not all high-gas and outburst mines', () => {
    const gassy = big.mines.filter((m) => m.gasClass !== 'low');
    const lacking = share(gassy, (m) => !m.hasGasControlCapability);
    expect(lacking).toBeGreaterThan(0.08);
    expect(lacking).toBeLessThan(0.25);
    for (const m of gassy.filter((g) => g.hasGasControlCapability)) {
      expect(m.gasControlEvidence).not.toBeNull();
      expect(m.gasControlCertifiedOn! < now.slice(0, 10)).toBe(true);
    }
  });

  it('scales the approved people underground and mechanisation with capacity', () => {
    const byCapacity = [...demo.mines].sort(
      (a, b) => a.approvedCapacityTPerYear - b.approvedCapacityTPerYear,
    );
    const smallest = byCapacity.slice(0, 50);
    const largest = byCapacity.slice(-50);
    const mean = (ms: typeof smallest) => ms.reduce((a, m) => a + m.approvedMaxUnderground, 0) / ms.length;
    expect(mean(largest)).toBeGreaterThan(2 * mean(smallest));
    expect(demo.mines.every((m) => m.approvedMaxUnderground >= 30 && m.approvedMaxUnderground <= 900)).toBe(
      true,
    );
    expect(smallest.some((m) => m.mechanisation === 'intelligent')).toBe(false);
    expect(largest.some((m) => m.mechanisation === 'manual')).toBe(false);
  });

  it('dates every status before now and has some expired licences', () => {
    expect(demo.mines.every((m) => m.statusSince < now && !Number.isNaN(Date.parse(m.statusSince)))).toBe(
      true,
    );
    const licensed = demo.mines.filter((m) => m.licenceNumber !== null);
    expect(licensed.every((m) => /^\(示\)MK安许证字〔\d{4}〕\d{4}$/.test(m.licenceNumber!))).toBe(true);
    const expired = licensed.filter((m) => m.licenceValidUntil! < now.slice(0, 10));
    expect(expired.length).toBeGreaterThan(0);
    expect(expired.length).toBeLessThan(licensed.length / 3);
    expect(demo.mines.filter((m) => m.status === 'construction').every((m) => m.licenceNumber === null)).toBe(
      true,
    );
  });

  it('puts about 10 % of mines under a trustee and every mine inside the demo box', () => {
    const trustee = share(big.mines, (m) => m.operator !== null);
    expect(trustee).toBeGreaterThan(0.07);
    expect(trustee).toBeLessThan(0.13);
    for (const m of big.mines) {
      expect(m.latitude).toBeGreaterThanOrEqual(26);
      expect(m.latitude).toBeLessThanOrEqual(28);
      expect(m.longitude).toBeGreaterThanOrEqual(104);
      expect(m.longitude).toBeLessThanOrEqual(107);
    }
  });

  it('has about 120 enterprises for 300 mines: groups with subsidiaries, most owning one mine', () => {
    expect(demo.enterprises.length).toBeGreaterThanOrEqual(100);
    expect(demo.enterprises.length).toBeLessThanOrEqual(140);
    const ids = new Set(demo.enterprises.map((e) => e.id));
    expect(new Set(demo.enterprises.map((e) => e.name)).size).toBe(ids.size);
    expect(demo.mines.every((m) => m.enterpriseId === null || ids.has(m.enterpriseId))).toBe(true);
    const seen = new Set<string>();
    for (const e of demo.enterprises) {
      if (e.parentId !== null) expect(seen.has(e.parentId)).toBe(true);
      seen.add(e.id);
      if (e.creditCode !== null) expect(e.creditCode).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
    }
    const parents = new Set(demo.enterprises.flatMap((e) => (e.parentId === null ? [] : [e.parentId])));
    expect(parents.size).toBeGreaterThanOrEqual(2);
    const minesPer = new Map<string, number>();
    for (const m of demo.mines) minesPer.set(m.enterpriseId!, (minesPer.get(m.enterpriseId!) ?? 0) + 1);
    const owners = [...minesPer.values()];
    expect(share(owners, (c) => c === 1)).toBeGreaterThan(0.5);
    expect(Math.max(...owners)).toBeGreaterThan(3);
  });

  describe('users', () => {
    const user = (username: string) => {
      const u = demo.users.find((x) => x.username === username);
      if (u === undefined) throw new Error(`no demo user ${username}`);
      return u;
    };
    const regionScope = (username: string) => {
      const s = user(username).scope;
      return s.kind === 'region' ? s.regionId : undefined;
    };
    const mineScope = (username: string) => {
      const s = user(username).scope;
      return s.kind === 'mine' ? demo.mines.find((m) => m.id === s.mineId) : undefined;
    };

    it('has every role, and exactly the twelve stable usernames', () => {
      expect(new Set(demo.users.map((u) => u.role))).toEqual(new Set(ROLES));
      expect(demo.users.map((u) => u.username)).toEqual([
        'province',
        'city',
        'county',
        'county2',
        'leader',
        'group',
        'officer',
        'officer2',
        'expert',
        'viewer',
        'bureau',
        'govhead',
      ]);
      expect(demo.users.every((u) => /（.+）$/.test(u.displayName))).toBe(true);
    });

    it.each([10, 20, 300, 20_000])('scopes every user at an existing region or mine (%i mines)', (n) => {
      const p = n === 300 ? demo : generateDemoProvince({ now, mineCount: n });
      for (const u of p.users) {
        const s = u.scope;
        const target = s.kind === 'region' ? regionOf(p, s.regionId) : p.mines.find((m) => m.id === s.mineId);
        expect(target, u.username).toBeDefined();
      }
    });

    it.each([
      ['province', 'province'],
      ['city', 'city'],
      ['county', 'county'],
      ['county2', 'county'],
      ['expert', 'province'],
      ['viewer', 'province'],
    ] as const)('scopes %s at a %s', (username, level) => {
      expect(regionOf(demo, regionScope(username)!)?.level).toBe(level);
    });

    it('places county inside city, county2 in another city, and leader/group with county', () => {
      const countyRegion = regionOf(demo, regionScope('county')!)!;
      const county2Region = regionOf(demo, regionScope('county2')!)!;
      expect(countyRegion.parentId).toBe(regionScope('city'));
      expect(county2Region.parentId).not.toBe(countyRegion.parentId);
      expect(regionScope('leader')).toBe(countyRegion.id);
      expect(regionScope('group')).toBe(countyRegion.id);
    });

    it.each([10, 300])('gives officer a producing mine in the county user county (%i mines)', (n) => {
      const p = n === 300 ? demo : generateDemoProvince({ now, mineCount: n });
      const s = p.users.find((u) => u.username === 'officer')!.scope;
      const mine = s.kind === 'mine' ? p.mines.find((m) => m.id === s.mineId) : undefined;
      expect(mine?.status).toBe('producing');
      expect(mine?.regionId).toBe(regionScope('county'));
    });

    it('gives officer2 a mine in the county2 user county', () => {
      expect(mineScope('officer2')?.regionId).toBe(regionScope('county2'));
    });
  });

  it.each([
    [{ now: 'not a date' }],
    [{ now, mineCount: 1 }],
    [{ now, mineCount: 2.5 }],
    [{ now, seed: Number.NaN }],
  ])('refuses bad options %o', (options) => {
    expect(() => generateDemoProvince(options)).toThrow(RangeError);
  });
});
