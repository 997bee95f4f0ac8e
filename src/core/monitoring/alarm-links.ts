import { isInScope, requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { writeAudited } from '../audit/record-audit.ts';
import { caseTypeOfAlarmRule } from '../closure/closure-rules.ts';
import type { CaseType } from '../closure/closure-types.ts';
import { invalidInput, notFound } from '../errors.ts';
import type { Stores } from '../ports.ts';
import { describeAlarmZh, summarizeAlarmZh } from './alarm-description.ts';
import { ruleZh } from './alarm-rule-labels.ts';
import type { AlarmView } from './monitoring-ports.ts';
import { valueList } from '../value-list.ts';

/**
 * What was made from an alarm (issue 15, "one click from the alarm console"): a hazard, an order or a
 * crackdown case created with the alarm as its reference. The link is stored (migration 0025) and audited
 * in the transaction that creates the item, so the alarm shows what became of it.
 */
export type AlarmLinkKind = (typeof ALARM_LINK_KINDS)[number];
export const ALARM_LINK_KINDS = valueList('hazard', 'order', 'case');

export interface AlarmLink {
  alarmId: string;
  kind: AlarmLinkKind;
  targetId: string;
  /** What the link shows (data): a hazard's title, an order's number, a case's summary. */
  title: string;
  mineId: string;
  createdBy: string;
  createdByName: string;
  createdAt: string;
}

/** The alarm, when the principal's scope covers its mine; NotFound ALARM_NOT_FOUND otherwise. */
export async function requireAlarmInScope(
  stores: Pick<Stores, 'monitoring'>,
  p: Principal,
  alarmId: string,
): Promise<AlarmView> {
  const [alarm] = await stores.monitoring.alarmViews({ ids: [alarmId] });
  if (!alarm || !isInScope(p, { regionPath: alarm.regionPath, mineId: alarm.mineId }))
    throw notFound('ALARM_NOT_FOUND', `No alarm "${alarmId}" in your scope.`);
  return alarm;
}

/** What an item made from an alarm links to it; no `alarmId`: the item was made by hand, nothing to link. */
export interface AlarmLinkInput {
  alarmId: string | null | undefined;
  kind: AlarmLinkKind;
  targetId: string;
  title: string;
  mineIds: readonly string[];
}

/**
 * Inside the creating transaction: checks the alarm (in scope, of one of the item's mines), stores the
 * link and audits it on the alarm. Null (nothing done) when the item was not made from an alarm.
 */
export async function linkAlarm(
  tx: Pick<Stores, 'monitoring' | 'audit'>,
  p: Principal,
  now: string,
  link: AlarmLinkInput,
): Promise<AlarmLink | null> {
  if (!link.alarmId) return null;
  const alarm = await requireAlarmInScope(tx, p, link.alarmId);
  if (!link.mineIds.includes(alarm.mineId))
    throw invalidInput(
      'ALARM_LINK_OTHER_MINE',
      `The alarm "${alarm.id}" is about ${alarm.mineName}, which this ${link.kind} does not concern.`,
    );
  const row: AlarmLink = {
    alarmId: alarm.id,
    kind: link.kind,
    targetId: link.targetId,
    title: link.title,
    mineId: alarm.mineId,
    createdBy: p.userId,
    createdByName: p.displayName,
    createdAt: now,
  };
  return writeAudited(tx, p, now, row, (r) => tx.monitoring.insertAlarmLink(r), {
    action: 'alarm.link',
    targetType: 'alarm',
    targetId: alarm.id,
    after: { kind: row.kind, targetId: row.targetId, title: row.title, mineId: row.mineId },
  });
}

/**
 * Writes a new order or case (`write`: its store's insert) audited as `action`, and links the alarm it
 * was made from, if any, in the same transaction. Returns the record.
 */
export async function writeMadeFromAlarm<R extends { id: string }>(
  tx: Pick<Stores, 'monitoring' | 'audit'>,
  p: Principal,
  now: string,
  record: R,
  write: (record: R) => Promise<unknown>,
  made: Omit<AlarmLinkInput, 'targetId'> & { action: string },
): Promise<R> {
  const { action, ...link } = made;
  await writeAudited(tx, p, now, record, write, { action, targetType: link.kind, targetId: record.id });
  await linkAlarm(tx, p, now, { ...link, targetId: record.id });
  return record;
}

/** The hazards, orders and cases made from an alarm in the caller's scope, oldest first. */
export async function listAlarmLinks(
  stores: Pick<Stores, 'monitoring'>,
  p: Principal,
  alarmId: string,
): Promise<{ items: AlarmLink[] }> {
  requirePermission(p, 'alarm.read');
  await requireAlarmInScope(stores, p, alarmId);
  return { items: await stores.monitoring.alarmLinks(alarmId) };
}

/** What the creation forms are pre-filled with when a user makes a hazard, order or case from an alarm. */
export interface AlarmDraft {
  alarmId: string;
  mineId: string;
  mineName: string;
  mineCode: string;
  /** A short Chinese title: the rule's name and the place. */
  title: string;
  /** One line (an order's reason, a case's summary). */
  summary: string;
  /** Several lines (a hazard's description), incident evidence included. */
  description: string;
  pointCode: string | null;
  /** The crackdown case the alarm is evidence of (tampering, evasion); null when none. */
  caseType: CaseType | null;
}

/** The draft of an item made from an alarm in the caller's scope (server-written Chinese, CST times). */
export async function getAlarmDraft(
  stores: Pick<Stores, 'monitoring'>,
  p: Principal,
  alarmId: string,
): Promise<AlarmDraft> {
  requirePermission(p, 'alarm.read');
  const a = await requireAlarmInScope(stores, p, alarmId);
  const place = a.location ?? (a.subject === '' ? null : a.subject);
  return {
    alarmId: a.id,
    mineId: a.mineId,
    mineName: a.mineName,
    mineCode: a.mineCode,
    title: `${ruleZh(a.rule)}${place === null ? '' : `（${place}）`}`,
    summary: summarizeAlarmZh(a),
    description: describeAlarmZh(a),
    pointCode: a.pointId === null ? null : a.subject || null,
    caseType: caseTypeOfAlarmRule(a.rule),
  };
}
