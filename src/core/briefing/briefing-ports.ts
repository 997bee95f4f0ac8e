/** What the briefing module needs from storage (implemented in src/storage/stores/briefing-store.ts). */
export type BriefingStore = Record<never, never>;
