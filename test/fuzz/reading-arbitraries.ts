/**
 * JSON readings as gateways send them, good ones and (by construction) bad ones, as a JSON array or
 * NDJSON. Items are described as data (a spec) and turned into text only inside a run, where the
 * run's clock, mine and points are known; fast-check shrinks the spec.
 */
import fc from 'fast-check';
import { isoCst, plainCode } from './arbitraries.ts';

/** How a good reading writes its time. */
export type TimeForm = 'epoch-ms' | 'iso-z' | 'iso-cst' | 'iso-cst-ms';

export type BadReading =
  | { kind: 'not-an-object'; value: unknown }
  | { kind: 'deep'; field: 'point' | 'value' | 'ts' | 'status' | 'mine' | null; depth: number }
  | { kind: 'missing'; field: 'point' | 'value' | 'ts' | 'mine' }
  | { kind: 'bad-point'; point: unknown }
  | { kind: 'unknown-point'; point: string }
  | { kind: 'bad-value'; value: unknown }
  | { kind: 'bad-status'; status: unknown }
  | { kind: 'bad-ts'; ts: unknown }
  | { kind: 'future-ts'; aheadMs: number }
  | { kind: 'impossible-date'; day: string }
  | { kind: 'bad-mine'; mine: unknown }
  | { kind: 'other-mine' }
  | { kind: 'unparsable'; text: string };

export type ReadingSpec =
  | {
      kind: 'good';
      /** Index into the run's defined points. */
      point: number;
      /** Older than the point's last reading: late data, stored but not judged. */
      late: boolean;
      value: number;
      status: number | null;
      time: TimeForm;
      /** Whether the item names its mine (always, when the door requires it). */
      namesMine: boolean;
      extra: Record<string, unknown>;
    }
  | { kind: 'bad'; bad: BadReading };

const READING_KEYS = new Set(['point', 'value', 'ts', 'status', 'mine']);

/** Keys a gateway may add that the reader must ignore (even `__proto__`). */
const extraKeys: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc
      .dictionary(
        fc.oneof(
          fc.string({ maxLength: 8 }),
          fc.constantFrom('__proto__', 'constructor', 'toString', 'unit'),
        ),
        fc.jsonValue({ maxDepth: 2 }),
        { maxKeys: 3 },
      )
      .map((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !READING_KEYS.has(k)))),
  },
);

const goodReading: fc.Arbitrary<ReadingSpec> = fc.record({
  kind: fc.constant('good' as const),
  point: fc.nat(),
  late: fc.oneof({ weight: 7, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  value: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: -100_000, max: 100_000 }).map((k) => k / 100) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER) },
  ),
  status: fc.option(fc.integer({ min: 0, max: 0xffff }), { nil: null }),
  time: fc.constantFrom<TimeForm>('epoch-ms', 'iso-z', 'iso-cst', 'iso-cst-ms'),
  namesMine: fc.boolean(),
  extra: extraKeys,
});

const notAString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
);

