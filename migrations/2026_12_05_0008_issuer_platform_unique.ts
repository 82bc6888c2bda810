import { sql, type Kysely } from 'kysely';

// An issuer belongs to one tenant, platform-wide. While two tenants could register the
// same issuer string, the later registration (with a JWKS its tenant controls) decided
// how the earlier tenant's tokens verified, and neither tenant could see or remove the
// other's row. A unique index holds where a check in the service cannot: the runtime role
// sees only its own tenant's rows (RLS), but an index covers every row, so the INSERT of
// a taken issuer trips it whichever tenant holds it (tenants.repository.ts insertIssuer).
// It replaces the per-tenant unique constraint and the plain index on issuer, which it
// makes redundant.
//
// Existing duplicates stop the migration with a message instead of being resolved here:
// only an operator can tell which tenant genuinely owns an issuer, and deleting the
// wrong registration would lock the owner's users out while keeping a squatter's. A fresh
// database has none. To find them (owner connection):
//   select issuer, array_agg(tenant_id) from tenant_issuers group by issuer having count(*) > 1;
// then delete the registrations that do not belong and migrate again.
export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from (select issuer from tenant_issuers group by issuer having count(*) > 1) duplicated`.execute(
    db,
  );
  const duplicated = rows[0]?.n ?? 0;
  if (duplicated > 0) {
    throw new Error(
      `${duplicated} issuer(s) are registered by more than one tenant; an issuer must belong to one tenant. ` +
        'List them with: select issuer, array_agg(tenant_id) from tenant_issuers group by issuer having count(*) > 1; ' +
        'delete the registrations that do not belong, then migrate again.',
    );
  }
  await db.schema.createIndex('tenant_issuers_issuer_unique').on('tenant_issuers').column('issuer').unique().execute();
  await db.schema.dropIndex('tenant_issuers_issuer').execute();
  await sql`alter table tenant_issuers drop constraint tenant_issuers_tenant_issuer`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table tenant_issuers add constraint tenant_issuers_tenant_issuer unique (tenant_id, issuer)`.execute(
    db,
  );
  await db.schema.createIndex('tenant_issuers_issuer').on('tenant_issuers').column('issuer').execute();
  await db.schema.dropIndex('tenant_issuers_issuer_unique').execute();
}
