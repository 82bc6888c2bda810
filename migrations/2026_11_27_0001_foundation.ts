import { sql, type Kysely } from 'kysely';

// The runtime role every request transaction switches to (SET LOCAL ROLE). It owns
// nothing, so FORCEd row-level security and per-table grants always apply to it.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    do $$
    begin
      if not exists (select 1 from pg_roles where rolname = 'phidesk_app') then
        create role phidesk_app nologin;
      end if;
      -- The connecting (owner) user must be able to SET ROLE to it.
      begin
        execute format('grant phidesk_app to %I', current_user);
      exception when others then
        raise notice 'could not grant phidesk_app to %: %', current_user, sqlerrm;
      end;
    end
    $$`.execute(db);
  await sql`grant usage on schema public to phidesk_app`.execute(db);

  // The tenant the current transaction is pinned to; NULL outside tenant transactions,
  // so policies comparing against it match nothing.
  await sql`
    create or replace function app_tenant_id() returns uuid
    language sql stable parallel safe as
    $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$`.execute(db);
  await sql`grant execute on function app_tenant_id() to phidesk_app`.execute(db);

  await db.schema
    .createTable('tenants')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'`),
    )
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 200`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active', 'suspended', 'shredded')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`alter table tenants enable row level security`.execute(db);
  await sql`alter table tenants force row level security`.execute(db);
  await sql`create policy tenant_self on tenants using (id = app_tenant_id())`.execute(db);
  await sql`grant select, update on tenants to phidesk_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tenants').execute();
  await sql`drop function if exists app_tenant_id()`.execute(db);
}
