// Issue 12, finding 3 replayed as filed: a NUL (or an unpaired surrogate) in each listed
// input used to reach PostgreSQL and answer 500. Each is now 400 VALIDATION_FAILED
// problem+json naming the field (GraphQL: a 400 GraphQL error; JWT claims: 401
// TOKEN_INVALID), and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, seedTenant, type Client, type SeededTenant } from '../helpers/actors.js';
import { startFakeIdp, type FakeIdp } from '../helpers/idp.js';

const AUD = 'phidesk-api';
let t: TestApp;
let idp: FakeIdp;
let tenant: SeededTenant;
let admin: Client;
let supervisor: Client;
let privacyOfficer: Client;

beforeAll(async () => {
  t = await startTestApp({ env: { ALLOW_HTTP_JWKS: 'true' } });
  idp = await startFakeIdp();
  tenant = await seedTenant(t, { issuer: { issuer: idp.issuer, jwksUri: idp.jwksUri, audience: AUD } });
  admin = client(t.app, { apiKey: tenant.adminKey });
  supervisor = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['supervisor'])).secret });
  privacyOfficer = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['privacy_officer'])).secret });
  expect((await admin.post('/v1/groups', { name: 'cardiology' })).statusCode).toBe(201);
  expect(
    (await admin.post('/v1/custom-fields', { key: 'note', label: 'Note', type: 'text', phi: false })).statusCode,
  ).toBe(201);
}, 60_000);
afterAll(async () => {
  await idp?.close();
  await t?.close();
});

/** Row counts of every table but the audit trail's (reads are audited; nothing else may change). */
async function rowCounts(): Promise<Record<string, number>> {
  const { rows } = await sql<{
    name: string;
  }>`select tablename as name from pg_tables where schemaname = 'public' and tablename not like 'audit%' order by 1`.execute(
    t.database.db,
  );
  const counts: Record<string, number> = {};
  for (const { name } of rows) {
    const {
      rows: [row],
    } = await sql<{ n: string }>`select count(*) as n from ${sql.table(name)}`.execute(t.database.db);
    counts[name] = Number(row!.n);
  }
  return counts;
}

/** `at` is a body pointer ("/name"), a parameter ("?tag") or a header ("header:x-api-key"). */
async function expectRefused(send: () => Promise<LightMyRequestResponse>, at: string): Promise<void> {
  const where = at.startsWith('?')
    ? { parameter: at.slice(1) }
    : at.startsWith('header:')
      ? { header: at.slice('header:'.length) }
      : { pointer: at };
  const before = await rowCounts();
  const res = await send();
  expect(res.statusCode, res.body).toBe(400);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({
    code: 'VALIDATION_FAILED',
    errors: [{ ...where, detail: expect.stringMatching(/NUL/) }],
  });
  expect(res.body).not.toContain('\\u0000');
  expect(await rowCounts()).toEqual(before);
}

