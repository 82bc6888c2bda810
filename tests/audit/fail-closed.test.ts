// Acceptance 3: fail closed. With audit writes failing for real (a trigger on the inbox
// and the chain that raises, as a full disk or a revoked grant would), requests that read PHI or
// other records get 503 AUDIT_UNAVAILABLE problem+json with none of the record in the
// body, GraphQL gets the same code and no data, and writes do not land. When the trail
// can be written again, the same requests succeed.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, seedTenant, type Client } from '../helpers/actors.js';
import { canary } from '../contacts/helpers.js';

let t: TestApp;
let admin: Client;
let supervisor: Client;
const names = {
  contact: canary('Name'),
  email: `${canary('mail').toLowerCase()}@example.test`,
  mrn: canary('MRN'),
  user: canary('User'),
};
let contactId: string;
let userId: string;
let supervisorKey: string;

async function breakAuditWrites(): Promise<void> {
  await sql`create or replace function audit_inbox_down() returns trigger language plpgsql as $$
    begin raise exception 'audit storage unavailable'; end $$`.execute(t.database.db);
  // writes capture into the inbox; reads and denials are chained straight into audit_events
  await sql`create trigger audit_inbox_down before insert on audit_inbox for each statement execute function audit_inbox_down()`.execute(
    t.database.db,
  );
  await sql`create trigger audit_events_down before insert on audit_events for each statement execute function audit_inbox_down()`.execute(
    t.database.db,
  );
}

async function restoreAuditWrites(): Promise<void> {
  await sql`drop trigger audit_inbox_down on audit_inbox`.execute(t.database.db);
  await sql`drop trigger audit_events_down on audit_events`.execute(t.database.db);
}

function expectUnavailable(res: {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
  json(): any;
}): void {
  expect(res.statusCode, res.body).toBe(503);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status: 503, code: 'AUDIT_UNAVAILABLE' });
  for (const value of Object.values(names)) expect(res.body).not.toContain(value);
}

beforeAll(async () => {
  t = await startTestApp();
  const tenant = await seedTenant(t);
  admin = client(t.app, { apiKey: tenant.adminKey });
  supervisorKey = (await mintKey(t.app, tenant.adminKey, ['supervisor'])).secret;
  supervisor = client(t.app, { apiKey: supervisorKey });
  const contact = await supervisor.post('/v1/contacts', { name: names.contact, email: names.email, mrn: names.mrn });
  expect(contact.statusCode, contact.body).toBe(201);
  contactId = contact.json().id;
  const user = await admin.post('/v1/users', { displayName: names.user });
  expect(user.statusCode).toBe(201);
  userId = user.json().id;
  await breakAuditWrites();
});
afterAll(async () => t?.close());

describe('when audit events cannot be written', () => {
  it('GET /v1/contacts/:id (sealed PHI) is 503 with no PHI', async () => {
    expectUnavailable(await supervisor.get(`/v1/contacts/${contactId}`));
  });

  it('GET /v1/contacts and GET /v1/users/:id are 503 with no record data', async () => {
    expectUnavailable(await supervisor.get('/v1/contacts'));
    expectUnavailable(await admin.get(`/v1/users/${userId}`));
    expectUnavailable(await admin.get('/v1/users'));
  });

  it('GraphQL answers AUDIT_UNAVAILABLE and no data', async () => {
    for (const query of [
      `{ contact(id: "${contactId}") { id name email mrn } }`,
      `{ user(id: "${userId}") { displayName } }`,
      '{ contacts { items { name } } }',
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'x-api-key': supervisorKey },
        payload: { query },
      });
      const body = res.json();
      expect(
        body.errors.map((e: { extensions: { code: string } }) => e.extensions.code),
        query,
      ).toEqual(['AUDIT_UNAVAILABLE']);
      expect(body.data).toBeNull();
      for (const value of Object.values(names)) expect(res.body).not.toContain(value);
    }
  });

  it('a write does not land without its events', async () => {
    const before = await t.database.db.selectFrom('users').select('id').execute();
    expectUnavailable(await admin.post('/v1/users', { displayName: canary('Late') }));
    expect((await t.database.db.selectFrom('users').select('id').execute()).length).toBe(before.length);
  });

  it('leaves no PHI in the logs', () => {
    for (const value of Object.values(names)) expect(t.logs.text).not.toContain(value);
    expect(t.logs.text).toContain('AUDIT_UNAVAILABLE');
  });

  it('serves again once the trail can be written', async () => {
    await restoreAuditWrites();
    const res = await supervisor.get(`/v1/contacts/${contactId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().mrn).toBe(names.mrn);
    expect((await admin.get(`/v1/users/${userId}`)).json().displayName).toBe(names.user);
    await breakAuditWrites();
  });
});
