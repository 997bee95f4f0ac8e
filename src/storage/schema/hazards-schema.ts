/** Kysely table types of the hazards module. */
export type HazardsDatabase = Record<never, never>;
