// The authentication cache in one process (src/auth/auth-cache.ts): a hit costs no SQL,
// per-request fields stay per request, refusals are never cached and are audited every
// time, a break-glass grant bounds its entry, and a LISTEN connection that drops and comes
// back leaves no stale entry, even for a change whose notice was lost.
// Across processes: auth-cache.processes.test.ts.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, seedTenant, type SeededTenant } from '../helpers/actors.js';
import { auditEvents } from '../helpers/audit.js';
import { startFakeIdp, type FakeIdp } from '../helpers/idp.js';

let t: TestApp;
let idp: FakeIdp;
let tenant: SeededTenant;
let recording: string[] | undefined;

beforeAll(async () => {
  t = await startTestApp({
    authCache: true,
    auditJobs: false,
    env: { ALLOW_HTTP_JWKS: 'true' },
    onQuery: (statement) => recording?.push(statement),
  });
  idp = await startFakeIdp();
  tenant = await seedTenant(t, { issuer: { issuer: idp.issuer, jwksUri: idp.jwksUri, audience: 'phidesk' } });
}, 60_000);

afterAll(async () => {
  await idp?.close();
  await t?.close();
});

/** The SQL statements the app's pool ran while `send` ran. */
async function statementsOf(send: () => Promise<unknown>): Promise<string[]> {
  recording = [];
  try {
    await send();
    return recording;
  } finally {
    recording = undefined;
  }
}

async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a cache hit', () => {
  it('authenticates an API key without SQL, with each request’s own request id and purpose', async () => {
    const key = await mintKey(t.app, tenant.adminKey, ['agent']);
    const agent = client(t.app, { apiKey: key.secret });
    expect((await agent.get('/v1/me')).statusCode).toBe(200);
    expect(await statementsOf(async () => expect((await agent.get('/v1/me')).statusCode).toBe(200))).toEqual([]);
    // two hits on an audited route: each event carries its own request's fields, never the
    // ones of the request that filled the cache
    for (const [requestId, purpose] of [
      ['cache-hit-request-a', 'TREATMENT'],
      ['cache-hit-request-b', 'OPERATIONS'],
    ] as const)
      expect(
        (await agent.get('/v1/tenant', { 'x-request-id': requestId, 'x-purpose-of-use': purpose })).statusCode,
      ).toBe(200);
    const texts = (await auditEvents(t.database.db, tenant.tenantId)).map((e) => JSON.stringify(e));
    expect(texts.some((x) => x.includes('cache-hit-request-a') && x.includes('TREATMENT'))).toBe(true);
    expect(texts.some((x) => x.includes('cache-hit-request-b') && x.includes('OPERATIONS'))).toBe(true);
    expect(texts.some((x) => x.includes('cache-hit-request-b') && x.includes('TREATMENT'))).toBe(false);
  });

  it('authenticates a partner JWT without SQL (no issuer lookup, so no verification either)', async () => {
    const token = idp.sign({ iss: idp.issuer, aud: 'phidesk', sub: 'cached-nurse', roles: ['agent'] });
    const user = client(t.app, { bearer: token });
    expect((await user.get('/v1/me')).statusCode).toBe(200);
    expect(await statementsOf(async () => expect((await user.get('/v1/me')).statusCode).toBe(200))).toEqual([]);
  });
});

describe('refusals', () => {
  it('are never cached, and each one is audited', async () => {
    const key = await mintKey(t.app, tenant.adminKey, ['agent']);
    const agent = client(t.app, { apiKey: key.secret });
    expect((await agent.get('/v1/me')).statusCode).toBe(200);
    expect((await client(t.app, { apiKey: tenant.adminKey }).delete(`/v1/api-keys/${key.id}`)).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) {
      const refused = await statementsOf(async () => expect((await agent.get('/v1/me')).statusCode).toBe(401));
      expect(refused.length).toBeGreaterThan(0); // the full path ran again
    }
    const failures = (await auditEvents(t.database.db, tenant.tenantId)).filter(
      (e) => e.action === 'auth.failed' && JSON.stringify(e).includes('revoked'),
    );
    expect(failures).toHaveLength(3);
  });

  it('a key used from outside its network allowlist is refused and audited though it is cached', async () => {
    const res = await client(t.app, { apiKey: tenant.adminKey }).post('/v1/api-keys', {
      name: 'loopback only',
      roles: ['agent'],
      allowedCidrs: ['127.0.0.1/32'],
    });
    const secret = res.json().secret as string;
    const inside = () =>
      t.app.inject({ method: 'GET', url: '/v1/me', headers: { 'x-api-key': secret }, remoteAddress: '127.0.0.1' });
    const outside = () =>
      t.app.inject({ method: 'GET', url: '/v1/me', headers: { 'x-api-key': secret }, remoteAddress: '10.1.2.3' });
    expect((await inside()).statusCode).toBe(200);
    expect(await statementsOf(async () => expect((await inside()).statusCode).toBe(200))).toEqual([]);
    expect((await outside()).statusCode).toBe(401);
    const failures = (await auditEvents(t.database.db, tenant.tenantId)).filter(
      (e) => e.action === 'auth.failed' && JSON.stringify(e).includes('network_not_allowed'),
    );
    expect(failures).toHaveLength(1);
  });
});

