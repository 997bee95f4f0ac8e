import { beforeAll, expect, it } from 'vitest';
import type { Principal } from '../../src/core/access/types.ts';
import { decideProposal, listProposals } from '../../src/core/hazards/hazard-oversight.ts';
import { getHazardDetail } from '../../src/core/hazards/hazard-queries.ts';
import { runDailyReview, type EquipmentState } from '../../src/core/hazards/hazard-review.ts';
import {
  assignHazard,
  extendDueDate,
  rejectRectification,
  reportHazard,
  startRectifying,
  submitForVerification,
  verifyAndClose,
} from '../../src/core/hazards/hazard-use-cases.ts';
import { indexProvince } from '../http/http-kit.ts';
import { describeEachEngine } from '../support/engines.ts';
import { useWorld } from '../support/world.ts';
import { beltHazard, GENERAL_PLAN, generalHazard, MAJOR_PLAN } from './hazard-fixtures.ts';
import { closureOccasions } from '../../src/core/hazards/hazard-rules.ts';

const DAY = 86_400_000;
const noEquipment: EquipmentState = { isRunning: () => null };

describeEachEngine('hazards: closed loop, gates, escalation, proposals', (engine) => {
  const world = useWorld(engine, 20);
  let officer: Principal;
  let county: Principal;
  let mineId: string;
  beforeAll(async () => {
    officer = await world.principal('officer');
    county = await world.principal('county');
    mineId = indexProvince(world).mineOf('officer').id;
  });
  const at = (iso: string) => world.clock.set(iso);

  it('walks the loop with one rejection; every step is in the history and the audit trail', async () => {
    at('2026-12-05T01:00:00.000Z');
    const { hazard } = await reportHazard(world.ports, officer, generalHazard(mineId));
    await assignHazard(world.ports, officer, hazard.id, GENERAL_PLAN);
    await startRectifying(world.ports, officer, hazard.id);
    await submitForVerification(world.ports, officer, hazard.id, '已更换');
    const rejected = await rejectRectification(world.ports, county, hazard.id, '托辊未全部更换');
    expect(rejected.state).toBe('rectifying');
    await submitForVerification(world.ports, officer, hazard.id, '全部更换');
    const closed = await verifyAndClose(world.ports, county, hazard.id, '现场复查合格');
    expect(closed.state).toBe('closed');
    expect(closed.closedAt).toBe('2026-12-05T01:00:00.000Z');
    const detail = await getHazardDetail(world.ports, county, hazard.id);
    expect(detail.history.map((e) => `${e.kind}:${e.toState}`)).toEqual([
      'report:reported',
      'assign:assigned',
      'start_rectifying:rectifying',
      'submit_for_verification:awaiting_verification',
      'reject:rectifying',
      'submit_for_verification:awaiting_verification',
      'verify_and_close:closed',
    ]);
    expect(detail.timeline.map((t) => t.actorName)).toEqual([
      officer.displayName,
      officer.displayName,
      officer.displayName,
      officer.displayName,
      county.displayName,
      officer.displayName,
      county.displayName,
    ]);
    expect(detail.timeline.find((t) => t.action === 'hazard.reject')?.note).toBe('托辊未全部更换');
  });

  it('a major hazard cannot be assigned with only the general fields; nothing is stored on refusal', async () => {
    at('2026-12-05T02:00:00.000Z');
    const { hazard } = await reportHazard(world.ports, officer, beltHazard(mineId));
    await expect(assignHazard(world.ports, officer, hazard.id, GENERAL_PLAN)).rejects.toMatchObject({
      code: 'HAZARD_PLAN_INCOMPLETE',
      details: { missing: expect.arrayContaining(['fundsCny', 'contingencyPlan', 'safetyMeasures']) },
    });
    expect((await world.ports.hazards.get(hazard.id))?.state).toBe('reported');
    await expect(startRectifying(world.ports, officer, hazard.id)).rejects.toMatchObject({
      code: 'HAZARD_TRANSITION_NOT_ALLOWED',
    });
    const assigned = await assignHazard(world.ports, officer, hazard.id, MAJOR_PLAN);
    expect(assigned.plan?.fundsCny).toBe(120_000);
    expect(assigned.originalDueDate).toBe('2026-12-20');
  });

  it('a major hazard must cite a major-hazard sub-item, and a sub-item makes it major', async () => {
    const refused = [
      [{ category: 'general' }, 'HAZARD_MAJOR_NEEDS_CRITERION'],
      [{ category: '2020-15-99' }, 'HAZARD_CATEGORY_INVALID'],
      [{ category: '2015-13-1' }, 'HAZARD_CATEGORY_INVALID'],
      [{ grade: 'general' }, 'HAZARD_GRADE_MISMATCH'],
    ] as const;
    for (const [over, code] of refused)
      await expect(
        reportHazard(world.ports, officer, beltHazard(mineId, over)),
        JSON.stringify(over),
      ).rejects.toMatchObject({ code });
  });

  it('overdue hazards escalate county → city → province with the clock; extensions keep the original date', async () => {
    at('2026-12-05T03:00:00.000Z');
    const { hazard } = await reportHazard(world.ports, officer, generalHazard(mineId, { title: '逾期隐患' }));
    await assignHazard(world.ports, officer, hazard.id, { ...GENERAL_PLAN, deadline: '2026-12-10' });
    const level = async () => (await world.ports.hazards.get(hazard.id))?.escalation;
    const review = () => runDailyReview(world.ports, noEquipment, { daysPerEscalationLevel: 7 });

    at('2026-12-10T12:00:00.000Z');
    await review();
    expect(await level()).toBe('none');
    at('2026-12-11T12:00:00.000Z');
    expect((await review()).escalated).toContainEqual(
      expect.objectContaining({ hazardId: hazard.id, to: 'county', daysOverdue: 1 }),
    );
    at('2026-12-17T12:00:00.000Z');
    await review();
    expect(await level()).toBe('county');
    at('2026-12-18T12:00:00.000Z');
    await review();
    expect(await level()).toBe('city');
    await review();
    expect(
      (await world.ports.audit.listByTarget('hazard', hazard.id)).filter(
        (a) => a.action === 'hazard.escalate',
      ),
    ).toHaveLength(2);

    const extended = await extendDueDate(world.ports, county, hazard.id, {
      newDueDate: '2027-01-31',
      reason: '设备到货延迟',
    });
    expect(extended.originalDueDate).toBe('2026-12-10');
    expect(extended.currentDueDate).toBe('2027-01-31');
    const audit = await world.ports.audit.listByTarget('hazard', hazard.id);
    expect(audit[0]).toMatchObject({
      action: 'hazard.extend',
      actorId: county.userId,
      after: expect.objectContaining({ note: '设备到货延迟' }),
    });
    at('2027-01-10T12:00:00.000Z');
    await review();
    expect(await level()).toBe('city');
  });

  it('a major hazard proposes suspension; confirming it suspends the mine in the same step', async () => {
    const proposals = await listProposals(world.ports, county, 'open');
    const suspension = proposals.items.find((p) => p.kind === 'suspension' && p.mineId === mineId);
    expect(suspension).toBeDefined();
    expect(suspension?.basis).toMatch(/art\. 36/);
    const before = await world.ports.mines.get(mineId);
    expect(before?.status).toBe('producing');
    await expect(
      decideProposal(world.ports, officer, suspension!.id, { decision: 'confirm' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const decided = await decideProposal(world.ports, county, suspension!.id, {
      decision: 'confirm',
      note: '立即停产整顿',
    });
    expect(decided.state).toBe('confirmed');
    expect((await world.ports.mines.get(mineId))?.status).toBe('suspended');
    const changes = await world.ports.statusChanges.listByMine(mineId);
    expect(changes.at(-1)).toMatchObject({
      event: 'suspend',
      basis: expect.stringContaining('major hazard hz-'),
    });
    await expect(
      decideProposal(world.ports, county, suspension!.id, { decision: 'confirm' }),
    ).rejects.toMatchObject({
      code: 'PROPOSAL_DECIDED',
    });
  });
});

describeEachEngine('hazards: the 3-month repeat rule and the Songzao equipment rule', (engine) => {
  const world = useWorld(engine, 40);
  let county: Principal;
  let mines: string[];
  beforeAll(async () => {
    county = await world.principal('province');
    const own = indexProvince(world).mineOf('officer').id;
    mines = world.province.mines
      .filter((m) => m.status === 'producing' && m.id !== own)
      .slice(0, 3)
      .map((m) => m.id);
  });

  const closureFor = async (mineId: string) =>
    (await listProposals(world.ports, county, 'open')).items.filter(
      (p) => p.kind === 'closure' && p.mineId === mineId,
    );

  it('two majors 80 days apart → a closure proposal citing both; 100 days apart → none', async () => {
    const [a, b] = mines as [string, string];
    world.clock.set('2026-06-01T00:00:00.000Z');
    const first = await reportHazard(world.ports, county, beltHazard(a));
    await reportHazard(world.ports, county, beltHazard(b));
    world.clock.advance(80 * DAY);
    const second = await reportHazard(world.ports, county, beltHazard(a));
    expect(second.proposals.map((p) => p.kind)).toContain('closure');
    expect((await closureFor(a))[0]?.hazardIds).toEqual([first.hazard.id, second.hazard.id]);
    world.clock.advance(20 * DAY);
    const late = await reportHazard(world.ports, county, beltHazard(b));
    expect(late.proposals.map((p) => p.kind)).not.toContain('closure');
    expect(await closureFor(b)).toEqual([]);
  });

  it('one occasion is not two, a self-check report is not a finding, and a mine that stopped producing is not proposed', async () => {
    const c = mines[2]!;
    world.clock.set('2026-09-01T01:00:00.000Z');
    // Two majors from one inspection on one day: one occasion.
    await reportHazard(world.ports, county, beltHazard(c));
    const sameDay = await reportHazard(world.ports, county, beltHazard(c, { title: '主井提升机保护失效' }));
    expect(sameDay.proposals.map((p) => p.kind)).not.toContain('closure');
    // The mine's own self-check report on another day does not make a second occasion.
    world.clock.advance(10 * DAY);
    const selfReported = await reportHazard(world.ports, county, beltHazard(c, { source: 'self_check' }));
    expect(selfReported.proposals.map((p) => p.kind)).not.toContain('closure');
    // A second inspection's finding does.
    world.clock.advance(10 * DAY);
    const second = await reportHazard(world.ports, county, beltHazard(c));
    expect(second.proposals.map((p) => p.kind)).toContain('closure');
    expect((await closureFor(c))[0]?.hazardIds).toHaveLength(3);
    // A mine no longer producing (suspended after the first finding) is not proposed for closure.
    expect(
      closureOccasions(
        [
          { id: 'h1', source: 'inspection', grade: 'major', reportedAt: '2026-09-01T01:00:00Z' },
          { id: 'h2', source: 'inspection', grade: 'major', reportedAt: '2026-09-20T01:00:00Z' },
        ],
        'suspended',
      ),
    ).toBeNull();
  });

  it('a hazard on running equipment escalates once a day while it runs; stopped or unknown equipment does not', async () => {
    const [, , c] = mines as [string, string, string];
    world.clock.set('2026-12-01T08:00:00.000Z');
    const running = new Set<string>(['BELT01']);
    const equipment: EquipmentState = { isRunning: (m, code) => (m === c ? running.has(code) : null) };
    const onBelt = (await reportHazard(world.ports, county, generalHazard(c, { pointCode: 'BELT01' })))
      .hazard;
    const onPump = (await reportHazard(world.ports, county, generalHazard(c, { pointCode: 'PUMP02' })))
      .hazard;
    const noPoint = (await reportHazard(world.ports, county, generalHazard(c))).hazard;
    const review = () => runDailyReview(world.ports, equipment, { daysPerEscalationLevel: 7 });
    const get = async (id: string) => (await world.ports.hazards.get(id))!;

    expect((await review()).equipmentRunning.map((e) => e.hazardId)).toEqual([onBelt.id]);
    await review();
    expect(await get(onBelt.id)).toMatchObject({ escalation: 'county', equipmentRunningDays: 1 });
    world.clock.advance(DAY);
    await review();
    expect(await get(onBelt.id)).toMatchObject({ escalation: 'city', equipmentRunningDays: 2 });
    running.delete('BELT01');
    world.clock.advance(DAY);
    await review();
    expect(await get(onBelt.id)).toMatchObject({ escalation: 'city', equipmentRunningDays: 2 });
    expect(await get(onPump.id)).toMatchObject({ escalation: 'none', equipmentRunningDays: 0 });
    expect(await get(noPoint.id)).toMatchObject({ escalation: 'none', equipmentRunningDays: 0 });
    const trail = await world.ports.audit.listByTarget('hazard', onBelt.id);
    expect(trail.filter((a) => a.action === 'hazard.equipment_running')).toHaveLength(2);
  });

  it('a suspension proposal shows on its hazard page and lapses when the hazard is written off first', async () => {
    world.clock.set('2026-12-03T01:00:00.000Z');
    const officer = await world.principal('officer');
    const regulator = await world.principal('county');
    const mineId = indexProvince(world).mineOf('officer').id;
    const { hazard, proposals } = await reportHazard(world.ports, officer, beltHazard(mineId));
    expect(proposals.map((p) => p.kind)).toEqual(['suspension']);
    const shown = await getHazardDetail(world.ports, regulator, hazard.id);
    expect(shown.proposals).toMatchObject([{ id: proposals[0]!.id, kind: 'suspension', state: 'open' }]);
    expect(shown.hazard.area).toBe('主斜井');
    // Proposals are the regulators' to decide: the mine's officer does not see them.
    expect((await getHazardDetail(world.ports, officer, hazard.id)).proposals).toEqual([]);

    await assignHazard(world.ports, officer, hazard.id, MAJOR_PLAN);
    await startRectifying(world.ports, officer, hazard.id);
    await submitForVerification(world.ports, officer, hazard.id, '传感器已更换并试验');
    await verifyAndClose(world.ports, regulator, hazard.id, '现场复查合格');

    const open = (await listProposals(world.ports, regulator, 'open')).items;
    expect(open.filter((p) => p.mineId === mineId)).toEqual([]);
    const after = await getHazardDetail(world.ports, regulator, hazard.id);
    expect(after.proposals).toMatchObject([{ state: 'lapsed', decidedAt: '2026-12-03T01:00:00.000Z' }]);
    const trail = await world.ports.audit.listByTarget('mine', mineId);
    expect(trail.filter((a) => a.action === 'hazard_proposal.lapse')).toHaveLength(1);
    expect((await world.ports.mines.get(mineId))?.status).toBe('producing');
  });
});
