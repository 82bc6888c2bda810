// Issue 12, findings 1 and 6 replayed as filed: tenant A registers tenant B's issuer with
// a JWKS A controls; A probes which issuers other tenants trust; unsigned and forged
// tokens probe which issuers are registered at all. Plus the per-tenant issuer limit.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_ISSUERS_PER_TENANT } from '../../src/tenants/tenants.service.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { startFakeIdp, type FakeIdp } from '../helpers/idp.js';
import { client, seedTenant, type SeededTenant } from '../helpers/actors.js';
import { auditEvents } from '../helpers/audit.js';
import { checkResponse } from '../contract/openapi-harness.js';

const AUD = 'phidesk';
let t: TestApp;
let idpB: FakeIdp; // tenant B's genuine IdP
let idpA: FakeIdp; // an IdP tenant A controls
let stranger: FakeIdp; // registered by nobody
let a: SeededTenant;
let b: SeededTenant;

beforeAll(async () => {
  t = await startTestApp({ env: { ALLOW_HTTP_JWKS: 'true' } });
  [idpA, idpB, stranger] = await Promise.all([startFakeIdp(), startFakeIdp(), startFakeIdp()]);
  a = await seedTenant(t);
  b = await seedTenant(t, { issuer: { issuer: idpB.issuer, jwksUri: idpB.jwksUri, audience: AUD } });
}, 60_000);

afterAll(async () => {
  await Promise.all([idpA, idpB, stranger].map((idp) => idp?.close()));
  await t?.close();
});

const me = (token: string) => client(t.app, { bearer: token }).get('/v1/me');
const withoutRequestId = (body: string) => {
  const { requestId: _requestId, ...rest } = JSON.parse(body) as Record<string, unknown>;
  return JSON.stringify(rest);
};
const register = (tenant: SeededTenant, body: Record<string, unknown>) =>
  client(t.app, { apiKey: tenant.adminKey }).post('/v1/tenant/issuers', body);

describe('finding 1: issuer squatting', () => {
  it("refuses tenant A registering tenant B's issuer, says nothing about B, and B's tokens keep verifying", async () => {
    const squat = { issuer: idpB.issuer, jwksUri: idpA.jwksUri, audience: AUD };
    const res = await register(a, squat);
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json()).toMatchObject({ status: 409, code: 'CONFLICT' });
    checkResponse('POST', '/v1/tenant/issuers', res);
    for (const secret of [b.tenantId, b.slug, idpB.jwksUri]) expect(res.body).not.toContain(secret);

    const gql = await client(t.app, { apiKey: a.adminKey }).gql(
      'mutation($input: TrustedIssuerInput!) { addTrustedIssuer(input: $input) { id } }',
      { input: squat },
    );
    expect(gql.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(JSON.stringify(gql)).not.toContain(b.tenantId);

    // B's genuine tokens, with no tenant claim, still land in B, verified with B's keys
    const verified = await me(idpB.sign({ sub: 'nurse-1', aud: AUD }));
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().tenantId).toBe(b.tenantId);
    expect(idpA.fetchCount).toBe(0);
    expect((await client(t.app, { apiKey: a.adminKey }).get('/v1/tenant/issuers')).json().items).toEqual([]);
  });

  it("records the refused attempt in the caller's own audit trail", async () => {
    await register(a, { issuer: idpB.issuer, jwksUri: idpA.jwksUri, audience: AUD });
    await vi.waitFor(async () => {
      const events = await auditEvents(t.database.db, a.tenantId);
      expect(
        events.some(
          (e) => e['action'] === 'tenant.issuer_add' && e['outcome'] === 'denied' && e['reasonCode'] === 'CONFLICT',
        ),
      ).toBe(true);
    });
  });

  it("cannot tell another tenant's issuer from its own: the same answer, byte for byte", async () => {
    const own = { issuer: idpA.issuer, jwksUri: idpA.jwksUri, audience: AUD };
    expect((await register(a, own)).statusCode).toBe(201);
    const ownAgain = await register(a, own);
    const others = await register(a, { ...own, issuer: idpB.issuer });
    expect(ownAgain.statusCode).toBe(409);
    expect(withoutRequestId(others.body)).toBe(withoutRequestId(ownAgain.body));
    expect(others.headers['content-type']).toBe(ownAgain.headers['content-type']);
  });
});

