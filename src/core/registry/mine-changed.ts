import type { Ports, TxContext } from '../ports.ts';

/**
 * Announces through the `mineChanged` port that a mine's status or facts changed — once the
 * transaction of `tx` commits, so a change rolled back is never announced and monitoring re-reads the
 * committed mine. A use case that calls `changeMineStatus` inside its own transaction needs no call of
 * its own: the announcement waits for that outer transaction.
 */
export function announceMineChanged(deps: Pick<Ports, 'mineChanged'>, tx: TxContext, mineId: string): void {
  const mineChanged = deps.mineChanged;
  if (!mineChanged) return;
  tx.afterCommit(() => mineChanged(mineId));
}
