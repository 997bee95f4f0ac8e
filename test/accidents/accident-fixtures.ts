import type { RecordAccidentInput } from '../../src/core/accidents/accident-use-cases.ts';
import type { DemoMine } from '../../src/sim/demo-province.ts';

/**
 * An accident at `mine` with no casualties and no loss unless the case says otherwise: a case states only
 * what it is about (its time, its type, the casualties that grade it).
 */
export const accidentAt = (
  mine: DemoMine,
  input: Pick<RecordAccidentInput, 'occurredAt' | 'type'> & Partial<RecordAccidentInput>,
): RecordAccidentInput => ({
  mineId: mine.id,
  deaths: 0,
  seriousInjuries: 0,
  minorInjuries: 0,
  directLossCny: 0,
  ...input,
});
