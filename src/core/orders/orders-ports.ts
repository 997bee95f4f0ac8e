/** What the orders module needs from storage (implemented in src/storage/stores/orders-store.ts). */
export type OrderStore = Record<never, never>;
