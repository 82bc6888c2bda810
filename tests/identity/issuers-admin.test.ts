// Issue 19, the partner EHR vendor's issuer administration: issuers can be PATCHed (REST
// and GraphQL, audited, seen by the authentication cache at once), and a JWKS URL that
// cannot be fetched, or does not serve a key set, is refused at registration and at PATCH.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { startFakeIdp, type FakeIdp } from '../helpers/idp.js';
import { client, mintKey, seedTenant, type Client, type SeededTenant } from '../helpers/actors.js';
import { auditEvents } from '../helpers/audit.js';
import { checkResponse } from '../contract/openapi-harness.js';
import { JwksProbeError, probeJwks } from '../../src/auth/jwks-probe.js';

const AUD = 'phidesk';
let t: TestApp;
let idp: FakeIdp;
let idp2: FakeIdp;
let tenant: SeededTenant;
let admin: Client;
let notJwks: Server;
let unusedPort: number;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  t = await startTestApp({ env: { ALLOW_HTTP_JWKS: 'true', ALLOW_PRIVATE_URLS: 'true' }, authCache: true });
  [idp, idp2] = await Promise.all([startFakeIdp(), startFakeIdp()]);
  tenant = await seedTenant(t);
  admin = client(t.app, { apiKey: tenant.adminKey });
  notJwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>'));
  // a port that was free a moment ago: nothing listens on it
  const probe = createServer();
  unusedPort = await listen(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  await listen(notJwks);
}, 60_000);

afterAll(async () => {
  await Promise.all([idp?.close(), idp2?.close()]);
  await new Promise<void>((resolve) => (notJwks ? notJwks.close(() => resolve()) : resolve()));
  await t?.close();
});

const me = (token: string) => client(t.app, { bearer: token }).get('/v1/me');
const notJwksUri = () => `http://127.0.0.1:${(notJwks.address() as AddressInfo).port}/jwks`;

