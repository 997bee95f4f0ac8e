/**
 * The hazards pages' labels, zh-CN and English; spread into the main dictionaries. Keys start with
 * `hazards.`.
 */
export const hazardsZh = {
  'nav.hazards': '隐患排查',
} as const;

export const hazardsEn: Record<keyof typeof hazardsZh, string> = {
  'nav.hazards': 'Hazards',
};
