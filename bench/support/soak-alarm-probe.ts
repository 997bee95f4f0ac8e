/**
 * The soak's alarm probe: how long an alarm takes from the reading's arrival at the server to a
 * regulator's live feed, under the national load.
 *
 * It listens to `GET /api/live` (Server-Sent Events) as the province regulator, the way the alarm
 * console does, and every `everyMs` sends one methane reading over the alarm level for the next mine
 * of the province (one mine after another, so every probe raises a new alarm rather than updating one)
 * on a connection of its own, not queued behind the load. Latency is from the moment the request is
 * sent to the moment the feed delivers that mine's over-limit alarm with its condition active: the
 * receipt, the judgement, the durable write, the hub and the feed. A probe not seen within
 * `timeoutMs` counts as missed.
 */

export interface ProbePoint {
  mine: string;
  point: string;
}

export interface AlarmProbe {
  /** Latencies (ms) of the probes seen since the last call, and how many were sent and missed then. */
  takeInterval(): { latencies: number[]; sent: number; missed: number };
  /** Totals over the run. */
  totals(): { sent: number; seen: number; missed: number; latencies: number[]; missedPoints: ProbePoint[] };
  stop(): Promise<void>;
}

interface Pending extends ProbePoint {
  sentAt: number;
}

/**
 * The probe's time in China Standard Time to the millisecond, never on a whole second: the simulated
 * gateways stamp whole seconds, and a reading at a (point, time) the store already has is a re-send
 * (the first to arrive is kept), so a probe on a gateway's second could be dropped and never alarm.
 */
const cst = (ms: number) => {
  const t = ms % 1000 === 0 ? ms + 1 : ms;
  return `${new Date(t + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
};

export function startAlarmProbe(options: {
  baseUrl: string;
  /** A token with `read` that may see the province's alarms. */
  readToken: string;
  /** A token that may send the probes' readings (the gateways' `ingest` token). */
  ingestToken: string;
  points: readonly ProbePoint[];
  everyMs: number;
  /** A methane value over every location's alarm level (%). */
  value?: number;
  timeoutMs?: number;
}): AlarmProbe {
  const { baseUrl, readToken, ingestToken, points, everyMs } = options;
  const value = options.value ?? 1.8;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pending = new Map<string, Pending>();
  let interval = { latencies: [] as number[], sent: 0, missed: 0 };
  const all = { sent: 0, seen: 0, missed: 0, latencies: [] as number[], missedPoints: [] as ProbePoint[] };
  const feed = new AbortController();
  let stopped = false;

  const onAlarm = (a: { mineCode?: string; rule?: string; conditionActive?: boolean; id?: string }) => {
    if (a.rule !== 'over_limit' || a.conditionActive !== true || a.mineCode === undefined) return;
    for (const [key, p] of pending) {
      if (p.mine === a.mineCode && a.id?.endsWith(`|${p.point}`)) {
        const ms = performance.now() - p.sentAt;
        pending.delete(key);
        interval.latencies.push(ms);
        all.latencies.push(ms);
        all.seen++;
        return;
      }
    }
  };

  const listening = (async () => {
    const res = await fetch(`${baseUrl}/api/live`, {
      headers: { authorization: `Bearer ${readToken}`, accept: 'text/event-stream' },
      signal: feed.signal,
    });
    if (res.status !== 200 || !res.body) throw new Error(`live feed answered ${res.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!message.startsWith('event: alarm\n')) continue;
        const data = message.slice(message.indexOf('data: ') + 6);
        onAlarm(JSON.parse(data) as Parameters<typeof onAlarm>[0]);
      }
    }
  })().catch((e: unknown) => {
    if (!stopped) console.error(`[soak] alarm probe feed: ${e instanceof Error ? e.message : String(e)}`);
  });

  let next = 0;
  const fire = () => {
    const now = performance.now();
    for (const [key, p] of pending)
      if (now - p.sentAt > timeoutMs) {
        pending.delete(key);
        interval.missed++;
        all.missed++;
        all.missedPoints.push({ mine: p.mine, point: p.point });
      }
    const target = points[next++ % points.length]!;
    const key = `${target.mine}\u0000${target.point}`;
    if (pending.has(key)) return;
    pending.set(key, { ...target, sentAt: performance.now() });
    interval.sent++;
    all.sent++;
    const line = `{"mine":"${target.mine}","point":"${target.point}","value":${value},"status":0,"ts":"${cst(Date.now())}"}\n`;
    void fetch(`${baseUrl}/api/ingest/readings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ingestToken}`, 'content-type': 'application/x-ndjson' },
      body: line,
    })
      .then(async (r) => {
        const text = await r.text();
        if (r.status !== 200) console.error(`[soak] alarm probe send: ${r.status} ${text.slice(0, 200)}`);
      })
      .catch((e: unknown) => {
        if (!stopped) console.error(`[soak] alarm probe send: ${e instanceof Error ? e.message : String(e)}`);
      });
  };
  const timer = setInterval(fire, everyMs);

  return {
    takeInterval() {
      const out = interval;
      interval = { latencies: [], sent: 0, missed: 0 };
      return out;
    },
    totals: () => all,
    async stop() {
      stopped = true;
      clearInterval(timer);
      feed.abort();
      await listening;
    },
  };
}