describe('what bounds an entry', () => {
  it('a break-glass grant: the entry ends when the grant does', async () => {
    const supervisor = await mintKey(t.app, tenant.adminKey, ['supervisor']);
    const s = client(t.app, { apiKey: supervisor.secret });
    const contact = (await s.post('/v1/contacts', { name: 'Pat Cache' })).json().id as string;
    const opened = await s.post('/v1/break-glass', {
      resourceType: 'Contact',
      resourceId: contact,
      reason: 'patient unconscious in ED',
      durationMinutes: 5,
    });
    expect(opened.statusCode).toBe(201);
    // The grant is cut to 1.5 s (announced, so the entry is dropped and loaded again with it).
    await sql`update break_glass_grants set expires_at = now() + interval '1500 milliseconds' where actor_id = ${supervisor.id}`.execute(
      t.database.db,
    );
    await t.changeNotices!.caughtUp();
    expect((await s.get('/v1/me')).statusCode).toBe(200);
    expect(await statementsOf(() => s.get('/v1/me'))).toEqual([]); // cached, with the grant
    await new Promise((r) => setTimeout(r, 1600));
    // nothing announced the expiry: the entry ended with the grant, so SQL runs again
    expect((await statementsOf(() => s.get('/v1/me'))).length).toBeGreaterThan(0);
  });
});

describe('a LISTEN connection that drops', () => {
  it('leaves no stale entry: a change whose notice was lost is seen once it reconnects', async () => {
    const key = await mintKey(t.app, tenant.adminKey, ['agent']);
    const agent = client(t.app, { apiKey: key.secret });
    expect((await agent.get('/v1/me')).statusCode).toBe(200);
    expect(await statementsOf(async () => expect((await agent.get('/v1/me')).statusCode).toBe(200))).toEqual([]);

    // Revoke with triggers off (a superuser session in replica mode): no notice is sent, as if
    // it had been lost. The cache still answers for the key, as it would within its TTL.
    await t.database.db.transaction().execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      await tx.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', key.id).execute();
    });
    expect((await agent.get('/v1/me')).statusCode).toBe(200);

    const notices = t.changeNotices!;
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where application_name = 'phidesk-notices' and datname = current_database()`.execute(t.database.db);
    await until(() => !notices.listening);
    // while not listening nothing is served from the cache
    expect((await agent.get('/v1/me')).statusCode).toBe(401);
    await until(() => notices.listening);
    expect((await agent.get('/v1/me')).statusCode).toBe(401);
  });
});

describe("an API key's last-used stamp", () => {
  it('is written when the key is looked up in SQL and more than a minute old, never on a cache hit', async () => {
    const key = await mintKey(t.app, tenant.adminKey, ['agent']);
    const agent = client(t.app, { apiKey: key.secret });
    const lastUsed = async () =>
      (
        await t.database.db
          .selectFrom('api_keys')
          .select('last_used_at')
          .where('id', '=', key.id)
          .executeTakeFirstOrThrow()
      ).last_used_at;
    expect((await agent.get('/v1/me')).statusCode).toBe(200);
    expect(await lastUsed()).not.toBeNull();
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    // the stamp is left out of the notices, so moving it keeps the entry
    await t.database.db.updateTable('api_keys').set({ last_used_at: twoMinutesAgo }).where('id', '=', key.id).execute();
    expect(await statementsOf(() => agent.get('/v1/me'))).toEqual([]);
    expect(await lastUsed()).toEqual(twoMinutesAgo);
    // once the entry ends (here: an announced change), the lookup stamps it again
    await t.database.db.updateTable('api_keys').set({ scopes: [] }).where('id', '=', key.id).execute();
    await t.changeNotices!.caughtUp();
    expect((await agent.get('/v1/me')).statusCode).toBe(200);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });
});
