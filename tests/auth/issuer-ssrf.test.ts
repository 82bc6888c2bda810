// Issue 12, finding 2 replayed as filed: JWKS URIs that point into the server's own
// network are refused when registered (REST, GraphQL, the bootstrap service and the CLI)
// and again at every fetch, and refused or failed fetches are logged and audited per
// tenant. Only loopback servers run here, and the refused addresses are never dialled.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isAppError } from '../../src/errors.js';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { startFakeIdp, type FakeIdp } from '../helpers/idp.js';
import { client, seedTenant, type SeededTenant } from '../helpers/actors.js';
import { auditEvents } from '../helpers/audit.js';
import { checkResponse } from '../contract/openapi-harness.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const AUD = 'phidesk';

// As filed, plus the http:// variant ALLOW_HTTP_JWKS used to let through.
const probes = [
  'https://169.254.169.254/latest/meta-data/',
  'https://127.0.0.1:5432/',
  'https://[::ffff:127.0.0.1]:54341/',
  'https://0x7f000001:54341/',
  'http://127.0.0.1:5432/',
  'https://evil@127.0.0.1/',
];

let lax: TestApp; // ALLOW_HTTP_JWKS and ALLOW_PRIVATE_URLS, as tests and local development run
let strict: TestApp; // the same database, with ALLOW_HTTP_JWKS but without ALLOW_PRIVATE_URLS
let idp: FakeIdp;
let admin: SeededTenant;
let partner: SeededTenant;

beforeAll(async () => {
  lax = await startTestApp({ env: { ALLOW_HTTP_JWKS: 'true' } });
  strict = await startTestApp({
    database: lax.database,
    auditJobs: false,
    env: { ALLOW_HTTP_JWKS: 'true', ALLOW_PRIVATE_URLS: 'false' },
  });
  idp = await startFakeIdp();
  admin = await seedTenant(lax);
  partner = await seedTenant(lax, { issuer: { issuer: idp.issuer, jwksUri: idp.jwksUri, audience: AUD } });
}, 60_000);

afterAll(async () => {
  await idp?.close();
  await strict?.close();
  await lax?.close();
});

const issuerWith = (jwksUri: string) => ({
  issuer: `https://idp-${Math.random().toString(36).slice(2)}.example/`,
  jwksUri,
  audience: AUD,
});

describe('finding 2: SSRF through jwksUri, at registration', () => {
  it.each(probes)('REST refuses %s with 422 pointing at /jwksUri', async (jwksUri) => {
    const res = await client(strict.app, { apiKey: admin.adminKey }).post('/v1/tenant/issuers', issuerWith(jwksUri));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'UNPROCESSABLE', errors: [{ pointer: '/jwksUri' }] });
    checkResponse('POST', '/v1/tenant/issuers', res);
  });

  it.each(probes)('GraphQL refuses %s', async (jwksUri) => {
    const body = await client(strict.app, { apiKey: admin.adminKey }).gql(
      'mutation($input: TrustedIssuerInput!) { addTrustedIssuer(input: $input) { id } }',
      { input: issuerWith(jwksUri) },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('UNPROCESSABLE');
  });

  it.each(probes)('the bootstrap service behind `tenants create` refuses %s', async (jwksUri) => {
    const refusal = await createTenant(strict.database.db, {
      slug: `ssrf-${Math.random().toString(36).slice(2, 10)}`,
      name: 'SSRF',
      allowHttpJwks: true,
      allowPrivateUrls: false,
      issuer: issuerWith(jwksUri),
    }).catch((e: unknown) => e);
    expect(isAppError(refusal) && refusal.code).toBe('UNPROCESSABLE');
  });

  it('refuses link-local and metadata addresses even where private addresses are allowed', async () => {
    for (const jwksUri of [
      'https://169.254.169.254/latest/meta-data/',
      'https://[fd00:ec2::254]/',
      'https://[::ffff:a9fe:a9fe]/',
    ]) {
      const res = await client(lax.app, { apiKey: admin.adminKey }).post('/v1/tenant/issuers', issuerWith(jwksUri));
      expect(res.statusCode, jwksUri).toBe(422);
    }
  });

  it('the CLI refuses a metadata URI and creates nothing', async () => {
    const slug = `cli-ssrf-${Math.random().toString(36).slice(2, 8)}`;
    const failure = await run(
      process.execPath,
      [
        'bin/phidesk.js',
        'tenants',
        'create',
        '--slug',
        slug,
        '--name',
        'CLI SSRF',
        '--jwt-issuer',
        'https://idp.cli-ssrf.example/',
        '--jwks-uri',
        'https://169.254.169.254/latest/meta-data/',
        '--audience',
        AUD,
      ],
      {
        cwd: root,
        env: {
          PATH: process.env['PATH'] ?? '',
          DATABASE_URL: lax.database.url,
          ALLOW_HTTP_JWKS: 'true',
          ALLOW_PRIVATE_URLS: 'true',
        },
      },
    ).then(
      () => undefined,
      (e: { code?: number; stderr?: string }) => e,
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toMatch(/UNPROCESSABLE/);
    expect(
      await lax.database.db.selectFrom('tenants').select('id').where('slug', '=', slug).executeTakeFirst(),
    ).toBeUndefined();
  }, 30_000);
});

describe('finding 2: at every fetch, logged and audited', () => {
  it('a registration made while loopback was allowed is not fetched by a server that refuses loopback', async () => {
    const token = idp.sign({ sub: 'dr-x', aud: AUD });
    const res = await client(strict.app, { bearer: token }).get('/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('TOKEN_INVALID');
    expect(idp.fetchCount).toBe(0);

    const issuerId = (await client(lax.app, { apiKey: partner.adminKey }).get('/v1/tenant/issuers')).json().items[0].id;
    await vi.waitFor(async () => {
      const events = await auditEvents(lax.database.db, partner.tenantId);
      expect(events).toContainEqual(
        expect.objectContaining({
          action: 'auth.jwks_fetch_failed',
          outcome: 'error',
          reasonCode: 'JWKS_UNAVAILABLE:url_not_allowed',
          resource: { type: 'TrustedIssuer', id: issuerId },
        }),
      );
    });
    const logged = strict.logs.lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l['msg'] === 'partner JWKS fetch failed');
    expect(logged).toMatchObject({
      tenantId: partner.tenantId,
      issuerId,
      reason: 'url_not_allowed:address',
      jwks: idp.jwksUri,
    });
    expect(strict.logs.text).not.toContain(token.split('.')[1]!);

    // the same registration still works where loopback is allowed
    expect((await client(lax.app, { bearer: token }).get('/v1/me')).statusCode).toBe(200);
  });

  it('logs and audits a JWKS endpoint that answers with an error', async () => {
    const failing = await startFakeIdp();
    try {
      const tenant = await seedTenant(lax, {
        issuer: { issuer: failing.issuer, jwksUri: `${failing.issuer}/no-such-path`, audience: AUD },
      });
      const res = await client(lax.app, { bearer: failing.sign({ sub: 'dr-y', aud: AUD }) }).get('/v1/me');
      expect(res.statusCode).toBe(401);
      await vi.waitFor(async () => {
        const reasons = (await auditEvents(lax.database.db, tenant.tenantId)).map((e) => e['reasonCode']);
        expect(reasons).toContain('JWKS_UNAVAILABLE:invalid_document');
      });
      expect(lax.logs.text).toContain('"reason":"invalid_document"');
    } finally {
      await failing.close();
    }
  });
});
