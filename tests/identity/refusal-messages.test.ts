// One way to say no (src/policy/refusal.ts): every FORBIDDEN says what was refused in words
// and what would allow it: the scope an integration key lacks, the multi-factor sign-in a
// tenant requires for PHI, or the caller's roles. Checked on the function and through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/actor.js';
import { refusalMessage, scopesGranting } from '../../src/policy/refusal.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { mintKey, seedTenant } from '../helpers/actors.js';

const actor = (over: Partial<Actor>): Actor => ({
  tenantId: 't',
  id: 'a',
  kind: 'api_key',
  authMethod: 'api_key',
  roles: ['integration'],
  groupIds: [],
  scopes: [],
  mfa: false,
  requireMfaForPhi: false,
  breakGlass: [],
  ...over,
});

describe('refusal messages', () => {
  it('name the scope an integration key lacks, in plain words', () => {
    expect(refusalMessage(actor({ scopes: ['tickets:read'] }), 'read_phi', 'Ticket', 'this Ticket')).toBe(
      'You are not allowed to read the PHI of this Ticket: this API key needs the phi:read scope.',
    );
    expect(scopesGranting('create', 'Ticket')).toEqual(['tickets:create', 'tickets:write']);
    expect(refusalMessage(actor({}), 'create', 'Ticket')).toBe(
      'You are not allowed to create Ticket records: this API key needs the tickets:create or tickets:write scope.',
    );
  });

  it('name the multi-factor sign-in a tenant requires for PHI', () => {
    const user = actor({ kind: 'user', authMethod: 'jwt', roles: ['agent'], requireMfaForPhi: true, mfa: false });
    expect(refusalMessage(user, 'read_phi', 'Contact', 'this Contact')).toMatch(
      /^You are not allowed to read the PHI of this Contact: this tenant requires a multi-factor sign-in/,
    );
  });

  it("name the caller's roles when no scope would help", () => {
    const agent = actor({ kind: 'user', authMethod: 'jwt', roles: ['agent'] });
    expect(refusalMessage(agent, 'update', 'Tenant')).toBe(
      'You are not allowed to update Tenant records: your roles (agent) do not allow it.',
    );
  });
});

describe('refusals through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('say the same over REST and GraphQL', async () => {
    const tenant = await seedTenant(t);
    const key = (await mintKey(t.app, tenant.adminKey, ['integration'], ['contacts:read'])).secret;
    const rest = await t.app.inject({ method: 'GET', url: '/v1/tickets', headers: { 'x-api-key': key } });
    expect(rest.statusCode).toBe(403);
    const expected = 'You are not allowed to read Ticket records: this API key needs the tickets:read scope.';
    expect(rest.json().detail).toBe(expected);
    const gql = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'x-api-key': key },
      payload: { query: '{ tickets { items { id } } }' },
    });
    expect(gql.json().errors[0]).toMatchObject({ message: expected, extensions: { code: 'FORBIDDEN' } });
  });
});
