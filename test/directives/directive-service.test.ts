import { beforeAll, expect, it } from 'vitest';
import {
  readDirective,
  replyDirective,
  requestVisits,
} from '../../src/core/directives/directive-response-use-cases.ts';
import {
  getDirective,
  issueDirective,
  listDirectives,
} from '../../src/core/directives/directive-use-cases.ts';
import { isDomainError } from '../../src/core/errors.ts';
import type { DemoMine } from '../../src/sim/demo-province.ts';
import { indexProvince } from '../http/http-kit.ts';
import { describeEachEngine } from '../support/engines.ts';
import { useWorld } from '../support/world.ts';
import { HOUR_MS, countyOf, createSecondOfficer } from './directive-fixtures.ts';

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (e) {
    if (isDomainError(e)) return `${e.kind}:${e.code}`;
    throw e;
  }
  return 'no error';
}

describeEachEngine('directives: read-back, replies, lateness, visit list', (engine) => {
  const world = useWorld(engine);
  let mineA: DemoMine;
  let mineB: DemoMine;
  let noticeId = '';

  beforeAll(async () => {
    mineA = indexProvince(world).mineOf('officer');
    mineB = await createSecondOfficer(world);
  }, 60_000);

  const deadline = () => new Date(world.clock.nowMs() + 48 * HOUR_MS).toISOString();

  it('a county notice goes to every non-closed mine of the county, audited', async () => {
    const county = await world.principal('county');
    const { regionId, mines } = countyOf(world);
    const result = await issueDirective(world.ports, county, {
      kind: 'accident_warning',
      title: '关于某矿瓦斯爆炸事故的警示通报',
      body: '各煤矿对照事故原因开展自查。',
      causeSummary: '采空区瓦斯积聚，违章放炮',
      accidentId: 'acc-x',
      deadline: deadline(),
      isReplyRequired: true,
      regionId,
    });
    noticeId = result.directive.id;
    expect(result.recipients).toBe(mines.length);
    const view = await getDirective(world.ports, county, noticeId);
    expect(view.progress.mines.map((m) => m.mineId).sort()).toEqual(mines.map((m) => m.id).sort());
    expect(view.progress.totals).toMatchObject({ total: mines.length, read: 0, outstanding: mines.length });
    expect(view.directive.causeSummary).toBe('采空区瓦斯积聚，违章放炮');
    const audit = await world.ports.audit.listByTarget('directive', noticeId);
    expect(audit.map((a) => a.action)).toEqual(['directive.issue']);
  });

  it('unread → read → replied per mine; replying first or twice is refused and changes nothing', async () => {
    const officer = await world.principal('officer');
    expect(await codeOf(replyDirective(world.ports, officer, noticeId, { text: '已自查' }))).toBe(
      'Conflict:DIRECTIVE_NOT_READ',
    );
    expect((await readDirective(world.ports, officer, noticeId)).state).toBe('read');
    expect((await readDirective(world.ports, officer, noticeId)).state).toBe('read');
    const replied = await replyDirective(world.ports, officer, noticeId, {
      text: '已对照事故原因完成自查，未发现采空区积聚',
    });
    expect(replied).toMatchObject({ state: 'replied', replyByName: officer.displayName });
    expect(await codeOf(replyDirective(world.ports, officer, noticeId, { text: '改一下' }))).toBe(
      'Conflict:DIRECTIVE_ALREADY_REPLIED',
    );
    expect((await world.ports.directives.getRecipient(noticeId, mineA.id))?.replyText).toBe(
      '已对照事故原因完成自查，未发现采空区积聚',
    );
    // mine B reads but has not replied yet.
    await readDirective(world.ports, await world.principal('officer-b'), noticeId);

    const view = await getDirective(world.ports, await world.principal('county'), noticeId);
    const byMine = new Map(view.progress.mines.map((m) => [m.mineId, m.outcome]));
    expect(byMine.get(mineA.id)).toBe('done');
    expect(byMine.get(mineB.id)).toBe('outstanding');
    expect(view.progress.totals).toMatchObject({ read: 2, replied: 1, done: 1, late: 0 });
    // The audit trail lists the newest first.
    const actions = (await world.ports.audit.listByTarget('directive', noticeId)).map((a) => a.action);
    expect(actions).toEqual(['directive.read', 'directive.reply', 'directive.read', 'directive.issue']);
  });

  it('after the deadline the missing mines are late; a reply then is done late; late mines go on the visit list once', async () => {
    world.clock.advance(49 * HOUR_MS);
    const county = await world.principal('county');
    const { mines } = countyOf(world);
    let view = await getDirective(world.ports, county, noticeId);
    expect(view.progress.totals).toMatchObject({ done: 1, late: mines.length - 1, outstanding: 0 });
    await replyDirective(world.ports, await world.principal('officer-b'), noticeId, { text: '逾期补报自查' });
    view = await getDirective(world.ports, county, noticeId);
    const outcomes = new Map(view.progress.mines.map((m) => [m.mineId, m.outcome]));
    expect(outcomes.get(mineB.id)).toBe('done_late');
    expect(outcomes.get(mineA.id)).toBe('done');
    const district = view.progress.districts.find((d) => d.regionId === countyOf(world).regionId);
    expect(district).toMatchObject({ done: 1, doneLate: 1, late: mines.length - 2 });

    const first = await requestVisits(world.ports, county, noticeId, {});
    expect(first.requested.sort()).toEqual(
      mines
        .filter((m) => m.id !== mineA.id)
        .map((m) => m.id)
        .sort(),
    );
    expect((await requestVisits(world.ports, county, noticeId, {})).requested).toEqual([]);
    const listed = await world.ports.directives.listVisitRequestsOfMine(mineB.id);
    expect(listed[0]).toMatchObject({
      visitRequestedByName: county.displayName,
      visitRequestedAt: world.clock.nowIso(),
    });
    const audit = await world.ports.audit.listByTarget('directive', noticeId);
    expect(audit.filter((a) => a.action === 'directive.visit_request')).toHaveLength(mines.length - 1);
  });

  it('officers see notices to their own mine only; regulators count only the mines in their scope', async () => {
    expect(await codeOf(getDirective(world.ports, await world.principal('officer2'), noticeId))).toBe(
      'NotFound:DIRECTIVE_NOT_FOUND',
    );
    expect(await codeOf(readDirective(world.ports, await world.principal('officer2'), noticeId))).toBe(
      'NotFound:DIRECTIVE_NOT_FOUND',
    );
    expect(await codeOf(getDirective(world.ports, await world.principal('county2'), noticeId))).toBe(
      'NotFound:DIRECTIVE_NOT_FOUND',
    );
    const officerView = await getDirective(world.ports, await world.principal('officer'), noticeId);
    expect(officerView.progress.mines.map((m) => m.mineId)).toEqual([mineA.id]);

    const province = await world.principal('province');
    const provinceRegion = indexProvince(world).user('province').scope;
    if (provinceRegion.kind !== 'region') throw new Error('province is region-scoped');
    const wide = await issueDirective(world.ports, province, {
      kind: 'directive',
      title: '关于加强冬春季煤矿安全工作的通知',
      body: '各地认真贯彻落实。',
      deadline: deadline(),
      isReplyRequired: false,
      regionId: provinceRegion.regionId,
    });
    const open = world.province.mines.filter((m) => m.status !== 'closed');
    expect(wide.recipients).toBe(open.length);
    const countyList = await listDirectives(world.ports, await world.principal('county'));
    const countyItem = countyList.find((d) => d.id === wide.directive.id);
    expect(countyItem?.progress.total).toBe(countyOf(world).mines.length);
    const county2List = await listDirectives(world.ports, await world.principal('county2'));
    expect(county2List.map((d) => d.id)).toEqual([wide.directive.id]);
  });

  it('bad input is refused with a specific code and stores nothing; a correction references the original', async () => {
    const county = await world.principal('county');
    const before = (await listDirectives(world.ports, county)).length;
    const base = {
      kind: 'directive' as const,
      title: '通知',
      body: '正文内容',
      deadline: deadline(),
      isReplyRequired: true,
      regionId: countyOf(world).regionId,
    };
    expect(
      await codeOf(issueDirective(world.ports, county, { ...base, deadline: '2020-01-01T00:00:00Z' })),
    ).toBe('InvalidInput:DIRECTIVE_INVALID');
    expect(await codeOf(issueDirective(world.ports, county, { ...base, kind: 'accident_warning' }))).toBe(
      'InvalidInput:DIRECTIVE_INVALID',
    );
    expect(
      await codeOf(
        issueDirective(world.ports, county, {
          ...base,
          regionId: null,
          mineIds: [indexProvince(world).mineOf('officer2').id],
        }),
      ),
    ).toBe('NotFound:MINE_NOT_FOUND');
    expect(await codeOf(issueDirective(world.ports, await world.principal('officer'), base))).toBe(
      'NotAllowed:FORBIDDEN',
    );
    expect(
      await codeOf(replyDirective(world.ports, await world.principal('officer'), noticeId, { text: ' ' })),
    ).toBe('InvalidInput:DIRECTIVE_REPLY_INVALID');
    expect((await listDirectives(world.ports, county)).length).toBe(before);

    const fix = await issueDirective(world.ports, county, {
      ...base,
      title: '更正：通知',
      correctsId: noticeId,
    });
    expect((await getDirective(world.ports, county, noticeId)).corrections.map((d) => d.id)).toEqual([
      fix.directive.id,
    ]);
  });
});
