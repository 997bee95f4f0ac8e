/**
 * The supervision pages' labels, zh-CN and English; spread into the main dictionaries. Keys start with
 * `supervision.`.
 */
export const supervisionZh = {
  'nav.supervision': '包保督导',
} as const;

export const supervisionEn: Record<keyof typeof supervisionZh, string> = {
  'nav.supervision': 'Supervision',
};
