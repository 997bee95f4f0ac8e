import type { Region } from './api/generated/api-schema.ts';
import type { Lang } from './i18n/i18n-context.tsx';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, maxFractionDigits: number): Intl.NumberFormat {
  const key = `${lang}:${maxFractionDigits}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(lang, { maximumFractionDigits: maxFractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

/** A count with grouping separators. */
export function formatCount(n: number, lang: Lang): string {
  return numberFormat(lang, 0).format(n);
}

/**
 * Capacity in the unit each audience reads: 万吨/年 in Chinese, kt/yr in English. Number only;
 * the unit is in the column header or added by `formatCapacity`.
 */
export function formatCapacityNumber(tPerYear: number, lang: Lang): string {
  return lang === 'zh-CN'
    ? numberFormat(lang, 1).format(tPerYear / 10_000)
    : numberFormat(lang, 0).format(tPerYear / 1_000);
}

/** Capacity with its unit; large English totals switch to Mt/yr. */
export function formatCapacity(tPerYear: number, lang: Lang): string {
  if (lang === 'zh-CN') return `${formatCapacityNumber(tPerYear, lang)} 万吨/年`;
  if (tPerYear >= 10_000_000) return `${numberFormat(lang, 1).format(tPerYear / 1_000_000)} Mt/yr`;
  return `${formatCapacityNumber(tPerYear, lang)} kt/yr`;
}

/** A share as a percentage with one decimal, or "—" when the whole is zero. */
export function formatShare(part: number, whole: number, lang: Lang): string {
  if (whole === 0) return '—';
  return new Intl.NumberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(part / whole);
}

/** China Standard Time is UTC+8 all year; every time a user sees is shown in it, whatever the browser's zone. */
const CST_OFFSET_MS = 8 * 3_600_000;

/** An instant as China Standard Time `YYYY-MM-DD HH:mm:ss` (sliced by the callers). */
export function cstStamp(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** `YYYY-MM-DD` in China Standard Time; date-only strings are shown as they are. */
export function formatDate(iso: string | null): string {
  if (iso === null || iso === '') return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return cstStamp(ms).slice(0, 10);
}

/** `YYYY-MM-DD HH:mm` in China Standard Time: unambiguous in both languages and dense in tables. */
export function formatDateTime(iso: string | null): string {
  if (iso === null || iso === '') return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return cstStamp(ms).slice(0, 16);
}

/** A `datetime-local` value read as China Standard Time (whatever the browser's zone) → ISO instant; '' stays ''. */
export function cstInputToIso(value: string): string {
  const ms = Date.parse(`${value}:00+08:00`);
  return value === '' || Number.isNaN(ms) ? '' : new Date(ms).toISOString();
}

/** An instant as a `datetime-local` value in China Standard Time (`YYYY-MM-DDTHH:mm`). */
export function cstInputValue(ms: number): string {
  return cstStamp(ms).slice(0, 16).replace(' ', 'T');
}

/** Today's date in China Standard Time as `YYYY-MM-DD`. */
export function todayIsoDate(now: Date = new Date()): string {
  return cstStamp(now.getTime()).slice(0, 10);
}

/** Whether a `YYYY-MM-DD` validity date lies before today (valid through the day itself). */
export function isDateExpired(validUntil: string | null, today: string = todayIsoDate()): boolean {
  return validUntil !== null && validUntil.slice(0, 10) < today;
}

/** `26.5912° N, 104.8302° E`, or "—" when unknown. */
export function formatCoordinates(latitude: number | null, longitude: number | null): string {
  if (latitude === null || longitude === null) return '—';
  const lat = `${Math.abs(latitude).toFixed(4)}° ${latitude >= 0 ? 'N' : 'S'}`;
  const lon = `${Math.abs(longitude).toFixed(4)}° ${longitude >= 0 ? 'E' : 'W'}`;
  return `${lat}, ${lon}`;
}

/** A region's name in the current language. */
export function regionName(region: Pick<Region, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' && region.nameEn !== '' ? region.nameEn : region.name;
}
