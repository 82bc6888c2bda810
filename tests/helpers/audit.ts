// Reads every audit event of a tenant wherever it is right now: still in the inbox, or
// already chained by the sequencer. Tests assert on what was recorded, not on timing.
// One statement, so one snapshot: the sequencer moving events between the two tables
// concurrently can neither hide an event nor show it twice.
import { eventFromRow, type StoredEventRow } from '../../src/audit/chain/stored-event.js';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';

export async function auditEvents(db: Kysely<Database>, tenantId?: string): Promise<Array<Record<string, any>>> {
  const tenant = tenantId === undefined ? sql`true` : sql`tenant_id = ${tenantId}`;
  const { rows } = await sql<Pick<StoredEventRow, 'body' | 'entity_ids' | 'entity_contact_ids'> & { chained: boolean }>`
    select body, null::uuid[] as entity_ids, null::uuid[] as entity_contact_ids, false as chained from audit_inbox where ${tenant}
    union all
    select body, entity_ids, entity_contact_ids, true from audit_events where ${tenant}`.execute(db);
  return rows.map((row) => {
    if (!row.chained) return JSON.parse(row.body) as Record<string, any>;
    // as readers see it: an operation's entity ids spliced back from their columns
    const { prevHash: _p, hash: _h, ...event } = eventFromRow(row as unknown as StoredEventRow);
    return event as Record<string, any>;
  });
}

/** One record an event names: its own resource (single-record form) or one of its entities. */
export interface Touch {
  action: string;
  type: string;
  id: string;
  phiFields: string[];
  contactId: string | null;
}

/** Every record an event names, in either form, so tests can ask "was record R read" alike. */
export function touches(event: Record<string, any>): Touch[] {
  const groups = event['entities'] as
    | Array<{ action: string; type: string; phiFields: string[]; ids: string[]; contactIds: Array<string | null> }>
    | undefined
    | null;
  if (!groups)
    return [
      {
        action: event['action'],
        type: event['resource'].type,
        id: event['resource'].id,
        phiFields: event['phiFields'],
        contactId: event['subjectContactId'] ?? null,
      },
    ];
  return groups.flatMap((g) =>
    g.ids.map((id, i) => ({ action: g.action, type: g.type, id, phiFields: g.phiFields, contactId: g.contactIds[i]! })),
  );
}
