/** Small national-format upload files written by hand, as a mine's KJ system would send them (domain §1). */

export function cddyFile(mineCode: string, time = '2026-12-05 08:00:00'): { name: string; text: string } {
  const head = `${mineCode};测试煤矿;KJ95X;煤矿安全监控系统;测试厂家;2027-01-01;${time}~`;
  const analog = (
    code: string,
    type: string,
    unit: string,
    alarm: string,
    cut: string,
    restore: string,
    loc: string,
  ) =>
    `${code};01;001;${type};MN;${unit};4;0;${alarm};${restore};;;${cut};${restore};;;;;${loc};0;0;0;;${time}~`;
  return {
    name: `${mineCode}_CDDY_${compact(time)}.txt`,
    text:
      head +
      analog(`${mineCode}01MN000101`, '0001', '%CH4', '1.0', '1.5', '1.0', '1301工作面T1') +
      analog(`${mineCode}01MN000401`, '0004', 'ppm', '24', '', '24', '主运输皮带巷') +
      `${mineCode}01KG100801;01;001;1008;KG;;;;;;;;;;;;有烟;无烟;主运输皮带巷 烟雾;0;0;0;;${time}~` +
      '||',
  };
}

/** A CDDY file of `n` methane points (alarm 1.0 %, power cut 1.5 %), codes from {@link manyPointCode}. */
export function cddyManyFile(
  mineCode: string,
  n: number,
  time = '2026-12-05 08:00:00',
): { name: string; text: string } {
  let text = `${mineCode};测试煤矿;KJ95X;煤矿安全监控系统;测试厂家;2027-01-01;${time}~`;
  for (let i = 0; i < n; i++) {
    text += `${manyPointCode(mineCode, i)};01;001;0001;MN;%CH4;4;0;1.0;1.0;;;1.5;1.0;;;;;回风巷T${i};0;0;0;;${time}~`;
  }
  return { name: `${mineCode}_CDDY_${compact(time)}.txt`, text: `${text}||` };
}

export const manyPointCode = (mineCode: string, i: number) => `${mineCode}02MN${String(i).padStart(6, '0')}`;

export const methanePoint = (mineCode: string) => `${mineCode}01MN000101`;
export const coPoint = (mineCode: string) => `${mineCode}01MN000401`;

export function cdssFile(
  mineCode: string,
  time: string,
  rows: Array<[pointCode: string, value: number, status?: number]>,
): { name: string; text: string } {
  const head = `${mineCode};测试煤矿;${time}~`;
  return {
    name: `${mineCode}_CDSS_${compact(time)}.txt`,
    text:
      head + rows.map(([code, v, s]) => `${code};传感器;位置;${v};单位;${s ?? 0};${time}~`).join('') + '||',
  };
}

/**
 * A personnel snapshot with `n` people underground since `entered` (no exit time). `flag` is the
 * 出入井标志 the mine writes: 1 underground by default; 2 or 0 is a mine writing something else.
 */
export function ryssFile(
  mineCode: string,
  time: string,
  n: number,
  entered = time,
  flag: '0' | '1' | '2' = '1',
): { name: string; text: string } {
  const area = `${mineCode}0001`;
  let body = `${mineCode};测试煤矿;${time}~`;
  for (let i = 1; i <= n; i++) {
    const card = `${mineCode}${String(i).padStart(5, '0')}`;
    body += `${card};人员${i};${flag};${entered};;${area};${entered};;;三八制;;正常;0;0;~`;
  }
  return { name: `${mineCode}_RYSS_${compact(time)}.txt`, text: `${body}||` };
}

const compact = (time: string) => time.replace(/[-: ]/g, '');

/** A personnel snapshot with people in the given areas (area code → how many), entered at `time`. */
export function ryssFileInAreas(
  mineCode: string,
  time: string,
  perArea: Readonly<Record<string, number>>,
): { name: string; text: string } {
  let body = `${mineCode};测试煤矿;${time}~`;
  let i = 0;
  for (const [area, n] of Object.entries(perArea)) {
    for (let k = 0; k < n; k++) {
      const card = `${mineCode}${String(++i).padStart(5, '0')}`;
      body += `${card};人员${i};1;${time};;${area};${time};;;三八制;;正常;0;0;~`;
    }
  }
  return { name: `${mineCode}_RYSS_${compact(time)}.txt`, text: `${body}||` };
}

/** One YCBJ (the mine's own alarm record) row: what the mine says happened at a point and what it did. */
export interface YcbjRow {
  pointCode: string;
  /** 异常类型, e.g. 001 over-limit, 004 sensor disconnected. */
  code: string;
  start: string;
  end?: string;
  max?: number;
  measures?: string;
  enteredAt?: string;
  enteredBy?: string;
}

/** A YCBJ file: the mine's own alarm records (domain §1.2, 17 fields a record). */
export function ycbjFile(
  mineCode: string,
  time: string,
  rows: readonly YcbjRow[],
): { name: string; text: string } {
  let text = `${mineCode};测试煤矿;${time}~`;
  for (const r of rows) {
    const max = r.max === undefined ? '' : String(r.max);
    text +=
      `${r.pointCode};传感器;位置;单位;${r.code};${r.start};${r.end ?? ''};${max};${r.start};;;;原因;` +
      `${r.measures ?? ''};${r.enteredAt ?? ''};${r.enteredBy ?? ''};${time}~`;
  }
  return { name: `${mineCode}_YCBJ_${compact(time)}.txt`, text: `${text}||` };
}

/** An FZDY file: substations and where they are installed. */
export function fzdyFile(
  mineCode: string,
  time: string,
  substations: ReadonlyArray<[code: string, location: string]>,
): { name: string; text: string } {
  const body = substations.map(([code, loc]) => `${code};${loc};0;0;0;${time}~`).join('');
  return { name: `${mineCode}_FZDY_${compact(time)}.txt`, text: `${mineCode};测试煤矿;${time}~${body}||` };
}

/** An FZSS file: each substation's run state (0 communicating …) and power state (0 DC battery, 1 AC …). */
export function fzssFile(
  mineCode: string,
  time: string,
  states: ReadonlyArray<[code: string, run: '0' | '1' | '2' | '9', power: '0' | '1' | '2' | '9']>,
): { name: string; text: string } {
  const body = states.map(([code, run, power]) => `${code};${run};${power};${time}~`).join('');
  return { name: `${mineCode}_FZSS_${compact(time)}.txt`, text: `${mineCode};测试煤矿;${time}~${body}||` };
}

/** A personnel alarm file (RYCS over-time, RYCY over-capacity, RYXZ restricted area, RYQJ distress), one person a record. */
export function personnelAlarmFile(
  mineCode: string,
  type: 'RYCS' | 'RYCY' | 'RYXZ' | 'RYQJ',
  time: string,
  cards: readonly number[],
): { name: string; text: string } {
  const body = cards
    .map((i) => `${mineCode}${String(i).padStart(5, '0')};人员${i};${mineCode}0001;${time}~`)
    .join('');
  return { name: `${mineCode}_${type}_${compact(time)}.txt`, text: `${mineCode};测试煤矿;${time}~${body}||` };
}
