#!/usr/bin/env node
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { createApiToken, listApiTokens, revokeTokenAsOperator } from '../core/access/tokens.ts';
import {
  createGatewayCredential,
  gatewayUser,
  listBrokerUsers,
  REDLINE_MQTT_USER,
  revokeGatewayCredential,
  setBrokerCredential,
} from '../ingest/mqtt/broker-credentials.ts';
import { principalFor, publicUser } from '../core/access/authentication.ts';
import { verifyAuditLog } from '../core/audit/verify-audit-log.ts';
import { buildBriefingForRegion } from '../core/briefing/briefing-use-cases.ts';
import { isDomainError } from '../core/errors.ts';
import { renderBriefingPdf } from '../reports/briefing-pdf.ts';
import { renderBriefingXlsx } from '../reports/briefing-xlsx.ts';
import { importMines } from '../core/registry/mine-import.ts';
import { ingestDirectoryOnce, summarizeReports } from '../ingest/files/inbox-watcher.ts';
import { startIngestAdapters } from '../ingest/mqtt/ingest-adapters.ts';
import { readTable } from '../platform/tabular/read-table.ts';
import { argon2Hasher, cryptoSecrets } from '../platform/system.ts';
import { buildApp, embeddedMonitoring } from '../server/app.ts';
import { startWalCheckpointer } from '../storage/dialect/wal-checkpointer.ts';
import { closedBefore } from '../storage/telemetry/block-store.ts';
import { startCompactionWorker } from '../storage/telemetry/compaction-worker.ts';
import { EmbeddedMonitoringView } from '../monitoring/monitoring-view.ts';
import {
  openRuntime,
  readDemoAccounts,
  seedCountryIfEmpty,
  seedDemoIfEmpty,
  type Runtime,
} from './context.ts';
import { startDemoMonitoring, type DemoMonitoring } from './demo-monitoring.ts';
import {
  createMonitoringRuntime,
  readingTimePolicyOf,
  withMineChanged,
} from '../monitoring/monitoring-wiring.ts';
import { alwaysLeader, runJobs } from '../platform/job-runner.ts';
import { periodicJobs } from '../jobs/periodic-jobs.ts';
import { createLogger } from '../platform/logger.ts';
import { registerClusterCommands } from './cluster-commands.ts';
import { registerStorageCommands } from './storage-commands.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function withRuntime<T>(work: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(loadConfig(process.env));
  try {
    return await work(rt);
  } finally {
    await rt.database.close();
  }
}

async function asUser(rt: Runtime, username: string) {
  const user = await rt.ports.users.getByUsername(username);
  if (!user) throw new Error(`No user "${username}".`);
  return principalFor(rt.ports, publicUser(user), 'token');
}

const program = new Command()
  .name('redline')
  .description('Redline — coal mine safety supervision platform')
  .showHelpAfterError();

