/**
 * Maps a point's free-text installation location (CDDY field 19, e.g. "1301工作面T1", "回风巷T2",
 * "上隅角T0", "掘进工作面", "皮带巷") to the location class of the regulation table.
 *
 * Heuristics, in order (first match wins), after NFKC normalisation (full-width "Ｔ１" → "T1") and
 * upper-casing:
 * - Methane (0001, 0011, 0043):
 *   1. machines: 采煤机 → shearer; 掘进机/综掘机/掘锚机/连采机/连续采煤机/锚杆钻车 → heading-machine;
 *   2. places: 煤仓/栈桥/皮带走廊 → coal-bunker; 变电所/配电点/泵房/绞车房/硐室 → electrical-chamber;
 *      电机车/机车/胶轮车/无轨/装煤点 → vehicle;
 *   3. T7 or 排瓦斯巷 → drainage-roadway-t7; T8 or 混合回风 → mixed-return-t8;
 *   4. 总回风/主要回风/主回风/翼回风 → main-return; 采区/盘区/带区回风 → district-return;
 *   5. a heading (掘, 迎头): tag T2 or 回风 → heading-return-t2; tag T3 or 分风/局部通风机前/局扇前/进风
 *      → heading-intake; otherwise heading-t1;
 *   6. a sensor tag T0–T4 (a "T" not preceded by a Latin letter, followed by the digit) decides:
 *      T0 upper corner, T1 face (outburst variant in outburst mines), T2 face return (回风巷中部 →
 *      return-roadway-middle), T3 face intake, T4 serial-face intake;
 *   7. without a tag, words: 上隅角/隅角 → T0; 串联 → T4; 进风 → T3; 回风 (中部 → middle) → T2;
 *      工作面/采面/回采/综采/炮采/普采 → T1;
 *   8. otherwise unclassified → the conservative default row.
 * - CO2: main return words → main-return; 回风 or T2 → return; 进风 → intake; else unclassified
 *   (the intake limit, the strictest).
 * - Temperature: chamber words → electrical-chamber; 井底/井筒/井口/进风井 → shaft-bottom-intake;
 *   工作面/采面/掘/迎头 → working-face; else unclassified (the working-face limit).
 * - Wind speed: 风桥 → air-bridge; 风硐/风井 → shaft-no-hoisting; 副井/罐笼/人行井 →
 *   men-materials-shaft; 主井/箕斗/物料井/材料井 → materials-shaft; 电机车/架线 → trolley-roadway;
 *   总进风/总回风/主要进风/主要回风/翼回风/大巷 → main-roadway; 掘 (岩 → rock-heading, else
 *   coal-face-or-coal-heading); 行人/人行 → other-walkway; 巷/顺槽/运输/皮带/胶带/输送机/采区/盘区 →
 *   conveyor-or-district-roadway; 工作面/采面/回采/综采 → coal-face-or-coal-heading; else unclassified.
 * - CO, O2, H2S, NO2, SO2, NH3: a single location-independent row ("general").
 */
import type { GasClass } from '../../registry/types.ts';
import {
  findThresholdRows,
  thresholdSensorType,
  type LocationClass,
  type ThresholdRow,
  type ThresholdTable,
} from './threshold-table.ts';

export interface LocationClassification {
  locationClass: LocationClass;
  /** Which heuristic decided, for explanations in the UI. */
  rule: string;
}

const TAG_RE = /(?:^|[^A-Z])T([0-8])(?![0-9])/;

const SHEARER = /采煤机/;
const HEADING_MACHINE = /掘进机|综掘机|掘锚机|连采机|连续采煤机|锚杆钻车/;
const BUNKER = /煤仓|栈桥|皮带走廊|输送机走廊/;
const PREP_PLANT = /选煤厂/;
const SURFACE_DRAINAGE = /地面.*抽采泵房|地面.*抽放泵房|瓦斯抽采泵房|瓦斯抽放泵房/;
const TEMP_DRAINAGE = /临时.*(抽采|抽放)泵站|(抽采|抽放)泵站/;
const CHAMBER = /变电所|变电硐室|配电点|配电硐室|机电硐室|泵房|绞车房|硐室|机房/;
const LOADING_POINT = /装煤点|装车点/;
const VEHICLE = /蓄电池|柴油|胶轮车|无轨|电机车|机车|梭车/;
/** A shaft carrying a belt conveyor that also serves as a return (art. 498). */
const BELT_SHAFT = /(井筒|斜井|立井).*(皮带|胶带|带式输送机)|(皮带|胶带|带式输送机).*(井筒|斜井|立井)/;
const DRAINAGE = /排瓦斯巷|排放瓦斯巷/;
const MIXED_RETURN = /混合回风/;
/** 回风立井 / 回风井 / 回风斜井 are the mine's (or a wing's) return shafts: a main return, not a face return. */
const MAIN_RETURN = /总回风|主要回风|主回风|翼回风|回风立井|回风斜井|回风井/;
const DISTRICT_RETURN = /采区回风|盘区回风|带区回风/;
const HEADING = /掘|迎头/;
const HEADING_INTAKE = /分风|局部通风机前|局扇前|进风/;
const UPPER_CORNER = /隅角/;
const SERIAL = /串联/;
const FACE = /工作面|采面|回采|综采|炮采|普采/;

