import { z } from 'zod';

/**
 * All configuration, validated once at start-up. Every bad variable is reported at once. Nothing else
 * reads process.env; the frozen result is passed down as a dependency.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .min(1)
    .default('./data/redline.db')
    .refine(
      (v) => !/^(mysql|mariadb|mongodb):/.test(v),
      'only SQLite file paths and postgres:// URLs are supported',
    ),
  REDLINE_DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  REDLINE_DEMO_SEED: z.coerce.number().int().default(20201204),
  REDLINE_DEMO_MINES: z.coerce.number().int().min(2).max(100_000).optional(),
  REDLINE_DEMO_AREA: z
    .string()
    .default('guizhou')
    .refine(
      (v) => /^[a-z]+$/.test(v) || /^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/.test(v),
      'expected an area name (guizhou, chongqing, shanxi, heilongjiang, synthetic) or minLon,minLat,maxLon,maxLat',
    ),
  REDLINE_DEMO_YEAR: z.coerce.number().int().min(2011).max(2023).default(2019),
  REDLINE_REFDATA_DIR: z.string().min(1).optional(),
  REDLINE_RAW_RETENTION_DAYS: z.coerce.number().int().min(92).max(3650).default(100),
  REDLINE_AGGREGATE_RETENTION_DAYS: z.coerce.number().int().min(731).max(36500).default(1100),
  REDLINE_ALARM_ESCALATION_MINUTES: z
    .string()
    .default('critical=1,high=5,medium=30')
    .transform((v, ctx) => {
      const out: Record<'critical' | 'high' | 'medium' | 'low', number | null> = {
        critical: null,
        high: null,
        medium: null,
        low: null,
      };
      for (const part of v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        const m = /^(critical|high|medium|low)=(\d+(?:\.\d+)?|never)$/.exec(part);
        if (!m) {
          ctx.addIssue({ code: 'custom', message: `"${part}" is not priority=minutes (or =never)` });
          return z.NEVER;
        }
        out[m[1] as keyof typeof out] = m[2] === 'never' ? null : Number(m[2]);
      }
      return out;
    }),
  REDLINE_READING_FUTURE_SKEW_S: z.coerce.number().int().min(0).max(86_400).default(300),
  REDLINE_READING_LATE_AFTER_S: z.coerce.number().int().min(1).max(86_400).default(300),
  REDLINE_PRE_ALARM_FRACTION: z.coerce.number().gt(0).lt(1).default(0.8),
  REDLINE_SILENT_MINE_CASE_AFTER_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  REDLINE_SIM_INTERVAL_MS: z.coerce.number().int().min(1000).max(300_000).default(10_000),
  MQTT_URL: z
    .string()
    .default('mqtt://127.0.0.1:1883')
    .refine(
      (v) => v === '' || /^(mqtts?|wss?):\/\/[^/]+/.test(v),
      'expected mqtt://host:port (or mqtts://, ws://, wss://), or empty to disable',
    ),
  MQTT_CLIENT_ID: z.string().min(1).max(128).default('redline-ingest'),
  // The broker's credential of Redline's own subscriber (`npx redline gateway-credential create --redline`).
  MQTT_USERNAME: z.string().max(128).default(''),
  MQTT_PASSWORD: z.string().max(256).default(''),
  // The broker's password and ACL files that `npx redline gateway-credential` maintains.
  MQTT_PASSWORD_FILE: z.string().min(1).default('./deploy/mosquitto/passwd'),
  MQTT_ACL_FILE: z.string().min(1).default('./deploy/mosquitto/acl'),
  REDLINE_INBOX: z.string().default(''),
  NATS_URL: z
    .string()
    .default('nats://127.0.0.1:4222')
    .refine((v) => /^(nats|tls):\/\/[^/]+/.test(v), 'expected nats://host:port'),
  REDLINE_NATS_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,31}$/, 'lower-case letters, digits and _ (it names subjects and the stream)')
    .default('redline'),
  REDLINE_PARTITIONS: z.coerce.number().int().min(1).max(1024).default(12),
  REDLINE_WORKER_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  REDLINE_POINT_CAPACITY: z.coerce.number().int().min(1000).max(20_000_000).default(1_000_000),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessionTtlMs: number;
  cookieSecure: boolean;
  demoSeed: number;
  /** At most this many demo mines (a subset with the area's capacity spread); null: all the area's. */
  demoMines: number | null;
  /**
   * Where the demo province's mines come from: a named area or a lon/lat box of the real mine data
   * (`guizhou`), or `synthetic` for the invented province.
   */
  demoArea: string;
  /** The year of the real mine data the demo province shows (2011–2023). */
  demoYear: number;
  /** The reference data folder (holding china-coal-mines-2011-2023/); null: ../shared/refdata. */
  refdataDir: string | null;
  /** Raw readings are kept this many days (the regulation asks for at least 3 months). */
  rawRetentionDays: number;
  /** Per-minute aggregates are kept this many days (at least 2 years). */
  aggregateRetentionDays: number;
  /** Minutes an unacknowledged alarm of each priority waits before escalating one level (null: never). */
  alarmEscalationMinutes: Record<'critical' | 'high' | 'medium' | 'low', number | null>;
  /**
   * Platform policy (no regulation sets these): a reading dated more than this ahead of the
   * receiving clock is refused; one received later than `readingLateAfterMs` after its time is late.
   */
  readingFutureSkewMs: number;
  readingLateAfterMs: number;
  /** Platform policy: a gas pre-alarm at this fraction of the alarm level (default 0.8). */
  preAlarmFraction: number;
  /** Platform policy: a mine silent this long (any status but closed) gets a case (ADR 0014; default 24 h). */
  silentMineCaseAfterMs: number;
  /** How often the demo simulator sends one poll of every mine. */
  simIntervalMs: number;
  /** MQTT broker the ingest adapter subscribes to; null when disabled (MQTT_URL empty). */
  mqttUrl: string | null;
  /** The adapter's fixed client id, under which the broker keeps its session. */
  mqttClientId: string;
  /** Redline's own credential at the broker; null when the broker is open (development only). */
  mqttCredentials: { username: string; password: string } | null;
  /** The broker's password and ACL files (the gateway-credential command writes them). */
  mqttPasswordFile: string;
  mqttAclFile: string;
  /** Directory watched for national upload files; null when off. */
  inboxDir: string | null;
  /** Distributed mode: the NATS server (JetStream) between gateways, workers and API servers. */
  natsUrl: string;
  /** Names the JetStream stream and subjects (several clusters or test runs can share one NATS). */
  natsPrefix: string;
  /** Mine partitions of the stream (fixed once the stream exists; ≥ the number of workers). */
  partitions: number;
  /** This worker's name (default: host and process id). */
  workerName: string | null;
  /** Point slots of a monitoring engine (the highest point id it can hold). */
  pointCapacity: number;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function loadConfig(env: Record<string, string | undefined>): Readonly<Config> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.REDLINE_DATA_DIR,
    logLevel: e.LOG_LEVEL,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    cookieSecure: e.COOKIE_SECURE,
    demoSeed: e.REDLINE_DEMO_SEED,
    demoMines: e.REDLINE_DEMO_MINES ?? null,
    demoArea: e.REDLINE_DEMO_AREA,
    demoYear: e.REDLINE_DEMO_YEAR,
    refdataDir: e.REDLINE_REFDATA_DIR ?? null,
    simIntervalMs: e.REDLINE_SIM_INTERVAL_MS,
    readingFutureSkewMs: e.REDLINE_READING_FUTURE_SKEW_S * 1000,
    readingLateAfterMs: e.REDLINE_READING_LATE_AFTER_S * 1000,
    preAlarmFraction: e.REDLINE_PRE_ALARM_FRACTION,
    silentMineCaseAfterMs: e.REDLINE_SILENT_MINE_CASE_AFTER_HOURS * 3_600_000,
    alarmEscalationMinutes: e.REDLINE_ALARM_ESCALATION_MINUTES,
    rawRetentionDays: e.REDLINE_RAW_RETENTION_DAYS,
    aggregateRetentionDays: e.REDLINE_AGGREGATE_RETENTION_DAYS,
    mqttUrl: e.MQTT_URL === '' ? null : e.MQTT_URL,
    mqttClientId: e.MQTT_CLIENT_ID,
    mqttCredentials: e.MQTT_USERNAME === '' ? null : { username: e.MQTT_USERNAME, password: e.MQTT_PASSWORD },
    mqttPasswordFile: e.MQTT_PASSWORD_FILE,
    mqttAclFile: e.MQTT_ACL_FILE,
    inboxDir: e.REDLINE_INBOX === '' ? null : e.REDLINE_INBOX,
    natsUrl: e.NATS_URL,
    natsPrefix: e.REDLINE_NATS_PREFIX,
    partitions: e.REDLINE_PARTITIONS,
    workerName: e.REDLINE_WORKER_NAME ?? null,
    pointCapacity: e.REDLINE_POINT_CAPACITY,
  });
}
