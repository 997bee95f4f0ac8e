import pg from 'pg';
import type { Leadership } from '../platform/job-runner.ts';
import type { Logger } from '../platform/logger.ts';

const SCHEDULER_LOCK = 0x52444c4a; // "RDLJ"

/**
 * The distributed mode's leadership for the periodic jobs (src/jobs/periodic-jobs.ts): exactly one
 * gateway or API server leads at a time, the one holding a PostgreSQL advisory lock on its own
 * connection. Should it die, its lock vanishes with the connection and another takes it within
 * `retryMs` and carries on (each job is idempotent).
 */
export function advisoryLockLeadership(deps: {
  databaseUrl: string;
  log: Pick<Logger, 'warn'>;
  retryMs?: number;
}): Leadership {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  return {
    start(lead, follow) {
      const tryLead = async () => {
        if (closed || client) return;
        const c = new pg.Client({
          connectionString: deps.databaseUrl,
          application_name: 'redline-scheduler',
        });
        c.on('error', () => undefined);
        try {
          await c.connect();
          const r = await c.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [SCHEDULER_LOCK]);
          if (r.rows[0]?.ok && !closed) {
            client = c;
            c.on('end', () => {
              // Lost the lock with the connection: stop, and try to lead again later.
              client = null;
              follow();
            });
            lead();
          } else await c.end();
        } catch (e) {
          deps.log.warn({ event: 'scheduler.lock-failed', error: String(e) });
          await c.end().catch(() => undefined);
        }
      };
      void tryLead();
      retry = setInterval(() => void tryLead(), deps.retryMs ?? 10_000);
      retry.unref();
    },
    async close() {
      closed = true;
      if (retry) clearInterval(retry);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners('end');
        await c.end().catch(() => undefined);
      }
    },
  };
}
