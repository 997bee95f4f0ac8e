import { beforeAll, expect, it } from 'vitest';
import {
  approveAssessment,
  expireDueAssessments,
  signAssessment,
  withdrawAssessment,
} from '../../src/core/expertise/assessment-use-cases.ts';
import { assignExpert, listExpertGaps } from '../../src/core/expertise/expert-use-cases.ts';
import { getUpgrading, recordMerger } from '../../src/core/expertise/upgrading-use-cases.ts';
import type { MineRow } from '../../src/core/ports.ts';
import { updateMineFacts } from '../../src/core/registry/mine-use-cases.ts';
import { codeOf } from '../support/domain-errors.ts';
import { describeEachEngine } from '../support/engines.ts';
import { useWorld } from '../support/world.ts';

describeEachEngine('expertise use cases', (engine) => {
  const world = useWorld(engine);
  let gasMine: MineRow;
  const signed = (conclusion = 'capable', validUntil = '2027-12-01') => ({
    mineId: gasMine.id,
    assessedOn: '2026-12-01',
    validUntil,
    conclusion,
    summary: '抽采达标，监控系统完好',
  });
  const flagOf = async () => {
    const m = await world.ports.mines.get(gasMine.id);
    return { has: m?.hasGasControlCapability, evidence: m?.gasControlEvidence, on: m?.gasControlCertifiedOn };
  };

  beforeAll(async () => {
    const county = await world.principal('county');
    const page = await world.ports.mines.search(
      { regionPath: county.scopePath ?? '' },
      { offset: 0, limit: 500, sort: 'name', desc: false },
    );
    const found = page.items.find((m) => m.gasClass !== 'low' && m.status !== 'closed');
    if (!found) throw new Error('no high-gas mine in the county');
    gasMine = found;
    // Start from a mine whose flag is not set, so the assessment is what sets it.
    await updateMineFacts(
      world.ports,
      county,
      gasMine.id,
      { hasGasControlCapability: false, gasControlEvidence: null, gasControlCertifiedOn: null },
      { via: 'expert_assessment', basis: 'test set-up' },
    );
  });

  it('sets the flag with evidence only when a regulator approves an expert-signed capable assessment', async () => {
    const expert = await world.principal('expert');
    const county = await world.principal('county');
    // A regulator cannot sign an assessment: the signature is an expert's.
    expect(await codeOf(signAssessment(world.ports, county, signed()))).toBe('FORBIDDEN');
    const a = await signAssessment(world.ports, expert, signed());
    expect((await flagOf()).has).toBe(false);
    // The expert cannot approve their own assessment.
    expect(await codeOf(approveAssessment(world.ports, expert, a.id))).toBe('FORBIDDEN');
    const approved = await approveAssessment(world.ports, county, a.id);
    expect(approved.state).toBe('approved');
    const flag = await flagOf();
    expect(flag.has).toBe(true);
    expect(flag.evidence).toContain(a.id);
    expect(flag.evidence).toContain(expert.displayName);
    expect(flag.on).toBe('2026-12-01');
    const audit = await world.ports.audit.listByTarget('mine', gasMine.id);
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['expertise.assessment.sign', 'expertise.assessment.approve', 'mine.update']),
    );
    // Approving twice is not a transition.
    expect(await codeOf(approveAssessment(world.ports, county, a.id))).toBe(
      'EXPERTISE_ASSESSMENT_TRANSITION_NOT_ALLOWED',
    );
  });

  it('clears the flag when the approved assessment is withdrawn', async () => {
    const county = await world.principal('county');
    const [current] = (await world.ports.expertise.listAssessments({ mineId: gasMine.id })).filter(
      (a) => a.state === 'approved',
    );
    expect(current).toBeDefined();
    await withdrawAssessment(world.ports, county, current!.id, '抽采数据造假');
    const flag = await flagOf();
    expect(flag.has).toBe(false);
    expect(flag.evidence).toContain('抽采数据造假');
  });

  it('clears the flag when the approved assessment expires, and not before', async () => {
    const expert = await world.principal('expert');
    const county = await world.principal('county');
    const a = await signAssessment(world.ports, expert, signed('capable', '2026-12-20'));
    await approveAssessment(world.ports, county, a.id);
    expect((await flagOf()).has).toBe(true);
    const filter = { regionPath: county.scopePath ?? '' };
    expect((await expireDueAssessments(world.ports, county, filter)).expired).toEqual([]);
    expect((await flagOf()).has).toBe(true);
    world.clock.set('2026-12-21T00:00:00.000Z');
    expect((await expireDueAssessments(world.ports, county, filter)).expired).toEqual([a.id]);
    expect((await flagOf()).has).toBe(false);
    world.clock.set('2026-12-05T00:00:00.000Z');
  });

  it('a not-capable conclusion never sets the flag, and an unsigned record is refused', async () => {
    const expert = await world.principal('expert');
    const county = await world.principal('county');
    const a = await signAssessment(world.ports, expert, signed('not_capable'));
    await approveAssessment(world.ports, county, a.id);
    expect((await flagOf()).has).toBe(false);
    // A record whose signer is not a gas-control expert (e.g. written around the use case) cannot be approved.
    const forged = {
      ...a,
      id: 'gca-forged',
      state: 'signed' as const,
      expertId: county.userId,
      decidedBy: null,
      decidedAt: null,
    };
    await world.ports.expertise.insertAssessment(forged);
    expect(await codeOf(approveAssessment(world.ports, county, forged.id))).toBe(
      'EXPERTISE_ASSESSMENT_UNSIGNED',
    );
    expect((await flagOf()).has).toBe(false);
  });

  it('lists the high-gas mines without an expert or a recent approved assessment', async () => {
    const county = await world.principal('county');
    const expert = await world.principal('expert');
    for (const a of await world.ports.expertise.listAssessments({ mineId: gasMine.id })) {
      if (a.state === 'approved') await withdrawAssessment(world.ports, county, a.id, 'reset');
    }
    const before = await listExpertGaps(world.ports, county, undefined);
    const row = before.items.find((i) => i.mineId === gasMine.id);
    expect(row?.gaps).toEqual(['no_expert', 'no_recent_assessment']);
    await assignExpert(world.ports, county, { mineId: gasMine.id, expertId: expert.userId });
    const a = await signAssessment(world.ports, expert, signed());
    await approveAssessment(world.ports, county, a.id);
    const after = await listExpertGaps(world.ports, county, undefined);
    expect(after.items.find((i) => i.mineId === gasMine.id)).toBeUndefined();
  });

  it('flags a merger whose mine is still run by its old operator, and not one whose operator changed', async () => {
    const county = await world.principal('county');
    const page = await world.ports.mines.search(
      { regionPath: county.scopePath ?? '' },
      { offset: 0, limit: 500, sort: 'name', desc: false },
    );
    const [m1, m2] = page.items.filter((m) => m.status !== 'closed' && m.id !== gasMine.id);
    await updateMineFacts(world.ports, county, m1!.id, { operator: '老板甲' });
    await updateMineFacts(world.ports, county, m2!.id, { operator: '老板乙' });
    const merger = await recordMerger(world.ports, county, {
      enterpriseName: '黔北能源集团',
      mergedOn: '2026-11-01',
      mineIds: [m1!.id, m2!.id],
    });
    await updateMineFacts(world.ports, county, m2!.id, { operator: '黔北能源集团' });
    const view = await getUpgrading(world.ports, county, undefined);
    const mv = view.mergers.find((x) => x.id === merger.id);
    expect(mv?.questionable).toBe(true);
    expect(mv?.mineViews.find((x) => x.mineId === m1!.id)?.falseIntegration).toBe(true);
    expect(mv?.mineViews.find((x) => x.mineId === m2!.id)?.falseIntegration).toBe(false);
  });
});
