/**
 * The soak benchmark's HTTP side: a keep-alive pool of a few connections (what a handful of gateway
 * concentrators hold open), open-loop sends on schedule, and per-interval counters and latencies.
 */
import { Agent, request, type ClientRequest } from 'node:http';

export interface Answer {
  status: number;
  text: string;
}

/**
 * POSTs through `connections` keep-alive sockets, one request at a time on each (HTTP/1.1 without
 * pipelining), in the order asked; further requests wait in the poster's own queue (not the agent's,
 * so that `close` can drop them without the agent opening sockets for them afterwards).
 */
export function createPoster(baseUrl: string, connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const url = new URL(baseUrl);
  interface Job {
    path: string;
    headers: Record<string, string>;
    body: string;
    res: (a: Answer) => void;
    rej: (e: Error) => void;
  }
  const queue: Job[] = [];
  let head = 0;
  const active = new Set<ClientRequest>();
  let lanes = 0;
  let closed = false;

  const once = (job: Job): Promise<void> =>
    new Promise((done) => {
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: job.path,
          method: 'POST',
          headers: { ...job.headers, 'content-length': String(Buffer.byteLength(job.body)) },
        },
        (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => {
            job.res({ status: r.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
            done();
          });
          r.on('error', (e) => {
            job.rej(e);
            done();
          });
        },
      );
      req.on('error', (e) => {
        job.rej(e);
        done();
      });
      active.add(req);
      req.on('close', () => active.delete(req));
      req.end(job.body);
    });

  const lane = async () => {
    lanes++;
    while (!closed && head < queue.length) {
      const job = queue[head]!;
      queue[head++] = undefined as unknown as Job;
      if (head > 10_000) {
        queue.splice(0, head);
        head = 0;
      }
      await once(job);
    }
    lanes--;
  };

  return {
    post(path: string, headers: Record<string, string>, body: string): Promise<Answer> {
      return new Promise((res, rej) => {
        if (closed) return rej(new Error('the poster is closed'));
        queue.push({ path, headers, body, res, rej });
        if (lanes < connections) void lane();
      });
    },
    /** Requests waiting for a connection. */
    queued: () => queue.length - head,
    /** Drops what waits, cuts what is on the wire (both reject), and closes the sockets. */
    close: () => {
      closed = true;
      for (let i = head; i < queue.length; i++) queue[i]!.rej(new Error('abandoned'));
      queue.length = 0;
      head = 0;
      for (const req of active) req.destroy();
      agent.destroy();
    },
  };
}

/** Counters of one sampling interval (reset at every sample) and of the whole run. */
export class SoakCounters {
  // Interval.
  readingLatencies: number[] = [];
  peopleLatencies: number[] = [];
  accepted = 0;
  answeredLines = 0;
  sentLines = 0;
  rejectedLines = 0;
  errors = 0;
  requests = 0;
  peopleFiles = 0;
  peoplePositions = 0;
  generateMsMax = 0;
  lateSendMsMax = 0;
  // Run.
  totalSentLines = 0;
  totalAnsweredLines = 0;
  totalAccepted = 0;
  totalRejectedLines = 0;
  totalErrors = 0;
  totalSkippedLines = 0;
  totalPeopleFiles = 0;
  inFlight = 0;
  readonly firstErrors: string[] = [];

  noteError(what: string): void {
    this.errors++;
    this.totalErrors++;
    if (this.firstErrors.length < 5) this.firstErrors.push(what);
  }

  /** Takes the interval's figures and starts the next interval. */
  takeInterval() {
    const out = {
      readingLatencies: this.readingLatencies.sort((a, b) => a - b),
      peopleLatencies: this.peopleLatencies.sort((a, b) => a - b),
      accepted: this.accepted,
      answeredLines: this.answeredLines,
      sentLines: this.sentLines,
      rejectedLines: this.rejectedLines,
      errors: this.errors,
      requests: this.requests,
      peopleFiles: this.peopleFiles,
      peoplePositions: this.peoplePositions,
      generateMsMax: this.generateMsMax,
      lateSendMsMax: this.lateSendMsMax,
    };
    this.readingLatencies = [];
    this.peopleLatencies = [];
    this.accepted = 0;
    this.answeredLines = 0;
    this.sentLines = 0;
    this.rejectedLines = 0;
    this.errors = 0;
    this.requests = 0;
    this.peopleFiles = 0;
    this.peoplePositions = 0;
    this.generateMsMax = 0;
    this.lateSendMsMax = 0;
    return out;
  }
}

/** The p-th percentile of ascending values (nearest rank), or null when there are none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

/** Busy and total CPU time of the whole machine so far (/proc/stat; USER_HZ 100), or null. */
export function machineCpuMs(readFile: (p: string) => string): { busyMs: number; totalMs: number } | null {
  try {
    const f = readFile('/proc/stat').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    return { busyMs: (total - f[3]! - f[4]!) * 10, totalMs: total * 10 };
  } catch {
    return null;
  }
}
