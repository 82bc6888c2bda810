import { sql, type Kysely } from 'kysely';

// Tenants set their own attachment limits (PUT /v1/attachment-settings, GraphQL
// updateAttachmentSettings): the runtime role may now insert and update its tenant's row
// of attachment_settings (migration 0015 granted only select). No delete: a tenant
// changes its limits, it does not remove them. The tenant_isolation policy of 0015
// (tenantRls: USING and WITH CHECK tenant_id = app_tenant_id(), for every command)
// confines both to the caller's tenant, the upsert's ON CONFLICT update included; RLS
// stays enabled and forced. The policy and the forcing are checked first, so the grant
// never lands on a table where they were dropped by hand.
export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ forced: boolean; policies: number }>`
    select c.relrowsecurity and c.relforcerowsecurity as forced,
      (select count(*)::int from pg_policies p
        where p.tablename = 'attachment_settings' and p.policyname = 'tenant_isolation'
          and p.cmd = 'ALL' and 'phidesk_app' = any (p.roles)
          and p.qual is not null and p.with_check is not null) as policies
    from pg_class c
    where c.oid = 'attachment_settings'::regclass`.execute(db);
  const state = rows[0];
  if (!state?.forced || state.policies !== 1)
    throw new Error(
      'attachment_settings must have row level security enabled and forced, with the tenant_isolation policy ' +
        'of migration 0015, before phidesk_app may write it.',
    );
  await sql`grant insert, update on attachment_settings to phidesk_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`revoke insert, update on attachment_settings from phidesk_app`.execute(db);
}
