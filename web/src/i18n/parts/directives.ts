/**
 * The directives pages' labels, zh-CN and English; spread into the main dictionaries. Keys start with
 * `directives.`.
 */
export const directivesZh = {
  'nav.directives': '通知与回执',
} as const;

export const directivesEn: Record<keyof typeof directivesZh, string> = {
  'nav.directives': 'Directives',
};