describe('finding 3: NUL in plain-text inputs', () => {
  it('GET /v1/tickets?tag=x%00y', async () => {
    await expectRefused(() => supervisor.get('/v1/tickets?tag=x%00y'), '?tag');
  });

  it('ticket custom-field values', async () => {
    await expectRefused(
      () => supervisor.post('/v1/tickets', { subject: 'Referral', customFields: { note: 'a\u0000b' } }),
      '/customFields/note',
    );
  });

  it('group name, user displayName, API key name', async () => {
    await expectRefused(() => admin.post('/v1/groups', { name: 'a\u0000b' }), '/name');
    await expectRefused(
      () => admin.post('/v1/users', { displayName: 'Dr \u0000 Who', roles: ['agent'] }),
      '/displayName',
    );
    await expectRefused(() => admin.post('/v1/api-keys', { name: 'ci\u0000', scopes: ['tickets:read'] }), '/name');
  });

  it('issuer and audience', async () => {
    const issuer = {
      issuer: 'https://login.example/',
      jwksUri: 'https://login.example/jwks.json',
      audience: 'phidesk',
    };
    await expectRefused(
      () => admin.post('/v1/tenant/issuers', { ...issuer, issuer: 'https://login.example/\u0000' }),
      '/issuer',
    );
    await expectRefused(() => admin.post('/v1/tenant/issuers', { ...issuer, audience: 'phi\u0000desk' }), '/audience');
  });

  it('tenant name (unchanged)', async () => {
    const before = (await admin.get('/v1/tenant')).json().name;
    await expectRefused(() => admin.patch('/v1/tenant', { name: 'Acme\u0000' }), '/name');
    expect((await admin.get('/v1/tenant')).json().name).toBe(before);
  });

  it('break-glass reason and review note (no review recorded)', async () => {
    const ticket = (await supervisor.post('/v1/tickets', { subject: 'Emergency' })).json();
    await expectRefused(
      () =>
        supervisor.post('/v1/break-glass', {
          resourceType: 'Ticket',
          resourceId: ticket.id,
          reason: 'patient in ED \u0000 now',
          durationMinutes: 5,
        }),
      '/reason',
    );
    const grant = await supervisor.post('/v1/break-glass', {
      resourceType: 'Ticket',
      resourceId: ticket.id,
      reason: 'patient in ED, unresponsive',
      durationMinutes: 5,
    });
    expect(grant.statusCode, grant.body).toBe(201);
    await expectRefused(
      () =>
        privacyOfficer.post(`/v1/break-glass/${grant.json().id}/review`, { outcome: 'justified', note: 'ok\u0000' }),
      '/note',
    );
    expect((await privacyOfficer.get(`/v1/break-glass/${grant.json().id}`)).json().review).toBeNull();
  });

  it('custom-field label and options', async () => {
    await expectRefused(
      () => admin.post('/v1/custom-fields', { key: 'site', label: 'Site\u0000', type: 'text', phi: false }),
      '/label',
    );
    await expectRefused(
      () =>
        admin.post('/v1/custom-fields', {
          key: 'site',
          label: 'Site',
          type: 'enum',
          options: ['north', 'so\u0000uth'],
          phi: false,
        }),
      '/options/1',
    );
  });

  it('audit action and resourceType filters', async () => {
    await expectRefused(() => privacyOfficer.get('/v1/audit/events?action=ticket.read%00'), '?action');
    await expectRefused(() => privacyOfficer.get('/v1/audit/events?resourceType=Ticket%00'), '?resourceType');
  });

  it('an unpaired surrogate, which PostgreSQL would store as U+FFFD, is refused the same way', async () => {
    await expectRefused(() => admin.post('/v1/groups', { name: 'a\ud800b' }), '/name');
    await expectRefused(() => admin.post('/v1/users', { displayName: '\udfffx', roles: ['agent'] }), '/displayName');
  });

  it('headers the app reads (API key, request id, idempotency key)', async () => {
    await expectRefused(
      () => t.app.inject({ method: 'GET', url: '/v1/me', headers: { 'x-api-key': `${tenant.adminKey}\u0000` } }),
      'header:x-api-key',
    );
    await expectRefused(() => admin.get('/v1/me', { 'x-request-id': 'abcdefgh\u0000' }), 'header:x-request-id');
    await expectRefused(
      () => supervisor.post('/v1/tickets', { subject: 'x' }, { 'idempotency-key': 'k\u0000' }),
      'header:idempotency-key',
    );
  });
});

describe('finding 3 over GraphQL: tickets(filter: {tag})', () => {
  it('as a literal: a 400 GraphQL error, no data', async () => {
    const res = await supervisor.post('/graphql', {
      query: '{ tickets(filter: {tag: "x\\u0000y"}) { items { id } } }',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      data: null,
      errors: [{ message: expect.stringMatching(/NUL/), extensions: { code: 'VALIDATION_FAILED' } }],
    });
  });

  it('as a variable: a 400 GraphQL error naming the variable', async () => {
    const res = await supervisor.post('/graphql', {
      query: 'query($tag: String) { tickets(filter: {tag: $tag}) { items { id } } }',
      variables: { tag: 'x\u0000y' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      data: null,
      errors: [{ extensions: { code: 'VALIDATION_FAILED', errors: [{ pointer: '/variables/tag' }] } }],
    });
  });

  it('as a variable of a GET request (JSON in the query string)', async () => {
    const params = new URLSearchParams({
      query: 'query($tag: String) { tickets(filter: {tag: $tag}) { items { id } } }',
      variables: JSON.stringify({ tag: 'x\u0000y' }),
    });
    const res = await supervisor.get(`/graphql?${params}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      errors: [{ extensions: { code: 'VALIDATION_FAILED', errors: [{ pointer: '/variables/tag' }] } }],
    });
  });
});

describe('finding 3 for JWT claims at first sign-in: sub, name, groups', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown>) => ({
    iss: idp.issuer,
    aud: AUD,
    sub: 'nurse-1',
    iat: now(),
    exp: now() + 600,
    roles: ['agent'],
    ...extra,
  });

  it.each([
    ['sub', { sub: 'nurse\u0000' }],
    ['name', { name: 'Nurse \u0000 Joy' }],
    ['groups', { groups: ['cardiology', 'onc\u0000'] }],
    ['email', { email: 'joy@example.com\u0000' }],
    ['name with an unpaired surrogate', { name: 'Joy \ud800' }],
  ])('%s: 401 TOKEN_INVALID, no user provisioned', async (_claim, extra) => {
    const before = await rowCounts();
    const res = await client(t.app, { bearer: idp.sign(claims(extra)) }).get('/v1/me');
    expect(res.statusCode, res.body).toBe(401);
    expect(res.json().code).toBe('TOKEN_INVALID');
    expect(await rowCounts()).toEqual(before);
  });

  it('the same token with clean claims signs in', async () => {
    const res = await client(t.app, { bearer: idp.sign(claims({ name: 'Nurse Joy', groups: ['cardiology'] })) }).get(
      '/v1/me',
    );
    expect(res.statusCode, res.body).toBe(200);
  });
});
