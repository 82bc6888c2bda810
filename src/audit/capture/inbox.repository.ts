// SQL of capture: the rows write transactions leave in audit_inbox for the sequencer
// (which reads and deletes them through audit.repository.ts).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/tenant-tx.js';
import { WITH_COMMIT } from '../../db/scoped-connection.js';

export interface InboxRow {
  id: string;
  tenant_id: string;
  occurred_at: Date;
  body: string;
}

// One statement, columns as arrays: cheaper to build and plan than a multi-row VALUES list,
// and this runs for every audited request. The bodies are JSON, which never holds a raw
// newline, so they travel as one newline-joined text instead of an escaped text[].
// In a tenant transaction it travels with the COMMIT (WITH_COMMIT): no round trip of its own.
export async function insertInboxRows(db: Kysely<Database> | Tx, rows: InboxRow[]): Promise<void> {
  await sql`${sql.raw(WITH_COMMIT)}insert into "audit_inbox" ("id", "tenant_id", "occurred_at", "body")
    select * from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.tenant_id)}::uuid[],
      ${rows.map((r) => r.occurred_at)}::timestamptz[], string_to_array(${rows.map((r) => r.body).join('\n')}::text, chr(10)))`.execute(
    db,
  );
}