describe('issuer limit', () => {
  it(`refuses a tenant's issuer number ${MAX_ISSUERS_PER_TENANT + 1} with 422 UNPROCESSABLE until one is removed`, async () => {
    const c = await seedTenant(t);
    const issuer = (n: number) => ({
      issuer: `https://idp-${n}.${c.slug}.example/`,
      // distinct issuers, one reachable key set: registration fetches it (issuer-checks.ts)
      jwksUri: idpA.jwksUri,
      audience: AUD,
    });
    const ids: string[] = [];
    for (let n = 0; n < MAX_ISSUERS_PER_TENANT; n++) {
      const res = await register(c, issuer(n));
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const over = await register(c, issuer(99));
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({
      code: 'UNPROCESSABLE',
      detail: `A tenant trusts at most ${MAX_ISSUERS_PER_TENANT} issuers; remove one first.`,
    });
    expect(over.json().errors).toBeUndefined();
    checkResponse('POST', '/v1/tenant/issuers', over);

    expect((await client(t.app, { apiKey: c.adminKey }).delete(`/v1/tenant/issuers/${ids[0]}`)).statusCode).toBe(204);
    expect((await register(c, issuer(99))).statusCode).toBe(201);
  });

  it('holds under concurrent registrations', async () => {
    const d = await seedTenant(t);
    const results = await Promise.all(
      Array.from({ length: MAX_ISSUERS_PER_TENANT + 4 }, (_, n) =>
        register(d, {
          issuer: `https://race-${n}.${d.slug}.example/`,
          jwksUri: idpA.jwksUri,
          audience: AUD,
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(MAX_ISSUERS_PER_TENANT);
    expect(results.filter((r) => r.statusCode === 422)).toHaveLength(4);
  });
});

describe('finding 6: 401 details do not enumerate issuers', () => {
  it('answers a forged token byte for byte the same whether or not its iss is registered', async () => {
    const forge = (iss: string) => stranger.sign({ iss, sub: 'x', aud: AUD }, { kid: idpB.kid('RS256') });
    const registered = await me(forge(idpB.issuer));
    const unregistered = await me(forge('https://not-registered.example/'));
    expect(registered.statusCode).toBe(401);
    expect(withoutRequestId(registered.body)).toBe(withoutRequestId(unregistered.body));
    expect(registered.json()).toMatchObject({ code: 'TOKEN_INVALID', title: 'Unauthorized' });

    // an unknown kid under a registered issuer reads the same too
    const unknownKid = await me(idpB.sign({ sub: 'x', aud: AUD }, { kid: 'no-such-kid' }));
    expect(withoutRequestId(unknownKid.body)).toBe(withoutRequestId(unregistered.body));
  });

  it('answers unsigned tokens the same whatever their iss', async () => {
    const unsigned = (iss: string) => idpB.sign({ iss, sub: 'x', aud: AUD }, { alg: 'none' });
    const registered = await me(unsigned(idpB.issuer));
    const unregistered = await me(unsigned('https://not-registered.example/'));
    expect(registered.statusCode).toBe(401);
    expect(withoutRequestId(registered.body)).toBe(withoutRequestId(unregistered.body));
  });

  it('keeps the finer reason for the audit trail', async () => {
    await me(stranger.sign({ iss: idpB.issuer, sub: 'x', aud: AUD }, { kid: idpB.kid('RS256') }));
    await me(stranger.sign({ iss: 'https://not-registered.example/', sub: 'x', aud: AUD }));
    await vi.waitFor(async () => {
      const reasons = (await auditEvents(t.database.db)).map((e) => e['reasonCode']);
      expect(reasons).toContain('TOKEN_INVALID:bad_signature');
      expect(reasons).toContain('TOKEN_INVALID:untrusted_issuer');
    });
  });

  it('never fetches a JWKS for an iss no tenant registered', async () => {
    const res = await me(stranger.sign({ sub: 'x', aud: AUD }));
    expect(res.statusCode).toBe(401);
    expect(stranger.fetchCount).toBe(0);
  });
});
