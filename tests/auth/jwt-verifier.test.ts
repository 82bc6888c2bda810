// Black-box tests of partner JWT verification: real keys, a real JWKS over loopback
// HTTP, tokens signed the way an IdP (or an attacker) would sign them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier, type JwtVerifier, type TrustedIssuer } from '../../src/auth/jwt-verifier.js';
import { TokenVerificationError, type TokenFailureReason } from '../../src/auth/token-verification-error.js';
import { AppError, type ErrorCode } from '../../src/errors.js';
import { throughFastifyJwt } from '../helpers/jwt-verification.js';
import { generateSigningKey, startFakeIdp, type FakeIdp, type IdpAlgorithm } from '../helpers/idp.js';

const MAX_SESSION_AGE = 3600;
const SKEW = 30;

const acme = {
  tenantId: '0b7f4a52-1f0e-4d38-9a8e-3f1f0c2a9d11',
  tenantSlug: 'acme',
  audience: 'https://api.phidesk.test/acme',
};
const globex = {
  tenantId: '5c0d6a8e-7b7a-4c1e-8e0f-2b7f6c3d4e22',
  tenantSlug: 'globex',
  audience: 'https://api.phidesk.test/globex',
};
const initech = {
  tenantId: '9a1e2b3c-4d5e-4f60-8a7b-1c2d3e4f5a33',
  tenantSlug: 'initech',
  audience: 'https://api.phidesk.test/initech',
};
const umbrella = {
  tenantId: 'e4d3c2b1-a098-4765-9432-10fedcba9844',
  tenantSlug: 'umbrella',
  audience: 'https://api.phidesk.test/umbrella',
};

let acmeIdp: FakeIdp; // trusted by acme only
let globexIdp: FakeIdp; // trusted by globex only
let sharedIdp: FakeIdp; // one IdP trusted by initech and umbrella
let strangerIdp: FakeIdp; // trusted by nobody
let verifier: JwtVerifier;

function trust(idp: FakeIdp, tenant: typeof acme, extra: Partial<TrustedIssuer> = {}): TrustedIssuer {
  return { ...tenant, issuer: idp.issuer, jwksUri: idp.jwksUri, ...extra };
}

const now = (): number => Math.floor(Date.now() / 1000);
const acmeClaims = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  sub: 'user-17',
  aud: acme.audience,
  ...extra,
});

async function expectRefusal(
  token: string,
  code: ErrorCode,
  reason: TokenFailureReason,
): Promise<TokenVerificationError> {
  const error: unknown = await verifier.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenVerificationError);
  expect(error).toBeInstanceOf(AppError);
  const refusal = error as TokenVerificationError;
  expect({ code: refusal.code, reason: refusal.reason, status: refusal.status }).toEqual({ code, reason, status: 401 });
  return refusal;
}

beforeAll(async () => {
  [acmeIdp, globexIdp, sharedIdp, strangerIdp] = await Promise.all([
    startFakeIdp(),
    startFakeIdp(),
    startFakeIdp(),
    startFakeIdp(),
  ]);
  const trusted = [
    trust(acmeIdp, acme, { rolesClaim: 'https://acme.example/roles' }),
    trust(globexIdp, globex),
    trust(sharedIdp, initech),
    trust(sharedIdp, umbrella),
  ];
  verifier = throughFastifyJwt(
    createJwtVerifier({
      lookupIssuer: async (iss) => trusted.filter((t) => t.issuer === iss),
      clockSkewSeconds: SKEW,
      maxSessionAgeSeconds: MAX_SESSION_AGE,
      allowHttpJwks: true,
      allowPrivateUrls: true,
    }),
  );
});

afterAll(async () => {
  await Promise.all([acmeIdp, globexIdp, sharedIdp, strangerIdp].map((idp) => idp?.close()));
});

