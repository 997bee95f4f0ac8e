/**
 * The closure pages' labels, zh-CN and English; spread into the main dictionaries. Keys start with
 * `closure.`.
 */
export const closureZh = {
  'nav.closure': '关闭退出',
} as const;

export const closureEn: Record<keyof typeof closureZh, string> = {
  'nav.closure': 'Closure',
};
