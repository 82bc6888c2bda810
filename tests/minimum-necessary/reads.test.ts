// Minimum necessary on every read path, over the real app (with the authentication cache, as
// in production) and PostgreSQL with real keys: a role the tenant lists gets only the listed
// PHI fields opened, over REST and GraphQL alike; the rest is null as in the masked view, is
// never decrypted, never in the response, and not named by the audit event. A role not listed
// keeps every field; another tenant's lists change nothing here; break-glass opens all.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents, touches } from '../helpers/audit.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import {
  CONTACT_FIELDS,
  TICKET_FIELDS,
  canary,
  desk,
  expectNoCanary,
  gqlOk,
  ok,
  type Desk,
} from '../tickets/helpers.js';

let t: TestApp;
let d: Desk;
let other: Desk;
let agent: Client;
let officer: Client;
let contactId: string;
let ticketId: string;

const secret = { email: canary('EMAIL'), mrn: canary('MRN'), plan: canary('PLAN'), desc: canary('DESC') };
const patient = {
  name: 'Dana Allowed',
  phone: '+1 617 555 0199',
  email: `${secret.email.toLowerCase()}@example.org`,
  dateOfBirth: '1970-03-04',
  mrn: secret.mrn,
  healthPlanMemberId: secret.plan,
  address: { line1: '1 Main St', city: 'Boston', postalCode: '02110' },
};
const withheld = [secret.email, secret.mrn, secret.plan];

/** The PHI fields the latest read event of a record names, by action. */
async function lastRead(tenantId: string, id: string, action: string): Promise<string[]> {
  const reads = (await auditEvents(t.database.db, tenantId))
    .sort((a, b) => String(a['occurredAt']).localeCompare(String(b['occurredAt'])))
    .flatMap(touches)
    .filter((x) => x.id === id && x.action === action);
  return [...(reads.at(-1)?.phiFields ?? [])].sort();
}

/** One comment of the ticket as `who` reads it through the ticket's comment list (REST). */
async function commentAs(who: Client, id: string): Promise<Record<string, unknown> | undefined> {
  const page = await ok(who.get(`/v1/tickets/${ticketId}/comments`));
  return page.items.find((c: { id: string }) => c.id === id);
}

/** Sets lists and waits until a fresh read shows them (the cache drops actors on the tenants notice). */
async function setLists(desk: Desk, allowlists: unknown, probe: () => Promise<boolean>): Promise<void> {
  await ok(desk.admin.put('/v1/minimum-necessary', { allowlists }));
  for (let i = 0; i < 50 && !(await probe()); i++) await new Promise((r) => setTimeout(r, 100));
  expect(await probe()).toBe(true);
}

beforeAll(async () => {
  t = await startTestApp({ authCache: true });
  d = await desk(t);
  other = await desk(t);
  agent = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['agent'])).secret });
  officer = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['privacy_officer'])).secret });
  contactId = (await ok(d.supervisor.post('/v1/contacts', patient), 201)).id;
  ticketId = (
    await ok(
      d.supervisor.post('/v1/tickets', {
        subject: 'Refill for Dana',
        description: `Patient record ${secret.desc}`,
        requesterId: contactId,
      }),
      201,
    )
  ).id;
  // warm the cache: the lists must reach actors authenticated before they were set
  await ok(agent.get(`/v1/contacts/${contactId}`));
  await setLists(d, { Contact: { agent: ['name', 'phone'] }, Ticket: { supervisor: ['subject'] } }, async () => {
    return (await ok(agent.get(`/v1/contacts/${contactId}`))).mrn === null;
  });
  // another tenant narrows its agents further: that must change nothing here
  await ok(other.admin.put('/v1/minimum-necessary', { allowlists: { Contact: { agent: [] } } }));
}, 60_000);
afterAll(async () => t?.close());

