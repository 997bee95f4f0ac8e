import type { Principal } from '../../src/core/access/types.ts';
import { listUnderSupervision } from '../../src/core/hazards/hazard-oversight.ts';
import {
  assignHazard,
  reportHazard,
  startRectifying,
  submitForVerification,
  verifyAndClose,
} from '../../src/core/hazards/hazard-use-cases.ts';
import { newAlarm } from '../../src/core/monitoring/alarms/alarm-lifecycle.ts';
import { registerMine } from '../../src/core/registry/mine-use-cases.ts';
import type { DemoMine } from '../../src/sim/demo-province.ts';
import { beltHazard, GENERAL_PLAN, generalHazard, MAJOR_PLAN } from '../hazards/hazard-fixtures.ts';
import { createAccessKit, routeWalk, type AccessWalk } from '../support/access-walk.ts';
import { createWorld } from '../support/world.ts';
import { createCodeSource, mineFacts } from './http-kit.ts';
import { HAZARDS_WALKED_ROUTES } from './route-walks.ts';

/**
 * The hazards rows of the authorization matrix: every hazards route × every demo user × targets A and B
 * (test/support/access-walk.ts). Each cell first puts a fresh hazard (or proposal) in the state its call needs.
 */
const world = await createWorld('sqlite', 30);
const kit = createAccessKit(world);
const codes = createCodeSource(world);
const officerMine = new Map(kit.targets.map((t) => [t.mine.id, t.officer]));
const P = world.ports;
let quarterSerial = 1000;

const principal = (username: string): Promise<Principal> => world.principal(username);
const officerOf = (mine: DemoMine) => principal(officerMine.get(mine.id)!);
const regulator = () => principal('province');

async function hazardIn(
  mine: DemoMine,
  state: 'reported' | 'assigned' | 'rectifying' | 'awaiting',
  major = false,
) {
  const reporter = await officerOf(mine);
  const { hazard } = await reportHazard(P, reporter, major ? beltHazard(mine.id) : generalHazard(mine.id));
  if (state === 'reported') return hazard.id;
  await assignHazard(P, reporter, hazard.id, major ? MAJOR_PLAN : GENERAL_PLAN);
  if (state === 'assigned') return hazard.id;
  await startRectifying(P, reporter, hazard.id);
  if (state === 'rectifying') return hazard.id;
  await submitForVerification(P, reporter, hazard.id, null);
  return hazard.id;
}

let tamperSerial = 0;
/** A stored "suspected tampering" alarm at the mine: monitoring proposes a major hazard (art. 18(6)). */
async function monitoringProposalAt(mine: DemoMine): Promise<string> {
  const subject = `identical-timestamps-${++tamperSerial}`;
  const at = Date.parse('2026-12-05T02:00:00Z');
  const id = `${mine.id}|suspected_tampering|${subject}`;
  const alarm = {
    ...newAlarm('medium'),
    state: 'unack_active' as const,
    conditionActive: true,
    activeSinceMs: at,
    activeSinceReceivedMs: at,
    id,
    mineId: mine.id,
    pointId: null,
    subject,
    rule: 'suspected_tampering' as const,
    message: 'All 40 points carry the same time: generated data suspected (domain §1.6).',
    value: null,
    peakValue: null,
    peakMs: null,
    firstRaisedMs: at,
    updatedMs: at,
    receivedMs: at,
    activations: 1,
  };
  let n = 0;
  await P.monitoring.saveAlarmChanges(
    [{ alarm, effects: [], cause: 'raised', actor: null, comment: null, atMs: at, receivedMs: at }],
    () => `ae-walk-${tamperSerial}-${++n}`,
  );
  return `${id}@${at}`;
}

/** A fresh producing mine next to the target with an open suspension proposal (confirming suspends it). */
async function proposalNear(mine: DemoMine): Promise<string> {
  const reg = await regulator();
  const fresh = await registerMine(P, reg, {
    facts: mineFacts({ code: codes(mine.regionId), regionId: mine.regionId }),
  });
  const { proposals } = await reportHazard(P, reg, beltHazard(fresh.id));
  return proposals[0]!.id;
}

/** A fresh major hazard at the mine, listed for supervision by the province. */
async function listedHazard(mine: DemoMine): Promise<string> {
  const id = await hazardIn(mine, 'reported', true);
  await listUnderSupervision(P, await regulator(), id, '挂牌督办通知');
  return id;
}

/** A listed major hazard verified and closed, with a listing row open again (closing one needs it). */
async function closedHazardWithOpenListing(mine: DemoMine): Promise<string> {
  const id = await hazardIn(mine, 'awaiting', true);
  const reg = await regulator();
  await listUnderSupervision(P, reg, id, '挂牌督办通知');
  await verifyAndClose(P, reg, id, null);
  // Verification closed the listing with the hazard; list again is refused, so re-open a listing row.
  await P.hazards.insertListing({
    id: `hzl-walk-${id}`,
    hazardId: id,
    notice: 'n',
    issuedBy: reg.userId,
    issuedByName: reg.displayName,
    issuedAt: P.clock.nowIso(),
    closedAt: null,
    closedBy: null,
  });
  return id;
}

