// Acceptance 2, the crash: a server process (src/main.ts, as `npm start` runs it) commits
// ticket changes, its dispatcher is mid-delivery to a receiver that does not answer, and
// the process is killed with SIGKILL (no shutdown hook runs). A second process on the same
// database delivers every event: the outbox row committed with the change, and the dead
// process's claims were leases that ran out.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { Receiver, until, webhookEnv } from './helpers.js';

async function post(server: ServerProcess, url: string, apiKey: string, body: unknown): Promise<any> {
  const res = await fetch(`${server.base}${url}`, {
    method: 'POST',
    headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

let database: TestDatabase;
let dataDir: string;
let receiver: Receiver;
const servers: ServerProcess[] = [];
let env: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'phidesk-webhook-crash-'));
  receiver = await new Receiver().start();
  env = {
    ...webhookEnv,
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '100000',
    RATE_LIMIT_ADDRESS_MAX: '10000000',
    WEBHOOK_TIMEOUT_MS: '1000', // the lease: 1 s + 5 s
  };
}, 60_000);

afterAll(async () => {
  for (const s of servers) {
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGTERM');
    await s.exited;
  }
  await receiver?.stop();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 30_000);

describe('a server killed between commit and delivery', () => {
  it('loses no event: another process delivers them all', async () => {
    const a = await startServerProcess(env);
    servers.push(a);
    const adminKey = readFileSync(path.join(dataDir, 'demo-admin.key'), 'utf8').trim();
    const { secret } = await post(a, '/v1/webhook-endpoints', adminKey, {
      url: receiver.url,
      eventTypes: ['ticket.created'],
    });
    const supervisor = (await post(a, '/v1/api-keys', adminKey, { name: 'desk', roles: ['supervisor'] }))
      .secret as string;
    receiver.answer = () => 0; // stuck: A's attempts hang, nothing is acknowledged
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await post(a, '/v1/tickets', supervisor, { subject: `Crash ${i}` })).id);
    await until(
      () => receiver.arrivals.length,
      (n) => n >= 1,
    ); // A is mid-delivery
    a.child.kill('SIGKILL');
    await a.exited;
    expect(receiver.accepted().size).toBe(0);

    receiver.answer = () => 200;
    servers.push(await startServerProcess(env));
    const accepted = await until(
      () => receiver.accepted(),
      (m) => m.size >= 5,
      40_000,
    );
    const bodies = [...accepted.values()].map((x) => Receiver.verify(secret, x));
    expect(new Set(bodies.map((b) => b.data['ticketId']))).toEqual(new Set(ids));
  }, 180_000);
});
