// Acceptance 1: one scenario (create contact, create ticket, comment, assign, change
// status, list, read) driven through REST in one tenant and through GraphQL in another,
// on one server. Both runs must produce the same results (ids and times aside) and the
// same audit events, step by step: action, resource type, PHI fields named, the contact
// the event is about, outcome and kind of actor.
import { touches } from '../helpers/audit.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/actors.js';
import {
  canary,
  COMMENT_FIELDS,
  CONTACT_FIELDS,
  desk,
  expectNoCanary,
  gqlOk,
  newAuditEvents,
  Normaliser,
  ok,
  TICKET_FIELDS,
  type Desk,
} from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

interface Api {
  createContact(body: Record<string, unknown>): Promise<any>;
  createTicket(body: Record<string, unknown>): Promise<any>;
  comment(ticketId: string, body: { body: string; public: boolean }): Promise<any>;
  update(ticketId: string, patch: Record<string, unknown>): Promise<any>;
  list(): Promise<any[]>;
  read(ticketId: string): Promise<any>;
}

function rest(c: Client): Api {
  return {
    createContact: (body) => ok(c.post('/v1/contacts', body), 201),
    createTicket: (body) => ok(c.post('/v1/tickets', body), 201),
    comment: (id, body) => ok(c.post(`/v1/tickets/${id}/comments`, body), 201),
    update: (id, patch) => ok(c.patch(`/v1/tickets/${id}`, patch, { 'content-type': 'application/merge-patch+json' })),
    list: async () => (await ok(c.get('/v1/tickets'))).items,
    read: (id) => ok(c.get(`/v1/tickets/${id}`)),
  };
}

function graphql(c: Client): Api {
  return {
    createContact: async (input) =>
      (
        await gqlOk(c, `mutation($input: CreateContactInput!) { createContact(input: $input) { ${CONTACT_FIELDS} } }`, {
          input,
        })
      ).createContact,
    createTicket: async (input) =>
      (
        await gqlOk(c, `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ${TICKET_FIELDS} } }`, {
          input,
        })
      ).createTicket,
    comment: async (ticketId, input) =>
      (
        await gqlOk(
          c,
          `mutation($ticketId: ID!, $input: CreateCommentInput!) { addComment(ticketId: $ticketId, input: $input) { ${COMMENT_FIELDS} } }`,
          { ticketId, input },
        )
      ).addComment,
    update: async (id, input) =>
      (
        await gqlOk(
          c,
          `mutation($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { ${TICKET_FIELDS} } }`,
          { id, input },
        )
      ).updateTicket,
    list: async () => (await gqlOk(c, `{ tickets { items { ${TICKET_FIELDS} } nextCursor } }`)).tickets.items,
    read: async (id) => (await gqlOk(c, `query($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`, { id })).ticket,
  };
}

interface Run {
  results: Record<string, unknown>;
  audit: Record<string, unknown[]>;
  canaries: string[];
}

/** The scenario; every step's result and audit events, normalised. */
async function scenario(d: Desk, transport: (c: Client) => Api): Promise<Run> {
  const api = transport(d.supervisor);
  const n = new Normaliser({ [d.supervisorKeyId]: 'actor' });
  const seen = new Set<string>();
  // set-up, not compared: the user the ticket gets assigned to
  const assignee = await ok(d.admin.post('/v1/users', { displayName: 'Dr Assignee', roles: ['agent'] }), 201);
  n.name(assignee.id, 'assignee');
  await newAuditEvents(t, d.tenantId, seen);

  const canaries = [canary('NAME'), canary('MRN'), canary('SUBJECT'), canary('DESC'), canary('COMMENT')];
  const [name, mrn, subject, description, commentBody] = canaries as [string, string, string, string, string];
  for (const [i, c] of canaries.entries()) n.replace(c, `<canary ${i}>`);
  const results: Record<string, unknown> = {};
  const audit: Record<string, unknown[]> = {};
  const step = async (label: string, fn: () => Promise<unknown>, nameAs?: string) => {
    const value = await fn();
    if (nameAs) n.name((value as { id: string }).id, nameAs);
    results[label] = n.apply(value);
    // compared record by record: what each operation did to each record it names
    audit[label] = (await newAuditEvents(t, d.tenantId, seen))
      .flatMap((e) => touches(e).map((r) => ({ e, r })))
      .map(({ e, r }) =>
        n.apply({
          action: r.action,
          resourceType: r.type,
          resourceId: r.id,
          phiFields: r.phiFields,
          subjectContactId: r.contactId,
          outcome: e['outcome'],
          actor: e['actor']?.id,
          actorKind: e['actor']?.kind,
          authMethod: e['actor']?.authMethod,
        }),
      )
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    return value as any;
  };

  const contact = await step('create contact', () => api.createContact({ name: `${name} Roe`, mrn }), 'contact');
  const ticket = await step(
    'create ticket',
    () =>
      api.createTicket({
        subject,
        description,
        requesterId: contact.id,
        priority: 'high',
        type: 'incident',
        channel: 'phone',
        tags: ['Pharmacy', 'refill'],
        externalRefs: [{ system: 'fhir', value: 'Encounter/8812' }],
      }),
    'ticket',
  );
  await step('comment', () => api.comment(ticket.id, { body: commentBody, public: true }), 'comment');
  await step('assign', () => api.update(ticket.id, { assigneeId: assignee.id }));
  await step('change status', () => api.update(ticket.id, { status: 'pending' }));
  await step('list', () => api.list());
  await step('read', () => api.read(ticket.id));
  return { results, audit, canaries };
}