describe('minimum necessary on reads', () => {
  it('an agent listed for name and phone gets only those over REST; the rest is masked and never sent', async () => {
    const res = await agent.get(`/v1/contacts/${contactId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: contactId,
      masked: true,
      name: patient.name,
      phone: patient.phone,
      email: null,
      dateOfBirth: null,
      address: null,
      mrn: null,
      healthPlanMemberId: null,
      externalIds: null,
    });
    expectNoCanary(res.body, withheld, 'REST contact body');
    expect(await lastRead(d.tenantId, contactId, 'contact.read')).toEqual(['contact.name', 'contact.phone']);
    // a list of contacts goes through the same view
    const list = await agent.get('/v1/contacts');
    expectNoCanary(list.body, withheld, 'REST contact list');
    expect(list.json().items.find((c: { id: string }) => c.id === contactId)).toMatchObject({ name: patient.name });
  });

  it('...and the same over GraphQL, audited the same', async () => {
    const res = await agent.gql(`query($id: ID!) { contact(id: $id) { ${CONTACT_FIELDS} } }`, { id: contactId });
    expect(res.errors).toBeUndefined();
    expect(res.data.contact).toMatchObject({ masked: true, name: patient.name, phone: patient.phone, mrn: null });
    expect(res.data.contact).toMatchObject({ email: null, healthPlanMemberId: null, address: null });
    expectNoCanary(JSON.stringify(res), withheld, 'GraphQL contact body');
    expect(await lastRead(d.tenantId, contactId, 'contact.read')).toEqual(['contact.name', 'contact.phone']);
  });

  it('searching by a withheld field is refused (403 naming it, audited); by a listed one it finds', async () => {
    const refused = await agent.post('/v1/contacts/search', { mrn: secret.mrn });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', errors: [{ pointer: '/mrn' }] });
    expectNoCanary(refused.body, withheld, 'refused search');
    const denials = (await auditEvents(t.database.db, d.tenantId)).filter(
      (e) => e['outcome'] === 'denied' && e['resource']?.type === 'Contact',
    );
    expect(denials.length).toBeGreaterThan(0);
    const byEmail = await agent.post('/v1/contacts/search', { email: patient.email });
    expect(byEmail.statusCode).toBe(403);
    const found = await ok(agent.post('/v1/contacts/search', { phone: patient.phone }));
    expect(found.items.map((c: { id: string }) => c.id)).toContain(contactId);
    expectNoCanary(JSON.stringify(found), withheld, 'search by phone');
    // GraphQL: the same refusal
    const gql = await agent.gql(`mutation($c: ContactSearchInput!) { searchContacts(input: $c) { id } }`, {
      c: { mrn: secret.mrn },
    });
    expect(gql.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('an update answers with the listed fields only', async () => {
    const res = await agent.patch(`/v1/contacts/${contactId}`, { phone: patient.phone });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ masked: true, name: patient.name, phone: patient.phone, mrn: null });
    expectNoCanary(res.body, withheld, 'PATCH contact body');
  });

  it('a withheld field is not decrypted at all: a tampered MRN does not fail the narrowed read', async () => {
    const other = (await ok(d.supervisor.post('/v1/contacts', { ...patient, name: 'Dana Tampered' }), 201)).id;
    // another row's MRN ciphertext: opening it would be UNSEAL_FAILED (bound to its own row)
    await sql`update contacts set mrn = (select mrn from contacts where id = ${contactId}) where id = ${other}`.execute(
      t.database.db,
    );
    expect(await ok(agent.get(`/v1/contacts/${other}`))).toMatchObject({ name: 'Dana Tampered', mrn: null });
    expect((await ok(officer.get(`/v1/contacts/${other}`), 500)).code).toBe('UNSEAL_FAILED');
  });

  it('a privacy officer (a role not listed) still gets every field', async () => {
    const got = await ok(officer.get(`/v1/contacts/${contactId}`));
    expect(got).toMatchObject({
      masked: false,
      mrn: secret.mrn,
      email: patient.email,
      healthPlanMemberId: secret.plan,
    });
    expect(await lastRead(d.tenantId, contactId, 'contact.read')).toEqual(
      [
        'contact.address',
        'contact.dateOfBirth',
        'contact.email',
        'contact.healthPlanMemberId',
        'contact.mrn',
        'contact.name',
        'contact.phone',
      ].sort(),
    );
  });

  it("another tenant's lists change nothing here, and ours nothing there", async () => {
    // the other tenant's agents get no contact field at all (an empty list)...
    const otherAgent = client(t.app, { apiKey: (await mintKey(t.app, other.adminKey, ['agent'])).secret });
    const theirs = (await ok(other.supervisor.post('/v1/contacts', { name: 'Other Person', mrn: 'X1' }), 201)).id;
    expect(await ok(otherAgent.get(`/v1/contacts/${theirs}`))).toMatchObject({ masked: true, name: null, mrn: null });
    // ...while ours still get name and phone
    expect(await ok(agent.get(`/v1/contacts/${contactId}`))).toMatchObject({
      name: patient.name,
      phone: patient.phone,
    });
  });

  it('the ticket list of a role opens only its fields; the description stays sealed', async () => {
    const res = await d.supervisor.get(`/v1/tickets/${ticketId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      masked: true,
      subject: 'Refill for Dana',
      description: null,
      externalRefs: null,
    });
    expectNoCanary(res.body, [secret.desc], 'REST ticket body');
    expect(await lastRead(d.tenantId, ticketId, 'ticket.read')).toEqual(['ticket.subject']);
    const gql = await gqlOk(d.supervisor, `query($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`, { id: ticketId });
    expect(gql.ticket).toMatchObject({ masked: true, subject: 'Refill for Dana', description: null });
    expectNoCanary(JSON.stringify(gql), [secret.desc], 'GraphQL ticket body');
    expect(await lastRead(d.tenantId, ticketId, 'ticket.read')).toEqual(['ticket.subject']);
    // the privacy officer is not listed for tickets: the whole ticket
    expect(await ok(officer.get(`/v1/tickets/${ticketId}`))).toMatchObject({
      masked: false,
      description: `Patient record ${secret.desc}`,
    });
  });

  it('a comment body withheld from a role is masked over REST and GraphQL, never sent, not audited as read', async () => {
    const note = `Results for Dana ${canary('NOTE')}`;
    const comment = await ok(d.supervisor.post(`/v1/tickets/${ticketId}/comments`, { body: note, public: false }), 201);
    const lists = { Contact: { agent: ['name', 'phone'] }, Ticket: { supervisor: ['subject'] } };
    await setLists(
      d,
      { ...lists, Comment: { supervisor: [] } },
      async () => (await commentAs(d.supervisor, comment.id))?.['body'] === null,
    );
    try {
      const res = await d.supervisor.get(`/v1/tickets/${ticketId}/comments`);
      expect(res.json().items.find((c: { id: string }) => c.id === comment.id)).toMatchObject({
        masked: true,
        body: null,
      });
      expectNoCanary(res.body, [note], 'REST comments');
      expect(await lastRead(d.tenantId, comment.id, 'comment.read')).toEqual([]);
      const gql = await gqlOk(
        d.supervisor,
        `query($id: ID!) { ticket(id: $id) { comments(first: 10) { nodes { id body masked } } } }`,
        { id: ticketId },
      );
      expect(gql.ticket.comments.nodes.find((c: { id: string }) => c.id === comment.id)).toMatchObject({
        body: null,
        masked: true,
      });
      expectNoCanary(JSON.stringify(gql), [note], 'GraphQL comments');
      // the privacy officer is not listed for comments: the body
      expect(await commentAs(officer, comment.id)).toMatchObject({ masked: false, body: note });
      expect(await lastRead(d.tenantId, comment.id, 'comment.read')).toEqual(['comment.body']);
    } finally {
      await setLists(d, lists, async () => (await commentAs(d.supervisor, comment.id))?.['body'] === note);
    }
  });

  it('break-glass opens every field of its record (emergency treatment is exempt, 164.502(b)(2)(i))', async () => {
    const second = (await ok(d.supervisor.post('/v1/contacts', { ...patient, name: 'Dana Second' }), 201)).id;
    expect(await ok(agent.get(`/v1/contacts/${second}`))).toMatchObject({ mrn: null });
    await ok(
      agent.post('/v1/break-glass', {
        resourceType: 'Contact',
        resourceId: second,
        reason: 'unconscious patient in the emergency department',
        durationMinutes: 5,
      }),
      201,
    );
    let got: Record<string, unknown> = {};
    for (let i = 0; i < 50 && got['mrn'] !== secret.mrn; i++) {
      got = await ok(agent.get(`/v1/contacts/${second}`));
      if (got['mrn'] !== secret.mrn) await new Promise((r) => setTimeout(r, 100));
    }
    expect(got).toMatchObject({ masked: false, mrn: secret.mrn, email: patient.email });
    expect(await lastRead(d.tenantId, second, 'contact.read')).toContain('contact.mrn');
    // the grant is for that record only: the first contact stays narrowed
    expect(await ok(agent.get(`/v1/contacts/${contactId}`))).toMatchObject({ masked: true, mrn: null });
  });

  it('lifting the lists restores every field; nothing withheld ever reached the logs', async () => {
    await setLists(d, {}, async () => (await ok(agent.get(`/v1/contacts/${contactId}`))).mrn === secret.mrn);
    expect(await ok(d.supervisor.get(`/v1/tickets/${ticketId}`))).toMatchObject({ masked: false });
    expectNoCanary(t.logs.text, [...withheld, secret.desc], 'logs');
  });
});
