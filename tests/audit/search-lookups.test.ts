// searchEvents by patient or record (src/audit/audit.repository.ts): two index lookups, the
// single-record columns and the operations' entity arrays (through the functions of
// migration 0014, since under RLS the array operators cannot use the GIN index directly),
// merged by seq. An event naming the patient both ways appears once; pages follow seq in
// either order across both forms; another tenant's events never show.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchEvents, type EventFilter } from '../../src/audit/audit.repository.js';
import { inTenantTx } from '../../src/db/tenant-tx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

const tenantId = '00000000-0000-4000-a000-0000000000c1';
const otherTenant = '00000000-0000-4000-a000-0000000000c2';
const patient = '10000000-0000-4000-8000-000000000001';
const ticket = '20000000-0000-4000-8000-000000000001';
const elsewhere = '10000000-0000-4000-8000-000000000099';

// seq: how the event names the patient and the ticket
const events: Array<{ seq: number; subject: string | null; contacts: string[] | null; ids: string[] | null }> = [
  { seq: 1, subject: patient, contacts: null, ids: null }, // single-record read of the patient
  { seq: 2, subject: null, contacts: [elsewhere, patient], ids: [elsewhere, ticket] }, // a list naming both
  { seq: 3, subject: null, contacts: [elsewhere], ids: [elsewhere] }, // neither
  { seq: 4, subject: patient, contacts: [patient, patient], ids: [ticket, elsewhere] }, // both ways at once
  { seq: 5, subject: null, contacts: [patient], ids: null },
  { seq: 6, subject: patient, contacts: null, ids: null },
];

let database: TestDatabase;

async function insert(tenant: string, e: (typeof events)[number], resourceId: string): Promise<void> {
  await sql`insert into audit_events (tenant_id, seq, id, occurred_at, actor_id, action, resource_type, resource_id,
      subject_contact_id, outcome, body, prev_hash, hash, entity_ids, entity_contact_ids)
    values (${tenant}, ${e.seq}, gen_random_uuid(), now(), 'actor', 'contact.read', 'Ticket', ${resourceId},
      ${e.subject}, 'allowed', '{}', ${'0'.repeat(64)}, ${'1'.repeat(64)}, ${e.ids}::uuid[], ${e.contacts}::uuid[])`.execute(
    database.db,
  );
}

const search = (filter: EventFilter, page: { afterSeq?: number; limit: number; order: 'asc' | 'desc' }) =>
  inTenantTx(database.db, tenantId, (tx) => searchEvents(tx, tenantId, filter, page), { readOnly: true }).then((rows) =>
    rows.map((r) => Number(r.seq)),
  );

beforeAll(async () => {
  database = await createTestDatabase();
  for (const e of events) await insert(tenantId, e, e.seq === 6 ? ticket : '*');
  // the same names in another tenant: never found from this one
  for (const e of events) await insert(otherTenant, e, ticket);
});
afterAll(async () => database?.drop());

describe('audit search by patient or record', () => {
  it('finds the patient in the columns and in the entity arrays, each event once, in seq order', async () => {
    expect(await search({ contactId: patient }, { limit: 50, order: 'asc' })).toEqual([1, 2, 4, 5, 6]);
    expect(await search({ contactId: patient }, { limit: 50, order: 'desc' })).toEqual([6, 5, 4, 2, 1]);
  });

  it('pages across both forms in either order', async () => {
    expect(await search({ contactId: patient }, { limit: 2, order: 'asc' })).toEqual([1, 2]);
    expect(await search({ contactId: patient }, { afterSeq: 2, limit: 2, order: 'asc' })).toEqual([4, 5]);
    expect(await search({ contactId: patient }, { afterSeq: 5, limit: 2, order: 'asc' })).toEqual([6]);
    expect(await search({ contactId: patient }, { afterSeq: 5, limit: 2, order: 'desc' })).toEqual([4, 2]);
  });

  it('finds a record by its columns or an operation naming it, and combines with other filters', async () => {
    expect(await search({ resourceType: 'Ticket', resourceId: ticket }, { limit: 50, order: 'asc' })).toEqual([
      2, 4, 6,
    ]);
    expect(
      await search({ resourceType: 'Ticket', resourceId: ticket, contactId: patient }, { limit: 50, order: 'asc' }),
    ).toEqual([2, 4, 6]);
    expect(await search({ contactId: patient, actorId: 'someone else' }, { limit: 50, order: 'asc' })).toEqual([]);
  });

  it('the lookup functions answer nothing outside a tenant transaction', async () => {
    const { rows } = await sql<{
      seq: string;
    }>`select audit_event_seqs_naming_contact(${patient}::uuid) as seq`.execute(database.db);
    expect(rows).toEqual([]);
  });
});
