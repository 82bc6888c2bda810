import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pino from 'pino';
import { buildApp } from '../src/app.js';
import { authenticateCredentials } from '../src/auth/authenticator.js';
import { createJwtVerifier } from '../src/auth/jwt-verifier.js';
import { createAuditTrail } from '../src/audit/trail.js';
import { rootFieldsOf } from '../src/graphql/gate.js';
import { loadSchemaSdl } from '../src/graphql/schema.js';
import { createTenant } from '../src/tenants/tenants.service.js';
import { usersRoutes } from '../src/users/users.routes.js';
import { benchConfig, droppingPort, startBenchDatabase } from './audit-overhead-harness.js';

const mode = process.argv[2] ?? 'full';
const config = await benchConfig();
const dir = await mkdtemp(path.join(tmpdir(), 'phidesk-overhead-db-'));
const database = await startBenchDatabase(dir, 10);
try {
  const tenant = await createTenant(database.handle.db, { slug: 'bench', name: 'Bench', allowHttpJwks: false });
  async function mk(kind: string) {
    const trail = kind === 'none' ? undefined : await createAuditTrail(config, database.handle.db, { runJobs: kind === 'full' });
    const services = { db: database.handle.db, audit: trail?.port ?? droppingPort };
    const verifier = createJwtVerifier({ lookupIssuer: async () => [], clockSkewSeconds: 30, maxSessionAgeSeconds: 3600, jwksCacheMaxAgeMs: 60_000, allowHttpJwks: false });
    const app = await buildApp({ config, logStream: pino.destination('/dev/null'), restAreas: [usersRoutes(services)],
      fieldPolicies: Object.fromEntries(rootFieldsOf(loadSchemaSdl()).map((f) => [f, 'authenticated' as const])),
      readiness: async () => undefined,
      authenticate: (request) => authenticateCredentials({ ...services, verifier }, { apiKey: request.headers['x-api-key'] as string, clientAddress: request.ip, requestId: request.id }) });
    await trail?.attach(app);
    return { app, base: await app.listen({ host: '127.0.0.1', port: 0 }) };
  }
  const apps = { none: await mk('none'), capture: await mk('capture'), full: await mk('full') };
  let id = '';
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`${apps.none.base}/v1/users`, { method: 'POST', headers: { 'x-api-key': tenant.adminKey, 'content-type': 'application/json' }, body: JSON.stringify({ displayName: `u${i}` }) });
    id ||= ((await res.json()) as { id: string }).id;
  }
  const p = process.argv[3] === 'list' ? '/v1/users?limit=20' : `/v1/users/${id}`;
  const { readFileSync, readdirSync } = await import('node:fs');
  const pgPid = Number(readFileSync(path.join(dir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const tick = 100;
  function pgCpu(): number {
    let total = 0;
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const f = readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ');
        const ppid = Number(f[1]);
        if (Number(d) === pgPid || ppid === pgPid) total += Number(f[11]) + Number(f[12]);
      } catch {}
    }
    return total / tick;
  }
  const N = Number(process.env['N'] ?? 4000);
  for (let r = 0; r < 3; r++) for (const k of ['none', 'capture', 'full'] as const) {
    const c0 = process.cpuUsage(); const p0 = pgCpu(); const t0 = Date.now();
    const res = await autocannon({ url: apps[k].base + p, headers: { 'x-api-key': tenant.adminKey }, connections: 32, amount: N, workers: 1 } as never);
    if (k === 'full') await new Promise((r) => setTimeout(r, 300));
    const c = process.cpuUsage(c0); const pg = pgCpu() - p0;
    console.log(k, 'rps', Math.round(res.requests.average), 'node ms/req', ((c.user + c.system) / 1000 / N).toFixed(3), 'pg ms/req', (pg * 1000 / N).toFixed(3), 'wall', Date.now() - t0);
  }
  for (const a of Object.values(apps)) await a.app.close();
} finally {
  await database.stop();
  await rm(dir, { recursive: true, force: true });
}