program
  .command('serve')
  .description('Start the platform (API and web UI)')
  .option('--demo', 'seed the demo province when the database is empty', false)
  .action(async (opts: { demo: boolean }) => {
    const config = loadConfig(process.env);
    const rt = await openRuntime(config);
    // A SQLite file's WAL checkpoints and compaction run off the event loop (ADR 0005, amendments 4, 5).
    const sqlitePath = config.databaseUrl.replace(/^sqlite:/, '');
    const checkpointer = rt.database.sqlite
      ? startWalCheckpointer(rt.database.sqlite, sqlitePath, (m) => console.error(`WAL checkpoint: ${m}`))
      : null;
    const compaction =
      rt.database.sqlite && sqlitePath !== ':memory:' ? startCompactionWorker(sqlitePath) : null;
    let accounts = readDemoAccounts(config);
    if (opts.demo) {
      const seeded = await seedDemoIfEmpty(rt);
      accounts = seeded.accounts;
      if (seeded.seeded) console.log(`Seeded ${seeded.description}.`);
    }
    const { runtime, hub } = createMonitoringRuntime(rt.database, rt.ports, {
      escalationMinutes: config.alarmEscalationMinutes,
      readingTime: readingTimePolicyOf(config),
      preAlarmFraction: config.preAlarmFraction,
    });
    await runtime.start();
    const ingest = startIngestAdapters({
      runtime,
      ports: rt.ports,
      mqttUrl: config.mqttUrl,
      mqttClientId: config.mqttClientId,
      mqttCredentials: config.mqttCredentials,
      inboxDir: config.inboxDir,
    });
    // The periodic jobs (src/jobs/periodic-jobs.ts), this one process always leading; a mine changed
    // by a use case reaches the engine through the mineChanged port (ADR 0010).
    const view = new EmbeddedMonitoringView(runtime);
    const ports = withMineChanged(rt.ports, view);
    const logger = createLogger();
    const jobs = runJobs(
      periodicJobs({
        ports,
        db: rt.database.db,
        view,
        runtime,
        config,
        log: logger,
        ...(compaction
          ? { compactor: { compactReadings: (nowMs: number) => compaction.compact(closedBefore(nowMs)) } }
          : {}),
      }),
      alwaysLeader(),
      logger,
    );
    let demo: DemoMonitoring | null = null;
    if (opts.demo) {
      demo = await startDemoMonitoring({
        ports: rt.ports,
        runtime,
        seed: config.demoSeed,
        intervalMs: config.simIntervalMs,
        log: (m) => console.log(m),
      });
      console.log(
        `Demo simulator: ${demo.simulator.layouts.size} mines, one poll every ${config.simIntervalMs / 1000} s.`,
      );
    }
    const app = await buildApp({
      ports,
      hasher: argon2Hasher,
      secrets: cryptoSecrets,
      config,
      webRoot: resolve(repoRoot, 'web/dist'),
      logger: { level: config.logLevel },
      monitoring: embeddedMonitoring(runtime, hub, demo?.scenarios),
      evidenceDir: join(config.dataDir, 'evidence'),
    });
    const close = async (exitCode = 0) => {
      await jobs.close();
      demo?.stop();
      await ingest.close();
      await app.close();
      await compaction?.close();
      await checkpointer?.close();
      await rt.database.close();
      process.exit(exitCode);
    };
    process.once('SIGINT', () => void close());
    process.once('SIGTERM', () => void close());
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (e) {
      // A server that cannot take its port must not linger (issue 13): stop everything, exit non-zero.
      const code = (e as NodeJS.ErrnoException).code ?? '';
      console.error(
        `Cannot listen on ${config.host}:${config.port}${code ? ` (${code})` : ''}: ${e instanceof Error ? e.message : String(e)}`,
      );
      await close(1);
    }
    const url = `http://${config.host}:${config.port}`;
    console.log(`\nRedline is running at ${url}  (API docs: ${url}/api/docs, database: ${rt.database.kind})`);
    if (accounts.length > 0) {
      console.log(`Demo accounts (also in ${join(config.dataDir, 'demo-accounts.json')}):`);
      for (const a of accounts) console.log(`  ${a.username.padEnd(9)} ${a.password.padEnd(22)} ${a.role}`);
    }
  });

program
  .command('seed')
  .description(
    'Seed an empty database: the demo province (REDLINE_DEMO_AREA, REDLINE_DEMO_YEAR), or with --country every mine of China in a year',
  )
  .option('--mines <n>', 'at most this many demo mines', (v) => Number.parseInt(v, 10))
  .option(
    '--country <year>',
    'every mine of that year (2011–2023), grouped into provinces by position',
    (v) => Number.parseInt(v, 10),
  )
  .action(async (opts: { mines?: number; country?: number }) => {
    await withRuntime(async (rt) => {
      const started = performance.now();
      const r =
        opts.country !== undefined
          ? await seedCountryIfEmpty(rt, opts.country)
          : await seedDemoIfEmpty(rt, opts.mines ?? rt.config.demoMines);
      if (!r.seeded) {
        console.error('The database already has regions; nothing seeded. Use an empty DATABASE_URL.');
        process.exitCode = 1;
        return;
      }
      console.log(
        JSON.stringify({
          seeded: true,
          ...(opts.country !== undefined ? { country: opts.country } : {}),
          mines: r.mines,
          users: r.accounts.length,
          ms: Math.round(performance.now() - started),
        }),
      );
    });
  });

