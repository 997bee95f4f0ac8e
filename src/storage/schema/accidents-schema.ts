/** Kysely table types of the accidents module. */
export type AccidentsDatabase = Record<never, never>;
