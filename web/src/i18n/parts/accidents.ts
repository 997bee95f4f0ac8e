/**
 * The accidents pages' labels, zh-CN and English; spread into the main dictionaries. Keys start with
 * `accidents.`.
 */
export const accidentsZh = {
  'nav.accidents': '事故与问责',
} as const;

export const accidentsEn: Record<keyof typeof accidentsZh, string> = {
  'nav.accidents': 'Accidents',
};
