// Issue 19, as a partner EHR vendor's tenant sees it: failed sign-ins against the tenant's
// own issuer reach the tenant's privacy officer (not another tenant's, not an agent), and an
// issuer left with an http JWKS is named at start-up and its tokens say why they fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { generateSigningKey, startFakeIdp, type FakeIdp } from '../helpers/idp.js';
import { client, mintKey, seedTenant, type SeededTenant } from '../helpers/actors.js';

const AUD = 'phidesk';
let t: TestApp;
let idpA: FakeIdp;
let idpB: FakeIdp;
let a: SeededTenant;
let b: SeededTenant;

beforeAll(async () => {
  t = await startTestApp({ env: { ALLOW_HTTP_JWKS: 'true', ALLOW_PRIVATE_URLS: 'true' } });
  [idpA, idpB] = await Promise.all([startFakeIdp(), startFakeIdp()]);
  a = await seedTenant(t, { issuer: { issuer: idpA.issuer, jwksUri: idpA.jwksUri, audience: AUD } });
  b = await seedTenant(t, { issuer: { issuer: idpB.issuer, jwksUri: idpB.jwksUri, audience: AUD } });
}, 60_000);

afterAll(async () => {
  await Promise.all([idpA?.close(), idpB?.close()]);
  await t?.close();
});

const me = (token: string) => client(t.app, { bearer: token }).get('/v1/me');

async function officerOf(tenant: SeededTenant) {
  return client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['privacy_officer'])).secret });
}

/** The auth.failed events a caller can read, once the sequencer has chained them (polled up to 10 s). */
async function failedSignIns(reader: ReturnType<typeof client>, atLeast: number) {
  let items: Array<Record<string, any>> = [];
  for (let i = 0; i < 50; i++) {
    const res = await reader.get('/v1/audit/events?action=auth.failed&limit=100');
    expect(res.statusCode, res.body).toBe(200);
    items = res.json().items;
    if (items.length >= atLeast) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return items;
}

describe("failed sign-ins against a tenant's own issuer", () => {
  it("reach that tenant's privacy officer, not another tenant's, not its agents", async () => {
    const issuerIdA = (await client(t.app, { apiKey: a.adminKey }).get('/v1/tenant/issuers')).json().items[0].id;
    const foreignKey = generateSigningKey('RS256').privateKey;
    const forged = idpA.sign({ sub: 'intruder', aud: AUD }, { signingKey: foreignKey, kid: idpA.kid('RS256') });
    const refused = await me(forged);
    expect(refused.statusCode).toBe(401);

    const seenByA = await failedSignIns(await officerOf(a), 1);
    const event = seenByA.find((e) => e['resource']?.id === issuerIdA);
    expect(event, JSON.stringify(seenByA)).toMatchObject({
      tenantId: a.tenantId,
      action: 'auth.failed',
      outcome: 'denied',
      resource: { type: 'TrustedIssuer', id: issuerIdA },
      reasonCode: 'TOKEN_INVALID:bad_signature',
    });
    expect(event?.['clientAddrHash']).toBeTruthy();
    expect(JSON.stringify(seenByA)).not.toContain(forged.split('.')[2]);
    expect(JSON.stringify(seenByA)).not.toContain('intruder');

    // tenant B's officer: nothing about A's issuer (B's trail has no failed sign-in at all)
    const seenByB = await failedSignIns(await officerOf(b), 0);
    expect(seenByB.filter((e) => e['resource']?.id === issuerIdA)).toEqual([]);
    expect(seenByB).toEqual([]);

    const agent = client(t.app, { apiKey: (await mintKey(t.app, a.adminKey, ['agent'])).secret });
    expect((await agent.get('/v1/audit/events?action=auth.failed')).statusCode).toBe(403);
  });

  it('a token whose iss no tenant registered stays out of every tenant trail', async () => {
    const stranger = await startFakeIdp();
    try {
      expect((await me(stranger.sign({ sub: 'x', aud: AUD }))).statusCode).toBe(401);
      const seenByB = await failedSignIns(await officerOf(b), 0);
      expect(seenByB).toEqual([]);
    } finally {
      await stranger.close();
    }
  });
});

describe('an issuer left with an http JWKS', () => {
  it('is named in a start-up warning, and its tokens are refused saying why', async () => {
    const idpC = await startFakeIdp();
    const c = await seedTenant(t, { issuer: { issuer: idpC.issuer, jwksUri: idpC.jwksUri, audience: AUD } });
    const issuerIdC = (await client(t.app, { apiKey: c.adminKey }).get('/v1/tenant/issuers')).json().items[0].id;
    // the same database, served without ALLOW_HTTP_JWKS
    const strict = await startTestApp({ database: t.database, env: { ALLOW_PRIVATE_URLS: 'true' } });
    try {
      const warning = strict.logs.lines.find((l) => l.includes(issuerIdC));
      expect(warning, strict.logs.text).toMatch(/uses http/);
      expect(warning).toMatch(/ALLOW_HTTP_JWKS/);
      expect(warning).not.toContain(idpC.jwksUri);

      const res = await client(strict.app, { bearer: idpC.sign({ sub: 'doc', aud: AUD }) }).get('/v1/me');
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('TOKEN_INVALID');
      expect(res.json().detail).toMatch(/JWKS URL uses http, which this server refuses; use https/);
      expect(res.json().detail).not.toMatch(/not configured correctly/);

      const register = await client(strict.app, { apiKey: c.adminKey }).post('/v1/tenant/issuers', {
        issuer: 'https://another.example/',
        jwksUri: idpC.jwksUri,
        audience: AUD,
      });
      expect(register.statusCode).toBe(400);
      expect(register.body).toMatch(/must use https/);
      expect(register.body).toMatch(/ALLOW_HTTP_JWKS=true permits http to a loopback host, for local testing only/);
    } finally {
      await strict.close();
      await idpC.close();
    }
  });

  it('is not reported while ALLOW_HTTP_JWKS is on', () => {
    expect(t.logs.text).not.toMatch(/JWKS URL uses http/);
  });
});
