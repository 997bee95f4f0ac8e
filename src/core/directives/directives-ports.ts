/** What the directives module needs from storage (implemented in src/storage/stores/directives-store.ts). */
export type DirectiveStore = Record<never, never>;
