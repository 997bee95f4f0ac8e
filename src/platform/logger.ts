import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The process logger (pino): one JSON object per line on stdout, `t` the time in ms since the epoch,
 * `level` by name, and an `event` naming what happened (`{ event: 'partition.acquired', … }`) — what a
 * log shipper, and the cluster test, read.
 */
export function createLogger(options: { level?: string } = {}): Logger {
  return pino({
    level: options.level ?? 'info',
    base: null,
    timestamp: () => `,"t":${Date.now()}`,
    formatters: { level: (label) => ({ level: label }) },
  });
}
