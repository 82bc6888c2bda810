// GraphQL ids are free text. An id that is not a UUID names no record: every field that
// takes one answers NOT_FOUND (as REST's uuid-typed path parameters answer 404/400),
// decided before any SQL, never a database cast error caught by the 400 safety net.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, seedTenant, type Client } from '../helpers/actors.js';

let t: TestApp;
let admin: Client;
let supervisor: Client;
let privacyOfficer: Client;

beforeAll(async () => {
  t = await startTestApp();
  const tenant = await seedTenant(t);
  admin = client(t.app, { apiKey: tenant.adminKey });
  supervisor = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['supervisor'])).secret });
  privacyOfficer = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['privacy_officer'])).secret });
});
afterAll(async () => t?.close());

const malformed = ['not-a-uuid', '12345', "1' or '1'='1", '00000000-0000-0000-0000-00000000000g'];

// [who may use the field, the operation]: each takes $id
const fields: Array<[() => Client, string]> = [
  [() => admin, 'query($id: ID!) { user(id: $id) { id } }'],
  [() => admin, 'query($id: ID!) { group(id: $id) { id } }'],
  [() => admin, 'query($id: ID!) { apiKey(id: $id) { id } }'],
  [() => admin, 'mutation($id: ID!) { removeTrustedIssuer(id: $id) }'],
  [() => admin, 'mutation($id: ID!) { updateUser(id: $id, input: { displayName: "X" }) { id } }'],
  [() => admin, 'mutation($id: ID!) { revokeUserSessions(id: $id) { id } }'],
  [() => admin, 'mutation($id: ID!) { updateGroup(id: $id, input: { name: "X" }) { id } }'],
  [() => admin, 'mutation($id: ID!) { deleteGroup(id: $id) }'],
  [() => admin, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }'],
  [() => supervisor, 'query($id: ID!) { ticket(id: $id) { id } }'],
  [() => supervisor, 'query($id: ID!) { contact(id: $id) { id } }'],
  [() => supervisor, 'mutation($id: ID!) { editComment(id: $id, body: "x") { id } }'],
  [() => supervisor, 'mutation($id: ID!) { closeBreakGlass(id: $id) { id } }'],
  [() => privacyOfficer, 'mutation($id: ID!) { reviewBreakGlass(id: $id, input: { outcome: "justified" }) { id } }'],
];

describe('malformed ids over GraphQL', () => {
  it.each(fields.map(([who, query]) => [query, who] as const))('%s answers NOT_FOUND', async (query, who) => {
    for (const id of malformed) {
      const body = await who().gql(query, { id });
      expect(
        body.errors?.map((e) => e.extensions?.code),
        `${id}: ${JSON.stringify(body.errors)}`,
      ).toEqual(['NOT_FOUND']);
    }
  });

  it('group membership with a malformed user id answers NOT_FOUND', async () => {
    const group = (await admin.post('/v1/groups', { name: 'Triage' })).json();
    for (const userId of malformed) {
      const body = await admin.gql('mutation($g: ID!, $u: ID!) { addGroupMember(groupId: $g, userId: $u) { id } }', {
        g: group.id,
        u: userId,
      });
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    }
  });
});
