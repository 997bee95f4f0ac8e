import type { I18n, Lang, MessageKey } from '../i18n/i18n-context.tsx';
import { cstStamp } from '../format.ts';

const valueFormats = new Map<Lang, Intl.NumberFormat>();

/** A measured value: up to two decimals (0.25 %CH4, 18 ppm), grouped. */
export function formatValue(value: number, lang: Lang): string {
  let format = valueFormats.get(lang);
  if (format === undefined) {
    format = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    valueFormats.set(lang, format);
  }
  return format.format(value);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYY-MM-DD HH:mm:ss` in China Standard Time (alarm history is read to the second). */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  return cstStamp(ms);
}

/** `HH:mm:ss` today, `MM-DD HH:mm` on other days (China Standard Time): dense enough for a console column. */
export function formatShortMs(ms: number | null, now: number = Date.now()): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const stamp = cstStamp(ms);
  if (stamp.slice(0, 10) === cstStamp(now).slice(0, 10)) return stamp.slice(11, 19);
  return stamp.slice(5, 16);
}

/** A span as `2 h 05 min` / `2小时05分`, `45 s` below a minute. */
export function formatDuration(ms: number, t: I18n['t']): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return t('dur.s', { s });
  const m = Math.floor(s / 60);
  if (m < 60) return t('dur.m', { m });
  const h = Math.floor(m / 60);
  if (h < 48) return t('dur.hm', { h, m: pad(m % 60) });
  return t('dur.dh', { d: Math.floor(h / 24), h: h % 24 });
}

/** English names of the sensor types Redline knows (the API sends Chinese ones). */
const SENSOR_TYPE_EN: Readonly<Record<string, string>> = {
  '0001': 'Methane',
  '0002': 'Wind speed',
  '0003': 'Temperature',
  '0004': 'Carbon monoxide',
  '0005': 'Air pressure',
  '0006': 'Negative pressure',
  '0009': 'Hydrogen sulphide',
  '0011': 'High/low-range methane',
  '0012': 'Oxygen',
  '0013': 'Carbon dioxide',
  '0014': 'Dust',
  '0041': 'Nitrogen dioxide',
  '0042': 'Sulphur dioxide',
  '0043': 'Laser methane',
  '0044': 'Ammonia',
  '1001': 'Local fan',
  '1002': 'Air door',
  '1003': 'Duct',
  '1004': 'Equipment on/off',
  '1008': 'Smoke',
  '1009': 'Power-cut relay',
  '1010': 'Main fan',
  '1011': 'Feed sensor',
  '4001': 'Substation',
  '4002': 'Power supply',
};

/** A sensor type's name in the UI's language (English falls back to the Chinese name, then the code). */
export function sensorTypeLabel(point: { sensorType: string; sensorTypeName: string }, lang: Lang): string {
  if (lang === 'en') return SENSOR_TYPE_EN[point.sensorType] ?? (point.sensorTypeName || point.sensorType);
  return point.sensorTypeName || point.sensorType;
}

export const METHANE_TYPES: ReadonlySet<string> = new Set(['0001', '0011', '0043']);
export const CO_TYPE = '0004';

/** 测点状态 bits of the national upload format, lowest first. */
const STATUS_BITS: ReadonlyArray<readonly [number, MessageKey]> = [
  [1, 'pointStatus.alarm'],
  [2, 'pointStatus.powerCut'],
  [4, 'pointStatus.calibrating'],
  [8, 'pointStatus.overRange'],
  [16, 'pointStatus.substationFault'],
  [32, 'pointStatus.notPolled'],
  [64, 'pointStatus.paused'],
  [128, 'pointStatus.sensorFault'],
];

export type StatusTone = 'ok' | 'alarm' | 'cut' | 'fault' | 'none';

/** The status flags set in a point's last status, as labels, and how serious the worst one is. */
export function describeStatus(bits: number | null, t: I18n['t']): { labels: string[]; tone: StatusTone } {
  if (bits === null) return { labels: [], tone: 'none' };
  const labels = STATUS_BITS.filter(([bit]) => (bits & bit) !== 0).map(([, key]) => t(key));
  const tone: StatusTone =
    (bits & 2) !== 0 ? 'cut' : (bits & 1) !== 0 ? 'alarm' : (bits & (8 | 16 | 128)) !== 0 ? 'fault' : 'ok';
  return { labels, tone };
}
