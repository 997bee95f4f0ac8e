/** Kysely table types of the closure module. */
export type ClosuresDatabase = Record<never, never>;
