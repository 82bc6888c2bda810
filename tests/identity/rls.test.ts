// Acceptance 4 (RLS): with the tenant filter deliberately left out of a repository
// query, another tenant's rows still cannot be read or written inside a tenant
// transaction, because PostgreSQL row-level security (FORCEd, runtime role) holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, seedTenant, type SeededTenant } from '../helpers/actors.js';
import { inTenantTx } from '../../src/db/tenant-tx.js';
import { selectUsers } from '../../src/users/users.repository.js';

let t: TestApp;
let a: SeededTenant;
let b: SeededTenant;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedTenant(t);
  b = await seedTenant(t);
  for (const [tenant, name] of [
    [a, 'Alice A'],
    [b, 'Bob B'],
  ] as const) {
    expect((await client(t.app, { apiKey: tenant.adminKey }).post('/v1/users', { displayName: name })).statusCode).toBe(
      201,
    );
    expect(
      (await client(t.app, { apiKey: tenant.adminKey }).post('/v1/groups', { name: `${name} team` })).statusCode,
    ).toBe(201);
  }
});
afterAll(async () => t?.close());

// audit_inbox is insert-only for the runtime role, so it is not readable at all (tested below).
const tenantTables = [
  'users',
  'groups',
  'group_members',
  'api_keys',
  'tenant_issuers',
  'break_glass_grants',
  'domain_events',
  'audit_events',
];

describe('row-level security', () => {
  it('a repository query without its tenant filter sees only the pinned tenant', async () => {
    const rows = await inTenantTx(t.database.db, a.tenantId, (tx) => selectUsers(tx).execute());
    expect(rows.map((r) => r.display_name)).toEqual(['Alice A']);
    expect(rows.every((r) => r.tenant_id === a.tenantId)).toBe(true);
  });

  it('raw SQL over every tenant-owned table sees no row of another tenant', async () => {
    for (const table of tenantTables) {
      const rows = await inTenantTx(t.database.db, a.tenantId, (tx) =>
        sql<{ tenant_id: string }>`select tenant_id from ${sql.table(table)}`.execute(tx),
      );
      expect(
        rows.rows.filter((r) => r.tenant_id !== a.tenantId),
        table,
      ).toEqual([]);
    }
    // and the owner connection (outside any tenant transaction) does see both: the rows exist
    const all = await t.database.db.selectFrom('users').select('tenant_id').execute();
    expect(new Set(all.map((r) => r.tenant_id))).toEqual(new Set([a.tenantId, b.tenantId]));
  });

  it('every tenant-owned table the runtime role can reach has FORCEd row-level security', async () => {
    // One catalogue query over oids (pg_class joined to pg_attribute), never table names:
    // a name-based privilege check evaluated before the schema filter could meet a name from
    // another schema, depending on the plan.
    const res = await sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity
        from pg_class c
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
       where c.relkind in ('r', 'p') and c.relnamespace = 'public'::regnamespace
         and (has_table_privilege('phidesk_app', c.oid, 'select') or has_table_privilege('phidesk_app', c.oid, 'insert'))
       order by c.relname`.execute(t.database.db);
    expect(res.rows.map((r) => r.relname)).toEqual(expect.arrayContaining(tenantTables));
    for (const row of res.rows) {
      expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
    }
  });

  it("cannot update, delete or insert another tenant's rows", async () => {
    const updated = await inTenantTx(t.database.db, a.tenantId, (tx) =>
      tx.updateTable('users').set({ display_name: 'pwned' }).where('tenant_id', '=', b.tenantId).executeTakeFirst(),
    );
    expect(Number(updated.numUpdatedRows)).toBe(0);
    const deleted = await inTenantTx(t.database.db, a.tenantId, (tx) =>
      tx.deleteFrom('groups').where('tenant_id', '=', b.tenantId).executeTakeFirst(),
    );
    expect(Number(deleted.numDeletedRows)).toBe(0);
    await expect(
      inTenantTx(t.database.db, a.tenantId, (tx) =>
        tx
          .insertInto('users')
          .values({
            tenant_id: b.tenantId,
            issuer: null,
            subject: null,
            email: null,
            display_name: 'planted',
            roles: ['tenant_admin'],
            contact_id: null,
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const bUsers = await t.database.db
      .selectFrom('users')
      .select('display_name')
      .where('tenant_id', '=', b.tenantId)
      .execute();
    expect(bUsers.map((u) => u.display_name)).toEqual(['Bob B']);
  });

  it('outside a tenant transaction the runtime role sees nothing at all', async () => {
    const rows = await t.database.db.transaction().execute(async (tx) => {
      await sql`set local role phidesk_app`.execute(tx);
      return sql`select id from users`.execute(tx);
    });
    expect(rows.rows).toEqual([]);
  });

  it('the runtime role cannot change audit history', async () => {
    await expect(
      inTenantTx(t.database.db, a.tenantId, (tx) => sql`delete from audit_events`.execute(tx)),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inTenantTx(t.database.db, a.tenantId, (tx) => sql`update audit_inbox set tenant_id = tenant_id`.execute(tx)),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inTenantTx(t.database.db, a.tenantId, (tx) => sql`select * from audit_inbox`.execute(tx)),
    ).rejects.toThrow(/permission denied/);
  });
});
