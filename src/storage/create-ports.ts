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

export function createStores(db: Kysely<Database>): Stores {
  return {
    regions: createRegionStore(db),
    enterprises: createEnterpriseStore(db),
    mines: createMineStore(db),
    statusChanges: createMineStatusChangeStore(db),
    users: createUserStore(db),
    sessions: createSessionStore(db),
    tokens: createApiTokenStore(db),
    audit: createAuditStore(db),
    securityLog: createSecurityLogStore(db),
    monitoring: createMonitoringStore(db),
    hazards: createHazardStore(db),
    orders: createOrderStore(db),
    supervision: createSupervisionStore(db),
    directives: createDirectiveStore(db),
    expertise: createExpertiseStore(db),
    closure: createClosureStore(db),
    accidents: createAccidentStore(db),
    briefing: createBriefingStore(db),
    stopped: createStoppedStore(db),
    notificationReads: createNotificationReadStore(db),
  };
}

export function createPorts(db: Kysely<Database>, clock: Clock, ids: Ids): Ports {
  return {
    ...createStores(db),
    clock,
    ids,
    transaction: async (work) => {
      const effects: Array<() => Promise<void>> = [];
      const afterCommit = (effect: () => Promise<void>) => void effects.push(effect);
      const result = await db.transaction().execute((trx) => work({ ...createStores(trx), afterCommit }));
      for (const effect of effects) await effect();
      return result;
    },
  };
}
