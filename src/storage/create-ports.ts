import type { Kysely } from 'kysely';
import type { Clock, Ids, Ports, Stores } from '../core/ports.ts';
import type { Database } from './schema.ts';
import { createSecurityLogStore } from './stores/security-log-store.ts';
import { createAuditStore } from './stores/audit-store.ts';
import { createMineStore } from './stores/mine-store.ts';
import { createMonitoringStore } from './stores/monitoring-store.ts';
import { createHazardStore } from './stores/hazards-store.ts';
import { createOrderStore } from './stores/orders-store.ts';
import { createSupervisionStore } from './stores/supervision-store.ts';
import { createDirectiveStore } from './stores/directives-store.ts';
import { createExpertiseStore } from './stores/expertise-store.ts';
import { createClosureStore } from './stores/closure-store.ts';
import { createAccidentStore } from './stores/accidents-store.ts';
import { createBriefingStore } from './stores/briefing-store.ts';
import { createStoppedStore } from './stores/stopped-store.ts';
import { createNotificationReadStore } from './stores/notification-read-store.ts';
import { createEnterpriseStore, createRegionStore } from './stores/region-store.ts';
import {
  createApiTokenStore,
  createMineStatusChangeStore,
  createSessionStore,
  createUserStore,
} from './stores/user-store.ts';

/** How each store is made over a connection or a transaction. */
const STORE_FACTORIES: { [K in keyof Stores]: (db: Kysely<Database>) => Stores[K] } = {
  regions: createRegionStore,
  enterprises: createEnterpriseStore,
  mines: createMineStore,
  statusChanges: createMineStatusChangeStore,
  users: createUserStore,
  sessions: createSessionStore,
  tokens: createApiTokenStore,
  audit: createAuditStore,
  securityLog: createSecurityLogStore,
  monitoring: createMonitoringStore,
  hazards: createHazardStore,
  orders: createOrderStore,
  supervision: createSupervisionStore,
  directives: createDirectiveStore,
  expertise: createExpertiseStore,
  closure: createClosureStore,
  accidents: createAccidentStore,
  briefing: createBriefingStore,
  stopped: createStoppedStore,
  notificationReads: createNotificationReadStore,
};

/** The named stores, bound to `db` (a connection or a transaction). */
export function bindStores<K extends keyof Stores>(
  db: Kysely<Database>,
  names: readonly K[],
): Pick<Stores, K> {
  const stores: Partial<Pick<Stores, K>> = {};
  for (const name of names) stores[name] = STORE_FACTORIES[name](db);
  return stores as Pick<Stores, K>;
}

export function createStores(db: Kysely<Database>): Stores {
  return bindStores(db, Object.keys(STORE_FACTORIES) as Array<keyof Stores>);
}

export function createPorts(db: Kysely<Database>, clock: Clock, ids: Ids): Ports {
  return {
    ...createStores(db),
    clock,
    ids,
    transaction: async (names, work) => {
      const effects: Array<() => Promise<void>> = [];
      const afterCommit = (effect: () => Promise<void>) => void effects.push(effect);
      const result = await db
        .transaction()
        .execute((trx) => work({ ...bindStores(trx, names), afterCommit }));
      for (const effect of effects) await effect();
      return result;
    },
  };
}
