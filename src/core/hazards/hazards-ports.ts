/** What the hazards module needs from storage (implemented in src/storage/stores/hazards-store.ts). */
export type HazardStore = Record<never, never>;
