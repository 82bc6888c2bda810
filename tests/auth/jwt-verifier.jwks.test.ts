// How the verifier talks to partner JWKS endpoints: few fetches, rotation, floods of
// unknown kids, outages, and keys that must be ignored.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJwtVerifier, type JwtVerifierOptions, type TrustedIssuer } from '../../src/auth/jwt-verifier.js';
import { throughFastifyJwt } from '../helpers/jwt-verification.js';
import { TokenVerificationError, type TokenFailureReason } from '../../src/auth/token-verification-error.js';
import { generateSigningKey, startFakeIdp, type FakeIdp } from '../helpers/idp.js';

const tenant = { tenantId: '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b55', tenantSlug: 'acme', audience: 'phidesk-acme' };
const claims = { sub: 'user-1', aud: tenant.audience };

/** A JWKS endpoint whose behaviour a test can switch: relay a fake IdP, fail, stall, or serve any document. */
interface JwksEndpoint {
  uri: string;
  readonly requests: number;
  serve(handler: (response: ServerResponse) => void | Promise<void>): void;
  close(): Promise<void>;
}

/** Moves only Date.now(): sockets, timers and fetch timeouts stay real. */
function advanceClock(ms: number): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + ms);
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function idp(): Promise<FakeIdp> {
  const started = await startFakeIdp();
  closers.push(() => started.close());
  return started;
}

