// Acceptance 2 and 3: an actor of tenant A gets 404 on tenant B's ids for every resource
// type and never sees them in lists, through REST and GraphQL; revoking a user's sessions
// or an API key takes effect on the very next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { startFakeIdp, type FakeIdp } from '../helpers/idp.js';
import { client, mintKey, seedTenant, type SeededTenant } from '../helpers/actors.js';

let t: TestApp;
let idp: FakeIdp;
let a: SeededTenant;
let b: SeededTenant;
const bIds: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp({ env: { ALLOW_HTTP_JWKS: 'true' } });
  idp = await startFakeIdp();
  a = await seedTenant(t);
  b = await seedTenant(t, { issuer: { issuer: idp.issuer, jwksUri: idp.jwksUri, audience: 'phidesk' } });
  const adminB = client(t.app, { apiKey: b.adminKey });
  bIds['user'] = (await adminB.post('/v1/users', { displayName: 'B agent', roles: ['agent'] })).json().id;
  bIds['group'] = (await adminB.post('/v1/groups', { name: 'B team' })).json().id;
  bIds['apiKey'] = (await mintKey(t.app, b.adminKey, ['integration'], ['tickets:read'])).id;
  const supervisorB = await mintKey(t.app, b.adminKey, ['supervisor']);
  const supervisorBClient = client(t.app, { apiKey: supervisorB.secret });
  const contactB = (await supervisorBClient.post('/v1/contacts', { name: 'Pat B' })).json().id;
  bIds['breakGlass'] = (
    await supervisorBClient.post('/v1/break-glass', {
      resourceType: 'Contact',
      resourceId: contactB,
      reason: 'patient unconscious in ED',
      durationMinutes: 5,
    })
  ).json().id;
  bIds['issuer'] = (await adminB.get('/v1/tenant/issuers')).json().items[0].id;
}, 60_000);

afterAll(async () => {
  await idp?.close();
  await t?.close();
});

describe('cross-tenant isolation', () => {
  it('REST: every resource of tenant B is a 404 for tenant A, whatever the verb', async () => {
    const adminA = client(t.app, { apiKey: a.adminKey });
    const probes: Array<[string, () => Promise<{ statusCode: number }>]> = [
      ['GET user', () => adminA.get(`/v1/users/${bIds['user']}`)],
      ['PATCH user', () => adminA.patch(`/v1/users/${bIds['user']}`, { displayName: 'hijacked' })],
      ['revoke user sessions', () => adminA.post(`/v1/users/${bIds['user']}/revoke-sessions`)],
      ['GET group', () => adminA.get(`/v1/groups/${bIds['group']}`)],
      ['PATCH group', () => adminA.patch(`/v1/groups/${bIds['group']}`, { name: 'hijacked' })],
      ['DELETE group', () => adminA.delete(`/v1/groups/${bIds['group']}`)],
      [
        'add B user to A group',
        async () => {
          const g = (await adminA.post('/v1/groups', { name: `A team ${Math.random()}` })).json();
          return adminA.put(`/v1/groups/${g.id}/members/${bIds['user']}`);
        },
      ],
      ['GET api key', () => adminA.get(`/v1/api-keys/${bIds['apiKey']}`)],
      ['revoke api key', () => adminA.delete(`/v1/api-keys/${bIds['apiKey']}`)],
      ['close break-glass', () => adminA.post(`/v1/break-glass/${bIds['breakGlass']}/close`)],
      ['remove issuer', () => adminA.delete(`/v1/tenant/issuers/${bIds['issuer']}`)],
    ];
    for (const [name, probe] of probes) {
      expect((await probe()).statusCode, name).toBe(404);
    }
    const po = await mintKey(t.app, a.adminKey, ['privacy_officer']);
    expect(
      (
        await client(t.app, { apiKey: po.secret }).post(`/v1/break-glass/${bIds['breakGlass']}/review`, {
          outcome: 'justified',
        })
      ).statusCode,
    ).toBe(404);
    // and nothing changed in B
    const adminB = client(t.app, { apiKey: b.adminKey });
    expect((await adminB.get(`/v1/users/${bIds['user']}`)).json().displayName).toBe('B agent');
    expect((await adminB.get(`/v1/api-keys/${bIds['apiKey']}`)).json().revokedAt).toBeNull();
    expect((await adminB.get('/v1/tenant/issuers')).json().items).toHaveLength(1);
  });

  it('REST: lists never contain tenant B rows', async () => {
    const adminA = client(t.app, { apiKey: a.adminKey });
    const po = await mintKey(t.app, a.adminKey, ['privacy_officer']);
    const lists = [
      await adminA.get('/v1/users?limit=100'),
      await adminA.get('/v1/groups?limit=100'),
      await adminA.get('/v1/api-keys?limit=100'),
      await client(t.app, { apiKey: po.secret }).get('/v1/break-glass?limit=100'),
    ];
    const bValues = Object.values(bIds);
    for (const res of lists) {
      expect(res.statusCode).toBe(200);
      for (const item of res.json().items) expect(bValues).not.toContain(item.id);
    }
  });

  it('GraphQL: tenant B ids are NOT_FOUND and absent from lists', async () => {
    const gqlA = client(t.app, { apiKey: a.adminKey });
    for (const [query, id] of [
      ['query($id: ID!) { user(id: $id) { id } }', bIds['user']],
      ['query($id: ID!) { group(id: $id) { id } }', bIds['group']],
      ['query($id: ID!) { apiKey(id: $id) { id } }', bIds['apiKey']],
      ['mutation($id: ID!) { revokeApiKey(id: $id) { id } }', bIds['apiKey']],
      ['mutation($id: ID!) { updateUser(id: $id, input: { displayName: "x" }) { id } }', bIds['user']],
      ['mutation($id: ID!) { deleteGroup(id: $id) }', bIds['group']],
      ['mutation($id: ID!) { closeBreakGlass(id: $id) { id } }', bIds['breakGlass']],
    ] as const) {
      const body = await gqlA.gql(query, { id });
      expect(body.errors?.[0]?.extensions?.code, query).toBe('NOT_FOUND');
    }
    const lists = await gqlA.gql(
      '{ users(limit: 100) { items { id } } groups(limit: 100) { items { id } } apiKeys(limit: 100) { items { id } } }',
    );
    const seen = [...lists.data.users.items, ...lists.data.groups.items, ...lists.data.apiKeys.items].map(
      (x: { id: string }) => x.id,
    );
    for (const id of Object.values(bIds)) expect(seen).not.toContain(id);
  });
});

