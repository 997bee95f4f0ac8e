import { ruleZh } from './alarm-rule-labels.ts';
import type { EvidenceItem } from './engine/engine-types.ts';
import type { AlarmView } from './monitoring-ports.ts';

/** Data time in China Standard Time, `YYYY-MM-DD HH:mm` (server-written Chinese text). */
export const cstMinute = (ms: number): string =>
  new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** One line of an incident's evidence, in Chinese: time (CST) · what · where · value. */
export function evidenceLineZh(e: EvidenceItem): string {
  return [
    cstMinute(e.atMs),
    e.kind === 'people' ? `井下人数：${e.value ?? ''}人` : e.rule ? ruleZh(e.rule) : '测点读数',
    e.location ?? e.pointCode ?? '',
    e.value === null || e.kind === 'people' ? '' : `${e.value}${e.unit ? ` ${e.unit}` : ''}`,
  ]
    .filter((x) => x !== '')
    .join(' · ');
}

const valueZh = (v: number, unit: string | null) => `${v}${unit ? ` ${unit}` : ''}`;

/** Where the alarm is: the point's location and code, or the area/subject it names. */
function placeZh(a: AlarmView): string {
  const place = [a.location, a.subject].filter((x): x is string => x !== null && x !== '');
  return [...new Set(place)].join(' ');
}

/** A one-line Chinese summary of an alarm: rule, place, data time (CST) and its id as the reference. */
export function summarizeAlarmZh(a: AlarmView): string {
  const at = cstMinute(a.activeSinceMs ?? a.firstRaisedMs);
  const place = placeZh(a);
  return `监测报警：${a.mineName}${ruleZh(a.rule)}${place ? `（${place}）` : ''}，数据时间 ${at}（北京时间），报警编号 ${a.id}。`;
}

/**
 * An alarm as a hazard's, order's or case's description keeps it: in Chinese (the official record), the
 * rule by its Chinese name, data times in China Standard Time, the alarm id as the reference, and an
 * incident's evidence line by line.
 */
export function describeAlarmZh(a: AlarmView): string {
  const place = placeZh(a);
  const lines = [
    `监测报警：${ruleZh(a.rule)}（报警编号 ${a.id}）。`,
    `矿井：${a.mineName}（${a.mineCode}）`,
    ...(place ? [`地点：${place}`] : []),
    `首次报警：${cstMinute(a.firstRaisedMs)}（数据时间，北京时间）`,
    ...(a.activeSinceMs !== null && a.activeSinceMs !== a.firstRaisedMs
      ? [`本次报警：${cstMinute(a.activeSinceMs)}`]
      : []),
    ...(a.peakValue !== null && a.peakMs !== null
      ? [`峰值：${valueZh(a.peakValue, a.unit)}（${cstMinute(a.peakMs)}）`]
      : []),
  ];
  const evidence = a.evidence ?? [];
  if (evidence.length > 0)
    lines.push('证据（数据时间，北京时间）：', ...evidence.map((e) => `- ${evidenceLineZh(e)}`));
  return lines.join('\n');
}