const WALKS: readonly AccessWalk[] = [
  routeWalk('GET /api/hazards/criteria', 'hazard.read', 'none', 200),
  routeWalk('GET /api/hazards', 'hazard.read', 'mine', 200, {
    query: 'region',
  }),
  routeWalk('GET /api/hazards/board', 'hazard.read', 'mine', 200, {
    query: 'region',
  }),
  routeWalk('GET /api/hazards/:id', 'hazard.read', 'mine', 200, {
    params: { id: ({ mine: m }) => hazardIn(m, 'reported') },
  }),
  routeWalk('POST /api/hazards', 'hazard.report', 'mine', 201, {
    payload: ({ mine: m }) => generalHazard(m.id),
  }),
  routeWalk('POST /api/hazards/:id/assign', 'hazard.rectify', 'mine', 200, {
    params: { id: ({ mine: m }) => hazardIn(m, 'reported') },
    payload: () => GENERAL_PLAN,
  }),
  routeWalk('POST /api/hazards/:id/start', 'hazard.rectify', 'mine', 200, {
    params: { id: ({ mine: m }) => hazardIn(m, 'assigned') },
  }),
  routeWalk('POST /api/hazards/:id/submit', 'hazard.rectify', 'mine', 200, {
    params: { id: ({ mine: m }) => hazardIn(m, 'rectifying') },
    payload: () => ({}),
  }),
  routeWalk('POST /api/hazards/:id/verify', 'hazard.verify', 'mine', 200, {
    params: { id: ({ mine: m }) => hazardIn(m, 'awaiting') },
    payload: () => ({}),
  }),
  routeWalk('POST /api/hazards/:id/reject', 'hazard.verify', 'mine', 200, {
    params: { id: ({ mine: m }) => hazardIn(m, 'awaiting') },
    payload: () => ({ reason: '复查不合格' }),
  }),
  routeWalk('POST /api/hazards/:id/extend', 'hazard.extend', 'mine', 200, {
    params: { id: ({ mine: m }) => hazardIn(m, 'assigned') },
    payload: () => ({ newDueDate: '2027-02-01', reason: '材料未到' }),
  }),
  routeWalk('POST /api/hazards/:id/listing', 'hazard.supervise', 'mine', 201, {
    params: { id: ({ mine: m }) => hazardIn(m, 'reported', true) },
    payload: () => ({ notice: '挂牌督办通知' }),
  }),
  routeWalk('POST /api/hazards/:id/listing/close', 'hazard.supervise', 'mine', 200, {
    params: { id: ({ mine: m }) => closedHazardWithOpenListing(m) },
  }),
  routeWalk('POST /api/hazards/:id/progress', 'hazard.rectify', 'mine', 201, {
    params: { id: ({ mine: m }) => listedHazard(m) },
    payload: () => ({ text: '已完成传感器更换' }),
  }),
  routeWalk('GET /api/hazards/proposals', 'hazard.decide', 'none', 200),
  routeWalk('POST /api/hazards/proposals/:id/confirm', 'hazard.decide', 'mine', 200, {
    params: { id: ({ mine: m }) => proposalNear(m) },
    payload: () => ({}),
  }),
  routeWalk('POST /api/hazards/proposals/:id/dismiss', 'hazard.decide', 'mine', 200, {
    params: { id: ({ mine: m }) => proposalNear(m) },
    payload: () => ({ note: '区域已停产' }),
  }),
  routeWalk('GET /api/hazards/monitoring-proposals', 'hazard.read', 'none', 200),
  routeWalk('POST /api/hazards/monitoring-proposals/confirm', 'hazard.decide', 'mine', 201, {
    payload: async ({ mine: m }) => ({ key: await monitoringProposalAt(m), note: '数据造假属实' }),
  }),
  routeWalk('POST /api/hazards/monitoring-proposals/dismiss', 'hazard.decide', 'mine', 200, {
    payload: async ({ mine: m }) => ({ key: await monitoringProposalAt(m), reason: '系统校时导致，非造假' }),
  }),
  routeWalk('POST /api/hazards/daily-review', 'hazard.review', 'none', 200),
  routeWalk('POST /api/hazards/:id/evidence', 'hazard.evidence', 'mine', 201, {
    params: { id: ({ mine: m }) => hazardIn(m, 'reported') },
    payload: () => Buffer.from('photo'),
    headers: { 'content-type': 'image/jpeg', 'x-file-name': 'p.jpg' },
  }),
  {
    key: 'GET /api/hazards/:id/evidence/:evidenceId',
    permission: 'hazard.read',
    scope: 'mine',
    ok: 200,
    call: async ({ mine: m }) => {
      const id = await hazardIn(m, 'reported');
      // The bytes are put through the route once, so the file exists on disk.
      const ev = await uploadAsOfficer(m, id);
      return { url: `/api/hazards/${id}/evidence/${ev}` };
    },
  },
  routeWalk('POST /api/hazards/self-check-files', 'hazard.selfcheck', 'mine', 201, {
    query: ({ mine: m }) => `mineId=${m.id}`,
    payload: () => Buffer.from('scan'),
    headers: { 'content-type': 'application/pdf', 'x-file-name': 'scan.pdf' },
  }),
  routeWalk('POST /api/hazards/self-check-reports', 'hazard.selfcheck', 'mine', 201, {
    payload: ({ mine: m }) => ({
      mineId: m.id,
      quarter: `${quarterSerial++}Q1`,
      signer: '矿长',
      summary: '无重大隐患',
    }),
  }),
  routeWalk('GET /api/hazards/self-check-reports/missing', 'hazard.read', 'mine', 200, {
    query: ({ mine: m }) => `quarter=2026Q4&regionId=${m.regionId}`,
  }),
];

async function uploadAsOfficer(m: DemoMine, hazardId: string): Promise<string> {
  const res = await kit.must<{ evidence: { id: string } }>(officerMine.get(m.id)!, 'POST', {
    url: `/api/hazards/${hazardId}/evidence`,
    headers: { 'content-type': 'image/jpeg', 'x-file-name': 'p.jpg' },
    payload: Buffer.from(`photo ${hazardId}`),
  });
  return res.evidence.id;
}

kit.walk({ module: 'hazards', walks: WALKS, walkedRoutes: HAZARDS_WALKED_ROUTES });