describe('REST and GraphQL parity', () => {
  it('the same scenario gives the same results and the same audit events through both APIs', async () => {
    const viaRest = await scenario(await desk(t), rest);
    const viaGraphql = await scenario(await desk(t), graphql);

    // the scenario did what it says (checked on one run; the other must equal it)
    const r = viaRest.results as Record<string, any>;
    expect(r['create ticket']).toMatchObject({
      id: 'ticket',
      masked: false,
      status: 'new',
      priority: 'high',
      requesterId: 'contact',
      tags: ['pharmacy', 'refill'],
      version: 1,
    });
    expect(r['comment']).toMatchObject({ id: 'comment', ticketId: 'ticket', public: true, masked: false, revision: 1 });
    expect(r['assign']).toMatchObject({ assigneeId: 'assignee', version: 3 }); // the public reply stopped the first-response clock: v2
    expect(r['change status']).toMatchObject({ status: 'pending', assigneeId: 'assignee', version: 4 });
    expect(r['list']).toEqual([r['read']]);
    expect(r['read']).toMatchObject({ status: 'pending', version: 4, sla: { firstRespondedAt: 'TIME' } });

    for (const label of Object.keys(viaRest.results)) {
      expect(viaGraphql.results[label], `result of "${label}"`).toEqual(viaRest.results[label]);
    }
    expect(Object.keys(viaGraphql.audit)).toEqual(Object.keys(viaRest.audit));
    for (const label of Object.keys(viaRest.audit)) {
      expect(viaGraphql.audit[label], `audit events of "${label}"`).toEqual(viaRest.audit[label]);
    }

    // every PHI read and write named its contact, and the expected events are there
    const a = viaRest.audit as Record<string, Array<Record<string, any>>>;
    expect(a['create ticket']).toEqual([
      expect.objectContaining({
        action: 'ticket.create',
        resourceType: 'Ticket',
        resourceId: 'ticket',
        subjectContactId: 'contact',
        phiFields: ['ticket.subject', 'ticket.description', 'ticket.externalRefs'],
      }),
    ]);
    expect(a['comment']).toEqual([
      expect.objectContaining({
        action: 'comment.create',
        resourceType: 'Comment',
        resourceId: 'comment',
        subjectContactId: 'contact',
        phiFields: ['comment.body'],
      }),
    ]);
    expect(a['assign']!.map((e) => e['action']).sort()).toEqual(['ticket.read', 'ticket.update']);
    expect(a['list']).toEqual([
      expect.objectContaining({ action: 'ticket.read', resourceId: 'ticket', subjectContactId: 'contact' }),
    ]);
    expect(a['read']).toEqual([
      expect.objectContaining({ action: 'ticket.read', resourceId: 'ticket', subjectContactId: 'contact' }),
    ]);
    for (const [label, events] of Object.entries(a)) {
      for (const e of events) {
        if (e['resourceType'] === 'Ticket' || e['resourceType'] === 'Comment')
          expect(e['subjectContactId'], `${label}: ${e['action']}`).toBe('contact');
        expect(e['outcome']).toBe('allowed');
      }
    }

    expectNoCanary(t.logs.text, [...viaRest.canaries, ...viaGraphql.canaries], 'logs');
  });
});
