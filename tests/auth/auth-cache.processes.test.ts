// Issue 14, acceptance 3: two server processes (src/main.ts, as `npm start` runs it) on one
// database, each with its own pool, authentication cache and LISTEN connection. A key
// revoked, a session revoked or a role changed through one is seen by the other within 1 s,
// although the other caches authentication for 300 s (AUTH_CACHE_SECONDS): only the
// database's change notices can explain it.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { startFakeIdp, type FakeIdp } from '../helpers/idp.js';

async function call(
  server: ServerProcess,
  method: string,
  url: string,
  auth: { apiKey?: string; bearer?: string },
  body?: unknown,
): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = {};
  if (auth.apiKey) headers['x-api-key'] = auth.apiKey;
  if (auth.bearer) headers['authorization'] = `Bearer ${auth.bearer}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.base}${url}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

/** Polls `check` until it holds; resolves to the milliseconds it took, or throws after `ms`. */
async function msUntil(check: () => Promise<boolean>, ms = 5_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`not seen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let database: TestDatabase;
let dataDir: string;
let idp: FakeIdp;
let a: ServerProcess;
let b: ServerProcess;
let adminKey: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'phidesk-two-processes-'));
  idp = await startFakeIdp();
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '100000',
    RATE_LIMIT_ADDRESS_MAX: '10000000',
    ALLOW_HTTP_JWKS: 'true',
    ALLOW_PRIVATE_URLS: 'true',
    AUTH_CACHE_SECONDS: '300',
  };
  // One after the other: the first creates the demo tenant (and its admin key file) that both serve.
  a = await startServerProcess(env);
  b = await startServerProcess(env);
  adminKey = readFileSync(path.join(dataDir, 'demo-admin.key'), 'utf8').trim();
}, 200_000);

afterAll(async () => {
  for (const server of [a, b]) {
    if (!server) continue;
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await idp?.close();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 30_000);

async function mintAgentKey(): Promise<{ id: string; secret: string }> {
  const res = await call(a, 'POST', '/v1/api-keys', { apiKey: adminKey }, { name: 'agent', roles: ['agent'] });
  expect(res.status).toBe(201);
  return { id: res.json.key.id, secret: res.json.secret };
}

describe('two server processes on one database', () => {
  it('the other process serves a key from its cache: a change that announces nothing is not seen', async () => {
    const key = await mintAgentKey();
    expect((await call(b, 'GET', '/v1/me', { apiKey: key.secret })).status).toBe(200);
    // revoked behind every trigger's back (replica mode): no notice, so B keeps its entry
    await database.db.transaction().execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      await tx.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', key.id).execute();
    });
    expect((await call(a, 'GET', '/v1/me', { apiKey: key.secret })).status).toBe(401); // A had not cached it
    expect((await call(b, 'GET', '/v1/me', { apiKey: key.secret })).status).toBe(200);
  });

  it('a key revoked through one is refused by the other within 1 s', async () => {
    const key = await mintAgentKey();
    for (let i = 0; i < 3; i++) expect((await call(b, 'GET', '/v1/me', { apiKey: key.secret })).status).toBe(200);
    expect((await call(a, 'DELETE', `/v1/api-keys/${key.id}`, { apiKey: adminKey })).status).toBe(200);
    const took = await msUntil(async () => (await call(b, 'GET', '/v1/me', { apiKey: key.secret })).status === 401);
    expect(took).toBeLessThan(1_000);
    expect((await call(b, 'GET', '/v1/me', { apiKey: key.secret })).json.code).toBe('API_KEY_INVALID');
  });

  it('a role change and a session revocation through one reach the other within 1 s', async () => {
    const issuer = await call(
      a,
      'POST',
      '/v1/tenant/issuers',
      { apiKey: adminKey },
      { issuer: idp.issuer, jwksUri: idp.jwksUri, audience: 'phidesk' },
    );
    expect(issuer.status).toBe(201);
    const token = idp.sign({
      iss: idp.issuer,
      aud: 'phidesk',
      sub: 'two-process-nurse',
      iat: Math.floor(Date.now() / 1000) - 2,
    });
    const me = await msUntil(async () => (await call(b, 'GET', '/v1/me', { bearer: token })).status === 200);
    expect(me).toBeLessThan(1_000); // the new issuer reached B too
    const first = await call(b, 'GET', '/v1/me', { bearer: token });
    expect(first.json.roles).toEqual([]);
    const userId = first.json.id as string;

    expect(
      (await call(a, 'PATCH', `/v1/users/${userId}`, { apiKey: adminKey }, { roles: ['supervisor'] })).status,
    ).toBe(200);
    const promoted = await msUntil(async () =>
      ((await call(b, 'GET', '/v1/me', { bearer: token })).json.roles ?? []).includes('supervisor'),
    );
    expect(promoted).toBeLessThan(1_000);

    expect((await call(a, 'POST', `/v1/users/${userId}/revoke-sessions`, { apiKey: adminKey }, {})).status).toBe(200);
    const revoked = await msUntil(async () => (await call(b, 'GET', '/v1/me', { bearer: token })).status === 401);
    expect(revoked).toBeLessThan(1_000);
    expect((await call(b, 'GET', '/v1/me', { bearer: token })).json.code).toBe('TOKEN_REVOKED');
  });
});
