import { withQuery } from '../api/api-client.ts';
import { oneOf, pageParam } from './url-query.ts';
import {
  ALARM_PRIORITIES,
  ALARM_RULES,
  ALARM_STATE_FILTERS,
  type AlarmStateFilter,
} from '../api/monitoring-types.ts';
import type { AlarmPriority, AlarmRule } from '../api/generated/api-schema.ts';

export const ALARM_PAGE_SIZE = 50;

/** The alarm console's filters, page and open alarm, as kept in the page URL. */
export interface AlarmsQuery {
  regionId: string;
  mineId: string;
  priority: AlarmPriority | '';
  state: AlarmStateFilter;
  rule: AlarmRule | '';
  page: number;
  /** The alarm whose detail panel is open. */
  alarm: string;
}

export function parsePriority(value: string | null): AlarmPriority | '' {
  return oneOf(value, ALARM_PRIORITIES);
}

export function parseStateFilter(value: string | null): AlarmStateFilter {
  return oneOf(value, ALARM_STATE_FILTERS) || 'active';
}

export function parseRule(value: string | null): AlarmRule | '' {
  return oneOf(value, ALARM_RULES);
}

export function parseAlarmsQuery(params: URLSearchParams): AlarmsQuery {
  return {
    regionId: params.get('regionId') ?? '',
    mineId: params.get('mineId') ?? '',
    priority: parsePriority(params.get('priority')),
    state: parseStateFilter(params.get('state')),
    rule: parseRule(params.get('rule')),
    page: pageParam(params),
    alarm: params.get('alarm') ?? '',
  };
}

/** The console URL for a query; defaults are left out. */
export function alarmsPageUrl(query: AlarmsQuery): string {
  return withQuery('/alarms', {
    regionId: query.regionId,
    mineId: query.mineId,
    priority: query.priority,
    state: query.state === 'active' ? '' : query.state,
    rule: query.rule,
    page: query.page === 1 ? '' : query.page,
    alarm: query.alarm,
  });
}

export function alarmsApiUrl(query: AlarmsQuery): string {
  return withQuery('/api/alarms', {
    regionId: query.regionId,
    mineId: query.mineId,
    priority: query.priority,
    state: query.state,
    rule: query.rule,
    page: query.page,
    pageSize: ALARM_PAGE_SIZE,
  });
}