program
  .command('import')
  .description('Import mines from a CSV or XLSX file; prints a JSON report with per-row errors')
  .argument('<file>', 'CSV (UTF-8 or GB18030) or XLSX file')
  .requiredOption('--as <username>', 'the regulator account the import is recorded under')
  .action(async (file: string, opts: { as: string }) => {
    await withRuntime(async (rt) => {
      const table = await readTable(readFileSync(file));
      const report = await importMines(rt.ports, await asUser(rt, opts.as), table);
      console.log(JSON.stringify(report, null, 2));
      if (report.rejected > 0) process.exitCode = 2;
    });
  });

program
  .command('ingest-files')
  .description(
    'Take the national upload files in a directory once: store them, then move each to processed/ or rejected/ (with <name>.reason.json); incomplete files stay. Prints a JSON summary',
  )
  .argument('<dir>', 'directory of <mineCode>_<TYPE>_<yyyyMMddHHmmss>.txt files (UTF-8 or GB18030)')
  .action(async (dir: string) => {
    await withRuntime(async (rt) => {
      const { runtime } = createMonitoringRuntime(rt.database, rt.ports);
      await runtime.start();
      const reports = await ingestDirectoryOnce(
        { runtime, store: rt.ports.monitoring, ids: rt.ports.ids, clock: rt.ports.clock },
        dir,
      );
      console.log(JSON.stringify(summarizeReports(reports), null, 2));
      if (reports.some((r) => r.outcome !== 'stored')) process.exitCode = 2;
    });
  });

const scenario = program.command('scenario').description('Scripted incidents in a running demo (npm start)');
scenario
  .command('start')
  .description('Start songzao (belt fire) or diaoshuidong (people in a closed mine) on the running server')
  .argument('<name>', 'songzao | diaoshuidong')
  .option('--mine <id>', 'the mine (default: the server picks a suitable one in your scope)')
  .option('--url <url>', 'the running server', 'http://127.0.0.1:8080')
  .requiredOption(
    '--token <token>',
    'an API token of a regulator (npx redline token create --user province …)',
  )
  .action(async (name: string, opts: { mine?: string; url: string; token: string }) => {
    const res = await fetch(new URL('/api/scenarios', opts.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, ...(opts.mine ? { mineId: opts.mine } : {}) }),
    });
    const body: unknown = await res.json();
    console.log(JSON.stringify(body, null, 2));
    if (!res.ok) process.exitCode = 1;
  });

program
  .command('report')
  .description('The briefing of a region for a period as PDF (Chinese) or XLSX')
  .requiredOption('--region <id>', 'region code, e.g. 990000')
  .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
  .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
  .option('--format <format>', 'pdf | xlsx', 'pdf')
  .option('--out <file>', 'where to write it (default: briefing-<region>-<from>-<to>.<format>)')
  .option('--issuer <name>', 'who signs the briefing (printed under the PDF title)')
  .action(
    async (opts: {
      region: string;
      from: string;
      to: string;
      format: string;
      out?: string;
      issuer?: string;
    }) => {
      if (opts.format !== 'pdf' && opts.format !== 'xlsx') {
        throw new Error(`--format must be pdf or xlsx, not "${opts.format}".`);
      }
      await withRuntime(async (rt) => {
        const b = await buildBriefingForRegion(rt.ports, opts.region, { from: opts.from, to: opts.to });
        const issuer = opts.issuer === undefined ? undefined : { name: opts.issuer, unit: b.region.name };
        const bytes =
          opts.format === 'pdf' ? await renderBriefingPdf(b, { issuer }) : await renderBriefingXlsx(b);
        const out = opts.out ?? `briefing-${b.region.id}-${b.period.from}-${b.period.to}.${opts.format}`;
        writeFileSync(out, bytes);
        console.log(
          JSON.stringify({ file: out, bytes: bytes.length, region: b.region.name, mines: b.mines.total }),
        );
      });
    },
  );

const audit = program.command('audit').description('Audit trail tools');
audit
  .command('verify')
  .description('Verify the hash chain of the audit log; names the first broken entry')
  .action(async () => {
    await withRuntime(async (rt) => {
      const result = await verifyAuditLog(rt.ports);
      console.log(JSON.stringify(result, null, 2));
      if (!result.ok) process.exitCode = 3;
    });
  });

