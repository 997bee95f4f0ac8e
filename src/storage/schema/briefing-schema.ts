/** Kysely table types of the briefing module. */
export type BriefingsDatabase = Record<never, never>;