async function jwksEndpoint(): Promise<JwksEndpoint> {
  let requests = 0;
  let handler: (response: ServerResponse) => void | Promise<void> = (response) => void response.writeHead(404).end();
  const server = createServer((_request, response) => {
    requests += 1;
    void handler(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint: JwksEndpoint = {
    uri: `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`,
    get requests() {
      return requests;
    },
    serve(next) {
      handler = next;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  closers.push(() => endpoint.close());
  return endpoint;
}

const relay = (source: FakeIdp) => async (response: ServerResponse) => {
  const body = await (await fetch(source.jwksUri)).text();
  response.writeHead(200, { 'content-type': 'application/json' }).end(body);
};
const json = (body: unknown) => (response: ServerResponse) =>
  void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const failing = (response: ServerResponse) => void response.writeHead(500).end();
const stalling = () => undefined;

function verifierFor(issuers: TrustedIssuer[], options: Partial<JwtVerifierOptions> = {}) {
  return throughFastifyJwt(
    createJwtVerifier({
      lookupIssuer: async (iss) => issuers.filter((t) => t.issuer === iss),
      clockSkewSeconds: 30,
      maxSessionAgeSeconds: 3600,
      allowHttpJwks: true,
      allowPrivateUrls: true,
      ...options,
    }),
  );
}

async function reasonFor(promise: Promise<unknown>): Promise<TokenFailureReason | 'accepted' | 'other error'> {
  return promise.then(
    () => 'accepted' as const,
    (e: unknown) => (e instanceof TokenVerificationError ? e.reason : 'other error'),
  );
}

describe('JWKS cache', () => {
  it('fetches the JWKS once for many tokens, concurrent or not, across algorithms', async () => {
    const partner = await idp();
    const verifier = verifierFor([{ ...tenant, issuer: partner.issuer, jwksUri: partner.jwksUri }]);
    await Promise.all(Array.from({ length: 10 }, () => verifier.verify(partner.sign(claims))));
    for (const alg of ['RS256', 'ES256', 'EdDSA'] as const) {
      for (let i = 0; i < 5; i++) await verifier.verify(partner.sign(claims, { alg }));
    }
    expect(partner.fetchCount).toBe(1);
  });

  it('picks up a rotated key on its unknown kid, once the refetch cooldown has passed', async () => {
    const partner = await idp();
    const verifier = verifierFor([{ ...tenant, issuer: partner.issuer, jwksUri: partner.jwksUri }]);
    const oldToken = partner.sign(claims);
    await verifier.verify(oldToken);
    expect(partner.fetchCount).toBe(1);

    partner.rotate();
    const newToken = partner.sign(claims, { alg: 'EdDSA' });
    // Within the (default, 30 s) cooldown an unknown kid is refused without asking the IdP again.
    expect(await reasonFor(verifier.verify(newToken))).toBe('unknown_kid');
    expect(partner.fetchCount).toBe(1);

    advanceClock(31_000);
    await expect(verifier.verify(newToken)).resolves.toMatchObject({ tenantId: tenant.tenantId });
    expect(partner.fetchCount).toBe(2);
    for (let i = 0; i < 5; i++) await verifier.verify(partner.sign(claims, { alg: 'ES256' }));
    expect(partner.fetchCount).toBe(2);
    // The IdP no longer publishes the old key, so its tokens stop working.
    expect(await reasonFor(verifier.verify(oldToken))).toBe('unknown_kid');
    expect(partner.fetchCount).toBe(2);
  });

  it('answers a flood of unknown kids with at most one fetch per cooldown', async () => {
    const partner = await idp();
    const verifier = verifierFor([{ ...tenant, issuer: partner.issuer, jwksUri: partner.jwksUri }]);
    const flood = Array.from({ length: 50 }, () => verifier.verify(partner.sign(claims, { kid: randomUUID() })));
    const reasons = await Promise.all(flood.map(reasonFor));
    expect(new Set(reasons)).toEqual(new Set(['unknown_kid']));
    expect(partner.fetchCount).toBe(1);
    for (let i = 0; i < 20; i++)
      expect(await reasonFor(verifier.verify(partner.sign(claims, { kid: randomUUID() })))).toBe('unknown_kid');
    expect(partner.fetchCount).toBe(1);
    await expect(verifier.verify(partner.sign(claims))).resolves.toBeDefined();
  });

  it('refetches once the cached set is older than its max age (default 5 minutes)', async () => {
    const partner = await idp();
    const verifier = verifierFor([{ ...tenant, issuer: partner.issuer, jwksUri: partner.jwksUri }]);
    await verifier.verify(partner.sign(claims));
    advanceClock(4 * 60_000);
    await verifier.verify(partner.sign(claims));
    expect(partner.fetchCount).toBe(1);
    advanceClock(2 * 60_000);
    await verifier.verify(partner.sign(claims));
    expect(partner.fetchCount).toBe(2);
  });
});

describe('JWKS outages', () => {
  it('keeps using the last keys through a short outage, then fails closed', async () => {
    const partner = await idp();
    const endpoint = await jwksEndpoint();
    endpoint.serve(relay(partner));
    const failures: string[] = [];
    const verifier = verifierFor([{ ...tenant, issuer: partner.issuer, jwksUri: endpoint.uri }], {
      jwksCacheMaxAgeMs: 60_000,
      onJwksFetchFailure: (uri) => failures.push(uri),
    });
    await verifier.verify(partner.sign(claims));
    endpoint.serve(failing);

    advanceClock(70_000);
    await expect(verifier.verify(partner.sign(claims))).resolves.toBeDefined();
    expect(failures).toEqual([endpoint.uri]);
    // a failed refresh is not retried before the cooldown, however many requests arrive
    for (let i = 0; i < 5; i++) await verifier.verify(partner.sign(claims));
    expect(endpoint.requests).toBe(2);

    advanceClock(60_000);
    expect(await reasonFor(verifier.verify(partner.sign(claims)))).toBe('jwks_unavailable');
    expect(endpoint.requests).toBe(3);
  });

  it('gives up on a stalled JWKS endpoint after the fetch timeout and does not hammer it', async () => {
    const partner = await idp();
    const endpoint = await jwksEndpoint();
    endpoint.serve(stalling);
    const failures: unknown[] = [];
    const verifier = verifierFor([{ ...tenant, issuer: partner.issuer, jwksUri: endpoint.uri }], {
      jwksFetchTimeoutMs: 200,
      onJwksFetchFailure: (_uri, error) => failures.push(error),
    });
    const started = Date.now();
    expect(await reasonFor(verifier.verify(partner.sign(claims)))).toBe('jwks_unavailable');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(failures[0]).toMatchObject({ name: 'OutboundFetchError', reason: 'timeout' });

    expect(await reasonFor(verifier.verify(partner.sign(claims)))).toBe('jwks_unavailable');
    expect(endpoint.requests).toBe(1);
  });

  it('refuses tokens while the JWKS endpoint answers with an error', async () => {
    const partner = await idp();
    const endpoint = await jwksEndpoint();
    endpoint.serve(failing);
    const verifier = verifierFor([{ ...tenant, issuer: partner.issuer, jwksUri: endpoint.uri }]);
    expect(await reasonFor(verifier.verify(partner.sign(claims)))).toBe('jwks_unavailable');
  });
});

describe('JWKS contents and configuration', () => {
  it('ignores keys it must not verify with: encryption keys, other algorithms, short RSA keys, private material', async () => {
    const endpoint = await jwksEndpoint();
    const issuer = 'https://idp.partner.test/oauth2';
    const rsa = generateSigningKey('RS256');
    const weakRsa = await import('node:crypto').then(({ generateKeyPairSync }) =>
      generateKeyPairSync('rsa', { modulusLength: 1024 }),
    );
    const publicJwk = rsa.publicKey.export({ format: 'jwk' });
    endpoint.serve(
      json({
        keys: [
          { ...publicJwk, kid: 'enc', use: 'enc' },
          { ...publicJwk, kid: 'rs512', alg: 'RS512' },
          { ...publicJwk, kid: 'no-verify', key_ops: ['encrypt'] },
          { ...weakRsa.publicKey.export({ format: 'jwk' }), kid: 'weak' },
          { ...rsa.privateKey.export({ format: 'jwk' }), kid: 'private' },
          { kty: 'oct', k: 'c2VjcmV0', kid: 'hmac' },
          { ...publicJwk, kid: 'good' },
        ],
      }),
    );
    const verifier = verifierFor([{ ...tenant, issuer, jwksUri: endpoint.uri }]);
    const sign = (kid: string, key = rsa.privateKey) =>
      createSigner({
        key: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
        algorithm: 'RS256',
        kid,
        iss: issuer,
        expiresIn: 600_000,
        ...claims,
      })({});

    for (const kid of ['enc', 'rs512', 'no-verify', 'private', 'hmac'])
      expect(await reasonFor(verifier.verify(sign(kid)))).toBe('unknown_kid');
    expect(await reasonFor(verifier.verify(sign('weak', weakRsa.privateKey)))).toBe('unknown_kid');
    await expect(verifier.verify(sign('good'))).resolves.toMatchObject({ issuer, subject: 'user-1' });
  });

  it('refuses plain-http JWKS unless allowed, and then only on loopback', async () => {
    const partner = await idp();
    const strict = verifierFor([{ ...tenant, issuer: partner.issuer, jwksUri: partner.jwksUri }], {
      allowHttpJwks: false,
    });
    expect(await reasonFor(strict.verify(partner.sign(claims)))).toBe('issuer_misconfigured');
    const lax = verifierFor([{ ...tenant, issuer: partner.issuer, jwksUri: 'http://idp.partner.test/keys' }]);
    expect(await reasonFor(lax.verify(partner.sign(claims)))).toBe('issuer_misconfigured');
    expect(partner.fetchCount).toBe(0);
  });

  it('lets a failing issuer lookup propagate instead of blaming the token', async () => {
    const partner = await idp();
    const outage = new Error('tenant directory unavailable');
    const verifier = verifierFor([], { lookupIssuer: async () => Promise.reject(outage) });
    await expect(verifier.verify(partner.sign(claims))).rejects.toBe(outage);
  });
});
