/** What the closure module needs from storage (implemented in src/storage/stores/closure-store.ts). */
export type ClosureStore = Record<never, never>;
