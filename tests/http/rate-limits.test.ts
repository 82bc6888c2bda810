// Rate limits per credential, per address, and across instances (issue 19, acceptance 2):
// two API keys of one tenant from one address: one exhausting its budget leaves the other
// untouched; an address sending many credentials meets its own ceiling; with REDIS_URL two
// instances share the counts. The IETF RateLimit headers are on every answer and exposed to
// browsers; a CORS preflight is answered by CORS, never refused as unauthenticated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisAnswers, redisUrl } from '../helpers/redis.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { mintKey, seedTenant, type SeededTenant } from '../helpers/actors.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

const redisUp = await redisAnswers();

const me = (t: TestApp, key: string) => t.app.inject({ method: 'GET', url: '/v1/me', headers: { 'x-api-key': key } });

describe('rate limits in one process', () => {
  let t: TestApp;
  let tenant: SeededTenant;
  let a: string;
  let b: string;
  beforeAll(async () => {
    // minting happens before the limits matter: the admin key has its own budget
    t = await startTestApp({
      env: { RATE_LIMIT_MAX: '5', RATE_LIMIT_ADDRESS_MAX: '12', CORS_ORIGINS: 'https://app.example' },
    });
    tenant = await seedTenant(t);
    a = (await mintKey(t.app, tenant.adminKey, ['agent'])).secret;
    b = (await mintKey(t.app, tenant.adminKey, ['agent'])).secret;
  });
  afterAll(async () => t?.close());

  it('give each credential its own budget, with the RateLimit headers', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await me(t, a)).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    const other = await me(t, b);
    expect(other.statusCode).toBe(200);
    expect(other.headers['ratelimit-limit']).toBe('5');
    expect(other.headers['ratelimit-remaining']).toBe('4');
    expect(Number(other.headers['ratelimit-reset'])).toBeGreaterThan(0);
    const limited = await me(t, a);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('hold an address to its ceiling however many credentials it makes up', async () => {
    // so far this address sent 8 requests (plus the 3 set-up calls); made-up keys each have a fresh budget
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await me(t, `phk_${'z'.repeat(30)}${i}`)).statusCode);
    expect(codes.slice(0, 1)).toEqual([401]);
    expect(codes).toContain(429);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('expose the limits to browsers, and answer a preflight with CORS rather than 401', async () => {
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/v1/tickets',
      remoteAddress: '127.0.0.9',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example');
    const refused = await t.app.inject({
      method: 'OPTIONS',
      url: '/v1/tickets',
      remoteAddress: '127.0.0.9',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(refused.statusCode).not.toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { origin: 'https://app.example' },
    });
    const exposed = String(simple.headers['access-control-expose-headers']).split(/,\s*/);
    expect(exposed).toEqual(
      expect.arrayContaining([
        'ratelimit-limit',
        'ratelimit-remaining',
        'ratelimit-reset',
        'retry-after',
        'idempotent-replayed',
      ]),
    );
  });
});

describe.skipIf(!redisUp)('rate limits across two instances through Redis', () => {
  let database: TestDatabase;
  let one: TestApp;
  let two: TestApp;
  let key: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { REDIS_URL: redisUrl, RATE_LIMIT_MAX: '6' };
    one = await startTestApp({ database, env });
    two = await startTestApp({ database, env, masterKey: one.masterKey });
    const tenant = await seedTenant(one);
    key = (await mintKey(one.app, tenant.adminKey, ['agent'])).secret;
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await database?.drop();
  });

  it('share one budget per credential between the instances', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await me(one, key)).statusCode, (await me(two, key)).statusCode);
    expect(codes.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(codes.slice(6)).toEqual([429, 429]);
  });
});
