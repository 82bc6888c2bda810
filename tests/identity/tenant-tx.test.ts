// The tenant transaction every request runs in: scoped to the runtime role and one
// tenant, opened in one round trip (so the tenant id is checked before it is written into
// the statement), never nestable, never left open on a pooled connection, and a write
// whose transaction PostgreSQL rolled back is never reported as stored.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenantTx, RUNTIME_ROLE } from '../../src/db/tenant-tx.js';
import { connectDatabase, type DatabaseHandle } from '../../src/db/kysely.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

let database: TestDatabase;
let single: DatabaseHandle; // one connection: whatever a transaction leaves behind, the next one gets
const tenantId = randomUUID();

beforeAll(async () => {
  database = await createTestDatabase();
  single = connectDatabase(database.url, { poolMax: 1 });
  await database.db
    .insertInto('tenants')
    .values({ id: tenantId, slug: `tx-${tenantId.slice(0, 8)}`, name: 'Tx' } as never)
    .execute();
});
afterAll(async () => {
  await single?.close();
  await database?.drop();
});

const scope = sql<{ tenant: string; role: string; read_only: string }>`
  select current_setting('app.tenant_id') as tenant, current_user as role, current_setting('transaction_read_only') as read_only`;

describe('inTenantTx', () => {
  it('runs as the runtime role, scoped to the tenant, read-only when asked', async () => {
    const rw = await inTenantTx(single.db, tenantId, async (tx) => (await scope.execute(tx)).rows[0]);
    expect(rw).toEqual({ tenant: tenantId, role: RUNTIME_ROLE, read_only: 'off' });
    const ro = await inTenantTx(single.db, tenantId, async (tx) => (await scope.execute(tx)).rows[0], {
      readOnly: true,
    });
    expect(ro).toEqual({ tenant: tenantId, role: RUNTIME_ROLE, read_only: 'on' });
    await expect(
      inTenantTx(single.db, tenantId, (tx) => tx.updateTable('tenants').set({ name: 'changed' }).execute(), {
        readOnly: true,
      }),
    ).rejects.toThrow(/read-only transaction/);
    // and the scope ends with the transaction
    const after = await sql<{
      role: string;
      tenant: string | null;
    }>`select current_user as role, current_setting('app.tenant_id', true) as tenant`.execute(single.db);
    expect(after.rows[0]?.role).not.toBe(RUNTIME_ROLE);
    expect(after.rows[0]?.tenant || null).toBeNull();
  });

  it('refuses a tenant id that is not a uuid before sending anything', async () => {
    for (const bad of [`${tenantId}'; drop table tenants; --`, 'not-a-uuid', '', `${tenantId} `]) {
      await expect(inTenantTx(single.db, bad, async () => 1)).rejects.toThrow(/must be a uuid/);
    }
    expect(
      await database.db.selectFrom('tenants').select('id').where('id', '=', tenantId).executeTakeFirst(),
    ).toBeDefined();
  });

  it('cannot open a nested transaction (it would commit half-way and drop the tenant scope)', async () => {
    await expect(inTenantTx(single.db, tenantId, (tx) => tx.transaction().execute(async () => 1))).rejects.toThrow(
      /cannot open another transaction/,
    );
    await expect(inTenantTx(single.db, tenantId, async (tx) => tx.isTransaction)).resolves.toBe(true);
  });

  it('rolls back on error and leaves the pooled connection clean', async () => {
    const name = `rolled back ${randomUUID()}`;
    await expect(
      inTenantTx(single.db, tenantId, async (tx) => {
        await tx.updateTable('tenants').set({ name }).where('id', '=', tenantId).execute();
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    // the one connection is usable, outside any transaction, and the change is gone
    const state = await sql<{ in_tx: boolean }>`select now() <> statement_timestamp() as in_tx`.execute(single.db);
    expect(state.rows[0]?.in_tx).toBe(false);
    expect(
      (await database.db.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirstOrThrow())
        .name,
    ).not.toBe(name);
  });

  it('never reports as stored a write whose transaction PostgreSQL rolled back at commit', async () => {
    const name = `swallowed ${randomUUID()}`;
    await expect(
      inTenantTx(single.db, tenantId, async (tx) => {
        await tx.updateTable('tenants').set({ name }).where('id', '=', tenantId).execute();
        // a use case that catches a failed statement and carries on: the transaction is aborted
        await sql`select 1 / 0`.execute(tx).catch(() => undefined);
        return 'looks fine';
      }),
    ).rejects.toThrow(/rolled back at commit/);
    expect(
      (await database.db.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirstOrThrow())
        .name,
    ).not.toBe(name);
    await expect(inTenantTx(single.db, tenantId, async () => 'next')).resolves.toBe('next');
  });
});
