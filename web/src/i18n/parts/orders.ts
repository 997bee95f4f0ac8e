/**
 * The orders pages' labels, zh-CN and English; spread into the main dictionaries. Keys start with
 * `orders.`.
 */
export const ordersZh = {
  'nav.orders': '指令与复产',
} as const;

export const ordersEn: Record<keyof typeof ordersZh, string> = {
  'nav.orders': 'Orders & resumption',
};
