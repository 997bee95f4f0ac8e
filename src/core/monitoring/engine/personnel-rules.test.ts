import { describe, expect, it } from 'vitest';
import { isUnderground } from './personnel-rules.ts';
import type { InOutFlag } from '../upload-file/personnel-records.ts';
import { person } from './engine.test-helper.ts';

const T = Date.parse('2026-12-05T00:00:00Z');
const H = 3_600_000;

const record = (inOut: InOutFlag, entered: number | null, exited: number | null) =>
  person('99010200000100001', null, entered, { inOut, exitedMineAtMs: exited });

describe('who an RYSS record puts underground', () => {
  it.each<[string, InOutFlag, number | null, number | null, boolean]>([
    ['flag 1, entered, no exit', 'underground', T, null, true],
    ['flag 1 and no times at all (the flag alone is enough)', 'underground', null, null, true],
    ['flag 2 (came out) but an entry and no exit: the card reader says still below', 'out', T, null, true],
    ['flag 0 (unspecified) with an entry and no exit', 'unspecified', T, null, true],
    ['flag 2, entered then exited', 'out', T, T + 8 * H, false],
    ['flag 0, entered then exited', 'unspecified', T, T + 8 * H, false],
    ['flag 2, an old exit before a new entry: went down again', 'out', T + 9 * H, T + 8 * H, true],
    ['flag 2 with no times', 'out', null, null, false],
    ['flag 0 with no times', 'unspecified', null, null, false],
    ['flag 2, an exit but no entry', 'out', null, T, false],
  ])('%s → %s', (_label, flag, entered, exited, expected) => {
    expect(isUnderground(record(flag, entered, exited))).toBe(expected);
  });
});