const badReading: fc.Arbitrary<BadReading> = fc.oneof(
  fc.record({
    kind: fc.constant('not-an-object' as const),
    value: fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
      fc.constantFrom(null, 0, '', [], [[]], 'point'),
    ),
  }),
  fc.record({
    kind: fc.constant('deep' as const),
    field: fc.constantFrom('point', 'value', 'ts', 'status', 'mine', null),
    depth: fc.integer({ min: 1_000, max: 20_000 }),
  }),
  fc.record({
    kind: fc.constant('missing' as const),
    field: fc.constantFrom('point', 'value', 'ts', 'mine'),
  }),
  fc.record({
    kind: fc.constant('bad-point' as const),
    point: fc.oneof(
      notAString,
      fc.constantFrom('', ' ', 'P-1', 'P 1', 'P_1', '测点', 'x'.repeat(65), 'P1\n'),
    ),
  }),
  fc.record({
    kind: fc.constant('unknown-point' as const),
    point: plainCode.map((c) => `ZZ${c}`.slice(0, 64)),
  }),
  fc.record({
    kind: fc.constant('bad-value' as const),
    value: fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.boolean(),
      fc.constantFrom('1.5', 'NaN', 'Infinity', [], {}, [1]),
    ),
  }),
  fc.record({
    kind: fc.constant('bad-status' as const),
    status: fc.oneof(
      fc.integer({ min: -1_000_000, max: -1 }),
      fc.integer({ min: 0x10000, max: 2 ** 40 }),
      fc.constantFrom(0.5, 1.5, '0', true, false, [], {}, 1e300),
    ),
  }),
  fc.record({
    kind: fc.constant('bad-ts' as const),
    ts: fc.oneof(
      // Epoch seconds (before 2000 as milliseconds), fractional milliseconds, wall clock without offset.
      fc.integer({ min: -(2 ** 40), max: Date.UTC(2000, 0, 1) - 1 }),
      fc.constantFrom(
        1_764_892_800.5,
        1_764_892_800_000.25,
        '2026-12-05 08:00:10',
        '2026-12-05T08:00:10',
        'yesterday',
        '',
        '2026-12-05T08:00:10+0800',
        '2026-12-05T25:00:00Z',
        '2026-13-05T08:00:00Z',
        true,
        null,
        [],
        {},
      ),
      fc.string({ maxLength: 12 }),
    ),
  }),
  fc.record({
    kind: fc.constant('future-ts' as const),
    aheadMs: fc.integer({ min: 10 * 60_000 + 1, max: 2 ** 40 }),
  }),
  fc.record({
    kind: fc.constant('impossible-date' as const),
    day: fc.constantFrom('2026-02-29', '2026-02-30', '2026-02-31', '2026-04-31', '2026-06-31', '2026-11-31'),
  }),
  fc.record({
    kind: fc.constant('bad-mine' as const),
    mine: fc.oneof(
      notAString,
      fc.constantFrom('', '12345678901', '1234567890123', '62082300920X', ' 620823009203'),
    ),
  }),
  fc.record({ kind: fc.constant('other-mine' as const) }),
  fc.record({
    kind: fc.constant('unparsable' as const),
    text: fc
      .tuple(fc.constantFrom('{', '{"point":', '{"ts":1,', 'nul', '"'), fc.string({ maxLength: 20 }))
      .map(([a, b]) => (a + b).replace(/[\r\n]/g, ' '))
      .filter((t) => {
        try {
          JSON.parse(t);
          return false;
        } catch {
          return true;
        }
      }),
  }),
);

export const readingSpec: fc.Arbitrary<ReadingSpec> = fc.oneof(
  { weight: 3, arbitrary: goodReading },
  { weight: 2, arbitrary: badReading.map((bad) => ({ kind: 'bad' as const, bad })) },
);

/** A payload of readings: a JSON array or NDJSON with blank lines, CRLF and a BOM now and then. */
export interface ReadingsPayloadSpec {
  items: ReadingSpec[];
  form: 'array' | 'ndjson';
  /** NDJSON: blank lines inserted before the item of the same index (count). */
  blanksBefore: number[];
  crlf: boolean;
  bom: boolean;
}

export const readingsPayloadSpec: fc.Arbitrary<ReadingsPayloadSpec> = fc.record({
  items: fc.array(readingSpec, { minLength: 1, maxLength: 25 }),
  form: fc.constantFrom('array', 'ndjson'),
  blanksBefore: fc.array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) },
    ),
    {
      maxLength: 25,
    },
  ),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

/** What a run knows when it turns specs into text. */
export interface ReadingsContext {
  mineCode: string;
  /** A 12-digit code of another mine (refused: topic mismatch over MQTT, out of scope over HTTP). */
  otherMineCode: string;
  points: readonly string[];
  /** The door requires `mine` on every item (HTTP). */
  mineRequired: boolean;
  nowMs: number;
  /** Hands out strictly increasing times not after `nowMs`, one per good reading. */
  nextTime(): number;
  /** Hands out times older than every point's newest reading, never the same twice. */
  nextLateTime(): number;
}

/** One good reading as it must be stored. */
export interface ExpectedReading {
  item: number;
  point: string;
  tsMs: number;
  value: number;
}

export interface ReadingsPayload {
  text: string;
  good: ExpectedReading[];
  /** Item numbers (array position or NDJSON line, 1-based) that must be refused. */
  bad: number[];
}

const deep = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

function timeText(form: TimeForm, ms: number): unknown {
  switch (form) {
    case 'epoch-ms':
      return ms;
    case 'iso-z':
      return new Date(ms).toISOString();
    case 'iso-cst':
      return isoCst(ms);
    case 'iso-cst-ms':
      return isoCst(ms, true);
  }
}

