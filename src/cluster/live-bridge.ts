import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { LiveEvent, LiveHub } from '../monitoring/live-hub.ts';
import { decodeJson, encodeJson } from './codec.ts';
import type { ClusterNames } from './subjects.ts';

/** How long a mine counts as watched after an API server last said so. */
const WATCH_TTL_MS = 6_000;
const ANNOUNCE_EVERY_MS = 2_000;

/**
 * The worker's side of the live feed: what the runtime would give an in-process hub goes to NATS.
 * Readings are collected only for mines some API server's user is watching (they announce them).
 */
export class LiveOut {
  readonly #nc: NatsConnection;
  readonly #names: ClusterNames;
  readonly #watched = new Map<string, number>();
  readonly #sub: Subscription;

  constructor(nc: NatsConnection, names: ClusterNames) {
    this.#nc = nc;
    this.#names = names;
    this.#sub = nc.subscribe(names.liveWatching, {
      callback: (err, msg) => {
        if (err) return;
        const until = Date.now() + WATCH_TTL_MS;
        for (const id of decodeJson<string[]>(msg.data)) this.#watched.set(id, until);
      },
    });
  }

  isWatched(mineId: string): boolean {
    const until = this.#watched.get(mineId);
    if (until === undefined) return false;
    if (until < Date.now()) {
      this.#watched.delete(mineId);
      return false;
    }
    return true;
  }

  publish(e: LiveEvent): void {
    this.#nc.publish(this.#names.live, encodeJson(e));
  }

  close(): void {
    this.#sub.unsubscribe();
  }
}

/** The API server's side: live events from every worker into the local hub, and what is watched back out. */
export function startLiveIn(nc: NatsConnection, names: ClusterNames, hub: LiveHub): { close(): void } {
  const sub = nc.subscribe(names.live, {
    callback: (err, msg) => {
      if (!err) hub.publish(decodeJson<LiveEvent>(msg.data));
    },
  });
  const announce = () => {
    const mines = hub.watchedMines();
    if (mines.length > 0) nc.publish(names.liveWatching, encodeJson(mines));
  };
  const timer = setInterval(announce, ANNOUNCE_EVERY_MS);
  timer.unref();
  return {
    close() {
      clearInterval(timer);
      sub.unsubscribe();
    },
  };
}
