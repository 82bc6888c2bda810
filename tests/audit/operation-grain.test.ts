// One audit event per operation (issue 14, acceptance 1 and 2): a list of 20 contacts is
// one event naming all 20, found by each patient's index lookup; a GraphQL page of
// tickets with their requesters, assignees and last comments is one event naming every
// record it read; an operation larger than one event is split into chained parts with
// nothing left out; and a patient dropped from an event's entity list is tampering.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationEvents } from '../../src/audit/capture/operation-events.js';
import type { AuditEventInput } from '../../src/services/audit-port.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { auditEvents, touches } from '../helpers/audit.js';
import { desk, ok, type Desk } from '../tickets/helpers.js';

let t: TestApp;
let d: Desk;
let auditor: Client;
const contactIds: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
  auditor = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['auditor'])).secret });
  for (let i = 0; i < 20; i++)
    contactIds.push((await ok(d.supervisor.post('/v1/contacts', { name: `Patient ${i}`, mrn: `MRN-G${i}` }), 201)).id);
}, 60_000);
afterAll(async () => t?.close());

const eventsOf = async (requestId: string) =>
  (await auditEvents(t.database.db, d.tenantId)).filter((e) => e['requestId'] === requestId);

describe('one audit event per operation', () => {
  it('listing 20 contacts writes one event naming all 20, found by contactId for each', async () => {
    const list = await ok(d.supervisor.get('/v1/contacts?limit=20', { 'x-request-id': 'grain-contacts-01' }));
    expect(list.items).toHaveLength(20);
    const events = await eventsOf('grain-contacts-01');
    expect(events).toHaveLength(1);
    const named = touches(events[0]!);
    expect(named.map((r) => r.id).sort()).toEqual([...contactIds].sort());
    expect(named.every((r) => r.action === 'contact.read' && r.contactId === r.id)).toBe(true);
    for (const id of contactIds) {
      const found = await ok(auditor.get(`/v1/audit/events?contactId=${id}&limit=100`));
      expect(
        found.items.some((e: Record<string, unknown>) => e['requestId'] === 'grain-contacts-01'),
        id,
      ).toBe(true);
    }
  });

  it('a GraphQL page of tickets with requesters, assignees and last comments is one event naming every record', async () => {
    const agent = await ok(d.admin.post('/v1/users', { displayName: 'Agent G', roles: ['agent'] }), 201);
    const ticketIds: string[] = [];
    for (const requesterId of contactIds.slice(0, 5)) {
      const ticket = await ok(
        d.supervisor.post('/v1/tickets', { subject: 'Refill', requesterId, assigneeId: agent.id }),
        201,
      );
      await ok(d.supervisor.post(`/v1/tickets/${ticket.id}/comments`, { body: 'Called back', public: false }), 201);
      ticketIds.push(ticket.id);
    }
    const res = await d.supervisor.post(
      '/graphql',
      {
        query: `{ tickets(limit: 50) { items { id subject requester { id name } assignee { id } lastComment { id body } } } }`,
      },
      { 'x-request-id': 'grain-graphql-01' },
    );
    const body = res.json();
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(body.data.tickets.items).toHaveLength(5);
    const events = await eventsOf('grain-graphql-01');
    expect(events).toHaveLength(1);
    const named = touches(events[0]!);
    const idsOf = (type: string) => new Set(named.filter((r) => r.type === type).map((r) => r.id));
    expect(idsOf('Ticket')).toEqual(new Set(ticketIds));
    expect(idsOf('Contact')).toEqual(new Set(contactIds.slice(0, 5)));
    expect(idsOf('User')).toEqual(new Set([agent.id]));
    expect(idsOf('Comment').size).toBe(5);
    // every ticket and comment names its patient
    for (const r of named.filter((x) => x.type === 'Ticket' || x.type === 'Comment'))
      expect(contactIds.slice(0, 5)).toContain(r.contactId);
  });

  it('removing one patient from an event entity list is caught by verification', async () => {
    await ok(d.supervisor.get('/v1/contacts?limit=20', { 'x-request-id': 'grain-tamper-01' }));
    const [event] = await eventsOf('grain-tamper-01');
    const before = await ok(auditor.get('/v1/audit/verify'));
    expect(before.ok).toBe(true);
    const dropped = contactIds[7]!;
    await t.database.db.transaction().execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      await sql`update audit_events set entity_contact_ids = array_replace(entity_contact_ids, ${dropped}::uuid, null)
        where tenant_id = ${d.tenantId} and id = ${event!['id']}`.execute(tx);
    });
    const after = await ok(auditor.get('/v1/audit/verify'));
    expect(after.ok).toBe(false);
    expect(after.findings[0]).toMatchObject({ damage: 'hash_mismatch', seq: event!['seq'] });
  });
});

describe('an operation too large for one event', () => {
  it('is split into parts that together name every record, in order', () => {
    const inputs: AuditEventInput[] = Array.from({ length: 7 }, (_, i) => ({
      action: 'contact.read',
      resourceType: 'Contact',
      resourceId: `00000000-0000-4000-8000-00000000000${i}`,
      subjectContactId: `00000000-0000-4000-8000-00000000000${i}`,
      phiFields: ['contact.name'],
      outcome: 'allowed',
    }));
    const denied: AuditEventInput = {
      action: 'ticket.read',
      resourceType: 'Ticket',
      outcome: 'denied',
      reasonCode: 'FORBIDDEN',
    };
    const out = operationEvents([...inputs, denied], 3);
    expect(out.map((e) => e.part)).toEqual([
      { index: 1, count: 3 },
      { index: 2, count: 3 },
      { index: 3, count: 3 },
      undefined,
    ]);
    expect(out.slice(0, 3).flatMap((e) => e.entities!.flatMap((g) => g.ids))).toEqual(inputs.map((i) => i.resourceId));
    expect(out[3]!.input).toBe(denied); // refusals stay events of their own
    // a single record stays in the single-record form
    expect(operationEvents(inputs.slice(0, 1))).toEqual([{ input: inputs[0] }]);
  });
});
