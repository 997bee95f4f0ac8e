import type { Kysely } from 'kysely';
import type { OrderStore } from '../../core/orders/orders-ports.ts';
import type { Database } from '../schema.ts';

export function createOrderStore(_db: Kysely<Database>): OrderStore {
  return {};
}
