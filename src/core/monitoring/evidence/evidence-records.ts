/**
 * Evidence beyond the mine's own word (ADR 0012, issue 12 step 5): what the national files carry
 * besides readings and positions, kept as the file gives it — the mine's own alarm records (YCBJ),
 * the latest state of each substation's power feed (FZDY/FZSS), and the personnel alarm files
 * (RYCS/RYCY/RYXZ/RYQJ), whose field lists are unconfirmed and so are kept as their fields.
 */
import type { SubstationPowerState, SubstationRunState } from '../sensor-code-tables.ts';

/** One YCBJ record of a mine, keyed by mine + point + anomaly code + start (a re-sent record updates it). */
export interface MineAlarmRecord {
  mineId: string;
  pointCode: string;
  sensorTypeName: string;
  location: string;
  unit: string;
  /** 异常类型 as written (001 over-limit, 002 power cut, 004 sensor disconnected, …). */
  anomalyCode: string;
  startMs: number;
  /** Null while the mine says the episode is still open. */
  endMs: number | null;
  maxValue: number | null;
  /** 异常原因 as written. */
  cause: string;
  /** 处理措施 as written; empty means the mine recorded no handling. */
  measures: string;
  /** 录入时间: when the handling was entered; null when the file leaves it empty. */
  enteredAtMs: number | null;
  enteredBy: string;
  dataTimeMs: number;
  receivedMs: number;
}

/** The latest known state of one substation's feed (FZSS), with its location once FZDY named it. */
export interface FeedState {
  mineId: string;
  substationCode: string;
  location: string | null;
  runState: SubstationRunState | null;
  powerState: SubstationPowerState | null;
  /** Data time of the state (null when only the FZDY definition is known). */
  dataTimeMs: number | null;
  receivedMs: number;
}

/** Personnel alarm file types (over-time, over-capacity, restricted area, distress call). */
export const PERSONNEL_ALARM_FILE_TYPES = ['RYCS', 'RYCY', 'RYXZ', 'RYQJ'] as const;
export type PersonnelAlarmFileType = (typeof PERSONNEL_ALARM_FILE_TYPES)[number];

/** One record of a personnel alarm file, kept as its fields (their meaning is unconfirmed). */
export interface PersonnelAlarmRecord {
  mineId: string;
  fileType: PersonnelAlarmFileType;
  /** The first field when it is a 17-digit person card code, else null. */
  cardCode: string | null;
  fields: string[];
  uploadedAtMs: number;
  receivedMs: number;
}

/**
 * True when a substation runs on AC mains: the underground supply it hangs on is live. On its battery
 * (DC) the mains is off, which is what a de-energised stopped mine looks like; a monitoring system
 * kept running by a declared watch has its own supply and is judged by the stopped-mine rules.
 */
export const isMainsPowered = (f: Pick<FeedState, 'powerState'>): boolean => f.powerState === 'ac';
