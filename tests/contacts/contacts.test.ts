// Contacts through the real API (REST and GraphQL) on real PostgreSQL with real keys:
// CRUD with merge-patch semantics, masking without read_phi, blind-index search with
// confirmation, audit of every read and write, and how the rows look in the database.
import { touches } from '../helpers/audit.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey } from '../helpers/actors.js';
import type { Actor } from '../../src/auth/actor.js';
import * as contacts from '../../src/contacts/contacts.service.js';
import { inTenantTx } from '../../src/db/tenant-tx.js';
import { auditEventsOf, createContact, operatorDeps, sampleContact, staffTenant, type StaffTenant } from './helpers.js';

let t: TestApp;
let a: StaffTenant;

beforeAll(async () => {
  t = await startTestApp();
  a = await staffTenant(t);
});
afterAll(async () => t?.close());

describe('CRUD', () => {
  it('creates, reads, lists, patches (JSON merge patch) and deletes a contact', async () => {
    const body = sampleContact();
    const created = await a.agent.post('/v1/contacts', body);
    expect(created.statusCode).toBe(201);
    expect(created.headers['location']).toBe(`/v1/contacts/${created.json().id}`);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.json()).toMatchObject({ ...body, masked: false, version: 1 });
    const id = created.json().id as string;

    const read = await a.agent.get(`/v1/contacts/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers['etag']).toBe('"v1"');
    expect(read.json()).toMatchObject({ ...body, id, masked: false });

    const list = await a.agent.get('/v1/contacts?limit=100');
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(id);

    const patched = await a.agent.patch(
      `/v1/contacts/${id}`,
      { email: null, address: { line2: 'Apt 4', postalCode: null }, externalIds: [{ system: 'ehr', value: 'X-1' }] },
      { 'content-type': 'application/merge-patch+json', 'if-match': '"v1"' },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      name: body.name,
      email: null,
      phone: body.phone,
      mrn: body.mrn,
      version: 2,
      address: { line1: body.address!['line1'], line2: 'Apt 4', city: 'Springfield', country: 'US' },
      externalIds: [{ system: 'ehr', value: 'X-1' }],
    });
    expect(patched.json().address.postalCode).toBeUndefined();

    const stale = await a.agent.patch(`/v1/contacts/${id}`, { name: 'Someone Else' }, { 'if-match': '"v1"' });
    expect(stale.statusCode).toBe(412);
    expect(
      (await a.agent.patch(`/v1/contacts/${id}`, { name: 'Someone Else' }, { 'if-match': 'garbage' })).statusCode,
    ).toBe(412);
    expect((await a.agent.patch(`/v1/contacts/${id}`, { name: null }, {})).statusCode).toBe(400);

    expect((await a.agent.delete(`/v1/contacts/${id}`)).statusCode).toBe(403); // agents may not delete
    expect((await a.supervisor.delete(`/v1/contacts/${id}`)).statusCode).toBe(204);
    expect((await a.agent.get(`/v1/contacts/${id}`)).statusCode).toBe(404);
    const erased = await t.database.db
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect([erased.name, erased.email, erased.mrn, erased.mrn_bidx, erased.dob_name_bidx]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(erased.deleted_at).toBeInstanceOf(Date);
  });

  it('pages through contacts with a cursor', async () => {
    const other = await staffTenant(t);
    for (let i = 0; i < 5; i++) await createContact(other.agent);
    const first = (await other.agent.get('/v1/contacts?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await other.agent.get(`/v1/contacts?limit=2&cursor=${first.nextCursor}`)).json();
    const third = (await other.agent.get(`/v1/contacts?limit=2&cursor=${second.nextCursor}`)).json();
    expect(third.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items, ...third.items].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(5);
  });

  it('rejects invalid input without echoing it', async () => {
    const res = await a.agent.post('/v1/contacts', { ...sampleContact(), dateOfBirth: '1999-02-30' });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('1999-02-30');
  });
});

describe('storage', () => {
  it('stores every PHI field sealed, indexes searchable ones, and keeps keys out of the runtime role', async () => {
    const body = sampleContact();
    const { id } = await createContact(a.agent, body);
    const row = await t.database.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    for (const column of [
      'name',
      'email',
      'phone',
      'date_of_birth',
      'address',
      'mrn',
      'health_plan_member_id',
      'external_ids',
    ] as const) {
      const value = row[column]!;
      expect([value[0], value[1], value.readUInt32BE(2)], column).toEqual([1, 1, 1]);
    }
    for (const column of ['email_bidx', 'phone_bidx', 'mrn_bidx', 'dob_name_bidx'] as const)
      expect(row[column]).toHaveLength(16);
    const keys = await t.database.db
      .selectFrom('tenant_keys')
      .select(['version', 'status'])
      .where('tenant_id', '=', a.tenantId)
      .orderBy('version')
      .execute();
    expect(keys).toEqual([
      { version: 0, status: 'active' },
      { version: 1, status: 'active' },
    ]);
    await expect(
      inTenantTx(t.database.db, a.tenantId, (tx) => tx.selectFrom('tenant_keys').selectAll().execute()),
    ).rejects.toThrow(/permission denied/);
    // the database itself refuses plaintext in a sealed column
    await expect(
      sql`update contacts set name = convert_to('plain name', 'UTF8') where id = ${id}`.execute(t.database.db),
    ).rejects.toThrow(/contacts_name_sealed/);
  });
});

describe('masking (minimum necessary)', () => {
  it('gives actors without read_phi masked contacts: masked = true, every PHI field null', async () => {
    const { id } = await createContact(a.agent);
    const readOnly = await mintKey(t.app, a.adminKey, ['integration'], ['contacts:read']);
    const phiReader = await mintKey(t.app, a.adminKey, ['integration'], ['contacts:read', 'phi:read']);
    for (const masked of [a.admin, client(t.app, { apiKey: readOnly.secret })]) {
      const one = (await masked.get(`/v1/contacts/${id}`)).json();
      expect(one).toMatchObject({
        id,
        masked: true,
        name: null,
        email: null,
        phone: null,
        dateOfBirth: null,
        address: null,
        mrn: null,
        healthPlanMemberId: null,
        externalIds: null,
      });
      const page = (await masked.get('/v1/contacts?limit=100')).json();
      expect(page.items.every((c: { masked: boolean; name: unknown }) => c.masked && c.name === null)).toBe(true);
      expect((await masked.post('/v1/contacts/search', { mrn: 'anything' })).statusCode).toBe(403);
      const gql = await masked.gql(`query($id: ID!) { contact(id: $id) { id masked name mrn } }`, { id });
      expect(gql.data.contact).toEqual({ id, masked: true, name: null, mrn: null });
    }
    expect((await client(t.app, { apiKey: phiReader.secret }).get(`/v1/contacts/${id}`)).json().masked).toBe(false);
    const events = (await auditEventsOf(t, a.tenantId)).filter(
      (e) => e.subjectContactId === id && e.action === 'contact.read',
    );
    // masked reads are audited too, naming no PHI field
    expect(events.some((e) => e.phiFields.length === 0)).toBe(true);
  });
});

describe('requesters (patients) see only their own contact', () => {
  it('lists, reads and searches filtered in SQL by the policy', async () => {
    const tenant = await staffTenant(t);
    const mine = sampleContact();
    const { id: ownId } = await createContact(tenant.agent, mine);
    const other = sampleContact();
    const { id: otherId } = await createContact(tenant.agent, other);
    const ops = operatorDeps(t);
    const deps = { db: t.database.db, audit: ops.audit, keyring: ops.keyring };
    const patient: Actor = {
      tenantId: tenant.tenantId,
      id: '00000000-0000-4000-8000-0000000000aa',
      kind: 'user',
      authMethod: 'jwt',
      roles: ['requester'],
      groupIds: [],
      scopes: [],
      contactId: ownId,
      mfa: true,
      requireMfaForPhi: false,
      breakGlass: [],
    };
    const page = await contacts.listContacts(deps, patient, { limit: 100 });
    expect(page.items.map((c) => [c.id, c.masked, c.name])).toEqual([[ownId, false, mine.name]]);
    await expect(contacts.getContact(deps, patient, otherId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await contacts.searchContacts(deps, patient, { mrn: other.mrn })).map((c) => c.id)).toEqual([]);
    expect((await contacts.searchContacts(deps, patient, { mrn: mine.mrn })).map((c) => c.id)).toEqual([ownId]);
    await expect(contacts.updateContact(deps, patient, ownId, { name: 'Changed Myself' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    ops.keyring.clear();
  });
});

describe('search through blind indexes', () => {
  it('finds by MRN, email, phone and date of birth + name, whatever the spelling', async () => {
    const body = sampleContact();
    const { id } = await createContact(a.agent, body);
    await createContact(a.agent); // a neighbour that must not match
    const searches = [
      { mrn: body.mrn!.toLowerCase().replace(/-/g, ' ') },
      { email: `  ${body.email!.toUpperCase()} ` },
      { phone: body.phone!.replace(/[^0-9]/g, '') },
      { dateOfBirth: body.dateOfBirth!, name: `  ${body.name.toUpperCase()}  ` },
    ];
    for (const terms of searches) {
      const res = await a.agent.post('/v1/contacts/search', terms);
      expect(res.statusCode, JSON.stringify(terms)).toBe(200);
      expect(
        res.json().items.map((c: { id: string }) => c.id),
        JSON.stringify(terms),
      ).toEqual([id]);
    }
    expect((await a.agent.post('/v1/contacts/search', { mrn: 'MRN-NOBODY-0' })).json().items).toEqual([]);
    expect((await a.agent.post('/v1/contacts/search', { mrn: body.mrn, email: body.email })).statusCode).toBe(400);
    const gql = await a.agent.gql('mutation($q: ContactSearchInput!) { searchContacts(input: $q) { id mrn } }', {
      q: { mrn: body.mrn },
    });
    expect(gql.data.searchContacts).toEqual([{ id, mrn: body.mrn }]);
    // a mutation cannot be sent as GET, so search terms never sit in a URL
    const viaGet = await a.agent.get(
      `/graphql?query=${encodeURIComponent(`mutation { searchContacts(input: { mrn: "${body.mrn}" }) { id } }`)}`,
    );
    expect(viaGet.statusCode).not.toBe(200);
    expect(viaGet.body).not.toContain(id);
  });

  it('confirms candidates after opening: a colliding index never returns the wrong contact', async () => {
    const target = sampleContact();
    const { id: targetId } = await createContact(a.agent, target);
    const { id: impostorId } = await createContact(a.agent);
    // give the impostor the target's MRN index, as a collision (or an attacker) would
    await sql`update contacts set mrn_bidx = (select mrn_bidx from contacts where id = ${targetId}) where id = ${impostorId}`.execute(
      t.database.db,
    );
    const res = await a.agent.post('/v1/contacts/search', { mrn: target.mrn });
    expect(res.json().items.map((c: { id: string }) => c.id)).toEqual([targetId]);
  });
});

describe('audit', () => {
  it('records every write and every contact read (a list of N is one event naming all N), naming fields but no values', async () => {
    const tenant = await staffTenant(t);
    const body = sampleContact();
    const ids = [
      (await createContact(tenant.agent, body)).id,
      (await createContact(tenant.agent)).id,
      (await createContact(tenant.agent)).id,
    ];
    await tenant.agent.get('/v1/contacts?limit=10');
    const lists = (await auditEventsOf(t, tenant.tenantId)).filter((e) => e.action === 'contact.read');
    expect(lists).toHaveLength(1);
    const listed = touches(lists[0]!);
    expect(listed.map((r) => r.contactId).sort()).toEqual([...ids].sort());
    expect(listed.every((r) => r.type === 'Contact' && r.id === r.contactId)).toBe(true);
    expect(lists[0]).toMatchObject({ outcome: 'allowed', actor: { id: tenant.agentKeyId } });
    await tenant.agent.patch(`/v1/contacts/${ids[0]}`, { phone: null });
    const events = await auditEventsOf(t, tenant.tenantId);
    const creates = events.filter((e) => e.action === 'contact.create');
    expect(creates.map((e) => e.subjectContactId).sort()).toEqual([...ids].sort());
    expect(creates[0]!.phiFields.sort()).toEqual([
      'contact.address',
      'contact.dateOfBirth',
      'contact.email',
      'contact.externalIds',
      'contact.healthPlanMemberId',
      'contact.mrn',
      'contact.name',
      'contact.phone',
    ]);
    // the PATCH is one operation: the update, and the read of what its response disclosed
    const patch = events.find((e) => e.action === 'contact.update')!;
    expect(patch).toMatchObject({ subjectContactId: ids[0], resource: { type: 'Contact', id: ids[0] } });
    const [update, disclosed] = touches(patch);
    expect(update).toMatchObject({ action: 'contact.update', id: ids[0], phiFields: ['contact.phone'] });
    expect(disclosed).toMatchObject({ action: 'contact.read', id: ids[0], contactId: ids[0] });
    expect(disclosed!.phiFields).toContain('contact.mrn');
    expect(disclosed!.phiFields).not.toContain('contact.phone');
    const text = JSON.stringify(events);
    for (const value of [body.name, body.email!, body.mrn!, body.phone!, body.dateOfBirth!])
      expect(text).not.toContain(value);
  });
});

describe('cross-tenant isolation', () => {
  it("tenant B gets 404 for tenant A's contacts over REST and GraphQL and never sees them in lists or searches", async () => {
    const b = await staffTenant(t);
    const body = sampleContact();
    const { id } = await createContact(a.agent, body);
    expect((await b.agent.get(`/v1/contacts/${id}`)).statusCode).toBe(404);
    expect((await b.agent.patch(`/v1/contacts/${id}`, { name: 'Taken Over' })).statusCode).toBe(404);
    expect((await b.supervisor.delete(`/v1/contacts/${id}`)).statusCode).toBe(404);
    expect((await b.agent.get('/v1/contacts?limit=100')).json().items.map((c: { id: string }) => c.id)).not.toContain(
      id,
    );
    for (const terms of [
      { mrn: body.mrn },
      { email: body.email },
      { phone: body.phone },
      { dateOfBirth: body.dateOfBirth, name: body.name },
    ]) {
      expect((await b.agent.post('/v1/contacts/search', terms)).json().items).toEqual([]);
    }
    const gql = await b.agent.gql('query($id: ID!) { contact(id: $id) { id name } }', { id });
    expect(gql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const upd = await b.agent.gql('mutation($id: ID!) { updateContact(id: $id, input: { name: "X Y" }) { id } }', {
      id,
    });
    expect(upd.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await a.agent.get(`/v1/contacts/${id}`)).json().name).toBe(body.name);
  });
});

describe('GraphQL', () => {
  it('creates, reads, updates (merge semantics) and deletes through the same service', async () => {
    const created = await a.agent.gql(
      `mutation($in: CreateContactInput!) { createContact(input: $in) { id name mrn masked version address { city } } }`,
      { in: { name: 'Gql Person', mrn: 'G-1', address: { city: 'Shelbyville' }, email: null } },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createContact.id as string;
    expect(created.data.createContact).toMatchObject({
      name: 'Gql Person',
      mrn: 'G-1',
      masked: false,
      version: 1,
      address: { city: 'Shelbyville' },
    });
    const updated = await a.agent.gql(
      `mutation($id: ID!) { updateContact(id: $id, input: { mrn: null, address: { line1: "1 Main" } }, expectedVersion: 1) { mrn version address { line1 city } } }`,
      { id },
    );
    expect(updated.errors, JSON.stringify(updated.errors)).toBeUndefined();
    expect(updated.data.updateContact).toEqual({
      mrn: null,
      version: 2,
      address: { line1: '1 Main', city: 'Shelbyville' },
    });
    const list = await a.agent.gql('{ contacts(limit: 100) { items { id } nextCursor } }');
    expect(list.data.contacts.items.map((c: { id: string }) => c.id)).toContain(id);
    const bad = await a.agent.gql(`mutation { createContact(input: { name: "X", email: "not-an-email" }) { id } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad)).not.toContain('not-an-email');
    expect((await a.supervisor.gql('mutation($id: ID!) { deleteContact(id: $id) }', { id })).data.deleteContact).toBe(
      true,
    );
    expect(
      (await a.agent.gql('query($id: ID!) { contact(id: $id) { id } }', { id })).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
  });
});
