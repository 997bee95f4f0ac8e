/** Builders shared by the engine and correlation tests (test-only). */
import type { PointDefinition } from '../upload-file/point-definition-records.ts';
import type { PointReading } from '../upload-file/safety-monitoring-records.ts';
import type { PersonPosition } from '../upload-file/personnel-records.ts';
import type { MonitoredMine } from './engine-types.ts';

export const T0 = Date.parse('2026-12-05T02:00:00Z');

/** The producing high-gas mine (id m1) the engine tests monitor. */
export const MINE: MonitoredMine = {
  id: 'm1',
  code: '990102000001',
  name: '测试煤矿',
  status: 'producing',
  approvedMaxUnderground: 3,
  gasClass: 'high',
  regionPath: '/990000/990100/990102/',
};

/** A CDDY point definition without thresholds, at `1301工作面` unless `over` says otherwise. */
export function def(code: string, type: string, over: Partial<PointDefinition> = {}): PointDefinition {
  return {
    pointCode: code,
    systemCode: '01',
    substationCode: '001',
    sensorTypeCode: type,
    valueType: type < '1000' ? 'MN' : 'KG',
    unit: '',
    rangeHigh: null,
    rangeLow: null,
    upperAlarm: null,
    upperAlarmRelease: null,
    lowerAlarm: null,
    lowerAlarmRelease: null,
    upperPowerCut: null,
    upperPowerRestore: null,
    lowerPowerCut: null,
    lowerPowerRestore: null,
    onText: '',
    offText: '',
    location: '1301工作面',
    x: null,
    y: null,
    z: null,
    relations: [],
    dataTimeMs: T0,
    ...over,
  };
}

export const reading = (
  pointCode: string,
  value: number | null,
  t: number,
  statusBits = 0,
): PointReading => ({
  pointCode,
  sensorTypeName: '',
  location: '',
  value,
  unit: '',
  statusBits,
  dataTimeMs: t,
});

/** An RYSS record of someone underground since `entered`; `over` changes any field. */
export function person(
  card: string,
  area: string | null,
  entered: number | null,
  over: Partial<PersonPosition> = {},
): PersonPosition {
  return {
    cardCode: card,
    name: `人员${card.slice(-2)}`,
    inOut: 'underground',
    enteredMineAtMs: entered,
    exitedMineAtMs: null,
    areaCode: area,
    enteredAreaAtMs: entered,
    stationCode: null,
    enteredStationAtMs: null,
    shiftPattern: '三八制',
    distanceToStationM: null,
    workState: '正常',
    isMineLeader: false,
    isSpecialWorker: false,
    track: [],
    ...over,
  };
}
