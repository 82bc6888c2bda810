import { sql, type Kysely } from 'kysely';

// Every server process caches authentication (src/auth/auth-cache.ts): API key -> actor,
// token -> actor, with the tenant settings and break-glass grants that go with them. A
// change to any row behind such an entry must reach every process within a second, so
// the database itself announces it: a trigger on each table sends a NOTIFY on
// `phidesk_auth_changes` when the transaction commits (src/db/change-notices.ts listens).
// Triggers leave no side door: the REST and GraphQL services, the CLI (keys revoke,
// retire, shred) and a hand-written UPDATE all notify alike, and a rolled-back change
// notifies nobody.
//
// The payload is small JSON naming the table, the tenant and the row the cache is keyed
// by, never a value: {"table": "users", "tenantId": "...", "id": "..."}. For
// group_members the id is the member (user), for break_glass_grants the grant's holder
// (a user or an API key), for tenants and tenant_keys the tenant.
//
// Columns that change on every use (api_keys.last_used_at, users.last_seen_at) are left
// out of the UPDATE OF lists, so stamping them does not flush the entry that just used them.
const channel = 'phidesk_auth_changes';

const watched: Array<{ table: string; tenantColumn: string; idColumn: string; events: string }> = [
  {
    table: 'api_keys',
    tenantColumn: 'tenant_id',
    idColumn: 'id',
    events: 'update of tenant_id, prefix, secret_hash, roles, scopes, allowed_cidrs, expires_at, revoked_at or delete',
  },
  {
    table: 'users',
    tenantColumn: 'tenant_id',
    idColumn: 'id',
    events: 'update of tenant_id, issuer, subject, roles, contact_id, status, sessions_revoked_after or delete',
  },
  { table: 'group_members', tenantColumn: 'tenant_id', idColumn: 'user_id', events: 'insert or update or delete' },
  // token group claims are resolved by group name
  { table: 'groups', tenantColumn: 'tenant_id', idColumn: 'id', events: 'insert or update or delete' },
  { table: 'tenant_issuers', tenantColumn: 'tenant_id', idColumn: 'id', events: 'insert or update or delete' },
  { table: 'tenants', tenantColumn: 'id', idColumn: 'id', events: 'update or delete' },
  { table: 'tenant_keys', tenantColumn: 'tenant_id', idColumn: 'tenant_id', events: 'insert or update or delete' },
  {
    table: 'break_glass_grants',
    tenantColumn: 'tenant_id',
    idColumn: 'actor_id',
    events: 'insert or update or delete',
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  // Column names come from the trigger's arguments, so one function serves every table.
  // to_jsonb reads the row in memory only; just the two ids leave in the payload.
  await sql
    .raw(
      `create function phidesk_notify_auth_change() returns trigger language plpgsql as $$
      declare
        row_json jsonb := to_jsonb(coalesce(new, old));
      begin
        perform pg_notify('${channel}', json_build_object(
          'table', tg_table_name,
          'tenantId', row_json ->> tg_argv[0],
          'id', row_json ->> tg_argv[1])::text);
        return null;
      end $$`,
    )
    .execute(db);
  for (const { table, tenantColumn, idColumn, events } of watched) {
    await sql
      .raw(
        `create trigger ${table}_auth_change after ${events} on ${table}
        for each row execute function phidesk_notify_auth_change('${tenantColumn}', '${idColumn}')`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { table } of watched) await sql.raw(`drop trigger ${table}_auth_change on ${table}`).execute(db);
  await sql`drop function phidesk_notify_auth_change()`.execute(db);
}
