// Acceptance (append-only): the audit tables refuse rewriting twice over. The runtime
// role every request runs as has no privilege to update, delete or truncate them (nor to
// read the inbox or touch the chain heads), and even the table owner is stopped by
// triggers: a rewrite needs the triggers switched off first, which the tamper suite does.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { inTenantTx } from '../../src/db/tenant-tx.js';
import { createAuditInbox } from '../../src/audit/capture/inbox.service.js';
import { sequencePass } from '../../src/audit/chain/sequencer.service.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

let database: TestDatabase;
const tenant = randomUUID();
const other = randomUUID();

const asRuntime = (db: Kysely<Database>, query: string) => inTenantTx(db, tenant, (tx) => sql.raw(query).execute(tx));
const asOwner = (db: Kysely<Database>, query: string) => sql.raw(query).execute(db);

beforeAll(async () => {
  database = await createTestDatabase();
  const port = createAuditInbox(database.db, { addressHashKey: Buffer.alloc(32) });
  for (const t of [tenant, other]) {
    await port.writeDetached(t, { id: 'tester', kind: 'system', authMethod: 'system' }, [
      { action: 'user.read', resourceType: 'User', resourceId: 'a', outcome: 'allowed' },
      { action: 'user.read', resourceType: 'User', resourceId: 'b', outcome: 'allowed' },
    ]);
  }
  await sequencePass(database.db);
  // one more event waiting in each inbox (writes capture there; detached events are chained at once)
  for (const t of [tenant, other]) {
    await database.db
      .transaction()
      .execute((tx) =>
        port.writeInTx(tx, { tenantId: t, id: 'tester', kind: 'system', authMethod: 'system' } as never, [
          { action: 'user.update', resourceType: 'User', resourceId: 'a', outcome: 'allowed' },
        ]),
      );
  }
});
afterAll(async () => database?.drop());

describe('the runtime role (every request transaction)', () => {
  it.each([
    'update audit_events set action = action',
    'delete from audit_events',
    'truncate audit_events',
    'insert into audit_events select * from audit_events limit 0',
    'update audit_inbox set body = body',
    'delete from audit_inbox',
    'truncate audit_inbox',
    'select * from audit_inbox',
    'select * from audit_chain_heads',
    'update audit_chain_heads set seq = 0',
  ])('has no privilege for: %s', async (query) => {
    await expect(asRuntime(database.db, query)).rejects.toThrow(/permission denied/);
  });

  it("reads its own tenant's chain only, and only counts its own pending events", async () => {
    const rows = await inTenantTx(database.db, tenant, (tx) =>
      tx.selectFrom('audit_events').select('tenant_id').execute(),
    );
    expect(rows.map((r) => r.tenant_id)).toEqual([tenant, tenant]);
    const stats = await inTenantTx(database.db, tenant, (tx) =>
      sql<{ pending: number }>`select * from audit_pending_stats()`.execute(tx),
    );
    expect(stats.rows[0]?.pending).toBe(1);
  });
});

describe('the table owner (migrations, the sequencer)', () => {
  it.each([
    ['update audit_events set action = action', /audit_events is append-only \(UPDATE refused\)/],
    ['delete from audit_events', /audit_events is append-only \(DELETE refused\)/],
    ['truncate audit_events', /audit_events is append-only \(TRUNCATE refused\)/],
    ['update audit_inbox set body = body', /audit_inbox is append-only \(UPDATE refused\)/],
    ['truncate audit_inbox', /audit_inbox is append-only \(TRUNCATE refused\)/],
    ['delete from audit_chain_heads', /audit_chain_heads is append-only \(DELETE refused\)/],
    ['truncate audit_chain_heads', /audit_chain_heads is append-only \(TRUNCATE refused\)/],
  ])('is stopped by a trigger: %s', async (query, message) => {
    await expect(asOwner(database.db, query)).rejects.toThrow(message);
  });

  it('keeps every chained event', async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(database.db);
    expect(rows[0]?.n).toBe(4);
  });
});
