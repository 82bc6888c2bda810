// Reads every audit event of a tenant wherever it is right now: still in the inbox, or
// already chained by the sequencer. Tests assert on what was recorded, not on timing.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';

export async function auditEvents(db: Kysely<Database>, tenantId?: string): Promise<Array<Record<string, any>>> {
  let inbox = db.selectFrom('audit_inbox').select('body');
  let chained = db.selectFrom('audit_events').select('body');
  if (tenantId) {
    inbox = inbox.where('tenant_id', '=', tenantId);
    chained = chained.where('tenant_id', '=', tenantId);
  }
  const [a, b] = await Promise.all([inbox.execute(), chained.execute()]);
  return [
    ...a.map((r) => (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as Record<string, any>),
    ...b.map((r) => JSON.parse(r.body) as Record<string, any>),
  ];
}
