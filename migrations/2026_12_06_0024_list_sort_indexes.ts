import { sql, type Kysely } from 'kysely';

// The orders of `GET /v1/tickets?sort=` (src/tickets/ticket-sort.ts) and `GET
// /v1/contacts?sort=` (src/contacts/contacts.repository.ts), each served by an index so a
// page is an index range scan however many rows a tenant has. tenant_id leads, as in every
// tenant index: RLS adds tenant_id = app_tenant_id() to each query. createdAt is served by
// tickets_tenant_order (0006) and contacts_tenant_created (0004).
//
// updatedAt gets the id as its tie-breaker, which makes 0006's tickets_updated (tenant_id,
// updated_at) redundant (updatedSince filters use the new one): it is replaced rather than
// kept, since every comment moves a ticket's updated_at and each index on it is paid for on
// that write. priority and status sort by rank in their natural order; the planner uses an
// expression index only for the same expression, so these `case` expressions are written
// exactly as ticket-sort.ts builds them.
const rank = (column: string, values: readonly string[]) =>
  `(case ${column} ${values.map((v, i) => `when '${v}' then ${i + 1}`).join(' ')} end)`;

const indexes = [
  ['tickets', 'tickets_tenant_updated_order', 'tenant_id, updated_at, id'],
  [
    'tickets',
    'tickets_tenant_priority_order',
    `tenant_id, ${rank('priority', ['low', 'normal', 'high', 'urgent'])}, created_at, id`,
  ],
  [
    'tickets',
    'tickets_tenant_status_order',
    `tenant_id, ${rank('status', ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'])}, created_at, id`,
  ],
  ['contacts', 'contacts_tenant_updated_order', 'tenant_id, updated_at, id'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, name, columns] of indexes)
    await sql.raw(`create index ${name} on ${table} (${columns})`).execute(db);
  await sql`drop index tickets_updated`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index tickets_updated on tickets (tenant_id, updated_at)`.execute(db);
  for (const [, name] of indexes) await sql.raw(`drop index ${name}`).execute(db);
}
