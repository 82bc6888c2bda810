import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createAuditInbox } from '../src/audit/inbox.js';
import { sequencePass } from '../src/audit/sequencer.service.js';
import { startBenchDatabase } from './audit-overhead-harness.js';

const dir = await mkdtemp(path.join(tmpdir(), 'phidesk-overhead-db-'));
const database = await startBenchDatabase(dir, 10);
const pgPid = Number(readFileSync(path.join(dir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
function pgCpu(): number {
  let total = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(d) === pgPid || Number(f[1]) === pgPid) total += Number(f[11]) + Number(f[12]);
    } catch { /* gone */ }
  }
  return total * 10;
}
try {
  const port = createAuditInbox(database.handle.db, { addressHashKey: Buffer.alloc(32) });
  const tenant = randomUUID();
  const actor = { tenantId: tenant, id: randomUUID(), kind: 'api_key' as const, authMethod: 'api_key' as const, keyId: randomUUID(), requestId: randomUUID(), clientAddress: '127.0.0.1' };
  const N = 20000;
  for (let round = 0; round < 2; round++) {
    let p0 = pgCpu(); let c0 = process.cpuUsage(); let t0 = Date.now();
    const writes: Promise<void>[] = [];
    for (let i = 0; i < N; i++) {
      writes.push(port.writeDetached(tenant, actor, [{ action: 'user.read', resourceType: 'User', resourceId: randomUUID(), outcome: 'allowed' }]));
      if (writes.length >= 32) { await Promise.all(writes); writes.length = 0; }
    }
    await Promise.all(writes);
    let c = process.cpuUsage(c0);
    console.log('capture: pg µs/event', ((pgCpu() - p0) * 1000 / N).toFixed(1), 'node µs/event', ((c.user + c.system) / N).toFixed(1), 'wall ms', Date.now() - t0);
    p0 = pgCpu(); c0 = process.cpuUsage(); t0 = Date.now();
    let chained = 0;
    // batches as the nudged sequencer would see them
    chained += (await sequencePass(database.handle.db)).chained;
    c = process.cpuUsage(c0);
    console.log('sequence: pg µs/event', ((pgCpu() - p0) * 1000 / N).toFixed(1), 'node µs/event', ((c.user + c.system) / N).toFixed(1), 'wall ms', Date.now() - t0, chained);
  }
} finally {
  await database.stop();
  await rm(dir, { recursive: true, force: true });
}
