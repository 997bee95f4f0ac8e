/** What the accidents module needs from storage (implemented in src/storage/stores/accidents-store.ts). */
export type AccidentStore = Record<never, never>;
