import { withQuery } from '../../api/api-client.ts';
import { cstStamp, formatDate } from '../../format.ts';
import type { I18n, MessageKey } from '../../i18n/i18n-context.tsx';
import { codeLabel } from '../../i18n/code-label.ts';
import { ruleLabel } from '../../monitoring/alarm-text.ts';
import { minePath } from '../../router/router.ts';
import type { TodayItem, TodayKind } from '../../api/generated/api-schema.ts';

type Labels = Pick<I18n, 't' | 'has'>;

const DAY_MS = 86_400_000;
const daysLate = (due: string, today: string) =>
  Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / DAY_MS));

/** What a line says (beside the mine's name), in the current language. */
export function lineText(item: TodayItem, today: string, isMineScope: boolean, i18n: Labels): string {
  const { t } = i18n;
  const time = item.atMs === null ? '—' : cstStamp(item.atMs).slice(0, 16);
  const date = formatDate(item.dueOn);
  switch (item.kind) {
    case 'critical_alarm':
      return t('today.line.alarm', { rule: ruleLabel(item.code ?? '', i18n), time });
    case 'accident': {
      const key: MessageKey =
        item.code === 'late_report'
          ? 'today.line.accident.late_report'
          : item.code === 'investigation_overdue'
            ? 'today.line.accident.investigation_overdue'
            : item.code === 'regraded'
              ? 'today.line.accident.regraded'
              : 'today.line.accident.recent';
      return t(key, { time, date, deaths: item.count ?? 0 });
    }
    case 'producing_illegally':
      return t('today.line.producing', { gas: codeLabel('gas.', item.code, i18n) });
    case 'people_under_order':
      return t('today.line.people', { status: codeLabel('status.', item.code, i18n), n: item.count ?? 0 });
    case 'hazard_overdue':
    case 'hazard_due_soon': {
      const grade = codeLabel('today.grade.', item.code, i18n);
      if (item.dueOn === null) return `${grade} · ${t('today.line.hazardNoDate')}`;
      return `${grade} · ${
        item.kind === 'hazard_overdue'
          ? t('today.line.hazardOverdue', { date, days: daysLate(item.dueOn, today) })
          : t('today.line.hazardDue', { date })
      }`;
    }
    case 'resumption_step':
      return t('today.line.step', { step: codeLabel('res.step.', item.code, i18n) });
    case 'resumption_decision_overdue':
      return t('today.line.decision', { date });
    case 'notice_overdue':
      return t('today.line.notice', { date });
    case 'directive_open':
      if (!isMineScope) return t('today.line.directive.late', { n: item.count ?? 0, date });
      return item.code === 'late'
        ? t('today.line.directive.mineLate', { date })
        : t('today.line.directive.mine', { date });
    case 'coverage_gap': {
      const gap = codeLabel('supervision.gap.', item.code, i18n);
      return item.count === null
        ? t('today.line.gap.mine', { gap })
        : t('today.line.gap.count', { n: item.count, gap });
    }
    case 'visit_due': {
      if (item.count !== null)
        return t(item.code === 'leader' ? 'today.line.visit.leaderCount' : 'today.line.visit.groupCount', {
          n: item.count,
        });
      const text = t(item.code === 'leader' ? 'today.line.visit.leader' : 'today.line.visit.group');
      return item.dueOn === null ? text : text + t('today.line.visit.last', { date });
    }
  }
}

/** Where a line leads: the place to act on it. */
export function lineTarget(item: TodayItem, isMineScope: boolean): string {
  const mine = item.mineId === null ? '/' : minePath(item.mineId);
  const byKind: Record<TodayKind, () => string> = {
    critical_alarm: () => withQuery('/alarms', { alarm: item.ref }),
    accident: () => `/accidents/${encodeURIComponent(item.ref)}`,
    producing_illegally: () => mine,
    people_under_order: () => mine,
    hazard_overdue: () => `/hazards/${encodeURIComponent(item.ref)}`,
    hazard_due_soon: () => `/hazards/${encodeURIComponent(item.ref)}`,
    resumption_step: () => '/orders/resumptions',
    resumption_decision_overdue: () => '/orders/resumptions',
    notice_overdue: () => '/orders/resumptions',
    directive_open: () => `/directives/${encodeURIComponent(item.ref)}`,
    // A mine has no supervision pages: its gaps are closed from its own page.
    coverage_gap: () => (isMineScope ? mine : withQuery('/supervision', { gap: item.ref })),
    visit_due: () =>
      item.mineId === null ? '/supervision' : `/supervision/mines/${encodeURIComponent(item.mineId)}`,
  };
  return byKind[item.kind]();
}

/** The full list behind a section (its "more" link). */
export function sectionTarget(kind: TodayKind, isMineScope: boolean): string {
  const byKind: Record<TodayKind, string> = {
    critical_alarm: withQuery('/alarms', { priority: 'critical', state: 'unacknowledged' }),
    accident: '/accidents',
    producing_illegally: '/orders/gas',
    people_under_order: '/alarms',
    hazard_overdue: '/hazards',
    hazard_due_soon: '/hazards',
    resumption_step: '/orders/resumptions',
    resumption_decision_overdue: '/orders/resumptions',
    notice_overdue: '/orders/resumptions',
    directive_open: '/directives',
    coverage_gap: isMineScope ? '/' : '/supervision',
    visit_due: '/supervision',
  };
  return byKind[kind];
}
