/** What the supervision module needs from storage (implemented in src/storage/stores/supervision-store.ts). */
export type SupervisionStore = Record<never, never>;
