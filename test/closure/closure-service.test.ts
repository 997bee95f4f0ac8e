import { expect, it } from 'vitest';
import {
  addCaseEvidence,
  advanceCase,
  openCase,
  recordOwnership,
  listOwnership,
} from '../../src/core/closure/case-use-cases.ts';
import { decideStep, recordStep, recordTransformation } from '../../src/core/closure/closure-steps.ts';
import { CLOSURE_STEP_KINDS } from '../../src/core/closure/closure-types.ts';
import {
  addToPolicyList,
  createClosure,
  getClosure,
  listCandidates,
  listTargets,
  setTarget,
} from '../../src/core/closure/closure-use-cases.ts';
import { issueOrder } from '../../src/core/orders/order-use-cases.ts';
import { describeEachEngine } from '../support/engines.ts';
import { useWorld } from '../support/world.ts';
import { failingStatusChanges } from '../support/failing-ports.ts';

describeEachEngine('closure programme', (engine) => {
  const world = useWorld(engine, 60);

  const producingCountyMine = async () => {
    const { items } = await world.ports.mines.search(
      { regionPath: world.province.regions.find((r) => r.id === '990102')!.path, status: 'producing' },
      { offset: 0, limit: 1, sort: 'code', desc: false },
    );
    if (!items[0]) throw new Error('no producing mine left in 990102');
    return items[0];
  };
  const countyMines = () => world.province.mines.filter((m) => m.regionId === '990102');

  it('lists the candidates of each rule in a region, and the policy list once a mine is named', async () => {
    const county = await world.principal('county');
    const before = await listCandidates(world.ports, county, '990102');
    const expectedSmall = countyMines()
      .filter((m) => m.approvedCapacityTPerYear < 300_000)
      .map((m) => m.id)
      .sort();
    const byRule = (rule: string, list: typeof before.candidates) =>
      list
        .filter((c) => c.rules.includes(rule as never))
        .map((c) => c.mineId)
        .sort();
    expect(byRule('capacity_below_300kt', before.candidates)).toEqual(expectedSmall);
    expect(byRule('gas_without_capability', before.candidates)).toEqual(
      countyMines()
        .filter((m) => m.gasClass !== 'low' && !m.hasGasControlCapability)
        .map((m) => m.id)
        .sort(),
    );
    expect(byRule('policy_list', before.candidates)).toEqual([]);
    const big = countyMines().find(
      (m) => m.approvedCapacityTPerYear >= 300_000 && (m.gasClass === 'low' || m.hasGasControlCapability),
    );
    expect(big).toBeDefined();
    await addToPolicyList(world.ports, county, {
      mineId: big!.id,
      reason: 'named',
      source: '示政办〔2026〕3号',
    });
    const after = await listCandidates(world.ports, county, '990102');
    expect(byRule('policy_list', after.candidates)).toEqual([big!.id]);
    // Another county is out of the county regulator's scope.
    const other = world.province.users.find((u) => u.username === 'county2')!;
    await expect(
      listCandidates(world.ports, county, other.scope.kind === 'region' ? other.scope.regionId : ''),
    ).rejects.toMatchObject({
      code: 'REGION_NOT_FOUND',
    });
  });

  it('closes a mine only after every step is verified; the mine cannot verify its own steps', async () => {
    const county = await world.principal('county');
    const officer = await world.principal('officer');
    const mineId = officer.scope.kind === 'mine' ? officer.scope.mineId : '';
    const { closure } = await createClosure(world.ports, county, {
      mineId,
      reason: '去产能关闭',
      basis: '示政办〔2026〕3号',
    });
    expect((await world.ports.mines.get(mineId))?.status).toBe('closing');
    expect(closure.steps.map((s) => s.state)).toEqual(CLOSURE_STEP_KINDS.map(() => 'pending'));
    await expect(createClosure(world.ports, county, { mineId, reason: 'again' })).rejects.toMatchObject({
      code: 'CLOSURE_EXISTS',
    });

    await recordStep(world.ports, officer, closure.id, 'production_stopped', {
      evidence: '井下无人，停产公告',
    });
    await expect(
      decideStep(world.ports, officer, closure.id, 'production_stopped', 'verify', 'ok'),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      recordStep(world.ports, officer, closure.id, 'shafts_sealed', { evidence: ' ' }),
    ).rejects.toMatchObject({
      code: 'CLOSURE_STEP_EVIDENCE_REQUIRED',
    });
    await expect(
      decideStep(world.ports, county, closure.id, 'shafts_sealed', 'verify', 'ok'),
    ).rejects.toMatchObject({
      code: 'CLOSURE_STEP_TRANSITION_NOT_ALLOWED',
    });
    // A rejected step must be recorded again before it can be verified.
    await decideStep(world.ports, county, closure.id, 'production_stopped', 'reject', '照片不清楚');
    await recordStep(world.ports, officer, closure.id, 'production_stopped', { evidence: '新照片' });

    const [last, ...rest] = [...CLOSURE_STEP_KINDS].reverse();
    const city = await world.principal('city');
    for (const step of rest) {
      if (step !== 'production_stopped')
        await recordStep(world.ports, county, closure.id, step, { evidence: `${step} done` });
      if (step === 'power_cut')
        // Whoever recorded a step may not verify it (separation of duties).
        await expect(
          decideStep(world.ports, county, closure.id, step, 'verify', 'my own step'),
        ).rejects.toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
      const verifier = step === 'production_stopped' ? county : city;
      const r = await decideStep(world.ports, verifier, closure.id, step, 'verify', 'checked on site');
      expect(r.mineClosed).toBe(false);
      expect((await world.ports.mines.get(mineId))?.status).toBe('closing');
    }
    await recordStep(world.ports, county, closure.id, last!, { evidence: 'restored' });
    const done = await decideStep(world.ports, city, closure.id, last!, 'verify', 'checked on site');
    expect(done.mineClosed).toBe(true);
    expect(done.closure.status).toBe('closed');
    expect((await world.ports.mines.get(mineId))?.status).toBe('closed');
    const changes = await world.ports.statusChanges.listByMine(mineId);
    // Newest first.
    expect(changes.map((c) => c.event).slice(0, 2)).toEqual(['complete_closure', 'order_closure']);
    const audit = await world.ports.audit.listByTarget('closure', closure.id);
    expect(audit.map((a) => a.action)).toContain('closure.complete');

    const t = await recordTransformation(world.ports, county, closure.id, {
      what: '生态农业合作社',
      startedOn: '2027-03-01',
      jobs: 42,
    });
    expect((await getClosure(world.ports, county, closure.id)).transformations).toEqual([t]);
  });

  it('rolls the last verification back when closing the mine fails (atomic)', async () => {
    const county = await world.principal('county');
    const mine = await producingCountyMine();
    const { closure } = await createClosure(world.ports, county, { mineId: mine.id, reason: 'atomic test' });
    for (const step of CLOSURE_STEP_KINDS)
      await recordStep(world.ports, county, closure.id, step, { evidence: 'done' });
    const city = await world.principal('city');
    for (const step of CLOSURE_STEP_KINDS.slice(0, -1))
      await decideStep(world.ports, city, closure.id, step, 'verify', undefined);
    const failing = failingStatusChanges(world.ports);
    await expect(
      decideStep(failing, city, closure.id, CLOSURE_STEP_KINDS.at(-1)!, 'verify', undefined),
    ).rejects.toThrow('disk full');
    const after = await getClosure(world.ports, county, closure.id);
    expect(after.status).toBe('in_progress');
    expect(after.steps.at(-1)?.state).toBe('recorded');
    expect((await world.ports.mines.get(mine.id))?.status).toBe('closing');
  });

  it('attaches to a closure order already applied, and counts closed mines against the district target', async () => {
    const county = await world.principal('county');
    const mine = await producingCountyMine();
    await issueOrder(world.ports, county, {
      number: 'CL-1',
      kind: 'close_mine',
      legalBasis: 'art 70',
      reason: '关闭',
      mineIds: [mine.id],
    });
    const { closure, statusChanged } = await createClosure(world.ports, county, {
      mineId: mine.id,
      reason: 'attach',
    });
    expect(statusChanged).toBe(false);
    expect(closure.attachedToExisting).toBe(true);

    await setTarget(world.ports, county, {
      regionId: '990102',
      deadline: '2099-12-31',
      minesToClose: 4,
      capacityToWithdrawTPerYear: 1,
    });
    const [progress] = await listTargets(world.ports, county, '990102');
    const officer = await world.principal('officer');
    const officerMine = await world.ports.mines.get(
      officer.scope.kind === 'mine' ? officer.scope.mineId : '',
    );
    expect(progress).toMatchObject({
      minesClosed: 1,
      capacityWithdrawnTPerYear: officerMine!.approvedCapacityTPerYear,
      minesInProgress: 2,
      minesPercent: 25,
    });
    await expect(
      setTarget(world.ports, county, {
        regionId: '990102',
        deadline: '2099-02-30',
        minesToClose: 1,
        capacityToWithdrawTPerYear: 0,
      }),
    ).rejects.toMatchObject({ code: 'CLOSURE_TARGET_INVALID' });
  });

  it('records ownership and trusteeship history and runs a case through its lifecycle, audited', async () => {
    const county = await world.principal('county');
    const mine = countyMines()[0]!;
    await expect(
      recordOwnership(world.ports, county, mine.id, {
        kind: 'trusteeship',
        party: '某托管公司',
        fromDate: '2024-01-01',
      }),
    ).rejects.toMatchObject({ code: 'OWNERSHIP_RECORD_INVALID' });
    await recordOwnership(world.ports, county, mine.id, {
      kind: 'trusteeship',
      party: '某托管公司',
      fromDate: '2024-01-01',
      toDate: '2026-01-01',
      contractRef: 'TG-2024-7',
    });
    await recordOwnership(world.ports, county, mine.id, {
      kind: 'ownership',
      party: '某集团',
      fromDate: '2019-05-01',
    });
    expect((await listOwnership(world.ports, county, mine.id)).map((r) => r.kind)).toEqual([
      'ownership',
      'trusteeship',
    ]);

    const c = await openCase(world.ports, county, {
      type: 'illegal_trusteeship',
      mineId: mine.id,
      summary: '整体托管给无资质单位',
    });
    expect(c.status).toBe('open');
    await expect(advanceCase(world.ports, county, c.id, { event: 'close' })).rejects.toMatchObject({
      code: 'CASE_TRANSITION_NOT_ALLOWED',
    });
    await advanceCase(world.ports, county, c.id, { event: 'investigate' });
    await addCaseEvidence(world.ports, county, c.id, { kind: 'visit', ref: 'visit-1', note: '现场检查' });
    await expect(advanceCase(world.ports, county, c.id, { event: 'decide' })).rejects.toMatchObject({
      code: 'CASE_DECISION_REQUIRED',
    });
    await advanceCase(world.ports, county, c.id, { event: 'decide', text: '罚款并解除托管' });
    const closed = await advanceCase(world.ports, county, c.id, { event: 'close' });
    expect(closed).toMatchObject({ status: 'closed', decisions: [{ text: '罚款并解除托管' }] });
    expect(closed.evidence).toHaveLength(1);
    await expect(
      addCaseEvidence(world.ports, county, c.id, { kind: 'hazard', ref: 'h' }),
    ).rejects.toMatchObject({ code: 'CASE_CLOSED' });
    const audit = await world.ports.audit.listByTarget('case', c.id);
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['case.open', 'case.investigate', 'case.evidence', 'case.decide', 'case.close'].sort(),
    );
    await expect(openCase(world.ports, county, { alarmId: 'nope|x|y' })).rejects.toMatchObject({
      code: 'ALARM_NOT_FOUND',
    });
  });
});
