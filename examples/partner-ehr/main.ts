// A partner EHR server with its own identity provider, end to end:
//   1. makes a signing key pair (ES256) and publishes its public half as a JWKS on 127.0.0.1,
//   2. registers itself as a trusted issuer of its phidesk tenant (admin API, once),
//   3. signs a short-lived JWT for one of its clinicians and calls phidesk with it:
//      who am I, create a ticket, read it back.
// Run against a server started with ALLOW_HTTP_JWKS=true ALLOW_PRIVATE_URLS=true (a JWKS
// on http://127.0.0.1 is refused otherwise; in production the JWKS is https on a public host):
//   PHIDESK_URL=http://127.0.0.1:8080 PHIDESK_ADMIN_KEY=$(cat .phidesk/demo-admin.key) \
//     node --import tsx examples/partner-ehr/main.ts
// In your own project, import from '@phidesk/client' (clients/typescript) instead.
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPhideskClient, unwrap } from '../../clients/typescript/src/index.js';

const baseUrl = process.env['PHIDESK_URL'] ?? 'http://127.0.0.1:8080';
const adminKey = process.env['PHIDESK_ADMIN_KEY'];
if (!adminKey) throw new Error('set PHIDESK_ADMIN_KEY to a tenant admin API key');
const audience = 'phidesk-api';

// 1. The IdP's key pair. A real IdP keeps its private key in an HSM or KMS and rotates it,
// publishing the new public key before signing with it.
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const kid = `ehr-${randomUUID().slice(0, 8)}`;
const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' }] };

const idp = createServer((req, res) => {
  if (req.url === '/.well-known/jwks.json')
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
  else res.writeHead(404).end();
});
await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
// An issuer string is registered once platform-wide: one per tenant (most IdPs have per-tenant issuer URLs).
const issuer = `${origin}/tenants/${randomUUID()}`;

/** A compact JWS (RFC 7515) signed ES256; a library such as jose does the same in one call. */
function signJwt(claims: Record<string, unknown>, key: KeyObject): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${b64({ alg: 'ES256', typ: 'JWT', kid })}.${b64(claims)}`;
  // JOSE wants the raw r||s signature, not DER
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

const admin = createPhideskClient({ baseUrl, apiKey: adminKey });
let issuerId: string | undefined;
try {
  // 2. Trust this IdP (as the tenant admin). Roles come from the token's `roles` claim.
  const registered = unwrap(
    await admin.POST('/v1/tenant/issuers', {
      body: { issuer, jwksUri: `${origin}/.well-known/jwks.json`, audience },
    }),
  );
  issuerId = registered.id;
  console.log(`issuer registered: ${registered.id}`);

  // 3. A clinician signs in at the EHR; the EHR mints a token for the call (10 minutes).
  const now = Math.floor(Date.now() / 1000);
  const token = signJwt(
    {
      iss: issuer,
      aud: audience,
      sub: 'clinician-42',
      name: 'Dr. Example',
      roles: ['supervisor'],
      iat: now,
      exp: now + 600,
    },
    privateKey,
  );
  // `token` may also be a function, called before each request, to hand in a fresh one
  const phidesk = createPhideskClient({ baseUrl, token, headers: { 'x-purpose-of-use': 'TREATMENT' } });

  const me = unwrap(await phidesk.GET('/v1/me'));
  console.log(`signed in: roles ${me.roles.join(',')}`);

  const created = unwrap(
    await phidesk.POST('/v1/tickets', { body: { subject: 'Prior authorization follow-up', priority: 'high' } }),
  );
  console.log(`ticket created: ${created.id}`);

  const read = unwrap(await phidesk.GET('/v1/tickets/{id}', { params: { path: { id: created.id } } }));
  console.log(`ticket read: ${read.id} status ${read.status} priority ${read.priority}`);
} finally {
  // The example cleans up so it can run again; a real partner keeps its issuer registered.
  if (issuerId) await admin.DELETE('/v1/tenant/issuers/{id}', { params: { path: { id: issuerId } } });
  idp.close();
}
