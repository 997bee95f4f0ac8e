/** Kysely table types of the directives module. */
export type DirectivesDatabase = Record<never, never>;
