// Re-seal throughput on real PostgreSQL: the `phidesk keys reseal` job (src/keys/
// reseal.service.ts) moving a tenant's contacts from one key version to the next, end
// to end (batched SELECT ... FOR UPDATE, open + seal of every field, one UPDATE per
// batch, progress saved per batch). Reported in sealed fields per second.
//
// Run: node --import tsx bench/reseal.bench.ts [rows]
// Uses BENCH_DATABASE_URL (a server URL whose user may create databases) when set,
// otherwise an embedded PostgreSQL 18 in a temporary directory.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { createAuditInbox } from '../src/audit/index.js';
import { Keyring, blindIndex, createMasterKeyFile, sealValue } from '../src/crypto/index.js';
import { PgTenantKeyStore } from '../src/crypto/pg-tenant-key-store.js';
import { withDatabase } from '../src/db/admin.js';
import { connectDatabase } from '../src/db/kysely.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { cliActor } from '../src/cli/system-actor.js';
import * as keys from '../src/keys/keys.service.js';
import { resealTenant } from '../src/keys/reseal.service.js';
import { createTenant } from '../src/tenants/tenants.service.js';
import { fmt, median } from './lib.js';
import { postgresServer } from './postgres.js';

const ROWS = Number(process.argv[2] ?? 20_000);
const ROUNDS = 3;
const BATCH_SIZES = [100, 500, 1000];

const dir = await mkdtemp(path.join(tmpdir(), 'phidesk-reseal-bench-'));
const pgServer = await postgresServer(dir, { machine: false });
const dbName = `phidesk_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: pgServer.url });
await admin.connect();
await admin.query(`create database ${dbName}`);
const version = (await admin.query('show server_version')).rows[0].server_version as string;
const handle = connectDatabase(withDatabase(pgServer.url, dbName), { poolMax: 4 });
try {
  const db = handle.db;
  await migrateToLatest(db);
  const tenantId = (await createTenant(db, { slug: 'bench', name: 'bench', allowHttpJwks: false })).tenant.id;
  const store = new PgTenantKeyStore(db);
  const keyring = new Keyring({
    masterKey: await createMasterKeyFile(path.join(dir, 'master.key')),
    store,
    cacheMaxAgeMs: 3_600_000,
  });
  await keyring.ensureTenantKey(tenantId);
  const key = await keyring.activeKey(tenantId);
  const mrnKey = await keyring.blindIndexKey(tenantId, 'contacts', 'mrn');

  // contacts with every field filled, at realistic sizes
  const fields = {
    name: () => `Patient ${randomBytes(5).toString('hex')} Example`,
    email: () => `p.${randomBytes(5).toString('hex')}@example.org`,
    phone: () => `+1 555 ${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
    date_of_birth: () => '1970-01-01',
    address: () =>
      JSON.stringify({
        line1: `${Math.floor(Math.random() * 999)} Elm Street`,
        city: 'Springfield',
        postalCode: '12345',
        country: 'US',
      }),
    mrn: () => `MRN-${randomBytes(4).toString('hex')}`,
    health_plan_member_id: () => `HP${randomBytes(5).toString('hex')}`,
    external_ids: () => JSON.stringify([{ system: 'fhir', value: `Patient/${randomBytes(6).toString('hex')}` }]),
  };
  const columns = Object.keys(fields) as (keyof typeof fields)[];
  for (let start = 0; start < ROWS; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, ROWS - start) }, () => {
      const id = randomUUID();
      const row: Record<string, unknown> = { id, tenant_id: tenantId, key_version: key.version };
      for (const c of columns)
        row[c] = sealValue(key, { tenantId, table: 'contacts', column: c, rowId: id }, fields[c]());
      row['mrn_bidx'] = blindIndex(mrnKey, 'identifier', `MRN-${start}`);
      return row;
    });
    await db
      .insertInto('contacts')
      .values(rows as never)
      .execute();
  }
  await sql`analyze contacts`.execute(db); // what autovacuum does soon after a bulk load
  const sizes = await sql<{
    avg: number;
  }>`select avg(length(name) + length(email) + length(phone) + length(date_of_birth) + length(address) + length(mrn) + length(health_plan_member_id) + length(external_ids))::int / 8 as avg from contacts`.execute(
    db,
  );

  const deps: keys.KeysDeps = {
    db,
    keyring,
    store,
    cacheMaxAgeMs: 1,
    actorFor: cliActor,
    audit: createAuditInbox(db, { addressHashKey: randomBytes(32) }),
  };
  const ref = await keys.resolveTenant(deps, 'bench');
  const results: Array<{ batch: number; rates: number[] }> = [];
  for (const batch of BATCH_SIZES) {
    const rates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await keys.rotateTenantKey(deps, ref);
      const started = process.hrtime.bigint();
      const result = await resealTenant(deps, ref, { batchSize: batch, waitForSettle: false });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (result.rowsDone !== ROWS || result.rowsFailed !== 0)
        throw new Error(`unexpected result ${JSON.stringify(result)}`);
      rates.push(result.fieldsDone / seconds);
    }
    results.push({ batch, rates: rates.sort((a, b) => a - b) });
  }
  keyring.clear();

  console.log(
    `PostgreSQL ${version}${process.env['BENCH_DATABASE_URL'] ? '' : ' (embedded)'}, Node ${process.version}, ${ROWS.toLocaleString('en-US')} contacts x ${columns.length} sealed fields (mean ${sizes.rows[0]!.avg} B sealed), median and best of ${ROUNDS} runs\n`,
  );
  console.log('| batch size | fields/s (median) | fields/s (best) | rows/s (median) |');
  console.log('|---:|---:|---:|---:|');
  for (const { batch, rates } of results) {
    const mid = median(rates);
    console.log(`| ${batch} | ${fmt(mid)} | ${fmt(rates[rates.length - 1]!)} | ${fmt(mid / columns.length)} |`);
  }
} finally {
  await handle.close();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  await pgServer.stop();
  await rm(dir, { recursive: true, force: true });
}
