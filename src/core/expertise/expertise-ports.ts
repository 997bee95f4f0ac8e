/** What the expertise module needs from storage (implemented in src/storage/stores/expertise-store.ts). */
export type ExpertiseStore = Record<never, never>;
