/**
 * The expertise pages' labels, zh-CN and English; spread into the main dictionaries. Keys start with
 * `expertise.`.
 */
export const expertiseZh = {
  'nav.expertise': '专家与升级',
} as const;

export const expertiseEn: Record<keyof typeof expertiseZh, string> = {
  'nav.expertise': 'Experts & upgrading',
};
