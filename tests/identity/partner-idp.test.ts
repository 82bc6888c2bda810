// Acceptance 1 of the identity issue, black-box: a fake partner identity provider serves
// its JWKS on 127.0.0.1, a tenant is configured to trust it through the real CLI
// (a separate process), and its tokens work while every forged or wrong one gets 401.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { startFakeIdp, type FakeIdp } from '../helpers/idp.js';
import { client } from '../helpers/actors.js';
import { auditEvents } from '../helpers/audit.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const AUD = 'phidesk-api';

let t: TestApp;
let idp: FakeIdp;
let otherIdp: FakeIdp;
let tenantId: string;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  t = await startTestApp({
    env: { ALLOW_HTTP_JWKS: 'true', ALLOW_PRIVATE_URLS: 'true', SESSION_MAX_AGE_SECONDS: '3600' },
  });
  idp = await startFakeIdp();
  otherIdp = await startFakeIdp();
  const { stdout } = await run(
    process.execPath,
    [
      'bin/phidesk.js',
      'tenants',
      'create',
      '--slug',
      'acme-health',
      '--name',
      'Acme Health',
      '--jwt-issuer',
      idp.issuer,
      '--jwks-uri',
      idp.jwksUri,
      '--audience',
      AUD,
      '--json',
    ],
    {
      cwd: root,
      env: {
        PATH: process.env['PATH'] ?? '',
        DATABASE_URL: t.database.url,
        ALLOW_HTTP_JWKS: 'true',
        ALLOW_PRIVATE_URLS: 'true',
      },
    },
  );
  const out = JSON.parse(stdout) as { tenantId: string; adminApiKey: string };
  tenantId = out.tenantId;
  expect(out.adminApiKey).toMatch(/^phk_/);
  // a second tenant that trusts another issuer, for the tenant-claim check
  await run(
    process.execPath,
    [
      'bin/phidesk.js',
      'tenants',
      'create',
      '--slug',
      'other-clinic',
      '--name',
      'Other',
      '--jwt-issuer',
      otherIdp.issuer,
      '--jwks-uri',
      otherIdp.jwksUri,
      '--audience',
      AUD,
    ],
    {
      cwd: root,
      env: {
        PATH: process.env['PATH'] ?? '',
        DATABASE_URL: t.database.url,
        ALLOW_HTTP_JWKS: 'true',
        ALLOW_PRIVATE_URLS: 'true',
      },
    },
  );
}, 60_000);

afterAll(async () => {
  await idp?.close();
  await otherIdp?.close();
  await t?.close();
});

function claims(extra: Record<string, unknown> = {}) {
  return {
    iss: idp.issuer,
    aud: AUD,
    sub: 'dr-house',
    iat: now(),
    exp: now() + 600,
    roles: ['agent'],
    name: 'Gregory House',
    amr: ['pwd', 'otp'],
    ...extra,
  };
}

async function me(token: string) {
  return client(t.app, { bearer: token }).get('/v1/me');
}

describe('partner identity provider', () => {
  it('accepts its tokens (RS256, ES256, EdDSA), provisions the user on first sight, maps roles', async () => {
    for (const alg of ['RS256', 'ES256', 'EdDSA'] as const) {
      const res = await me(await idp.sign(claims(), { alg }));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ tenantId, kind: 'user', roles: ['agent'], mfa: true });
    }
    const users = await t.database.db
      .selectFrom('users')
      .select(['subject', 'display_name'])
      .where('tenant_id', '=', tenantId)
      .execute();
    expect(users).toEqual([{ subject: 'dr-house', display_name: 'Gregory House' }]);
  });

  it('works over GraphQL with the same actor', async () => {
    const body = await client(t.app, { bearer: await idp.sign(claims()) }).gql('{ me { tenantId roles kind } }');
    expect(body.data.me).toEqual({ tenantId, roles: ['agent'], kind: 'user' });
  });

  const forged: Array<[string, () => Promise<string>, string]> = [
    ['alg none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`, 'TOKEN_INVALID'],
    [
      'HS256 signed with the RSA public key (alg confusion)',
      async () => idp.sign(claims(), { alg: 'HS256', hmacSecret: idp.publicKeyPem('RS256'), kid: idp.kid('RS256') }),
      'TOKEN_INVALID',
    ],
    ['unknown kid', async () => idp.sign(claims(), { kid: 'no-such-kid' }), 'TOKEN_INVALID'],
    ['wrong issuer', async () => idp.sign(claims({ iss: 'https://evil.example' })), 'TOKEN_INVALID'],
    ['wrong audience', async () => idp.sign(claims({ aud: 'someone-else' })), 'TOKEN_INVALID'],
    ['expired', async () => idp.sign(claims({ iat: now() - 1200, exp: now() - 600 })), 'TOKEN_EXPIRED'],
    ['not yet valid', async () => idp.sign(claims({ nbf: now() + 600 })), 'TOKEN_NOT_YET_VALID'],
    [
      'session older than the maximum age',
      async () => idp.sign(claims({ iat: now() - 7200, exp: now() + 600 })),
      'TOKEN_EXPIRED',
    ],
    [
      'tenant claim naming a tenant that does not trust the issuer',
      async () => idp.sign(claims({ tenant: 'other-clinic' })),
      'TOKEN_INVALID',
    ],
    [
      'signed by another IdP key under this kid',
      async () => otherIdp.sign(claims(), { kid: idp.kid('RS256') }),
      'TOKEN_INVALID',
    ],
    ['malformed', async () => 'not.a.jwt', 'TOKEN_INVALID'],
  ];

  it.each(forged)('rejects %s with 401', async (_name, make, code) => {
    const res = await me(await make());
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe(code);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('rejects a request with no token with 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('records authentication failures in the audit trail without the credential', async () => {
    const token = await idp.sign(claims({ aud: 'someone-else' }));
    await me(token);
    const texts = (await auditEvents(t.database.db)).map((e) => JSON.stringify(e));
    expect(texts.some((x) => x.includes('auth.failed') && x.includes('wrong_audience'))).toBe(true);
    expect(texts.join('\n')).not.toContain(token.split('.')[2]);
  });
});

function b64(o: unknown): string {
  return Buffer.from(JSON.stringify(o)).toString('base64url');
}
