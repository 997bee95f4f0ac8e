/** Kysely table types of the orders module. */
export type OrdersDatabase = Record<never, never>;
