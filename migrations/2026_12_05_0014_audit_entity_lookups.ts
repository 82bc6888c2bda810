import { sql, type Kysely } from 'kysely';

// "Who accessed patient X" and "what touched record R" from the GIN indexes of migration
// 0013, under row-level security. A request's queries run as the runtime role, where
// audit_events' policy (tenant_id = app_tenant_id()) is a security barrier: PostgreSQL
// uses a condition of the query as an index condition only if its operator is leakproof,
// and the array operators (@>, &&) are not. So `entity_contact_ids @> array[X]` could
// never use its GIN index there: the lookup walked the tenant's events by the primary
// key, filtering each (bench/RESULTS.md, "Audit lookups at a million events": 367 ms and
// 98k buffers for one ticket at 1.2M events, growing with the trail).
//
// These functions run the GIN lookup as the table's owner and return only seq numbers,
// of the caller's tenant alone: the same tenant_id = app_tenant_id() the policy applies,
// written into the query (as audit_pending_stats of migration 0003 does). The caller
// reads the rows themselves by (tenant_id, seq) under its own policy, and checks the
// array condition again on them. The tenant is compared on the GIN lookup's rows, behind
// OFFSET 0: a SQL function's query is planned without its argument's value, and so
// planned, PostgreSQL ANDed the GIN bitmap with the primary key's bitmap of the whole
// tenant (1,641 buffers and 12-33 ms instead of 159 buffers and 0.2 ms at 1.2M events).
// A record's uuid is one tenant's, so the lookup reads that tenant's matches and no more.
const lookups = [
  { fn: 'audit_event_seqs_naming_contact', param: 'contact_id', column: 'entity_contact_ids' },
  { fn: 'audit_event_seqs_naming_entity', param: 'entity_id', column: 'entity_ids' },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const { fn, param, column } of lookups) {
    await sql
      .raw(
        `create function ${fn}(${param} uuid) returns setof bigint
        language sql stable security definer set search_path = public, pg_temp rows 100 as $$
          select seq from (
            select tenant_id, seq from audit_events
            where ${column} is not null and ${column} @> array[${param}]
            offset 0
          ) named where tenant_id = app_tenant_id()
        $$`,
      )
      .execute(db);
    await sql.raw(`revoke all on function ${fn}(uuid) from public`).execute(db);
    await sql.raw(`grant execute on function ${fn}(uuid) to phidesk_app`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { fn } of lookups) await sql.raw(`drop function if exists ${fn}(uuid)`).execute(db);
}
