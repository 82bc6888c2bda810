// Reads every audit event of a tenant wherever it is right now: still in the inbox, or
// already chained by the sequencer. Tests assert on what was recorded, not on timing.
// One statement, so one snapshot: the sequencer moving events between the two tables
// concurrently can neither hide an event nor show it twice.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';

export async function auditEvents(db: Kysely<Database>, tenantId?: string): Promise<Array<Record<string, any>>> {
  const tenant = tenantId === undefined ? sql`true` : sql`tenant_id = ${tenantId}`;
  const { rows } = await sql<{ body: string }>`
    select body from audit_inbox where ${tenant}
    union all
    select body from audit_events where ${tenant}`.execute(db);
  return rows.map((r) => (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as Record<string, any>);
}