describe('accepted tokens', () => {
  it.each<IdpAlgorithm>(['RS256', 'ES256', 'EdDSA'])('accepts a %s token and returns what it says', async (alg) => {
    const iat = now() - 5;
    const token = acmeIdp.sign(
      acmeClaims({
        iat,
        exp: iat + 900,
        'https://acme.example/roles': ['agent', 'supervisor'],
        groups: 'triage',
        amr: ['pwd', 'otp'],
        sid: 'sess-1',
        email: 'pat@acme.example',
        name: 'Pat Doe',
      }),
      { alg },
    );
    const verified = await verifier.verify(token);
    expect(verified).toMatchObject({
      tenantId: acme.tenantId,
      issuer: acmeIdp.issuer,
      subject: 'user-17',
      roles: ['agent', 'supervisor'],
      groups: ['triage'],
      amr: ['pwd', 'otp'],
      sessionId: 'sess-1',
      email: 'pat@acme.example',
      name: 'Pat Doe',
      issuedAt: new Date(iat * 1000),
      expiresAt: new Date((iat + 900) * 1000),
    });
    expect(verified.claims['sub']).toBe('user-17');
    expect(Object.isFrozen(verified.claims)).toBe(true);
  });

  it('defaults roles, groups and amr to empty lists and uses jti as the session id when there is no sid', async () => {
    const verified = await verifier.verify(globexIdp.sign({ sub: 'svc', aud: globex.audience, jti: 'jti-9' }));
    expect(verified).toMatchObject({ tenantId: globex.tenantId, roles: [], groups: [], amr: [], sessionId: 'jti-9' });
    expect(verified.email).toBeUndefined();
  });

  it('accepts an audience list that contains the tenant audience', async () => {
    await expect(
      verifier.verify(acmeIdp.sign(acmeClaims({ aud: ['https://other.example', acme.audience] }))),
    ).resolves.toMatchObject({ tenantId: acme.tenantId });
  });

  it('accepts a tenant claim naming the tenant by slug or by id', async () => {
    await expect(verifier.verify(acmeIdp.sign(acmeClaims({ tenant: 'acme' })))).resolves.toMatchObject({
      tenantId: acme.tenantId,
    });
    await expect(verifier.verify(acmeIdp.sign(acmeClaims({ tenant: acme.tenantId })))).resolves.toMatchObject({
      tenantId: acme.tenantId,
    });
  });

  it('uses the tenant claim to pick between tenants that trust the same issuer', async () => {
    const token = sharedIdp.sign({ sub: 'u', aud: umbrella.audience, tenant: 'umbrella' }, { alg: 'ES256' });
    await expect(verifier.verify(token)).resolves.toMatchObject({ tenantId: umbrella.tenantId });
  });

  it('forgives clock differences within the configured skew', async () => {
    await expect(verifier.verify(acmeIdp.sign(acmeClaims({ exp: now() - 10 })))).resolves.toBeDefined();
    await expect(
      verifier.verify(acmeIdp.sign(acmeClaims({ nbf: now() + 10, iat: now() + 10 }))),
    ).resolves.toBeDefined();
  });
});

