import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { createAuditInbox } from '../src/audit/inbox.js';
import { sequencePass } from '../src/audit/sequencer.service.js';
import { startBenchDatabase } from './audit-overhead-harness.js';

const dir = await mkdtemp(path.join(tmpdir(), 'phidesk-overhead-db-'));
const database = await startBenchDatabase(dir, 10);
try {
  const port = createAuditInbox(database.handle.db, { addressHashKey: Buffer.alloc(32) });
  const tenant = randomUUID();
  const actor = { tenantId: tenant, id: randomUUID(), kind: 'api_key' as const, authMethod: 'api_key' as const, keyId: randomUUID(), requestId: randomUUID(), clientAddress: '127.0.0.1' };
  const mk = () => Array.from({ length: 20 }, () => ({ action: 'user.read', resourceType: 'User', resourceId: randomUUID(), outcome: 'allowed' as const }));
  const session = new Session(); session.connect();
  await session.post('Profiler.enable'); await session.post('Profiler.start');
  for (let round = 0; round < 3; round++) {
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 1000; i++) { writes.push(port.writeDetached(tenant, actor, mk())); if (writes.length >= 16) { await Promise.all(writes); writes.length = 0; } }
    await Promise.all(writes);
    const c0 = process.cpuUsage();
    await sequencePass(database.handle.db);
    const c = process.cpuUsage(c0); console.log('seq node µs/event', ((c.user + c.system) / 20000).toFixed(1));
  }
  const { profile } = await session.post('Profiler.stop');
  const self = new Map<string, number>();
  const nodes = new Map(profile.nodes.map((n: any) => [n.id, n]));
  const dt: number[] = profile.timeDeltas; const samples: number[] = profile.samples;
  for (let i = 0; i < samples.length; i++) { const n: any = nodes.get(samples[i]); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0)); }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((100 * v / total).toFixed(1) + '%', k);
} finally {
  await database.stop();
  await rm(dir, { recursive: true, force: true });
}
