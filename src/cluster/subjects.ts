/**
 * Names on the NATS side of the distributed mode, all derived from one prefix so that several clusters
 * (or test runs) can share a NATS server:
 *
 *   stream   <PREFIX>_IN                      work queue of everything the doors took
 *   subject  <prefix>.in.<partition>.<mine code>.<kind>
 *   subject  <prefix>.cmd.<partition>         operator commands, request/reply to the owning worker
 *   subject  <prefix>.live                    live events (alarms, readings of watched mines, people)
 *   subject  <prefix>.live-watching           the mines API servers' users are watching
 *
 * A mine's partition is a fixed hash of its code, so every message of a mine lands in one partition,
 * which one worker at a time consumes: that worker alone holds the mine's alarm state.
 */

export type InKind = 'readings' | 'points' | 'areas' | 'personnel' | 'mine';

const IN_KINDS: ReadonlySet<string> = new Set<InKind>(['readings', 'points', 'areas', 'personnel', 'mine']);

export interface ClusterNames {
  prefix: string;
  partitions: number;
  stream: string;
  inSubject(partition: number, mineCode: string, kind: InKind): string;
  inFilter(partition: number): string;
  consumer(partition: number): string;
  command(partition: number): string;
  live: string;
  liveWatching: string;
}

export function clusterNames(prefix: string, partitions: number): ClusterNames {
  return {
    prefix,
    partitions,
    stream: `${prefix.toUpperCase()}_IN`,
    inSubject: (p, mineCode, kind) => `${prefix}.in.${p}.${mineCode}.${kind}`,
    inFilter: (p) => `${prefix}.in.${p}.>`,
    consumer: (p) => `${prefix}_p${p}`,
    command: (p) => `${prefix}.cmd.${p}`,
    live: `${prefix}.live`,
    liveWatching: `${prefix}.live-watching`,
  };
}

/** Reads `<prefix>.in.<partition>.<mine>.<kind>`; null when the subject is not one of ours. */
export function parseInSubject(
  subject: string,
): { partition: number; mineCode: string; kind: InKind } | null {
  const parts = subject.split('.');
  if (parts.length !== 5 || parts[1] !== 'in') return null;
  const partition = Number(parts[2]);
  const kind = parts[4]!;
  if (!Number.isInteger(partition) || !IN_KINDS.has(kind)) return null;
  return { partition, mineCode: parts[3]!, kind: kind as InKind };
}

/** The partition of a mine: FNV-1a (32 bit) of its code, modulo the partition count. */
export function partitionOf(mineCode: string, partitions: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < mineCode.length; i++) {
    h ^= mineCode.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % partitions;
}
