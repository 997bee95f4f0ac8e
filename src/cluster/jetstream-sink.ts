import type { JetStreamClient } from '@nats-io/jetstream';
import { DomainError, notFound } from '../core/errors.ts';
import type { PointDefinition } from '../core/monitoring/upload-file/point-definition-records.ts';
import type { PersonnelArea, PersonPosition } from '../core/monitoring/upload-file/personnel-records.ts';
import type { PointReading } from '../core/monitoring/upload-file/safety-monitoring-records.ts';
import type { IngestOutcome, MonitoringSink, SinkMine } from '../monitoring/monitoring-sink.ts';
import { encodeJson, encodeReadings, type PersonnelBody } from './codec.ts';
import type { MineDirectory } from './mine-directory.ts';
import { partitionOf, type ClusterNames, type InKind } from './subjects.ts';

/** Readings per stream message (keeps a message far below NATS's 1 MiB payload limit). */
const READINGS_PER_MESSAGE = 4_000;

/**
 * The gateway's sink: what a door parsed goes onto the JetStream work queue, into its mine's
 * partition, and the call resolves once JetStream has stored it (its publish acknowledgement) — the
 * moment the door may acknowledge its client. Unknown mines are refused here; everything that needs
 * the mine's points (unknown point codes, thresholds, alarms) is judged by the worker that owns the
 * mine, after the client was acknowledged.
 */
export class JetStreamSink implements MonitoringSink {
  readonly #js: JetStreamClient;
  readonly #names: ClusterNames;
  readonly #directory: MineDirectory;

  constructor(deps: { js: JetStreamClient; names: ClusterNames; directory: MineDirectory }) {
    this.#js = deps.js;
    this.#names = deps.names;
    this.#directory = deps.directory;
  }

  mineByCode(code: string): SinkMine | undefined {
    return this.#directory.byCode(code);
  }

  async #publish(mineCode: string, kind: InKind, body: Uint8Array, msgId?: string): Promise<void> {
    const subject = this.#names.inSubject(partitionOf(mineCode, this.#names.partitions), mineCode, kind);
    await this.#js.publish(subject, body, msgId ? { msgID: msgId } : {});
  }

  #known(mineCode: string): void {
    if (!this.#directory.byCode(mineCode)) {
      throw notFound('MINE_NOT_FOUND', `No mine with the code ${mineCode} is registered.`);
    }
  }

  async definePoints(mineCode: string, defs: readonly PointDefinition[]): Promise<IngestOutcome> {
    this.#known(mineCode);
    await this.#publish(mineCode, 'points', encodeJson(defs));
    return { mineCode, accepted: defs.length, rejected: [], alarmsChanged: 0 };
  }

  async defineAreas(mineCode: string, areas: readonly PersonnelArea[]): Promise<IngestOutcome> {
    this.#known(mineCode);
    await this.#publish(mineCode, 'areas', encodeJson(areas));
    return { mineCode, accepted: areas.length, rejected: [], alarmsChanged: 0 };
  }

  async ingestReadings(mineCode: string, readings: readonly PointReading[]): Promise<IngestOutcome> {
    this.#known(mineCode);
    const sends: Array<Promise<void>> = [];
    for (let i = 0; i < readings.length; i += READINGS_PER_MESSAGE) {
      sends.push(
        this.#publish(mineCode, 'readings', encodeReadings(readings.slice(i, i + READINGS_PER_MESSAGE))),
      );
    }
    await Promise.all(sends);
    return { mineCode, accepted: readings.length, rejected: [], alarmsChanged: 0 };
  }

  /** Each mine's readings go to its own subject as ingestReadings sends them; a refused mine answers its DomainError. */
  ingestReadingsMany(
    items: ReadonlyArray<{ mineCode: string; readings: readonly PointReading[] }>,
  ): Promise<Array<IngestOutcome | DomainError>> {
    return Promise.all(
      items.map((i) =>
        this.ingestReadings(i.mineCode, i.readings).catch((e: unknown) => {
          if (e instanceof DomainError) return e;
          throw e;
        }),
      ),
    );
  }

  async ingestPersonnel(
    mineCode: string,
    positions: readonly PersonPosition[],
    snapshotMs: number,
  ): Promise<IngestOutcome> {
    this.#known(mineCode);
    const body: PersonnelBody = { snapshotMs, positions: [...positions] };
    await this.#publish(mineCode, 'personnel', encodeJson(body));
    return { mineCode, accepted: positions.length, rejected: [], alarmsChanged: 0 };
  }

  /** Asks the owner of a mine to re-read it from the registry (after a status change), in order with its data. */
  async refreshMine(mine: SinkMine): Promise<void> {
    await this.#publish(mine.code, 'mine', encodeJson({ mineId: mine.id }));
  }
}