describe('revocation takes effect on the next request', () => {
  it('revoking an API key', async () => {
    const key = await mintKey(t.app, a.adminKey, ['agent']);
    const agent = client(t.app, { apiKey: key.secret });
    expect((await agent.get('/v1/me')).statusCode).toBe(200);
    expect((await client(t.app, { apiKey: a.adminKey }).delete(`/v1/api-keys/${key.id}`)).statusCode).toBe(200);
    const after = await agent.get('/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('API_KEY_INVALID');
  });

  it("revoking a user's sessions kills every older token, and a new sign-in works", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = idp.sign({
      iss: idp.issuer,
      aud: 'phidesk',
      sub: 'nurse-joy',
      iat: now - 5,
      exp: now + 600,
      roles: ['agent'],
    });
    const user = client(t.app, { bearer: token });
    const meRes = await user.get('/v1/me');
    expect(meRes.statusCode).toBe(200);
    const userId = meRes.json().id;
    const adminB = client(t.app, { apiKey: b.adminKey });
    expect((await adminB.post(`/v1/users/${userId}/revoke-sessions`)).statusCode).toBe(200);
    const after = await user.get('/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('TOKEN_REVOKED');
    await new Promise((r) => setTimeout(r, 1100));
    const fresh = idp.sign({ iss: idp.issuer, aud: 'phidesk', sub: 'nurse-joy', roles: ['agent'] });
    expect((await client(t.app, { bearer: fresh }).get('/v1/me')).statusCode).toBe(200);
  });

  it('disabling a user ends their sessions too', async () => {
    const token = idp.sign({ iss: idp.issuer, aud: 'phidesk', sub: 'leaver', roles: ['agent'] });
    const userId = (await client(t.app, { bearer: token }).get('/v1/me')).json().id;
    await client(t.app, { apiKey: b.adminKey }).patch(`/v1/users/${userId}`, { status: 'disabled' });
    const after = await client(t.app, { bearer: token }).get('/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('TOKEN_REVOKED');
  });
});