const normalise = (text: string): string => text.normalize('NFKC').toUpperCase();

function sensorTag(text: string): number | null {
  const m = TAG_RE.exec(text);
  return m === null ? null : Number(m[1]);
}

const c = (locationClass: LocationClass, rule: string): LocationClassification => ({ locationClass, rule });

function faceT1(gasClass: GasClass, why: string): LocationClassification {
  return gasClass === 'outburst'
    ? c('face-t1-outburst', `${why}, outburst mine`)
    : c('face-t1', `${why}, ${gasClass}-gas mine`);
}

function classifyMethane(t: string, gasClass: GasClass): LocationClassification {
  if (SHEARER.test(t)) return c('shearer', 'mentions 采煤机');
  if (HEADING_MACHINE.test(t)) return c('heading-machine', 'mentions a heading machine');
  if (PREP_PLANT.test(t)) return c('prep-plant', 'mentions a preparation plant');
  if (BUNKER.test(t)) return c('coal-bunker', 'mentions a coal bunker or belt gallery');
  if (SURFACE_DRAINAGE.test(t)) return c('surface-drainage-pump-house', 'mentions a gas-drainage pump house');
  if (TEMP_DRAINAGE.test(t)) return c('temp-drainage-station', 'mentions a gas-drainage pump station');
  if (CHAMBER.test(t)) return c('electrical-chamber', 'mentions an electrical chamber');
  if (LOADING_POINT.test(t)) return c('trolley-loading-point', 'mentions a loading point');
  if (VEHICLE.test(t)) return c('vehicle', 'mentions locomotives or vehicles');
  if (BELT_SHAFT.test(t) && t.includes('回风'))
    return c('belt-shaft-return', 'a belt shaft used as a return');
  const tag = sensorTag(t);
  if (tag === 7 || DRAINAGE.test(t)) return c('drainage-roadway-t7', 'tag T7 or 排瓦斯巷');
  if (tag === 8 || MIXED_RETURN.test(t)) return c('mixed-return-t8', 'tag T8 or 混合回风');
  if (MAIN_RETURN.test(t)) return c('main-return', 'mentions a main or wing return');
  if (DISTRICT_RETURN.test(t)) return c('district-return', 'mentions a district return');
  if (HEADING.test(t)) {
    if (tag === 2 || (tag === null && t.includes('回风')))
      return c('heading-return-t2', 'heading, tag T2 or 回风');
    if (SERIAL.test(t) || /局部通风机前|局扇前/.test(t))
      return c('serial-heading-before-fan', 'serially ventilated heading, before its local fan');
    if (tag === 3 || (tag === null && HEADING_INTAKE.test(t)))
      return c('heading-intake', 'heading, tag T3 or intake');
    if (t.includes('中部')) return c('heading-middle', 'middle of a heading roadway');
    return c('heading-t1', 'heading face');
  }
  switch (tag) {
    case 0:
      return c('upper-corner-t0', 'tag T0');
    case 1:
      return faceT1(gasClass, 'tag T1');
    case 2:
      return t.includes('中部') ? c('return-roadway-middle', 'tag T2, 中部') : c('face-return-t2', 'tag T2');
    case 3:
      return c('face-intake-t3', 'tag T3');
    case 4:
      return c('serial-face-intake-t4', 'tag T4');
    case null:
    default:
      break;
  }
  if (UPPER_CORNER.test(t)) return c('upper-corner-t0', 'mentions 隅角');
  if (SERIAL.test(t)) return c('serial-face-intake-t4', 'mentions 串联');
  if (t.includes('进风')) return c('face-intake-t3', 'mentions 进风');
  if (t.includes('回风')) {
    return t.includes('中部')
      ? c('return-roadway-middle', 'mentions 回风 and 中部')
      : c('face-return-t2', 'mentions 回风');
  }
  if (FACE.test(t)) return faceT1(gasClass, 'mentions a coal face');
  return c('unclassified', 'no methane rule matched');
}

