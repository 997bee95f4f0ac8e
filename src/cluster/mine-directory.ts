import type { MineStore } from '../core/ports.ts';
import type { SinkMine } from '../monitoring/monitoring-sink.ts';

/**
 * The registry's mines by code and by id, as the stateless processes (gateway, API servers) need them
 * to route a message to its partition. Re-read every few seconds: a mine registered a moment ago is
 * refused as unknown for at most that long, and a status change never matters here (workers re-read
 * the mine themselves).
 */
export class MineDirectory {
  readonly #mines: Pick<MineStore, 'search'>;
  #byCode = new Map<string, SinkMine>();
  #byId = new Map<string, SinkMine>();
  #timer: NodeJS.Timeout | null = null;

  constructor(mines: Pick<MineStore, 'search'>) {
    this.#mines = mines;
  }

  async start(refreshMs = 5_000): Promise<void> {
    await this.refresh();
    this.#timer = setInterval(() => {
      this.refresh().catch((e: unknown) => console.error('mine directory refresh failed:', e));
    }, refreshMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  async refresh(): Promise<void> {
    const { items } = await this.#mines.search(
      {},
      { offset: 0, limit: 10_000_000, sort: 'code', desc: false },
    );
    const byCode = new Map<string, SinkMine>();
    const byId = new Map<string, SinkMine>();
    for (const m of items) {
      const mine = { id: m.id, code: m.code, regionPath: m.regionPath };
      byCode.set(m.code, mine);
      byId.set(m.id, mine);
    }
    this.#byCode = byCode;
    this.#byId = byId;
  }

  byCode(code: string): SinkMine | undefined {
    return this.#byCode.get(code);
  }

  byId(id: string): SinkMine | undefined {
    return this.#byId.get(id);
  }
}
