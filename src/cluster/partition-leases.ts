import pg from 'pg';

/** Advisory-lock key spaces (the first of the two int4 keys): "RDLW" for workers, "RDLP" for partitions. */
const WORKER_SPACE = 0x52444c57;
const PARTITION_SPACE = 0x52444c50;

/**
 * Who works, and who owns which partition, kept as PostgreSQL session advisory locks on one dedicated
 * connection per worker. A worker that dies — kill -9 included — loses its connection, and PostgreSQL
 * releases its locks at once: the others see the partitions free on their next look, with no lease
 * timeout to wait out. (A worker whose lock connection breaks stops itself: it may no longer own
 * anything.)
 */
export class PartitionLeases {
  readonly #client: pg.Client;
  readonly #workerKey: number;

  private constructor(client: pg.Client, workerKey: number) {
    this.#client = client;
    this.#workerKey = workerKey;
  }

  static async open(url: string, onLost: (e: Error) => void): Promise<PartitionLeases> {
    const client = new pg.Client({ connectionString: url, application_name: 'redline-worker-leases' });
    client.on('error', onLost);
    client.on('end', () => onLost(new Error('the lease connection to PostgreSQL ended')));
    await client.connect();
    // A random key per process; a collision would only make one worker wait for the other's exit.
    for (;;) {
      const key = (Math.random() * 0x7fffffff) | 0;
      const r = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', [
        WORKER_SPACE,
        key,
      ]);
      if (r.rows[0]?.ok) return new PartitionLeases(client, key);
    }
  }

  get workerKey(): number {
    return this.#workerKey;
  }

  /** Workers alive now (each holds its worker lock while its connection lives). */
  async liveWorkers(): Promise<number> {
    const r = await this.#client.query<{ n: string }>(
      `select count(*) as n from pg_locks
        where locktype = 'advisory' and classid = $1::int::oid and objsubid = 2 and granted`,
      [WORKER_SPACE],
    );
    return Number(r.rows[0]?.n ?? 0);
  }

  /** Partitions some worker holds now (this one's included). */
  async heldPartitions(): Promise<Set<number>> {
    const r = await this.#client.query<{ p: number }>(
      `select objid::int as p from pg_locks
        where locktype = 'advisory' and classid = $1::int::oid and objsubid = 2 and granted`,
      [PARTITION_SPACE],
    );
    return new Set(r.rows.map((x) => x.p));
  }

  async tryAcquire(partition: number): Promise<boolean> {
    const r = await this.#client.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', [
      PARTITION_SPACE,
      partition,
    ]);
    return r.rows[0]?.ok === true;
  }

  async release(partition: number): Promise<void> {
    await this.#client.query('select pg_advisory_unlock($1, $2)', [PARTITION_SPACE, partition]);
  }

  async close(): Promise<void> {
    this.#client.removeAllListeners('end');
    this.#client.removeAllListeners('error');
    this.#client.on('error', () => undefined);
    await this.#client.end().catch(() => undefined);
  }
}
