// Change notices (src/db/change-notices.ts, migration 0012): the database announces every
// change that authentication caches depend on, whoever makes it (here: plain SQL on the
// owner connection, as the CLI or an operator would), with ids only; and a lost LISTEN
// connection makes every subscriber drop everything, before and after it reconnects.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChangeNotices, type ChangeNotice, type ChangeNotices } from '../../src/db/change-notices.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

let database: TestDatabase;
let notices: ChangeNotices;
const received: ChangeNotice[] = [];
let resets = 0;

async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Notices that arrived while `change` ran and the listener caught up. */
async function noticesOf(change: () => Promise<unknown>): Promise<ChangeNotice[]> {
  received.length = 0;
  await change();
  await notices.caughtUp();
  return [...received];
}

let tenantId: string;
let userId: string;
let keyId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  notices = await startChangeNotices({ connectionString: database.url, minBackoffMs: 20 });
  notices.subscribe({ onNotice: (n) => received.push(n), onReset: () => resets++ });
  const db = database.db;
  tenantId = (
    await db
      .insertInto('tenants')
      .values({ slug: 'notices', name: 'Notices' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  userId = (
    await db
      .insertInto('users')
      .values({ tenant_id: tenantId, display_name: 'Nurse', roles: ['agent'] })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  keyId = (
    await db
      .insertInto('api_keys')
      .values({ tenant_id: tenantId, name: 'k', prefix: 'noticesprefix000', secret_hash: Buffer.alloc(32) })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});

afterAll(async () => {
  await notices?.close();
  await database?.drop();
});

describe('the database announces authentication changes', () => {
  it('names the table, the tenant and the row, and nothing else', async () => {
    const db = database.db;
    expect(
      await noticesOf(() =>
        db.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', keyId).execute(),
      ),
    ).toEqual([{ table: 'api_keys', tenantId, id: keyId }]);
    expect(
      await noticesOf(() =>
        db.updateTable('users').set({ sessions_revoked_after: new Date() }).where('id', '=', userId).execute(),
      ),
    ).toEqual([{ table: 'users', tenantId, id: userId }]);
    expect(
      await noticesOf(() =>
        db
          .updateTable('users')
          .set({ roles: ['supervisor'] })
          .where('id', '=', userId)
          .execute(),
      ),
    ).toEqual([{ table: 'users', tenantId, id: userId }]);
    expect(
      await noticesOf(() =>
        db.updateTable('tenants').set({ require_mfa_for_phi: true }).where('id', '=', tenantId).execute(),
      ),
    ).toEqual([{ table: 'tenants', tenantId, id: tenantId }]);
  });

  it('announces group membership by member, break-glass by holder, issuers and keys by tenant', async () => {
    const db = database.db;
    const groupChanges = await noticesOf(async () => {
      const group = await db
        .insertInto('groups')
        .values({ tenant_id: tenantId, name: 'triage' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('group_members')
        .values({ tenant_id: tenantId, group_id: group.id, user_id: userId })
        .execute();
    });
    expect(groupChanges.map((n) => n.table)).toEqual(['groups', 'group_members']);
    expect(groupChanges[1]).toEqual({ table: 'group_members', tenantId, id: userId });

    // the reason column is sealed text; a notice carries ids only, whatever the row holds
    const grant = await noticesOf(() =>
      sql`insert into break_glass_grants (tenant_id, actor_id, actor_kind, resource_type, resource_id, reason, reason_length, expires_at)
        values (${tenantId}, ${userId}, 'user', 'Ticket', ${keyId}, 'reason text, never in a notice', 30, now() + interval '1 minute')`.execute(
        db,
      ),
    );
    expect(grant).toEqual([{ table: 'break_glass_grants', tenantId, id: userId }]);
    expect(JSON.stringify(grant)).not.toContain('reason text');

    const issuer = await noticesOf(() =>
      db
        .insertInto('tenant_issuers')
        .values({
          tenant_id: tenantId,
          issuer: 'https://idp.example/',
          jwks_uri: 'https://idp.example/jwks',
          audience: 'a',
        })
        .execute(),
    );
    expect(issuer).toEqual([expect.objectContaining({ table: 'tenant_issuers', tenantId })]);
    const key = await noticesOf(() =>
      db
        .insertInto('tenant_keys')
        .values({
          tenant_id: tenantId,
          version: 1,
          wrapped: Buffer.from('x'),
          master_key_id: 'm',
          status: 'active',
          created_at: new Date(),
        })
        .execute(),
    );
    expect(key).toEqual([{ table: 'tenant_keys', tenantId, id: tenantId }]);
  });

  it('stays quiet on the stamps written by use, and on rolled-back changes', async () => {
    const db = database.db;
    expect(
      await noticesOf(() =>
        db.updateTable('api_keys').set({ last_used_at: new Date() }).where('id', '=', keyId).execute(),
      ),
    ).toEqual([]);
    expect(
      await noticesOf(() =>
        db.updateTable('users').set({ last_seen_at: new Date() }).where('id', '=', userId).execute(),
      ),
    ).toEqual([]);
    const rolledBack = await noticesOf(() =>
      db
        .transaction()
        .execute(async (tx) => {
          await tx.updateTable('users').set({ status: 'disabled' }).where('id', '=', userId).execute();
          throw new Error('roll back');
        })
        .catch(() => undefined),
    );
    expect(rolledBack).toEqual([]);
  });
});

describe('a lost LISTEN connection', () => {
  it('makes subscribers drop everything when it goes and again when it is back', async () => {
    expect(notices.listening).toBe(true);
    const before = resets;
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where application_name = 'phidesk-notices' and datname = current_database()`.execute(database.db);
    await until(() => resets >= before + 2 && notices.listening);
    // and it hears changes again
    const heard = await noticesOf(() =>
      database.db
        .updateTable('users')
        .set({ roles: ['agent'] })
        .where('id', '=', userId)
        .execute(),
    );
    expect(heard).toEqual([{ table: 'users', tenantId, id: userId }]);
  });
});
