/**
 * The load side of the crash test: a mine gateway that pushes NDJSON readings as fast as the server
 * answers, one request at a time, and remembers exactly which readings the server acknowledged.
 */

/** A measuring point of the test, with its place in the test's list. */
export interface CrashPoint {
  index: number;
  mine: string;
  code: string;
}

/** Readings per point per request: a request carries `points × SLOTS` lines. */
const SLOTS = 10;

interface ReadingsAnswer {
  accepted: number;
  rejected: Array<{ line: number; reason: string }>;
}

/** A small deterministic generator (mulberry32), so a failing kill schedule can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `yyyy-MM-dd HH:mm:ss` China Standard Time, as the national upload files write times. */
const cst = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

/**
 * A CDDY file (national point definitions) of `count` methane points in return airways, alarm at
 * 1.0 %, power cut at 1.5 %.
 */
export function cddyFile(
  mineCode: string,
  count: number,
  nowMs: number,
): { name: string; text: string; pointCodes: string[] } {
  const time = cst(nowMs);
  const pointCodes = Array.from(
    { length: count },
    (_, i) => `${mineCode}01MN${String(i + 1).padStart(6, '0')}`,
  );
  const records = pointCodes.map(
    (code, i) => `${code};01;001;0001;MN;%CH4;4;0;1.0;1.0;;;1.5;1.0;;;;;${i + 1}号回风巷;0;0;0;;${time}~`,
  );
  return {
    name: `${mineCode}_CDDY_${time.replace(/[- :]/g, '')}.txt`,
    text: `${mineCode};崩溃测试煤矿;KJ95X;煤矿安全监控系统;测试厂家;2030-01-01;${time}~${records.join('')}||`,
    pointCodes,
  };
}

/**
 * One gateway: owns some points of one mine and sends their readings, each request as soon as the
 * previous one was answered. Times are unique per point and increasing (never re-sent, even when a
 * request failed), close to the wall clock. The first point of each mine rises over the alarm limit
 * now and then, so alarms and their audit entries are written during the kills too.
 */
export class Gateway {
  /** Acknowledged readings: `points[ackedPoint[k]]` at `ackedTs[k]`. */
  readonly ackedPoint: number[] = [];
  readonly ackedTs: number[] = [];
  answered = 0;
  failed = 0;
  non200 = 0;
  rejectedLines = 0;
  /** Answers whose accepted count does not match the lines minus the rejected ones. */
  unaccounted = 0;
  busy = false;
  readonly #mine: string;
  readonly #token: string;
  readonly #points: readonly CrashPoint[];
  #halted = true;
  #lastTs = 0;
  #slot = 0;

  constructor(mine: string, token: string, points: readonly CrashPoint[]) {
    this.#mine = mine;
    this.#token = token;
    this.#points = points;
  }

  get acked(): number {
    return this.ackedPoint.length;
  }

  /** Sends until halted; resolves when the last request has settled. */
  async run(baseUrl: string): Promise<void> {
    this.#halted = false;
    while (!this.#halted) {
      const ok = await this.#send(`${baseUrl}/api/ingest/readings`);
      if (!ok && !this.#halted) await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** No new request after this one (the one on the wire still settles). */
  halt(): void {
    this.#halted = true;
  }

  async #send(url: string): Promise<boolean> {
    const lines: string[] = [];
    const linePoint: number[] = [];
    const lineTs: number[] = [];
    for (let s = 0; s < SLOTS; s++) {
      const ts = Math.max(this.#lastTs + 1, Date.now() - 1000);
      this.#lastTs = ts;
      const slot = this.#slot++;
      for (const p of this.#points) {
        const alarming = p.code.endsWith('000001');
        const value = alarming
          ? slot % 40 < 4
            ? '1.20'
            : '0.30'
          : (0.2 + ((slot * 13 + p.index * 7) % 30) / 100).toFixed(2);
        lines.push(`{"mine":"${this.#mine}","point":"${p.code}","value":${value},"status":0,"ts":${ts}}`);
        linePoint.push(p.index);
        lineTs.push(ts);
      }
    }
    this.busy = true;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.#token}`, 'content-type': 'application/x-ndjson' },
        body: `${lines.join('\n')}\n`,
      });
      const text = await res.text();
      if (res.status !== 200) {
        this.non200++;
        console.warn(`[crash] POST answered ${res.status}: ${text.slice(0, 300)}`);
        return false;
      }
      const answer = JSON.parse(text) as ReadingsAnswer;
      this.answered++;
      const refused = new Set(answer.rejected.map((r) => r.line));
      if (refused.size > 0 && this.rejectedLines === 0) {
        console.warn(`[crash] line refused: ${JSON.stringify(answer.rejected[0])}`);
      }
      this.rejectedLines += refused.size;
      if (answer.accepted !== lines.length - refused.size) this.unaccounted++;
      for (let i = 0; i < lines.length; i++) {
        if (refused.has(i + 1)) continue;
        this.ackedPoint.push(linePoint[i]!);
        this.ackedTs.push(lineTs[i]!);
      }
      return true;
    } catch {
      // The connection died with the server: nothing of this request was acknowledged.
      this.failed++;
      return false;
    } finally {
      this.busy = false;
    }
  }
}
