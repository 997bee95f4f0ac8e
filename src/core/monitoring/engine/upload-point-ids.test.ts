import { describe, expect, it } from 'vitest';
import type { PointReading } from '../upload-file/safety-monitoring-records.ts';
import { UploadPointIds } from './upload-point-ids.ts';

const upload = (...codes: string[]): PointReading[] =>
  codes.map((pointCode) => ({
    pointCode,
    sensorTypeName: '',
    location: '',
    value: 0,
    unit: '',
    statusBits: 0,
    dataTimeMs: 0,
  }));

describe('UploadPointIds', () => {
  it('finds every point whatever the order of the upload, and -1 for an unknown one', () => {
    const byCode = new Map([
      ['A', 1],
      ['B', 2],
      ['C', 3],
    ]);
    const ids = new UploadPointIds();
    expect(Array.from(ids.resolve('m1', upload('A', 'B', 'C'), byCode).subarray(0, 3))).toEqual([1, 2, 3]);
    expect(Array.from(ids.resolve('m1', upload('A', 'B', 'C'), byCode).subarray(0, 3))).toEqual([1, 2, 3]);
    expect(Array.from(ids.resolve('m1', upload('C', 'X', 'A', 'B'), byCode).subarray(0, 4))).toEqual([
      3, -1, 1, 2,
    ]);
    expect(Array.from(ids.resolve('m1', upload('B'), byCode).subarray(0, 1))).toEqual([2]);
    // Another mine with the same codes has its own points.
    expect(Array.from(ids.resolve('m2', upload('A', 'B'), new Map([['A', 7]])).subarray(0, 2))).toEqual([
      7, -1,
    ]);
  });

  it('takes a point defined after an upload that named it unknown, at the same place', () => {
    const byCode = new Map([['A', 1]]);
    const ids = new UploadPointIds();
    expect(Array.from(ids.resolve('m1', upload('A', 'B'), byCode).subarray(0, 2))).toEqual([1, -1]);
    byCode.set('B', 2);
    expect(Array.from(ids.resolve('m1', upload('A', 'B'), byCode).subarray(0, 2))).toEqual([1, 2]);
  });

  it('looks a code up again once the mine is forgotten (a point installed anew)', () => {
    const byCode = new Map([['A', 1]]);
    const ids = new UploadPointIds();
    ids.resolve('m1', upload('A'), byCode);
    byCode.set('A', 5);
    ids.forget('m1');
    expect(ids.resolve('m1', upload('A'), byCode)[0]).toBe(5);
  });
});