describe('refused tokens', () => {
  it('refuses a missing token', async () => {
    await expectRefusal('', 'UNAUTHENTICATED', 'missing_token');
  });

  it.each([
    ['garbage', 'not-a-jwt'],
    ['two segments', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0'],
    ['bad base64', 'eyJhbGciOiJSUzI1NiJ9.ey!!JzdWIi*.c2ln'],
    [
      'a header that is not JSON',
      `${Buffer.from('nope').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.c2ln`,
    ],
    [
      'a payload that is an array',
      `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from('[1]').toString('base64url')}.c2ln`,
    ],
    ['an absurdly long token', `${'a'.repeat(20_000)}.b.c`],
  ])('refuses a malformed token: %s', async (_case, token) => {
    await expectRefusal(token, 'TOKEN_INVALID', 'malformed');
  });

  it('refuses alg none, before fetching any key', async () => {
    const before = acmeIdp.fetchCount;
    await expectRefusal(acmeIdp.sign(acmeClaims(), { alg: 'none' }), 'TOKEN_INVALID', 'alg_none');
    await expectRefusal(
      acmeIdp.sign(acmeClaims(), { alg: 'none', header: { alg: 'NoNe' } }),
      'TOKEN_INVALID',
      'alg_none',
    );
    expect(acmeIdp.fetchCount).toBe(before);
  });

  it('refuses HS256 signed with the RSA public key PEM as the secret (algorithm confusion)', async () => {
    const token = acmeIdp.sign(acmeClaims(), {
      alg: 'HS256',
      kid: acmeIdp.kid('RS256'),
      hmacSecret: acmeIdp.publicKeyPem('RS256'),
    });
    await expectRefusal(token, 'TOKEN_INVALID', 'alg_not_allowed');
  });

  it('refuses an allowed algorithm that does not match the key type behind the kid', async () => {
    const token = acmeIdp.sign(acmeClaims(), { alg: 'ES256', kid: acmeIdp.kid('RS256') });
    await expectRefusal(token, 'TOKEN_INVALID', 'alg_key_mismatch');
  });

  it('refuses algorithms outside RS256, ES256 and EdDSA', async () => {
    await expectRefusal(acmeIdp.sign(acmeClaims(), { header: { alg: 'RS512' } }), 'TOKEN_INVALID', 'alg_not_allowed');
    await expectRefusal(acmeIdp.sign(acmeClaims(), { header: { alg: 'PS256' } }), 'TOKEN_INVALID', 'alg_not_allowed');
  });

  it('refuses a kid the issuer does not publish, and a token without kid', async () => {
    await expectRefusal(acmeIdp.sign(acmeClaims(), { kid: 'rs256-not-published' }), 'TOKEN_INVALID', 'unknown_kid');
    await expectRefusal(acmeIdp.sign(acmeClaims(), { kid: null }), 'TOKEN_INVALID', 'missing_kid');
  });

  it.each<IdpAlgorithm>(['RS256', 'ES256', 'EdDSA'])(
    'refuses a %s signature from another key under the published kid',
    async (alg) => {
      const token = acmeIdp.sign(acmeClaims(), { alg, signingKey: generateSigningKey(alg).privateKey });
      await expectRefusal(token, 'TOKEN_INVALID', 'bad_signature');
    },
  );

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, , signature] = acmeIdp.sign(acmeClaims()).split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...acmeClaims({ roles: ['tenant_admin'] }), iss: acmeIdp.issuer, iat: now(), exp: now() + 600 }),
    ).toString('base64url');
    await expectRefusal(`${header}.${forgedPayload}.${signature}`, 'TOKEN_INVALID', 'bad_signature');
  });

  it('refuses an issuer no tenant trusts', async () => {
    await expectRefusal(strangerIdp.sign(acmeClaims()), 'TOKEN_INVALID', 'untrusted_issuer');
  });

  it('refuses a trusted issuer name on a token signed by an untrusted IdP', async () => {
    await expectRefusal(
      strangerIdp.sign(acmeClaims({ iss: acmeIdp.issuer }), { kid: acmeIdp.kid('RS256') }),
      'TOKEN_INVALID',
      'bad_signature',
    );
  });

  it('refuses a token for another audience, or with none', async () => {
    await expectRefusal(acmeIdp.sign(acmeClaims({ aud: globex.audience })), 'TOKEN_INVALID', 'wrong_audience');
    await expectRefusal(acmeIdp.sign(acmeClaims({ aud: undefined })), 'TOKEN_INVALID', 'missing_claim');
  });

  it('refuses an expired token', async () => {
    await expectRefusal(acmeIdp.sign(acmeClaims({ iat: now() - 600, exp: now() - 120 })), 'TOKEN_EXPIRED', 'expired');
  });

  it('refuses a token before its nbf', async () => {
    await expectRefusal(acmeIdp.sign(acmeClaims({ nbf: now() + 120 })), 'TOKEN_NOT_YET_VALID', 'not_yet_valid');
  });

  it('refuses a token issued in the future', async () => {
    await expectRefusal(
      acmeIdp.sign(acmeClaims({ iat: now() + 120, exp: now() + 900 })),
      'TOKEN_NOT_YET_VALID',
      'issued_in_future',
    );
  });

  it('refuses a session older than the maximum age even though exp is later (automatic logoff)', async () => {
    const token = acmeIdp.sign(acmeClaims({ iat: now() - MAX_SESSION_AGE - 60, exp: now() + 3600 }));
    await expectRefusal(token, 'TOKEN_EXPIRED', 'session_too_old');
  });

  it('refuses a tenant claim naming a tenant that does not trust the issuer', async () => {
    await expectRefusal(acmeIdp.sign(acmeClaims({ tenant: 'globex' })), 'TOKEN_INVALID', 'tenant_mismatch');
    await expectRefusal(acmeIdp.sign(acmeClaims({ tenant: globex.tenantId })), 'TOKEN_INVALID', 'tenant_mismatch');
    await expectRefusal(acmeIdp.sign(acmeClaims({ tenant: 'no-such-tenant' })), 'TOKEN_INVALID', 'tenant_mismatch');
  });

  it('requires a tenant claim when several tenants trust the issuer', async () => {
    await expectRefusal(sharedIdp.sign({ sub: 'u', aud: initech.audience }), 'TOKEN_INVALID', 'tenant_ambiguous');
  });

  it('reports a forged tenant claim as a bad signature, not as a tenant answer', async () => {
    const token = acmeIdp.sign(acmeClaims({ tenant: 'globex' }), {
      signingKey: generateSigningKey('RS256').privateKey,
    });
    await expectRefusal(token, 'TOKEN_INVALID', 'bad_signature');
  });

  it.each([
    ['sub missing', { sub: undefined }, 'missing_claim', 'sub'],
    ['sub empty', { sub: '' }, 'invalid_claim', 'sub'],
    ['exp missing', { exp: undefined }, 'missing_claim', 'exp'],
    ['iat missing', { iat: undefined }, 'missing_claim', 'iat'],
    ['exp a string', { exp: String(now() + 600) }, 'invalid_claim', 'exp'],
    ['roles not strings', { 'https://acme.example/roles': [1, 2] }, 'invalid_claim', undefined],
    ['tenant not a string', { tenant: 7 }, 'invalid_claim', 'tenant'],
  ] as const)(
    'refuses claims that are absent or of the wrong type, naming the claim: %s',
    async (_case, claims, reason, name) => {
      const refusal = await expectRefusal(acmeIdp.sign(acmeClaims(claims)), 'TOKEN_INVALID', reason);
      // the claim's name (never its value) says what to fix; a name that is not a plain token is left out
      if (name) expect(refusal.message).toContain(`"${name}"`);
      else expect(refusal.message).not.toContain('acme.example');
    },
  );

  it('refuses a critical header extension it does not understand', async () => {
    await expectRefusal(
      acmeIdp.sign(acmeClaims(), { header: { crit: ['exp-policy'], 'exp-policy': 1 } }),
      'TOKEN_INVALID',
      'unsupported_header',
    );
  });

  it('never echoes token contents in the error', async () => {
    const canary = 'CANARY-MRN-0042';
    const tokens = [
      acmeIdp.sign(acmeClaims({ sub: canary, name: canary, aud: canary })),
      acmeIdp.sign(acmeClaims({ sub: canary }), { kid: canary }),
      acmeIdp.sign(acmeClaims({ sub: canary, exp: now() - 3600 })),
    ];
    for (const token of tokens) {
      const error: unknown = await verifier.verify(token).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TokenVerificationError);
      const refusal = error as TokenVerificationError;
      expect(refusal.message).not.toContain(canary);
      expect(JSON.stringify(refusal)).not.toContain(canary);
      expect(refusal.cause).toBeUndefined();
    }
  });
});
