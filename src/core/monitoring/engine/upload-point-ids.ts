import type { PointReading } from '../upload-file/safety-monitoring-records.ts';

/**
 * The point ids of an upload's readings, by position. A gateway sends a mine's points in the same
 * order every poll, so each mine's last upload (its codes in order and their ids) answers most
 * readings by comparing the code at the same place, without hashing the fresh code strings a parser
 * made; a code elsewhere is looked up in the mine's code → id map. A code's id never changes while it
 * is known (the engine forgets a mine's upload whenever it installs one of its points).
 */
export class UploadPointIds {
  readonly #last = new Map<string, { codes: string[]; ids: Int32Array }>();
  #scratch = new Int32Array(256);

  /** `ids[i]` is the id of `readings[i]`'s point, -1 for an unknown one; valid until the next call. */
  resolve(
    mineId: string,
    readings: readonly PointReading[],
    byCode: ReadonlyMap<string, number> | undefined,
  ): Int32Array {
    const n = readings.length;
    if (this.#scratch.length < n) this.#scratch = new Int32Array(Math.max(n, 2 * this.#scratch.length));
    const ids = this.#scratch;
    const last = this.#last.get(mineId);
    const codes = last?.codes;
    const known = last?.ids;
    let changed = codes === undefined || codes.length !== n;
    for (let i = 0; i < n; i++) {
      const code = readings[i]!.pointCode;
      if (codes !== undefined && i < codes.length && codes[i] === code && known![i]! >= 0) {
        ids[i] = known![i]!;
        continue;
      }
      changed = true;
      ids[i] = byCode?.get(code) ?? -1;
    }
    if (changed) {
      this.#last.set(mineId, { codes: readings.map((r) => r.pointCode), ids: ids.slice(0, n) });
    }
    return ids;
  }

  /** Forgets a mine's last upload (one of its points was installed or changed). */
  forget(mineId: string): void {
    this.#last.delete(mineId);
  }
}
