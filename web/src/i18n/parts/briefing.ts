/**
 * The briefing pages' labels, zh-CN and English; spread into the main dictionaries. Keys start with
 * `briefing.`.
 */
export const briefingZh = {
  'nav.briefing': '简报与风险',
} as const;

export const briefingEn: Record<keyof typeof briefingZh, string> = {
  'nav.briefing': 'Briefing & risk',
};
