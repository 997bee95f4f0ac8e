import type { AlarmPriority, AlarmState, AlarmView } from '../api/generated/api-schema.ts';
import type { I18n, MessageKey } from '../i18n/i18n-context.tsx';
import { formatValue } from './monitoring-format.ts';

type Labels = Pick<I18n, 't' | 'has' | 'lang'>;

/** A rule's name; unknown rules (a newer server) show their code. */
export function ruleLabel(rule: string, i18n: Pick<I18n, 't' | 'has'>): string {
  const key = `alarmRule.${rule}`;
  return i18n.has(key) ? i18n.t(key) : rule;
}

/** A state's ISA-18.2 name in the current language. */
export function stateLabel(state: string, i18n: Pick<I18n, 't' | 'has'>): string {
  const key = `alarmState.${state}`;
  return i18n.has(key) ? i18n.t(key) : state;
}

export const PRIORITY_RANK: Readonly<Record<AlarmPriority, number>> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
};

/** States in which nobody has acknowledged the alarm yet. */
export function isUnacknowledged(state: AlarmState): boolean {
  return state === 'unack_active' || state === 'rtn_unack';
}

/** Console order: critical first, then unacknowledged, then newest. */
export function compareAlarms(a: AlarmView, b: AlarmView): number {
  const byPriority = PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
  if (byPriority !== 0) return byPriority;
  const byAck = Number(isUnacknowledged(b.state)) - Number(isUnacknowledged(a.state));
  if (byAck !== 0) return byAck;
  return (b.activeSinceMs ?? b.updatedMs) - (a.activeSinceMs ?? a.updatedMs);
}

interface Parsed {
  key: MessageKey;
  vars: Record<string, string | number>;
}

type Parser = (message: string, alarm: AlarmView, i18n: Labels) => Parsed | null;

const MINE_STATUS_KEYS: Readonly<Record<string, MessageKey>> = {
  construction: 'status.construction',
  producing: 'status.producing',
  suspended: 'status.suspended',
  resumption_review: 'status.resumption_review',
  closing: 'status.closing',
  closed: 'status.closed',
};

function mineStatus(word: string | undefined, i18n: Labels): string {
  const key = word === undefined ? undefined : MINE_STATUS_KEYS[word];
  return key === undefined ? (word ?? '') : i18n.t(key);
}

function num(text: string | undefined, i18n: Labels): string {
  const n = Number(text);
  return text === undefined || !Number.isFinite(n) ? (text ?? '') : formatValue(n, i18n.lang);
}

/** "Over the limit at 1302回风巷 (031A01): 1.2 %." and its siblings. */
function pointValue(prefix: string, key: MessageKey): Parser {
  const re = new RegExp(`^${prefix} at (.+) \\(([^()]+)\\): (\\S+) ?(.*?)\\.$`);
  return (message, _alarm, i18n) => {
    const m = re.exec(message);
    if (m === null) return null;
    return {
      key,
      vars: { location: m[1] ?? '', point: m[2] ?? '', value: num(m[3], i18n), unit: m[4] ?? '' },
    };
  };
}

