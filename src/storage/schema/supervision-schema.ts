/** Kysely table types of the supervision module. */
export type SupervisionDatabase = Record<never, never>;