const token = program.command('token').description('API tokens for machine clients');
token
  .command('create')
  .description('Create an API token for a user (e.g. a mine safety officer, for the mine upload gateway)')
  .requiredOption('--user <username>', 'the account the token acts as')
  .requiredOption('--name <name>', 'what the token is for')
  .option('--scopes <list>', 'comma-separated: ingest (default), read, write', 'ingest')
  .option('--expires <iso>', 'expiry, in the future (default and at most: a year from now)')
  .action(async (opts: { user: string; name: string; scopes: string; expires?: string }) => {
    await withRuntime(async (rt) => {
      const t = await createApiToken({ ...rt.ports, secrets: cryptoSecrets }, await asUser(rt, opts.user), {
        name: opts.name,
        scopes: opts.scopes.split(',').map((x) => x.trim()),
        expiresAt: opts.expires ?? null,
      });
      console.log(JSON.stringify(t, null, 2));
    });
  });
token
  .command('list')
  .description("List a user's API tokens: id, name, scopes, expiry, last use, state (never the secret)")
  .requiredOption('--user <username>', 'whose tokens')
  .action(async (opts: { user: string }) => {
    await withRuntime(async (rt) => {
      const items = await listApiTokens(rt.ports, await asUser(rt, opts.user));
      console.log(JSON.stringify(items, null, 2));
    });
  });
token
  .command('revoke')
  .description('Revoke an API token by id (audited as the installation operator); it stops working at once')
  .argument('<id>', 'the token id (tok-…), from `token list`')
  .action(async (id: string) => {
    await withRuntime(async (rt) => {
      const t = await revokeTokenAsOperator(rt.ports, { id: 'cli', name: 'command line (operator)' }, id);
      console.log(JSON.stringify(t, null, 2));
    });
  });

const brokerFiles = () => {
  const config = loadConfig(process.env);
  return {
    passwordFile: config.mqttPasswordFile,
    aclFile: config.mqttAclFile,
    topicPrefix: 'redline',
  };
};
const gatewayCredential = program
  .command('gateway-credential')
  .description(
    "The MQTT broker's credentials: one per mine gateway, publishing only under its mine's topics",
  );
gatewayCredential
  .command('create')
  .description(
    "Create or renew a gateway's broker password (printed once) and regenerate the ACL; then reload Mosquitto (SIGHUP)",
  )
  .option('--mine <code>', "the mine's code (the gateway's username is gateway-<code>)")
  .option('--redline', "Redline's own subscriber (username redline; set MQTT_USERNAME/MQTT_PASSWORD)", false)
  .action(async (opts: { mine?: string; redline: boolean }) => {
    const files = brokerFiles();
    if (opts.redline === (opts.mine !== undefined))
      throw new Error('Give either --mine <code> or --redline.');
    const username = opts.mine ? gatewayUser(opts.mine) : REDLINE_MQTT_USER;
    const password = opts.mine
      ? await createGatewayCredential(files, opts.mine)
      : await setBrokerCredential(files, REDLINE_MQTT_USER);
    console.log(
      JSON.stringify(
        { username, password, passwordFile: files.passwordFile, aclFile: files.aclFile },
        null,
        2,
      ),
    );
    console.error('The password is shown only now. Reload the broker: kill -HUP $(pidof mosquitto)');
  });
gatewayCredential
  .command('revoke')
  .description("Remove a gateway's broker credential and its ACL lines; then reload Mosquitto (SIGHUP)")
  .requiredOption('--mine <code>', "the mine's code")
  .action(async (opts: { mine: string }) => {
    const removed = await revokeGatewayCredential(brokerFiles(), opts.mine);
    console.log(JSON.stringify({ username: gatewayUser(opts.mine), removed }));
  });
gatewayCredential
  .command('list')
  .description('The users of the broker password file')
  .action(async () => {
    console.log(JSON.stringify(await listBrokerUsers(brokerFiles()), null, 2));
  });

registerClusterCommands(program, repoRoot);
registerStorageCommands(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else if (isDomainError(e)) console.error(`${e.code}: ${e.message}`);
  else console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
