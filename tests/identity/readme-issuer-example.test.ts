// Issue 19, "What was seen", first case, replayed as written: README's issuer example is
// registered exactly as README prints it (only its two URLs pointed at a loopback IdP), and a
// token carrying the `roles` claim that README's claims table describes must give the caller
// those roles. Before the fix the example set `"rolesClaim": "phidesk_roles"`, so such a token
// got roles [] and then a bare 403. The example is read from README itself, so the two cannot
// drift apart again without this test failing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { startFakeIdp, type FakeIdp } from '../helpers/idp.js';
import { client, seedTenant, type SeededTenant } from '../helpers/actors.js';

let t: TestApp;
let idp: FakeIdp;
let tenant: SeededTenant;

/** The JSON body of README's `curl -X POST .../v1/tenant/issuers` example. */
function readmeIssuerBody(): Record<string, unknown> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const example = /curl -X POST \S*\/v1\/tenant\/issuers[\s\S]*?-d '([^']*)'/.exec(readme);
  expect(example, 'README has a curl example registering an issuer').not.toBeNull();
  return JSON.parse(example![1]!) as Record<string, unknown>;
}

beforeAll(async () => {
  t = await startTestApp({ env: { ALLOW_HTTP_JWKS: 'true', ALLOW_PRIVATE_URLS: 'true' } });
  idp = await startFakeIdp();
  tenant = await seedTenant(t);
}, 60_000);

afterAll(async () => {
  await idp?.close();
  await t?.close();
});

describe("README's issuer example", () => {
  it('names no claim other than the ones its claims table describes', () => {
    const body = readmeIssuerBody();
    expect(body.rolesClaim ?? 'roles').toBe('roles');
    expect(body.groupsClaim ?? 'groups').toBe('groups');
  });

  it('registered as written, a token with roles ["supervisor"] acts as a supervisor', async () => {
    const body = readmeIssuerBody();
    const admin = client(t.app, { apiKey: tenant.adminKey });
    const added = await admin.post('/v1/tenant/issuers', { ...body, issuer: idp.issuer, jwksUri: idp.jwksUri });
    expect(added.statusCode, added.body).toBe(201);

    const token = idp.sign({ sub: 'readme-user', aud: body.audience, roles: ['supervisor'] });
    const caller = client(t.app, { bearer: token });
    const me = await caller.get('/v1/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().roles).toContain('supervisor');

    // and what a supervisor may do, it may: the bare 403 of the report is gone
    const list = await caller.get('/v1/tickets');
    expect(list.statusCode, list.body).toBe(200);
  });
});
