import { recordAccident, type RecordAccidentInput } from '../../src/core/accidents/accident-use-cases.ts';
import type { DemoMine } from '../../src/sim/demo-province.ts';
import { indexProvince } from '../http/http-kit.ts';
import type { World } from '../support/world.ts';

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

/**
 * The county regulator records an accident at the officer's mine with the clock set to `now`; `input` is
 * given that mine. Returns the recorded accident with the county's principal and the mine.
 */
export async function countyRecordsAt(
  world: World,
  now: string,
  input: (mine: DemoMine) => RecordAccidentInput,
) {
  const county = await world.principal('county');
  const mine = indexProvince(world).mineOf('officer');
  world.clock.set(now);
  const accident = await recordAccident(world.ports, county, input(mine));
  return { county, mine, accident };
}
