import type { NatsConnection } from '@nats-io/transport-node';
import { DomainError, notFound, unavailable, type DomainErrorKind } from '../core/errors.ts';
import type { AlarmRecord } from '../core/monitoring/engine/engine-types.ts';
import type { MonitoringCommands } from '../monitoring/monitoring-view.ts';
import { decodeJson, encodeJson } from './codec.ts';
import type { JetStreamSink } from './jetstream-sink.ts';
import type { MineDirectory } from './mine-directory.ts';
import { partitionOf, type ClusterNames } from './subjects.ts';
import type { ActCommand, CommandReply } from './worker.ts';

/**
 * Operator commands from a stateless API server to the worker that owns the mine. An alarm action is
 * a request/reply on the partition's command subject (the answer is the stored alarm); a mine refresh
 * goes through the stream, in order with the mine's data, so it cannot be lost while partitions move.
 */
export class NatsCommands implements MonitoringCommands {
  readonly #nc: NatsConnection;
  readonly #names: ClusterNames;
  readonly #directory: MineDirectory;
  readonly #sink: JetStreamSink;

  constructor(deps: {
    nc: NatsConnection;
    names: ClusterNames;
    directory: MineDirectory;
    sink: JetStreamSink;
  }) {
    this.#nc = deps.nc;
    this.#names = deps.names;
    this.#directory = deps.directory;
    this.#sink = deps.sink;
  }

  async act(input: Omit<ActCommand, 'op'>): Promise<AlarmRecord> {
    const mine = this.#directory.byId(input.mineId);
    if (!mine) throw notFound('ALARM_NOT_FOUND', `No alarm "${input.alarmId}" in your scope.`);
    const subject = this.#names.command(partitionOf(mine.code, this.#names.partitions));
    let reply: CommandReply;
    try {
      const msg = await this.#nc.request(subject, encodeJson({ op: 'act', ...input } satisfies ActCommand), {
        timeout: 10_000,
      });
      reply = decodeJson<CommandReply>(msg.data);
    } catch (e) {
      const noOwner = /no responders|503/i.test(e instanceof Error ? `${e.name} ${e.message}` : String(e));
      throw unavailable(
        'MONITORING_OWNER_UNAVAILABLE',
        noOwner
          ? 'No monitoring worker owns this mine right now (its partition is moving); try again in a few seconds.'
          : 'The monitoring worker for this mine did not answer in time; try again in a few seconds.',
      );
    }
    if (reply.ok) return reply.alarm as AlarmRecord;
    if (reply.error.kind === 'internal') throw new Error(reply.error.message);
    throw new DomainError(reply.error.kind as DomainErrorKind, reply.error.code, reply.error.message);
  }

  async refreshMine(mineId: string): Promise<void> {
    // A mine registered since the directory's last look is fetched; a known one needs no reload.
    if (!this.#directory.byId(mineId)) await this.#directory.refresh();
    const mine = this.#directory.byId(mineId);
    if (mine) await this.#sink.refreshMine(mine);
  }
}
