// Personal representatives (164.502(g)) and identity verifications over REST and GraphQL:
// create, read, change, remove, each audited; fixed lists and dates enforced (400/422, never
// 500); agents read but do not name representatives; another tenant sees none of it (404),
// and cannot point a representative at its own contacts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents } from '../helpers/audit.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { desk, gqlOk, ok, type Desk } from '../tickets/helpers.js';

let t: TestApp;
let d: Desk;
let other: Desk;
let agent: Client;
let patient: string;
let parent: string;
let foreign: string;

beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
  other = await desk(t);
  agent = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['agent'])).secret });
  patient = (await ok(d.supervisor.post('/v1/contacts', { name: 'Kid Patient' }), 201)).id;
  parent = (await ok(d.supervisor.post('/v1/contacts', { name: 'Par Ent' }), 201)).id;
  foreign = (await ok(other.supervisor.post('/v1/contacts', { name: 'Else Where' }), 201)).id;
});
afterAll(async () => t?.close());

const input = () => ({
  patientContactId: patient,
  representativeContactId: parent,
  relationship: 'parent',
  scope: 'all',
  effectiveFrom: '2026-01-01',
});

describe('personal representatives over REST', () => {
  let id: string;

  it('are created, read, changed and removed by a supervisor, each audited', async () => {
    const r = await d.supervisor.post('/v1/personal-representatives', input());
    expect(r.statusCode, r.body).toBe(201);
    id = r.json().id;
    expect(r.headers.location).toBe(`/v1/personal-representatives/${id}`);
    expect(r.json()).toMatchObject({ ...input(), effectiveTo: null, effective: true });
    const listed = await ok(d.supervisor.get(`/v1/personal-representatives?patientContactId=${patient}`));
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([id]);
    const changed = await ok(d.supervisor.patch(`/v1/personal-representatives/${id}`, { effectiveTo: '2026-02-01' }));
    expect(changed).toMatchObject({ effectiveTo: '2026-02-01', effective: false });
    const events = (await auditEvents(t.database.db, d.tenantId)).map((e) => e['action']);
    for (const a of [
      'personal_representative.create',
      'personal_representative.read',
      'personal_representative.update',
    ])
      expect(events).toContain(a);
  });

  it('refuses bad input with 4xx naming the field', async () => {
    const self = await d.supervisor.post('/v1/personal-representatives', {
      ...input(),
      representativeContactId: patient,
    });
    expect(self.statusCode, self.body).toBe(400);
    expect(self.json().errors[0].pointer).toBe('/representativeContactId');
    const order = await d.supervisor.post('/v1/personal-representatives', { ...input(), effectiveTo: '2025-12-31' });
    expect(order.statusCode, order.body).toBe(400);
    expect(order.json().errors[0].pointer).toBe('/effectiveTo');
    const scope = await d.supervisor.post('/v1/personal-representatives', { ...input(), scope: 'everything' });
    expect(scope.statusCode, scope.body).toBe(400);
    const change = await d.supervisor.patch(`/v1/personal-representatives/${id}`, { effectiveFrom: '2026-03-01' });
    expect(change.statusCode, change.body).toBe(400); // would end before it starts
  });

  it('agents read but do not name or remove representatives', async () => {
    expect((await agent.get(`/v1/personal-representatives/${id}`)).statusCode).toBe(200);
    expect((await agent.post('/v1/personal-representatives', input())).statusCode).toBe(403);
    expect((await agent.patch(`/v1/personal-representatives/${id}`, { scope: 'billing' })).statusCode).toBe(403);
    expect((await agent.delete(`/v1/personal-representatives/${id}`)).statusCode).toBe(403);
  });

  it('another tenant sees none of it and cannot use its own contacts here', async () => {
    expect((await other.supervisor.get(`/v1/personal-representatives/${id}`)).statusCode).toBe(404);
    expect((await other.supervisor.delete(`/v1/personal-representatives/${id}`)).statusCode).toBe(404);
    expect((await ok(other.supervisor.get('/v1/personal-representatives'))).items).toEqual([]);
    const cross = await d.supervisor.post('/v1/personal-representatives', {
      ...input(),
      representativeContactId: foreign,
    });
    expect(cross.statusCode, cross.body).toBe(422);
    expect(cross.json().errors).toEqual([{ pointer: '/representativeContactId', detail: 'no such contact' }]);
    expect(
      (await other.supervisor.post(`/v1/contacts/${patient}/verifications`, { method: 'in_person' })).statusCode,
    ).toBe(404);
    expect((await other.supervisor.get(`/v1/contacts/${patient}/verifications`)).statusCode).toBe(404);
  });

  it('are removed (204), then gone', async () => {
    const r = await d.supervisor.delete(`/v1/personal-representatives/${id}`);
    expect(r.statusCode, r.body).toBe(204);
    expect((await d.supervisor.get(`/v1/personal-representatives/${id}`)).statusCode).toBe(404);
    const events = (await auditEvents(t.database.db, d.tenantId)).map((e) => e['action']);
    expect(events).toContain('personal_representative.delete');
  });
});

describe('over GraphQL', () => {
  it('verifies a contact, records a representative and reads both; bad values are VALIDATION_FAILED', async () => {
    const v = await gqlOk(
      agent,
      'mutation($c: ID!) { verifyContact(contactId: $c, method: "knowledge_based") { id contactId method valid } }',
      { c: parent },
    );
    expect(v.verifyContact).toMatchObject({ contactId: parent, method: 'knowledge_based', valid: true });
    const bad = await agent.gql('mutation($c: ID!) { verifyContact(contactId: $c, method: "vibes") { id } }', {
      c: parent,
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const created = await gqlOk(
      d.supervisor,
      `mutation($i: CreatePersonalRepresentativeInput!) { createPersonalRepresentative(input: $i) { id scope relationship effective } }`,
      { i: { ...input(), scope: 'billing', relationship: 'legal_guardian' } },
    );
    expect(created.createPersonalRepresentative).toMatchObject({ scope: 'billing', relationship: 'legal_guardian' });
    const read = await gqlOk(
      d.supervisor,
      `query($p: ID!) { personalRepresentatives(patientContactId: $p) { nodes { id } }
        contactVerifications(contactId: "${parent}") { nodes { method valid } } }`,
      { p: patient },
    );
    expect(read.personalRepresentatives.nodes).toEqual([{ id: created.createPersonalRepresentative.id }]);
    expect(read.contactVerifications.nodes).toEqual([{ method: 'knowledge_based', valid: true }]);
    const denied = await agent.gql('mutation($id: ID!) { deletePersonalRepresentative(id: $id) }', {
      id: created.createPersonalRepresentative.id,
    });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
