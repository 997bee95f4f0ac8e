import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createGatewayCredential,
  mosquittoConf,
  REDLINE_MQTT_USER,
  setBrokerCredential,
  type BrokerFiles,
} from '../../src/ingest/mqtt/broker-credentials.ts';
import { describeNeeding, isCi } from './engines.ts';
import { freePort } from './free-port.ts';

/**
 * A Mosquitto of the suite's own, started with Redline's configuration (password file + ACL, no
 * anonymous clients) on a free port. Outside CI a missing binary skips the suite with a reason; in CI
 * it fails it.
 */
export const MOSQUITTO = '/usr/sbin/mosquitto';
export const MOSQUITTO_PASSWD = '/usr/bin/mosquitto_passwd';

const missing = [MOSQUITTO, MOSQUITTO_PASSWD].filter((p) => !existsSync(p));
const problem = missing.length ? `${missing.join(', ')} missing (Debian package mosquitto)` : null;
if (problem && !isCi) console.warn(`[redline tests] skipping secured-broker suites: ${problem}`);

export function describeWithMosquitto(title: string, body: () => void): void {
  describeNeeding('Mosquitto', problem, title, body);
}

async function waitForPort(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = new Socket();
      sock.once('connect', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
      sock.connect(port, '127.0.0.1');
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`mosquitto did not listen on ${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface SecuredBroker {
  url: string;
  files: BrokerFiles;
  /** Redline's own credential (what MQTT_USERNAME / MQTT_PASSWORD carry). */
  redline: { username: string; password: string };
  /** Creates a gateway credential, reloading the broker so it takes effect. */
  addGateway(mineCode: string): Promise<{ username: string; password: string }>;
  /** SIGHUP: the broker re-reads its password and ACL files. */
  reload(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSecuredBroker(topicPrefix: string): Promise<SecuredBroker> {
  const dir = mkdtempSync(join(tmpdir(), 'redline-mosquitto-'));
  const files: BrokerFiles = {
    passwordFile: join(dir, 'passwd'),
    aclFile: join(dir, 'acl'),
    topicPrefix,
    mosquittoPasswd: MOSQUITTO_PASSWD,
  };
  const redlinePassword = await setBrokerCredential(files, REDLINE_MQTT_USER);
  const port = await freePort();
  const conf = join(dir, 'mosquitto.conf');
  await writeFile(
    conf,
    mosquittoConf({
      port,
      passwordFile: files.passwordFile,
      aclFile: files.aclFile,
      logFile: join(dir, 'log'),
      ...(process.getuid?.() === 0 ? { runAs: 'root' } : {}),
    }),
  );
  const proc: ChildProcess = spawn(MOSQUITTO, ['-c', conf], { stdio: 'ignore' });
  await waitForPort(port, 5000);
  const reload = async () => {
    proc.kill('SIGHUP');
    await new Promise((r) => setTimeout(r, 200));
  };
  return {
    url: `mqtt://127.0.0.1:${port}`,
    files,
    redline: { username: REDLINE_MQTT_USER, password: redlinePassword },
    async addGateway(mineCode) {
      const password = await createGatewayCredential(files, mineCode);
      await reload();
      return { username: `gateway-${mineCode}`, password };
    },
    reload,
    async stop() {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
