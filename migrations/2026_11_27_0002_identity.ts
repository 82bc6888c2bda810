import { sql, type Kysely } from 'kysely';

// Row-level security for a tenant-owned table: the runtime role sees and writes only
// rows of the tenant pinned by app.tenant_id; the owner (migrations, authentication
// lookups before a tenant is known, the audit sequencer) keeps full access. FORCE makes
// the owner subject to policies too, so its access is an explicit policy, not an accident.
export async function tenantRls(db: Kysely<any>, table: string): Promise<void> {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  await sql`create policy tenant_isolation on ${sql.table(table)} to phidesk_app
    using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id())`.execute(db);
  await sql
    .raw(
      `do $$ begin execute format('create policy owner_access on ${table} to %I using (true) with check (true)', current_user); end $$`,
    )
    .execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `do $$ begin execute format('create policy owner_access on tenants to %I using (true) with check (true)', current_user); end $$`,
    )
    .execute(db);
  await sql`alter table tenants add column require_mfa_for_phi boolean not null default false`.execute(db);

  await db.schema
    .createTable('tenant_issuers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('jwks_uri', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('roles_claim', 'text', (c) => c.notNull().defaultTo('roles'))
    .addColumn('groups_claim', 'text', (c) => c.notNull().defaultTo('groups'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('tenant_issuers_tenant_issuer', ['tenant_id', 'issuer'])
    .execute();
  await db.schema.createIndex('tenant_issuers_issuer').on('tenant_issuers').column('issuer').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('issuer', 'text')
    .addColumn('subject', 'text')
    .addColumn('email', 'text')
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('roles', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('contact_id', 'uuid')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active', 'disabled')`),
    )
    .addColumn('sessions_revoked_after', 'timestamptz')
    .addColumn('last_seen_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('users_tenant_identity', ['tenant_id', 'issuer', 'subject'])
    .execute();
  await db.schema.createIndex('users_tenant_created').on('users').columns(['tenant_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('groups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 100`))
    .addColumn('description', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('groups_tenant_name', ['tenant_id', 'name'])
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('group_id', 'uuid', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('group_members_user').on('group_members').column('user_id').execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 100`))
    .addColumn('prefix', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'bytea', (c) => c.notNull())
    .addColumn('roles', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{integration}'`))
    .addColumn('scopes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('allowed_cidrs', sql`cidr[]`)
    .addColumn('expires_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('api_keys_tenant_created')
    .on('api_keys')
    .columns(['tenant_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('break_glass_grants')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('actor_id', 'uuid', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'uuid', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(reason) between 10 and 1000`))
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('reviewed_by', 'uuid')
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('review_outcome', 'text', (c) => c.check(sql`review_outcome in ('justified', 'unjustified')`))
    .addColumn('review_note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('break_glass_active')
    .on('break_glass_grants')
    .columns(['tenant_id', 'actor_id', 'expires_at'])
    .execute();

  // Domain events for webhooks and notifications (an outbox; never PHI values).
  await db.schema
    .createTable('domain_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('domain_events_tenant_created')
    .on('domain_events')
    .columns(['tenant_id', 'created_at'])
    .execute();

  for (const table of [
    'tenant_issuers',
    'users',
    'groups',
    'group_members',
    'api_keys',
    'break_glass_grants',
    'domain_events',
  ]) {
    await tenantRls(db, table);
  }
  await sql`grant select, insert, update, delete on tenant_issuers, users, groups, group_members, api_keys to phidesk_app`.execute(
    db,
  );
  await sql`grant select, insert, update on break_glass_grants to phidesk_app`.execute(db);
  await sql`grant select, insert on domain_events to phidesk_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'domain_events',
    'break_glass_grants',
    'api_keys',
    'group_members',
    'groups',
    'users',
    'tenant_issuers',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await sql`alter table tenants drop column require_mfa_for_phi`.execute(db);
  await sql`drop policy if exists owner_access on tenants`.execute(db);
}