const PARSERS: Readonly<Record<string, Parser>> = {
  people_in_stopped_mine: (message, _alarm, i18n): Parsed | null => {
    const crew =
      /^(\d+) people underground in a (\w+) mine, (\d+) beyond the approved ([\w+]+) of (\w+), (\d+) outside its areas(?: \((.*)\))?\.$/.exec(
        message,
      );
    if (crew !== null) {
      const kinds = (crew[4] ?? '')
        .split('+')
        .map((k) => {
          const key = `stopped.kind.${k}`;
          return i18n.has(key) ? i18n.t(key) : k;
        })
        .join(' + ');
      return {
        key: 'alarmText.people_beyond_crew',
        vars: {
          n: crew[1] ?? '',
          status: mineStatus(crew[2], i18n),
          beyond: crew[3] ?? '',
          kinds,
          allowed: crew[5] ?? '',
          outside: crew[6] ?? '',
          names: crew[7] ?? '—',
        },
      };
    }
    const m = /^(\d+) people underground in a (\w+) mine \((.*)\)\.$/.exec(message);
    if (m === null) return null;
    return {
      key: 'alarmText.people_in_stopped_mine',
      vars: { n: m[1] ?? '', status: mineStatus(m[2], i18n), names: m[3] ?? '' },
    };
  },
  activity_in_stopped_mine: (message, _alarm, i18n): Parsed | null => {
    const data = /^Monitoring data from a (\w+) mine \(point (.+)\)\.$/.exec(message);
    if (data !== null)
      return {
        key: 'alarmText.activity_in_stopped_mine.data',
        vars: { status: mineStatus(data[1], i18n), point: data[2] ?? '' },
      };
    const power = /^Power on \/ equipment running in a (\w+) mine: (.+) \(([^()]+)\)\.$/.exec(message);
    if (power !== null)
      return {
        key: 'alarmText.activity_in_stopped_mine.power',
        vars: { status: mineStatus(power[1], i18n), location: power[2] ?? '', point: power[3] ?? '' },
      };
    return null;
  },
  power_cut_level: pointValue('Power-cut level reached', 'alarmText.power_cut_level'),
  stop_work_level: pointValue('Stop-work temperature', 'alarmText.stop_work_level'),
  over_limit: pointValue('Over the limit', 'alarmText.over_limit'),
  low_limit: pointValue('Below the limit', 'alarmText.low_limit'),
  pre_alarm: pointValue('Approaching the limit', 'alarmText.pre_alarm'),
  sensor_fault: (message) => {
    const m = /^Sensor fault reported by (.+) \(([^()]+)\)\.$/.exec(message);
    return m === null
      ? null
      : { key: 'alarmText.sensor_fault', vars: { location: m[1] ?? '', point: m[2] ?? '' } };
  },
  smoke: (message) => {
    const m = /^Smoke detected at (.+)\.$/.exec(message);
    return m === null ? null : { key: 'alarmText.smoke', vars: { location: m[1] ?? '' } };
  },
  belt_protection: (message) => {
    const m = /^Belt protection tripped or failed: (.+)\.$/.exec(message);
    return m === null ? null : { key: 'alarmText.belt_protection', vars: { location: m[1] ?? '' } };
  },
  co_rising: (message, _alarm, i18n) => {
    const m = /^CO rising at (.+): (\S+) ppm, \+(\S+) ppm\/h/.exec(message);
    if (m === null) return null;
    return {
      key: 'alarmText.co_rising',
      vars: { location: m[1] ?? '', value: num(m[2], i18n), slope: num(m[3], i18n) },
    };
  },
  point_silent: (message) => {
    const m = /^No data from (.+) \(([^()]+)\) for (\d+) min\.$/.exec(message);
    if (m === null) return null;
    return {
      key: 'alarmText.point_silent',
      vars: { location: m[1] ?? '', point: m[2] ?? '', min: m[3] ?? '' },
    };
  },
  gas_control_lacking: (message, _alarm, i18n): Parsed | null => {
    const m =
      /^A (\w+)-gas mine without gas-control capability is (\w+) with (\d+) people underground beyond its watch crew\.$/.exec(
        message,
      );
    if (m === null) return null;
    const gas = `gas.${m[1] ?? ''}`;
    return {
      key: 'alarmText.gas_control_lacking',
      vars: {
        gas: i18n.has(gas) ? i18n.t(gas) : (m[1] ?? ''),
        status: mineStatus(m[2], i18n),
        n: m[3] ?? '',
      },
    };
  },
  mine_data_stopped: (message, _alarm, i18n): Parsed | null => {
    const stopped =
      /^The (\w+) mine .* must keep monitoring online and has sent no monitoring data for (\d+) min\.$/.exec(
        message,
      );
    if (stopped !== null)
      return {
        key: 'alarmText.mine_data_stopped.stopped',
        vars: { status: mineStatus(stopped[1], i18n), min: stopped[2] ?? '' },
      };
    const m = /has sent no monitoring data for (\d+) min\.$/.exec(message);
    return m === null ? null : { key: 'alarmText.mine_data_stopped', vars: { min: m[1] ?? '' } };
  },
  headcount_over_limit: (message) => {
    const m = /^(\d+) people underground; the approved maximum is (\d+)\.$/.exec(message);
    return m === null
      ? null
      : { key: 'alarmText.headcount_over_limit', vars: { n: m[1] ?? '', max: m[2] ?? '' } };
  },
  area_over_limit: (message) => {
    const m = /^(\d+) people in (.+); approved (\d+)\.$/.exec(message);
    if (m === null) return null;
    return {
      key: 'alarmText.area_over_limit',
      vars: { n: m[1] ?? '', area: m[2] ?? '', approved: m[3] ?? '' },
    };
  },
  restricted_area: (message) => {
    const m = /^(\d+) people in the restricted area (.+)\.$/.exec(message);
    return m === null
      ? null
      : { key: 'alarmText.restricted_area', vars: { n: m[1] ?? '', area: m[2] ?? '' } };
  },
  overtime_underground: (message, _alarm, i18n) => {
    const m = /^(\d+) people underground for more than (\S+) h\.$/.exec(message);
    return m === null
      ? null
      : { key: 'alarmText.overtime_underground', vars: { n: m[1] ?? '', hours: num(m[2], i18n) } };
  },
  suspected_tampering: (message) => {
    const m = /^All (\d+) points carry the same time/.exec(message);
    return m === null ? null : { key: 'alarmText.suspected_tampering', vars: { n: m[1] ?? '' } };
  },
};

