import type { I18n, MessageKey } from '../i18n/i18n-context.tsx';

/** The personnel-positioning area types of the national upload format, as the files word them. */
const AREA_TYPES: ReadonlyArray<[RegExp, MessageKey]> = [
  [/重点/, 'areaType.key'],
  [/限制/, 'areaType.restricted'],
  [/其它|其他/, 'areaType.other'],
];

/** An area type in the page's language; a type the format does not name is shown as the file has it. */
export function areaTypeLabel(areaType: string, i18n: Pick<I18n, 't'>): string {
  const known = AREA_TYPES.find(([pattern]) => pattern.test(areaType));
  return known === undefined ? areaType : i18n.t(known[1]);
}