/** The JSON text of one item; `good` is set when it must be stored. */
function itemText(
  spec: ReadingSpec,
  ctx: ReadingsContext,
): { text: string; good?: Omit<ExpectedReading, 'item'> } {
  const base = (): Record<string, unknown> => ({
    ...(ctx.mineRequired ? { mine: ctx.mineCode } : {}),
    point: ctx.points[0],
    value: 0.5,
    status: 0,
    ts: ctx.nextTime(),
  });
  if (spec.kind === 'good') {
    const point = ctx.points[spec.point % ctx.points.length]!;
    const tsMs = spec.late ? ctx.nextLateTime() : ctx.nextTime();
    const o: Record<string, unknown> = {
      ...spec.extra,
      ...(ctx.mineRequired || spec.namesMine ? { mine: ctx.mineCode } : {}),
      point,
      value: spec.value,
      ...(spec.status === null ? {} : { status: spec.status }),
      ts: timeText(spec.time, tsMs),
    };
    const text = JSON.stringify(o);
    // What the store must hold is what the JSON says (-0 travels as 0).
    return { text, good: { point, tsMs, value: JSON.parse(JSON.stringify(spec.value)) as number } };
  }
  const bad = spec.bad;
  const o = base();
  switch (bad.kind) {
    case 'not-an-object':
      return { text: JSON.stringify(bad.value) };
    case 'deep':
      if (bad.field === null) return { text: deep(bad.depth) };
      return { text: JSON.stringify({ ...o, [bad.field]: '\u0000' }).replace('"\\u0000"', deep(bad.depth)) };
    case 'missing':
      if (bad.field === 'mine' && !ctx.mineRequired)
        return { text: JSON.stringify({ ...o, ts: 'no offset' }) };
      delete o[bad.field];
      return { text: JSON.stringify(o) };
    case 'bad-point':
      return { text: JSON.stringify({ ...o, point: bad.point }) };
    case 'unknown-point':
      return { text: JSON.stringify({ ...o, point: bad.point }) };
    case 'bad-value':
      return { text: JSON.stringify({ ...o, value: bad.value }) };
    case 'bad-status':
      return { text: JSON.stringify({ ...o, status: bad.status }) };
    case 'bad-ts':
      return { text: JSON.stringify({ ...o, ts: bad.ts }) };
    case 'future-ts':
      return { text: JSON.stringify({ ...o, ts: ctx.nowMs + bad.aheadMs }) };
    case 'impossible-date':
      return { text: JSON.stringify({ ...o, ts: `${bad.day}T08:00:00+08:00` }) };
    case 'bad-mine':
      return { text: JSON.stringify({ ...o, mine: bad.mine }) };
    case 'other-mine':
      return { text: JSON.stringify({ ...o, mine: ctx.otherMineCode }) };
    case 'unparsable':
      return { text: bad.text };
  }
}

/** Turns a payload spec into the bytes' text and what must be stored and refused. */
export function materialiseReadings(spec: ReadingsPayloadSpec, ctx: ReadingsContext): ReadingsPayload {
  const parts = spec.items.map((s) => ({ spec: s, ...itemText(s, ctx) }));
  // NDJSON whose first item is an array reads as one JSON array: send those as an array.
  const form = spec.form === 'ndjson' && parts[0]?.text.trimStart().startsWith('[') ? 'array' : spec.form;
  const good: ExpectedReading[] = [];
  const bad: number[] = [];
  if (form === 'array') {
    // An unparsable item cannot stand inside an array: it becomes a bare string there.
    const texts = parts.map((p) =>
      p.spec.kind === 'bad' && p.spec.bad.kind === 'unparsable' ? JSON.stringify(p.text) : p.text,
    );
    parts.forEach((p, i) => (p.good ? good.push({ item: i + 1, ...p.good }) : bad.push(i + 1)));
    return { text: `${spec.bom ? '\uFEFF' : ''}[${texts.join(',')}]`, good, bad };
  }
  const lines: string[] = [];
  parts.forEach((p, i) => {
    for (let b = 0; b < (spec.blanksBefore[i] ?? 0); b++) lines.push(b % 2 === 0 ? '' : '   ');
    lines.push(p.text);
    if (p.good) good.push({ item: lines.length, ...p.good });
    else bad.push(lines.length);
  });
  return { text: `${spec.bom ? '\uFEFF' : ''}${lines.join(spec.crlf ? '\r\n' : '\n')}\n`, good, bad };
}