/**
 * What the alarm says, in the UI's language. The server generates English; in Chinese the text is
 * rebuilt from the rule and the facts in the message (location, point, value), or, when the message
 * has a shape this client does not know, from rule, subject and value.
 */
export function alarmText(alarm: AlarmView, i18n: Labels): string {
  if (i18n.lang === 'en' && alarm.message !== '') return alarm.message;
  const parsed = PARSERS[alarm.rule]?.(alarm.message, alarm, i18n) ?? null;
  if (parsed !== null) return i18n.t(parsed.key, parsed.vars);
  const parts = [ruleLabel(alarm.rule, i18n)];
  if (alarm.subject !== '') parts.push(alarm.subject);
  if (alarm.value !== null) parts.push(formatValue(alarm.value, i18n.lang));
  return parts.join(' · ');
}

/** A history event's label: escalations by level, transitions by what caused them. */
export function eventLabel(
  event: { kind: string; cause: string; fromState: string | null; escalationLevel: number | null },
  i18n: Pick<I18n, 't' | 'has'>,
): string {
  if (event.kind === 'escalate' || event.cause === 'escalate')
    return i18n.t('alarmEvent.escalate', { level: event.escalationLevel ?? '?' });
  // The clock ends a shelve: the engine's periodic tick moves the alarm out of `shelved`.
  if (event.cause === 'tick' && event.fromState === 'shelved') return i18n.t('alarmEvent.shelve_expired');
  for (const code of [event.cause, event.kind]) {
    const key = `alarmEvent.${code.replace(/-/g, '_')}`;
    if (i18n.has(key)) return i18n.t(key);
  }
  return event.cause || event.kind;
}

const FINDING_RE =
  /^(upper|lower) (alarm|power-cut|restore) threshold (?:not set; the regulation requires (\S+) (\S+)|(\S+) (\S+) is laxer than the regulation's (\S+) (\S+))$/;

/** A mine-setting finding (English from the server) in the UI's language, where its shape is known. */
export function findingText(finding: string, i18n: Labels): string {
  if (i18n.lang === 'en') return finding;
  const m = FINDING_RE.exec(finding.trim());
  if (m === null) {
    const unit = /^unit "(.*)" cannot be compared with the regulation's (\S+)$/.exec(finding.trim());
    if (unit !== null) return i18n.t('finding.unit', { unit: unit[1] ?? '', regUnit: unit[2] ?? '' });
    const release = /^(upper|lower) alarm release (\S+) lies beyond the alarm threshold (\S+)/.exec(finding);
    if (release !== null)
      return i18n.t('finding.release', {
        side: i18n.t(release[1] === 'upper' ? 'finding.upper' : 'finding.lower'),
        release: num(release[2], i18n),
        alarm: num(release[3], i18n),
      });
    return finding;
  }
  const side = i18n.t(m[1] === 'upper' ? 'finding.upper' : 'finding.lower');
  const what = i18n.t(
    m[2] === 'alarm' ? 'finding.alarm' : m[2] === 'power-cut' ? 'finding.powerCut' : 'finding.restore',
  );
  if (m[3] !== undefined)
    return i18n.t('finding.notSet', { side, what, regulation: num(m[3], i18n), unit: m[4] ?? '' });
  return i18n.t('finding.laxer', {
    side,
    what,
    mine: num(m[5], i18n),
    unit: m[6] ?? '',
    regulation: num(m[7], i18n),
  });
}