describe('PATCH /v1/tenant/issuers/{id}', () => {
  it('changes rolesClaim and audience; the same token is judged by the new settings at once; audited', async () => {
    const added = await admin.post('/v1/tenant/issuers', { issuer: idp.issuer, jwksUri: idp.jwksUri, audience: AUD });
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().id as string;
    const token = idp.sign({ sub: 'vendor-user', aud: AUD, phidesk_roles: ['supervisor'] });

    const before = await me(token);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().roles).toEqual([]);

    const patched = await admin.patch(`/v1/tenant/issuers/${id}`, { rolesClaim: 'phidesk_roles' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ id, issuer: idp.issuer, rolesClaim: 'phidesk_roles', audience: AUD });
    checkResponse('PATCH', `/v1/tenant/issuers/${id}`, patched);
    // the cached actor of this very token was dropped by the change notice
    expect((await me(token)).json().roles).toEqual(['supervisor']);

    expect((await admin.patch(`/v1/tenant/issuers/${id}`, { audience: 'ehr-2' })).statusCode).toBe(200);
    expect((await me(token)).statusCode).toBe(401);
    expect((await me(idp.sign({ sub: 'vendor-user', aud: 'ehr-2' }))).statusCode).toBe(200);

    const updates = (await auditEvents(t.database.db, tenant.tenantId)).filter(
      (e) => e['action'] === 'tenant.issuer_update',
    );
    expect(updates.map((e) => e['outcome'])).toEqual(['allowed', 'allowed']);
    expect(updates.every((e) => JSON.stringify(e).includes(id))).toBe(true);
  });

  it('moves an issuer to a new JWKS: the old keys stop working, the new ones work', async () => {
    const other = await seedTenant(t);
    const otherAdmin = client(t.app, { apiKey: other.adminKey });
    const iss = 'https://ehr.vendor.example/';
    const id = (
      await otherAdmin.post('/v1/tenant/issuers', { issuer: iss, jwksUri: idp2.jwksUri, audience: AUD })
    ).json().id as string;
    // idp's keys signing for this iss: unknown to idp2's JWKS
    const signedByIdp = idp.sign({ iss, sub: 'u1', aud: AUD });
    expect((await me(signedByIdp)).statusCode).toBe(401);
    const moved = await otherAdmin.patch(`/v1/tenant/issuers/${id}`, { jwksUri: idp.jwksUri });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await me(signedByIdp)).statusCode).toBe(200);
  });

  it("reaches another server's authentication cache within a second (change notices)", async () => {
    const other = await startTestApp({ database: t.database, env: { ALLOW_HTTP_JWKS: 'true' }, authCache: true });
    try {
      const c = await seedTenant(t, { issuer: { issuer: idp2.issuer, jwksUri: idp2.jwksUri, audience: AUD } });
      const id = (await client(t.app, { apiKey: c.adminKey }).get('/v1/tenant/issuers')).json().items[0].id;
      const token = idp2.sign({ sub: 'n1', aud: AUD, ehr_roles: ['agent'] });
      const onOther = () => client(other.app, { bearer: token }).get('/v1/me');
      expect((await onOther()).json().roles).toEqual([]); // cached on the other server
      const patched = await client(t.app, { apiKey: c.adminKey }).patch(`/v1/tenant/issuers/${id}`, {
        rolesClaim: 'ehr_roles',
      });
      expect(patched.statusCode).toBe(200);
      const started = Date.now();
      let roles: string[] = [];
      // Each poll is an in-process inject that a cache hit answers without I/O: without the
      // pause, the loop starves the event loop and the notice waits unread on its socket.
      while (Date.now() - started < 1_000 && roles.length === 0) {
        roles = (await onOther()).json().roles;
        if (roles.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(roles).toEqual(['agent']);
    } finally {
      await other.close();
    }
  });

  it('refuses what it must: unknown id 404, another role 403, the issuer string 400, GraphQL alike', async () => {
    const id = (await admin.get('/v1/tenant/issuers')).json().items[0].id as string;
    expect(
      (await admin.patch('/v1/tenant/issuers/00000000-0000-4000-8000-000000000000', { audience: 'x' })).statusCode,
    ).toBe(404);
    expect((await admin.patch('/v1/tenant/issuers/not-a-uuid', { audience: 'x' })).statusCode).toBeGreaterThanOrEqual(
      400,
    );
    const issuerChange = await admin.patch(`/v1/tenant/issuers/${id}`, { issuer: 'https://other.example/' });
    expect(issuerChange.statusCode).toBe(400);
    expect((await admin.patch(`/v1/tenant/issuers/${id}`, {})).statusCode).toBe(400);
    const agent = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['agent'])).secret });
    const forbidden = await agent.patch(`/v1/tenant/issuers/${id}`, { audience: 'x' });
    expect(forbidden.statusCode).toBe(403);

    const gql = await admin.gql(
      'mutation($id: ID!, $input: TrustedIssuerPatch!) { updateTrustedIssuer(id: $id, input: $input) { id groupsClaim } }',
      { id, input: { groupsClaim: 'teams' } },
    );
    expect(gql.errors).toBeUndefined();
    expect(gql.data.updateTrustedIssuer).toEqual({ id, groupsClaim: 'teams' });
    const gqlForbidden = await agent.gql(
      'mutation($id: ID!, $input: TrustedIssuerPatch!) { updateTrustedIssuer(id: $id, input: $input) { id } }',
      { id, input: { groupsClaim: 'x' } },
    );
    expect(gqlForbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('JWKS reachability', () => {
  it('refuses an unreachable JWKS URL at registration with 422, registers nothing, audits the refusal', async () => {
    const res = await admin.post('/v1/tenant/issuers', {
      issuer: 'https://unreachable.example/',
      jwksUri: `http://127.0.0.1:${unusedPort}/jwks?secret=s3cr3t`,
      audience: AUD,
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().code).toBe('UNPROCESSABLE');
    expect(JSON.stringify(res.json())).toMatch(/could not be fetched/);
    expect(res.json().errors?.[0]?.pointer ?? res.json().details?.[0]?.pointer).toBe('/jwksUri');
    expect(res.body).not.toContain('s3cr3t');
    const issuers = (await admin.get('/v1/tenant/issuers')).json().items as Array<{ issuer: string }>;
    expect(issuers.map((i) => i.issuer)).not.toContain('https://unreachable.example/');
    const denied = (await auditEvents(t.database.db, tenant.tenantId)).filter(
      (e) => e['action'] === 'tenant.issuer_add' && e['outcome'] === 'denied',
    );
    expect(denied.length).toBeGreaterThan(0);
  });

  it('refuses a URL that answers with something other than a JWKS', async () => {
    const res = await admin.post('/v1/tenant/issuers', {
      issuer: 'https://html.example/',
      jwksUri: notJwksUri(),
      audience: AUD,
    });
    expect(res.statusCode).toBe(422);
    expect(JSON.stringify(res.json())).toMatch(/did not return a JSON Web Key Set/);
  });

  it('refuses the same at PATCH and keeps the working setting', async () => {
    const [first] = (await admin.get('/v1/tenant/issuers')).json().items as Array<{ id: string; jwksUri: string }>;
    const res = await admin.patch(`/v1/tenant/issuers/${first!.id}`, { jwksUri: `http://127.0.0.1:${unusedPort}/k` });
    expect(res.statusCode).toBe(422);
    const after = (await admin.get('/v1/tenant/issuers')).json().items[0];
    expect(after.jwksUri).toBe(first!.jwksUri);
    const denied = (await auditEvents(t.database.db, tenant.tenantId)).filter(
      (e) => e['action'] === 'tenant.issuer_update' && e['outcome'] === 'denied',
    );
    expect(denied).toHaveLength(1);
  });

  it('still applies the URL guard first: a refused destination is never contacted', async () => {
    const strict = await startTestApp({
      database: t.database,
      env: { ALLOW_HTTP_JWKS: 'true', ALLOW_PRIVATE_URLS: 'false' },
    });
    try {
      const fetchesBefore = idp2.fetchCount;
      const res = await client(strict.app, { apiKey: tenant.adminKey }).post('/v1/tenant/issuers', {
        issuer: 'https://guarded.example/',
        jwksUri: idp2.jwksUri,
        audience: AUD,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().detail ?? res.json().title).toMatch(/destination this server does not fetch from/);
      expect(idp2.fetchCount).toBe(fetchesBefore);
    } finally {
      await strict.close();
    }
  });
});

describe('the registration probe', () => {
  it('gives up on a JWKS endpoint that never answers after its bounded timeout', async () => {
    const stalling = createServer(() => undefined); // accepts, never answers
    const port = await listen(stalling);
    try {
      const started = Date.now();
      const failure = await probeJwks(`http://127.0.0.1:${port}/jwks`, {
        urlPolicy: { allowHttpLoopback: true, allowPrivate: true },
        timeoutMs: 300,
      }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(JwksProbeError);
      expect((failure as JwksProbeError).reason).toBe('timeout');
      expect((failure as Error).message).toMatch(/did not answer in time/);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      stalling.closeAllConnections();
      await new Promise<void>((resolve) => stalling.close(() => resolve()));
    }
  });

  it('accepts a live JWKS with usable keys', async () => {
    await expect(
      probeJwks(idp.jwksUri, { urlPolicy: { allowHttpLoopback: true, allowPrivate: true }, timeoutMs: 2_000 }),
    ).resolves.toBeUndefined();
  });
});
