// Every id a request names is the tenant's, or nothing is stored (422). RLS would keep
// another tenant's data unreadable anyway; this keeps rows and audit events from pointing
// outside their tenant. Break-glass resources are covered in break-glass.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createContact, staffTenant, type StaffTenant } from '../contacts/helpers.js';

let t: TestApp;
let a: StaffTenant;
let b: StaffTenant;
let foreignContact: string;
let ownContact: string;

beforeAll(async () => {
  t = await startTestApp();
  a = await staffTenant(t);
  b = await staffTenant(t);
  foreignContact = (await createContact(b.supervisor)).id;
  ownContact = (await createContact(a.supervisor)).id;
});
afterAll(async () => t?.close());

const usersNamed = async (name: string) =>
  t.database.db.selectFrom('users').select(['id', 'contact_id']).where('display_name', '=', name).execute();

describe('foreign references', () => {
  it("a user cannot be linked to another tenant's contact, or to none that exists (REST)", async () => {
    for (const contactId of [foreignContact, '0f8fad5b-d9cb-469f-a165-70867728950e']) {
      const res = await a.admin.post('/v1/users', { displayName: 'Linked elsewhere', roles: ['requester'], contactId });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'UNPROCESSABLE', errors: [{ pointer: '/contactId' }] });
    }
    expect(await usersNamed('Linked elsewhere')).toEqual([]);

    const created = await a.admin.post('/v1/users', {
      displayName: 'Linked here',
      roles: ['requester'],
      contactId: ownContact,
    });
    expect(created.statusCode).toBe(201);
    const patched = await a.admin.patch(`/v1/users/${created.json().id}`, { contactId: foreignContact });
    expect(patched.statusCode).toBe(422);
    expect((await usersNamed('Linked here')).map((u) => u.contact_id)).toEqual([ownContact]);
  });

  it('the same over GraphQL, where ids are free text', async () => {
    for (const contactId of [foreignContact, 'not-a-uuid']) {
      const res = await a.admin.gql(
        'mutation($c: ID) { createUser(input: { displayName: "GraphQL linked", roles: [requester], contactId: $c }) { id } }',
        { c: contactId },
      );
      expect(res.errors?.[0]?.extensions?.code, contactId).toBe('UNPROCESSABLE');
    }
    expect(await usersNamed('GraphQL linked')).toEqual([]);
  });
});
