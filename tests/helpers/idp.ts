// A partner identity provider for tests: real RSA, P-256 and Ed25519 keys, a JWKS
// served over HTTP on 127.0.0.1, and a signer that can also produce the tokens an
// attacker would (alg none, HS256 with a public key as the secret, foreign keys).
import { createHmac, generateKeyPairSync, randomUUID, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type IdpAlgorithm = 'RS256' | 'ES256' | 'EdDSA';

export interface SignOptions {
  /** default RS256; 'HS256' and 'none' produce attack tokens */
  alg?: IdpAlgorithm | 'HS256' | 'none';
  /** default: the current kid for alg; null leaves kid out of the header */
  kid?: string | null;
  /** merged over the computed header last, so it can override alg or kid */
  header?: Record<string, unknown>;
  /** sign with this private key instead of the published one */
  signingKey?: KeyObject;
  /** secret for HS256 */
  hmacSecret?: string | Buffer;
}

export interface FakeIdp {
  readonly issuer: string;
  readonly jwksUri: string;
  /** JWKS requests served so far */
  readonly fetchCount: number;
  /**
   * Signs claims over defaults { iss, iat: now, exp: now + 10 min }; a claim given
   * as undefined is left out of the token.
   */
  sign(claims: Record<string, unknown>, opts?: SignOptions): string;
  /** Replaces every published key with a fresh one under a new kid. */
  rotate(): void;
  /** kid currently published for an algorithm */
  kid(alg?: IdpAlgorithm): string;
  /** the published public key as SPKI PEM, e.g. to use as an HMAC secret in a confusion attack */
  publicKeyPem(alg?: IdpAlgorithm): string;
  close(): Promise<void>;
}

interface IdpKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const algorithms: readonly IdpAlgorithm[] = ['RS256', 'ES256', 'EdDSA'];

export function generateSigningKey(alg: IdpAlgorithm): { privateKey: KeyObject; publicKey: KeyObject } {
  if (alg === 'RS256') return generateKeyPairSync('rsa', { modulusLength: 2048 });
  if (alg === 'ES256') return generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return generateKeyPairSync('ed25519');
}

function generateKeySet(generation: number): Map<IdpAlgorithm, IdpKey> {
  return new Map(
    algorithms.map((alg) => [
      alg,
      { kid: `${alg.toLowerCase()}-${generation}-${randomUUID().slice(0, 8)}`, ...generateSigningKey(alg) },
    ]),
  );
}

function signJws(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  alg: SignOptions['alg'] & string,
  key: KeyObject,
  hmacSecret: string | Buffer = '',
): string {
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const data = Buffer.from(input);
  let signature: Buffer;
  switch (alg) {
    case 'none':
      signature = Buffer.alloc(0);
      break;
    case 'HS256':
      signature = createHmac('sha256', hmacSecret).update(data).digest();
      break;
    case 'RS256':
      signature = cryptoSign('sha256', data, key);
      break;
    case 'ES256':
      // JWS wants the raw r||s form, not node's default DER
      signature = cryptoSign('sha256', data, { key, dsaEncoding: 'ieee-p1363' });
      break;
    case 'EdDSA':
      signature = cryptoSign(null, data, key);
      break;
  }
  return `${input}.${signature.toString('base64url')}`;
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

export async function startFakeIdp(): Promise<FakeIdp> {
  let keys = generateKeySet(1);
  let generation = 1;
  let fetchCount = 0;
  const jwksPath = '/.well-known/jwks.json';

  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== jwksPath) {
      response.writeHead(404).end();
      return;
    }
    fetchCount += 1;
    const jwks = {
      keys: [...keys.entries()].map(([alg, key]) => ({
        ...key.publicKey.export({ format: 'jwk' }),
        kid: key.kid,
        use: 'sig',
        alg,
      })),
    };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  function keyFor(alg: IdpAlgorithm): IdpKey {
    const key = keys.get(alg);
    if (!key) throw new Error(`no key for ${alg}`);
    return key;
  }

  return {
    issuer,
    jwksUri: `${issuer}${jwksPath}`,
    get fetchCount() {
      return fetchCount;
    },
    sign(claims, opts = {}) {
      const alg = opts.alg ?? 'RS256';
      const published = alg === 'none' || alg === 'HS256' ? keyFor('RS256') : keyFor(alg);
      const kid = opts.kid === undefined ? published.kid : opts.kid;
      const header = { alg, typ: 'JWT', ...(kid === null ? {} : { kid }), ...opts.header };
      const now = Math.floor(Date.now() / 1000);
      const payload = { iss: issuer, iat: now, exp: now + 600, ...claims };
      return signJws(header, payload, alg, opts.signingKey ?? published.privateKey, opts.hmacSecret);
    },
    rotate() {
      generation += 1;
      keys = generateKeySet(generation);
    },
    kid(alg = 'RS256') {
      return keyFor(alg).kid;
    },
    publicKeyPem(alg = 'RS256') {
      return keyFor(alg).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
