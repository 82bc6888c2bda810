// Acceptance 4: durability. A real server process (`node --import tsx src/main.ts` on a
// cloned test database) is killed with SIGKILL while under load. Afterwards every
// request that got a 2xx has all its events in the inbox or the chain (nothing was
// answered before its events were durable), and after a sequencer pass all of them are
// in a valid chain.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditKeys } from '../../src/audit/checkpoint/audit-keys.js';
import { DirectoryCheckpointSink } from '../../src/audit/checkpoint/checkpoint-sink.js';
import { verifyChain } from '../../src/audit/export/verify.js';
import { loadConfig } from '../../src/config.js';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { auditEvents } from '../helpers/audit.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { drainInbox, storedChain } from './trail-fixture.js';
import { freeLoopbackPort } from '../../src/db/embedded.js';

const root = path.resolve(import.meta.dirname, '../..');
// The kill comes once this many requests were answered (however slow a shared machine
// is), with every worker still sending: some requests are always in flight.
const ANSWERED_BEFORE_KILL = 400;
const MAX_LOAD_MS = 30_000;
const CONCURRENCY = 24;

let database: TestDatabase;
let dataDir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'phidesk-durability-'));
});
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

interface Answered {
  requestId: string;
  events: number;
}

describe('a server killed with SIGKILL under load', () => {
  it("never answered 2xx before the request's events were durable", async () => {
    const tenant = await createTenant(database.db, { slug: 'durability', name: 'Durability', allowHttpJwks: false });
    const port = await freeLoopbackPort();
    const env = {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '/root',
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '1000000',
      RATE_LIMIT_ADDRESS_MAX: '10000000',
      DB_POOL_MAX: '12',
    };
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = server;
    let output = '';
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<void>((resolve) => server.on('exit', () => resolve()));

    const base = `http://127.0.0.1:${port}`;
    for (const started = Date.now(); ; await new Promise((r) => setTimeout(r, 200))) {
      if (server.exitCode !== null) throw new Error(`server exited: ${output.slice(-2000)}`);
      if (Date.now() - started > 60_000) throw new Error(`server not ready: ${output.slice(-2000)}`);
      if (
        await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
    }

    const headers = { 'x-api-key': tenant.adminKey, 'content-type': 'application/json' };
    const answered: Answered[] = [];
    let alive = true;
    let counter = 0;
    const userIds: string[] = [];
    async function worker(w: number): Promise<void> {
      while (alive) {
        const requestId = `dur-${w}-${String(counter++).padStart(6, '0')}`;
        const kind = counter % 3;
        try {
          if (kind === 0 || userIds.length === 0) {
            const res = await fetch(`${base}/v1/users`, {
              method: 'POST',
              headers: { ...headers, 'x-request-id': requestId },
              body: JSON.stringify({ displayName: `Load ${requestId}` }),
            });
            if (res.status === 201) {
              userIds.push(((await res.json()) as { id: string }).id);
              answered.push({ requestId, events: 1 });
            }
          } else if (kind === 1) {
            const res = await fetch(`${base}/v1/users?limit=5`, { headers: { ...headers, 'x-request-id': requestId } });
            if (res.status === 200)
              // one operation: one event naming every user listed
              answered.push({
                requestId,
                events: ((await res.json()) as { items: unknown[] }).items.length > 0 ? 1 : 0,
              });
          } else {
            const res = await fetch(`${base}/v1/users/${userIds[counter % userIds.length]}`, {
              headers: { ...headers, 'x-request-id': requestId },
            });
            if (res.status === 200) answered.push({ requestId, events: 1 });
          }
        } catch {
          return; // the server is gone: this request got no answer, so it promised nothing
        }
      }
    }
    const workers = Array.from({ length: CONCURRENCY }, (_, w) => worker(w));
    for (const started = Date.now(); answered.length < ANSWERED_BEFORE_KILL && Date.now() - started < MAX_LOAD_MS;) {
      await new Promise((r) => setTimeout(r, 20));
    }
    server.kill('SIGKILL');
    await exited;
    alive = false;
    await Promise.all(workers);
    expect(server.signalCode).toBe('SIGKILL');
    expect(answered.length).toBeGreaterThanOrEqual(ANSWERED_BEFORE_KILL);

    // Right after the kill: every answered request's events are stored (inbox or chain).
    const countByRequest = (events: Array<Record<string, any>>) => {
      const counts = new Map<string, number>();
      for (const e of events) counts.set(e['requestId'], (counts.get(e['requestId']) ?? 0) + 1);
      return counts;
    };
    const stored = countByRequest(await auditEvents(database.db, tenant.tenant.id));
    const missing = answered.filter((a) => (stored.get(a.requestId) ?? 0) !== a.events);
    expect(missing, 'answered 2xx without its events').toEqual([]);

    // After a sequencer pass: all of them chained, in a chain that verifies with the dead server's checkpoints.
    await drainInbox(database.db);
    const chain = await storedChain(database.db, tenant.tenant.id);
    const chained = countByRequest(chain as unknown as Array<Record<string, any>>);
    expect(answered.filter((a) => (chained.get(a.requestId) ?? 0) !== a.events)).toEqual([]);
    const config = loadConfig({ DATA_DIR: dataDir });
    const keys = await loadAuditKeys(config);
    const checkpoints = await new DirectoryCheckpointSink(config.audit.checkpointDir).list(tenant.tenant.id);
    const report = await verifyChain(chain, { publicKey: keys.publicKeys, checkpoints });
    expect(report.ok, JSON.stringify(report.tenants[0]?.findings)).toBe(true);
    expect(report.tenants[0]!.checked).toBe(chain.length);
  }, 120_000);
});
