// Webhook test kit: the real app over a fresh database with an injectable DNS lookup for
// the URL guard, and a receiver on 127.0.0.1 that can fail, go down, come back, record
// every arrival and deduplicate by webhook-id as a careful integrator would.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { composeApp } from '../../src/compose.js';
import { loadOrCreateDevMasterKey, type MasterKeyProvider } from '../../src/crypto/index.js';
import type { HostLookup } from '../../src/net/url-guard.js';
import { LogCapture, testConfig, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

/** Fast retries for tests; private (loopback) receivers allowed, as only tests and development may. */
export const webhookEnv = {
  ALLOW_PRIVATE_URLS: 'true',
  WEBHOOK_POLL_MS: '50',
  WEBHOOK_RETRY_BASE_MS: '50',
  WEBHOOK_RETRY_MAX_MS: '400',
  WEBHOOK_TIMEOUT_MS: '2000',
  WEBHOOK_MAX_ATTEMPTS: '100',
  WEBHOOK_DISABLE_AFTER_FAILURES: '1000',
};

export interface AppOptions {
  env?: Record<string, string>;
  lookup?: HostLookup;
  database?: TestDatabase;
  masterKey?: MasterKeyProvider;
  auditJobs?: boolean;
  /** the environment `env` is laid over: webhookEnv unless named (SIEM tests start from none) */
  baseEnv?: Record<string, string>;
}

export async function startWebhookApp(opts: AppOptions = {}): Promise<TestApp> {
  const database = opts.database ?? (await createTestDatabase());
  const config = await testConfig({ ...(opts.baseEnv ?? webhookEnv), ...opts.env });
  const logs = new LogCapture();
  const masterKey = opts.masterKey ?? (await loadOrCreateDevMasterKey(config.masterKeyFile)).provider;
  const app = await composeApp({
    config,
    db: database.db,
    logStream: logs,
    masterKey,
    webhookLookup: opts.lookup,
    auditJobs: opts.auditJobs,
  });
  await app.ready();
  return {
    app,
    database,
    config,
    logs,
    masterKey,
    changeNotices: undefined,
    close: async () => {
      await app.close();
      if (!opts.database) await database.drop();
    },
  };
}

export interface Arrival {
  id: string;
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A receiver whose answers the test scripts: `answer` is asked for each arrival's status (0: never answer). */
export class Receiver {
  readonly arrivals: Arrival[] = [];
  answer: (n: number) => number = () => 200;
  private server: Server | undefined;
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const status = this.answer(this.arrivals.length + 1);
        this.arrivals.push({
          id: String(req.headers['webhook-id']),
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          answered: status,
        });
        if (status !== 0) res.writeHead(status).end(); // 0: hang, as a stuck receiver does
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
    return this;
  }

  /** Down: the port refuses connections until start(port) again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  /** What a deduplicating receiver keeps: the first accepted arrival of each webhook-id. */
  accepted(): Map<string, Arrival> {
    const kept = new Map<string, Arrival>();
    for (const a of this.arrivals) if (a.answered >= 200 && a.answered < 300 && !kept.has(a.id)) kept.set(a.id, a);
    return kept;
  }

  /** Verifies an arrival's signature with the standardwebhooks package; returns the parsed body. */
  static verify(secret: string, a: Arrival): { type: string; timestamp: string; data: Record<string, any> } {
    return new Webhook(secret).verify(a.body, {
      'webhook-id': String(a.headers['webhook-id']),
      'webhook-timestamp': String(a.headers['webhook-timestamp']),
      'webhook-signature': String(a.headers['webhook-signature']),
    }) as { type: string; timestamp: string; data: Record<string, any> };
  }
}

export async function until<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The receivers one test file starts, stopped together in its afterAll. */
export function receiverPool(): { start(): Promise<Receiver>; stopAll(): Promise<void> } {
  const started: Receiver[] = [];
  return {
    async start() {
      const r = await new Receiver().start();
      started.push(r);
      return r;
    },
    async stopAll() {
      await Promise.all(started.map((r) => r.stop()));
    },
  };
}
