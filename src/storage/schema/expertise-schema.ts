/** Kysely table types of the expertise module. */
export type ExpertisesDatabase = Record<never, never>;