function classifyCo2(t: string): LocationClassification {
  if (MAIN_RETURN.test(t)) return c('main-return', 'mentions a main or wing return');
  if (t.includes('回风') || sensorTag(t) === 2) return c('return', 'mentions 回风 or tag T2');
  if (t.includes('进风')) return c('intake', 'mentions 进风');
  if (FACE.test(t) || HEADING.test(t) || sensorTag(t) === 1)
    return c('working-face', 'mentions a working face or heading');
  return c('unclassified', 'no CO2 rule matched');
}

/** O2: the Regulations set a limit only for the intake air of working faces. */
function classifyO2(t: string): LocationClassification {
  if (t.includes('进风') && (FACE.test(t) || HEADING.test(t) || /顺槽|运输巷|进风巷/.test(t)))
    return c('face-intake', 'intake air of a working face');
  return c('general', 'no O2 row for this place (only working-face intake air has one)');
}

function classifyTemperature(t: string): LocationClassification {
  if (CHAMBER.test(t)) return c('electrical-chamber', 'mentions an electrical chamber');
  if (/井底|井筒|井口|进风井/.test(t)) return c('shaft-bottom-intake', 'mentions a shaft');
  if (FACE.test(t) || HEADING.test(t)) return c('working-face', 'mentions a face or heading');
  return c('unclassified', 'no temperature rule matched');
}

function classifyWind(t: string): LocationClassification {
  if (t.includes('风桥')) return c('air-bridge', 'mentions 风桥');
  if (/风硐|风井|回风立井|回风斜井|进风立井/.test(t))
    return c('shaft-no-hoisting', 'mentions a ventilation shaft or fan drift');
  if (/副井|副立井|副斜井|罐笼|人行井/.test(t))
    return c('men-materials-shaft', 'mentions a men-and-materials shaft');
  if (/主井|主立井|主斜井|箕斗|物料井|材料井/.test(t))
    return c('materials-shaft', 'mentions a materials shaft');
  if (/电机车|架线/.test(t)) return c('trolley-roadway', 'mentions trolley locomotives');
  if (/总进风|总回风|主要进风|主要回风|翼回风|大巷/.test(t))
    return c('main-roadway', 'mentions a main roadway');
  if (HEADING.test(t)) {
    return t.includes('岩')
      ? c('rock-heading', 'rock heading')
      : c('coal-face-or-coal-heading', 'heading (coal / half-coal)');
  }
  if (/行人|人行/.test(t)) return c('other-walkway', 'mentions a walkway');
  if (/巷|顺槽|运输|皮带|胶带|输送机|采区|盘区/.test(t)) {
    return c('conveyor-or-district-roadway', 'mentions a conveyor or district roadway');
  }
  if (/综采|综放|综合机械化/.test(t)) return c('fully-mechanised-face', 'a fully mechanised face');
  if (FACE.test(t)) return c('coal-face-or-coal-heading', 'mentions a coal face');
  return c('unclassified', 'no wind-speed rule matched');
}

/**
 * Classifies a location for a sensor type. Sensor types without location-dependent rows get
 * "general"; types the table does not know also get "general" (the lookup then finds no rows).
 */
export function classifyLocation(
  sensorTypeCode: string,
  locationText: string,
  gasClass: GasClass,
): LocationClassification {
  const t = normalise(locationText);
  switch (thresholdSensorType(sensorTypeCode)) {
    case '0001':
      return classifyMethane(t, gasClass);
    case '0013':
      return classifyCo2(t);
    case '0003':
      return classifyTemperature(t);
    case '0002':
      return classifyWind(t);
    case '0012':
      return classifyO2(t);
    default:
      return c('general', 'location-independent limit');
  }
}

/**
 * Classifies the location and returns the regulation rows that apply (an upper and/or lower limit;
 * empty when the table has nothing for the sensor type).
 */
export function resolveRegulationRows(
  table: ThresholdTable,
  sensorTypeCode: string,
  locationText: string,
  gasClass: GasClass,
): { classification: LocationClassification; rows: ThresholdRow[] } {
  const classification = classifyLocation(sensorTypeCode, locationText, gasClass);
  const rows = findThresholdRows(table, sensorTypeCode, classification.locationClass, gasClass);
  if (
    rows.length > 0 ||
    findThresholdRows(table, sensorTypeCode, classification.locationClass).length === 0
  ) {
    return { classification, rows };
  }
  // The place has a row, but for other gas classes (T3 is for outburst mines): the family's default.
  const fallback: LocationClassification = {
    locationClass: 'unclassified',
    rule: `${classification.rule}; its row is for other gas classes than this ${gasClass}-gas mine`,
  };
  return {
    classification: fallback,
    rows: findThresholdRows(table, sensorTypeCode, 'unclassified', gasClass),
  };
}
