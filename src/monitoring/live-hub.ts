import type { AlarmView } from '../core/monitoring/monitoring-ports.ts';

/** What the live feed carries. Each event names its mine and the mine's region path, for scope filtering. */
export type LiveEvent =
  | { kind: 'alarm'; mineId: string; regionPath: string; alarm: AlarmView }
  | {
      kind: 'readings';
      mineId: string;
      regionPath: string;
      points: Array<{ id: number; t: number; v: number; s: number }>;
    }
  | {
      kind: 'personnel';
      mineId: string;
      regionPath: string;
      underground: number;
      areas: Array<{
        areaCode: string;
        areaName: string;
        areaType: string;
        approved: number | null;
        count: number;
      }>;
    }
  /**
   * Something for the notification bell changed under `regionPath` (a directive issued): a hint without
   * content, sent to every session whose scope overlaps the path, which then re-reads its bell.
   */
  | { kind: 'notifications'; mineId: null; regionPath: string };

export interface LiveSubscription {
  /** Only events of this mine's readings/personnel are wanted (alarms always come). */
  mineId: string | null;
  deliver(e: LiveEvent): void;
}

/**
 * In-process fan-out of live events to the SSE connections. (In the distributed mode the same events
 * come through NATS; the hub is then fed by a subscriber instead of the runtime.)
 */
export class LiveHub {
  readonly #subs = new Set<LiveSubscription>();
  readonly #mineWatchers = new Map<string, number>();

  subscribe(sub: LiveSubscription): () => void {
    this.#subs.add(sub);
    if (sub.mineId !== null)
      this.#mineWatchers.set(sub.mineId, (this.#mineWatchers.get(sub.mineId) ?? 0) + 1);
    return () => {
      if (!this.#subs.delete(sub)) return;
      if (sub.mineId !== null) {
        const n = (this.#mineWatchers.get(sub.mineId) ?? 1) - 1;
        if (n <= 0) this.#mineWatchers.delete(sub.mineId);
        else this.#mineWatchers.set(sub.mineId, n);
      }
    };
  }

  /** True when someone watches this mine's readings (the runtime collects them only then). */
  isWatched(mineId: string): boolean {
    return this.#mineWatchers.has(mineId);
  }

  /** The mines someone watches (announced to workers in the distributed mode). */
  watchedMines(): string[] {
    return [...this.#mineWatchers.keys()];
  }

  publish(e: LiveEvent): void {
    for (const s of this.#subs) {
      if ((e.kind === 'readings' || e.kind === 'personnel') && s.mineId !== e.mineId) continue;
      try {
        s.deliver(e);
      } catch {
        // A broken connection must not stop the others; its close handler unsubscribes it.
      }
    }
  }

  get size(): number {
    return this.#subs.size;
  }
}
