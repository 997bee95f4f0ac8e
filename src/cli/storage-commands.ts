import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { storageStats } from '../storage/telemetry/block-store.ts';
import { openRuntime } from './context.ts';

/** `redline storage stats | compact`: the telemetry store's figures, and a compaction on demand. */
export function registerStorageCommands(program: Command): void {
  const storage = program.command('storage').description('The telemetry store (ADR 0005)');
  storage
    .command('stats')
    .description(
      'Readings, blocks, bytes per reading, head size and compaction lag of the telemetry store (JSON)',
    )
    .action(async () => {
      const rt = await openRuntime(loadConfig(process.env));
      try {
        const s = await storageStats(rt.database.db, rt.ports.clock.nowMs());
        console.log(JSON.stringify({ engine: rt.database.kind, ...s }, null, 2));
      } finally {
        await rt.database.close();
      }
    });
  storage
    .command('compact')
    .description('Move the closed windows of the head into blocks now (the server does it every minute)')
    .action(async () => {
      const rt = await openRuntime(loadConfig(process.env));
      try {
        console.log(JSON.stringify(await rt.ports.monitoring.compactReadings(rt.ports.clock.nowMs())));
      } finally {
        await rt.database.close();
      }
    });
}
